"""Check every paragraph a finding cites ("paragraph 7", "paragraphs 12 to 14") is in the report.

For each inspection file that cites Ofsted's report (found by its address in
../shared/ofsted/reports/index.csv), every `ref` to that report must name paragraphs the report
has, or one of its headings such as "What needs to improve?". Paragraph numbers are read as the
importer reads them.

Example:
    python -m inspections citations
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspections.annotations import add_format_argument
from inspections.commands._options import add_root, add_shared
from inspections.commands.copies import report
from inspections.faithful.check import run_checks


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="inspection files to check (default: every file in data/inspections/)",
    )
    add_root(parser)
    add_shared(parser)
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    problems = list(
        run_checks(args.root, args.files, copies=False, citations=True, shared=args.shared)
    )
    return report(problems, args, "Every cited paragraph is in its report.")
