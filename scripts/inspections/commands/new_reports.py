"""Find Ofsted reports the site does not have yet, and open one draft pull request for each.

Reads each area's Ofsted provider page (``ofsted_page:`` in data/areas/, or --provider),
keeps the children's services inspection reports that no file in data/inspections/ names,
downloads each PDF, drafts it with the importer (grades and areas for improvement filled in,
"Still to write" for the plain text), and opens a draft pull request for it on a branch
``new-report/<Ofsted file number>``. A report that already has such a branch or pull request
(open or closed) is never proposed again. Without a token (or with --dry-run) it only writes
the drafts under --out.

Example:

    python -m inspections new-reports --dry-run \\
        --provider derby=https://reports.ofsted.gov.uk/provider/44/80449
    GITHUB_TOKEN=... GITHUB_REPOSITORY=owner/name python -m inspections new-reports
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from inspections.commands._options import add_root
from inspections.newreports import run as runner
from inspections.newreports.fetch import Limits
from inspections.newreports.github import GitHub
from inspections.newreports.ofsted import REPORTS, is_provider_page

NAME = "new-reports"
DEFAULT_DAYS = 90


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--provider",
        action="append",
        default=[],
        metavar="[AREA=]URL",
        help="an Ofsted provider page to read as well, optionally with the "
        "area's file name (repeatable)",
    )
    parser.add_argument(
        "--source",
        default=REPORTS,
        metavar="URL",
        help=f"where to read Ofsted's reports site (default {REPORTS})",
    )
    parser.add_argument(
        "--files",
        default=None,
        metavar="URL",
        help="where to download Ofsted's files from (default: their own "
        "address, https://files.ofsted.gov.uk)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("build/new-reports"),
        help="folder for the downloaded reports and drafts",
    )
    parser.add_argument(
        "--since",
        metavar="YYYY-MM-DD",
        help=f"ignore reports published before this day (default: {DEFAULT_DAYS} days ago)",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=5,
        help="open at most this many pull requests in one run (default 5)",
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds to wait for each download (default 30)"
    )
    parser.add_argument(
        "--max-mb",
        type=float,
        default=25.0,
        help="largest PDF to download, in megabytes (default 25)",
    )
    parser.add_argument(
        "--repo",
        default=os.environ.get("GITHUB_REPOSITORY"),
        help="owner/name of the repository (default $GITHUB_REPOSITORY)",
    )
    parser.add_argument(
        "--api",
        default=os.environ.get("GITHUB_API_URL") or "https://api.github.com",
        help="GitHub's API (default $GITHUB_API_URL or https://api.github.com)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="write the drafts, open no pull request"
    )
    add_root(parser)


def _pages(values: list[str]) -> tuple[dict[str, str | None], list[str]]:
    pages: dict[str, str | None] = {}
    problems = []
    for value in values:
        area, _, url = value.rpartition("=") if "=" in value.split("://")[0] else ("", "", value)
        url = url.strip().rstrip("/")
        if not is_provider_page(url):
            problems.append(
                f"--provider {value}: not an Ofsted provider page; write it as "
                f"[AREA=]{REPORTS}/provider/44/<code>"
            )
        pages[url] = area.strip() or None
    return pages, problems


def run(args: argparse.Namespace) -> int:
    pages, problems = _pages(args.provider)
    since = args.since or (dt.date.today() - dt.timedelta(days=DEFAULT_DAYS)).isoformat()
    try:
        dt.date.fromisoformat(since)
    except ValueError:
        problems.append(f"--since {since}: not a day; write it as YYYY-MM-DD")
    token = os.environ.get("GITHUB_TOKEN", "")
    github = None
    if not args.dry_run:
        if not token or not args.repo or "/" not in args.repo:
            problems.append(
                "To open pull requests, set GITHUB_TOKEN and GITHUB_REPOSITORY "
                "(or --repo owner/name); or add --dry-run to only write drafts"
            )
        else:
            github = GitHub(args.api, args.repo, token, timeout=args.timeout)
    if problems:
        print("\n".join(problems))
        return 2
    options = runner.Options(
        root=args.root,
        out=args.out,
        pages=pages,
        since=since,
        limit=args.limit,
        source=None if args.source == REPORTS else args.source,
        files=args.files,
        limits=Limits(args.timeout, int(args.max_mb * 1024 * 1024)),
        github=github,
    )
    outcome = runner.run(options)
    sections = (
        ("Opened", outcome.opened),
        ("Drafted", outcome.drafted),
        ("Left alone", outcome.skipped),
        ("Problems", outcome.problems),
    )
    for title, lines in sections:
        if lines:
            print(f"{title}:")
            print("\n".join(f"  {line}" for line in lines))
    if not (outcome.opened or outcome.drafted or outcome.problems):
        print("No new reports.")
    return 1 if outcome.problems else 0
