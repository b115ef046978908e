"""Check the words of the pages `generate --words-later FILE` made (make site runs it beside
`mkdocs build`, one on each core, and replaces site/ only when both passed).

Prints each error as file:line:col with what to change, writes the report to
build/plain-language-report.md (never published) and exits 1 if there is any error.

Example:
    python -m inspections check-words build/words-check.pickle
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspections.generate import WordsError, report_words
from inspections.speed import run_saved_check

NAME = "check-words"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("saved", type=Path, help="the file `generate --words-later` wrote")


def run(args: argparse.Namespace) -> int:
    if not args.saved.is_file():
        print(
            f"{args.saved}: no such file. Run `python -m inspections generate --words-later "
            f"{args.saved}` first (make site does both).",
            file=sys.stderr,
        )
        return 2
    result, rules, root = run_saved_check(args.saved)
    try:
        report_words(result, rules, root)
    except WordsError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0
