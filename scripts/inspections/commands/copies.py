"""Check no plain text copies 8 or more words in a row from a source without quotation marks.

Reads every document each inspection file cites that is on this computer: Ofsted's reports
(found by their address in ../shared/ofsted/reports/index.csv) and the seeds. Each problem
names the file, line and column, the copied words and the fix. With --report, also compares
with a report that is not in ../shared (for example a new PDF from Ofsted's website).

Examples:
    python -m inspections copies
    python -m inspections copies data/inspections/derby/2025-05-ilacs.yaml --report new.pdf
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspections.annotations import add_format_argument, annotations
from inspections.commands._options import add_root, add_shared
from inspections.faithful.check import run_checks


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="inspection files to check (default: every file in data/inspections/)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="also compare with this report (PDF or text); may be repeated",
    )
    add_root(parser)
    add_shared(parser)
    add_format_argument(parser)


def report(problems: list, args: argparse.Namespace, what: str) -> int:
    """Print every problem at once (plain lines, or GitHub annotations too), or say all is well."""
    found = sorted(set(problems))
    if found:
        if getattr(args, "format", "text") == "github":
            print(annotations(found))
        noun = "problem" if len(found) == 1 else "problems"
        print("\n".join(map(str, found)) + f"\n\nFound {len(found)} {noun}.", file=sys.stderr)
        return 1
    print(what)
    return 0


def run(args: argparse.Namespace) -> int:
    problems = list(
        run_checks(
            args.root,
            args.files,
            copies=True,
            citations=False,
            shared=args.shared,
            extra=args.report,
        )
    )
    return report(
        problems,
        args,
        "No copied words found: every run of 8 or more words from a source is in quotation marks.",
    )
