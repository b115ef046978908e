"""Check inspection files against their sources: no copied words, every cited paragraph real.

Runs the copy check (`copies`) and the citation check (`citations`) together, reading each
report once: `make test` uses this. Each problem names the file, line and column, and the fix.

Example:
    python -m inspections sources
"""

from __future__ import annotations

import argparse

from inspections.commands.copies import add_arguments as _copies_arguments
from inspections.commands.copies import report
from inspections.faithful.check import run_checks


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _copies_arguments(parser)


def run(args: argparse.Namespace) -> int:
    problems = list(
        run_checks(
            args.root,
            args.files,
            copies=True,
            citations=True,
            shared=args.shared,
            extra=args.report,
        )
    )
    return report(
        problems,
        args,
        "No copied words, and every cited paragraph is in its report.",
    )
