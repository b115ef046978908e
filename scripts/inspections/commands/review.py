"""Print each plain point of an inspection file beside the report's words it cites.

For checking a summary is faithful: every point (for young people and for families) is
printed with the text of the paragraphs its `ref` names ("paragraph 7", "paragraphs 12 to
14", "What needs to improve?"), read from Ofsted's report in ../shared/ofsted/reports/.
Two columns in a wide terminal, one under the other in a narrow one.

Examples:
    python -m inspections review data/inspections/derby/2022-03-ilacs.yaml
    python -m inspections review data/inspections/derby/2022-03-ilacs.yaml --width 80 | less
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from inspections.commands._options import add_root, add_shared
from inspections.faithful.review import load, review
from inspections.faithful.sources import Library


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the inspection file to review")
    parser.add_argument(
        "--width",
        type=int,
        default=None,
        help="characters per line (default: the terminal's width)",
    )
    add_root(parser)
    add_shared(parser)


def run(args: argparse.Namespace) -> int:
    width = args.width or shutil.get_terminal_size((120, 24)).columns
    width = max(40, width)
    doc = load(args.file, args.root)
    try:
        for block in review(doc, Library.beside(args.root, args.shared), width):
            print(block, flush=True)
    except BrokenPipeError:  # the reader closed `less` or `head`: nothing more to show
        sys.stderr.close()
    return 0
