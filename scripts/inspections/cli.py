"""``python -m inspections <command>``: every module in :mod:`inspections.commands` is a command.

Each command module has a docstring (its first line is the help), ``add_arguments(parser)`` and
``run(args) -> int``. Data problems are printed as ``file:line:col`` lines, never a traceback.

Example::

    $ python -m inspections validate
    All 9 data files are valid.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from inspections import commands
from inspections.problems import DataError


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with ``command`` (as typed: ``new-reports``), of that
    one alone when a module of its name exists: ``validate`` then imports what it needs, not
    every other command (about 0.17 s of its 1 s budget)."""
    names = [m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]
    if command is not None and command.replace("-", "_") in names:
        names = [command.replace("-", "_")]
    main = argparse.ArgumentParser(
        prog="python -m inspections",
        description="Check and build the Inspections explained site from the files in data/.",
    )
    sub = main.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in sorted(names):
        module = importlib.import_module(f"{commands.__name__}.{module_name}")
        doc = (module.__doc__ or "").strip()
        name = getattr(module, "NAME", module_name.replace("_", "-"))
        p = sub.add_parser(
            name,
            help=doc.splitlines()[0] if doc else "",
            description=doc,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    return main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser(argv[0] if argv else None).parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
