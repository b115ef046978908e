"""Check the words of the pages make site's generate step sends (make site runs it beside the
engine's build: see inspections/pipeline.py; you do not need to run it yourself).

Reads what to check from standard input (``-``) or a file, prints each error as file:line:col
with what to change, writes the report to build/plain-language-report.md (never published)
and exits 1 if there is any error. To check every page yourself: python -m inspections check.

Example:
    python -m inspections check-words -
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspections.pipeline import check_saved

NAME = "check-words"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("saved", help="`-` (standard input, as make site sends it) or a file")


def run(args: argparse.Namespace) -> int:
    if args.saved == "-":
        return check_saved(sys.stdin.buffer)
    saved = Path(args.saved)
    if not saved.is_file():
        print(f"{saved}: no such file. make site runs this check itself.", file=sys.stderr)
        return 2
    with saved.open("rb") as source:
        return check_saved(source)
