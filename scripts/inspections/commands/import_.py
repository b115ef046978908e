"""Draft an inspection file from Ofsted's report (a PDF, or text copied from one).

Reads the report, finds the area, framework, dates, grades, areas for improvement and the
numbered paragraphs, and writes a draft under data/inspections/<area>/ with "Still to write"
placeholders for the plain-language text. It never overwrites a file, and says what it found
and what it could not find (with the line of the draft where to add it).

Example:

    python -m inspections import ~/Downloads/report.pdf
    python -m inspections import report.txt --area derby --out data/inspections/derby/new.yaml
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspections.commands._options import add_root
from inspections.importer import ImportRefused
from inspections.importer.pipeline import import_report

NAME = "import"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("report", type=Path, help="the report: a PDF or a text file")
    parser.add_argument(
        "--area",
        help="the area's file name in data/areas/ (e.g. derby), if "
        "the report's own title does not say",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="where to write the draft (default: "
        "data/inspections/<area>/<YYYY-MM>-<framework>.yaml)",
    )
    add_root(parser)


def run(args: argparse.Namespace) -> int:
    try:
        result = import_report(args.report, args.root, area=args.area, out=args.out)
    except ImportRefused as exc:
        message = str(exc).rstrip(".")
        print(f"Nothing was written. {message}.")
        return 1
    print("Found:")
    for line in result.found:
        print(f"  {line}")
    if result.missing:
        print("Could not find:")
        for line in result.missing:
            print(f"  {line}")
    print(f"\nWrote the draft {result.path}.")
    print(
        f'It has {len(result.placeholders)} "Still to write" placeholders; `make validate` '
        "refuses the file until each is replaced:"
    )
    for line in result.placeholders:
        print(f"  {line}")
    return 0
