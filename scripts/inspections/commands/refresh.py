"""Build or update every council's area file and every inspection file from Ofsted's data.

Reads Ofsted's official statistics (the .ods releases) and its reports (PDFs with index.csv),
then writes what is new, updates facts in files refresh made, and only fills gaps in files a
person wrote. Text people write (summaries, findings, contacts, notes) is never changed. Run it
again with the same inputs and nothing changes. It prints what it added, changed and could
not decide, then checks the data as `validate` does.

Example:

    python -m inspections refresh
    python -m inspections refresh --statistics ../shared/ofsted/statistics --reports ../shared/ofsted/reports
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspections.commands._options import add_root
from inspections.problems import DataError

DEFAULT = Path("..") / "shared" / "ofsted"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--statistics",
        type=Path,
        default=DEFAULT / "statistics",
        help="the folder with Ofsted's statistics (.ods files)",
    )
    parser.add_argument(
        "--reports",
        type=Path,
        default=DEFAULT / "reports",
        help="the folder with Ofsted's reports (index.csv and the PDFs)",
    )
    add_root(parser)
    parser.add_argument("--areas", help="only these areas, e.g. derby,derbyshire")
    parser.add_argument(
        "--no-pdfs",
        action="store_true",
        help="do not read the PDFs (link them, but take facts from the statistics only)",
    )


def run(args: argparse.Namespace) -> int:
    from inspections.refresh.run import refresh
    from inspections.refresh.statistics import StatisticsUnreadable
    from inspections.site import load_site

    only = {a.strip() for a in args.areas.split(",")} if args.areas else None
    try:
        log = refresh(args.root, args.statistics, args.reports, only, not args.no_pdfs)
    except StatisticsUnreadable as exc:
        print(
            f"{exc}. Nothing was changed. Check the file is one of Ofsted's statistics "
            "releases (.ods), as described in ../shared/ofsted/README.md.",
            file=sys.stderr,
        )
        return 1
    print("\n".join(log.lines()))
    try:
        load_site(args.root)
    except DataError as exc:
        print("\nThe data now has problems to fix before the site can be built:", file=sys.stderr)
        print(exc.report(), file=sys.stderr)
        return 1
    return 0
