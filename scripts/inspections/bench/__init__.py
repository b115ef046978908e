"""Benchmark tools: synthetic national data and ``make bench``.

- :mod:`inspections.bench.synthetic` writes a fictional project with 153 areas.
- :mod:`inspections.bench.weight` measures what a real browser fetches on first load.
- :mod:`inspections.bench.run` validates, generates and builds it, and prints the targets.

Usage::

    python -m inspections.bench.run            # what `make bench` runs
"""
