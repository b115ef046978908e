"""``make bench``: the speed and weight targets, measured through the project's public commands.

Not part of the installed package (pyproject.toml installs ``inspections`` only): it runs from
the clone, with ``scripts/`` on the path.

- :mod:`bench.targets` holds the targets and the rule that a missed one fails the run;
- :mod:`bench.project` copies the project (real or synthetic data) and times ``make`` in it;
- :mod:`bench.preview` times ``make preview`` until an edit shows;
- :mod:`bench.weight` and :mod:`bench.search` measure first loads and first searches in Chromium;
- :mod:`bench.synthetic` writes a fictional national data set (153 areas);
- :mod:`bench.run` runs it all and prints the table.

Usage::

    PYTHONPATH=scripts python -m bench            # what `make bench` runs
"""
