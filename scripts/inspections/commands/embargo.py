"""List the inspections under embargo, and when each goes on the site.

An inspection file with ``embargo_until:`` stays off the site until that moment (UK time).
The build's "now" is the real clock, or INSPECTIONS_NOW when set, e.g.
``INSPECTIONS_NOW="2027-01-14 09:30" make preview`` shows the site as it will be then.

``--lifted-within MINUTES`` prints ``publish=true`` when an embargo ended in the last MINUTES
(else ``publish=false``), for the publishing workflow's scheduled runs: they rebuild the site
only when an embargo has just ended.
"""

from __future__ import annotations

import argparse
import datetime as dt

from inspections import embargo
from inspections.commands._options import add_root
from inspections.models import UK_TIME, parse_uk_time
from inspections.site import load_site


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    parser.add_argument(
        "--lifted-within",
        type=int,
        metavar="MINUTES",
        help="print publish=true if an embargo ended in the last MINUTES, else publish=false",
    )


def run(args: argparse.Namespace) -> int:
    now = embargo.now()
    site = load_site(args.root, keep_embargoed=True)
    ends = sorted(
        (parse_uk_time(e.model.embargo_until), e.path)
        for e in site.inspections.values()
        if e.model.embargo_until
    )
    if args.lifted_within is not None:
        since = now - dt.timedelta(minutes=args.lifted_within)
        due = any(since < end <= now for end, _ in ends)
        print(f"publish={'true' if due else 'false'}")
        return 0
    if not ends:
        print("No inspection is under embargo.")
    for end, path in ends:
        when = end.astimezone(UK_TIME).strftime("%d %B %Y at %H:%M UK time")
        state = "ended on" if end <= now else "off the site until"
        print(f"{path}: {state} {when}")
    return 0
