"""Check every outside link in data/ and docs/ still answers (run weekly, not in the build).

Ofsted's report addresses, sources and council pages are on other sites, which move pages.
This command finds every http(s) address in data/ and docs/, asks each one (a few at a time),
prints each broken one at every file:line:col where it is written, writes a Markdown report
(for the issue the weekly workflow opens) and fails if any link is broken. A site that will
not answer an automatic check is listed to check by hand, without failing.

The site build never runs this check: another site being down must never stop a deploy.
A scheduled GitHub workflow runs it every week (`make check-links`).

Example:

  python -m inspections links --report build/link-report.md
  Checked 14 outside links in data/ and docs/.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspections.commands._options import add_root
from inspections.links import check_all, find_links, report

REPORT = Path("build/link-report.md")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    parser.add_argument(
        "--report",
        type=Path,
        default=None,
        help=f"where to write the Markdown report (default: {REPORT})",
    )
    parser.add_argument(
        "--timeout", type=float, default=20, help="seconds to wait for each site (default: 20)"
    )


def run(args: argparse.Namespace) -> int:
    found = find_links(args.root)
    problems = check_all(found, timeout=args.timeout)
    for url, (kind, what) in sorted(problems.items()):
        for link in found[url]:
            level = "broken link" if kind == "broken" else "check by hand"
            print(f"{link.place()}: {level}: {url} {what}.")
    text = report(found, problems)
    path = args.report or args.root / REPORT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(text.splitlines()[0])
    print(f"Report written to {path}")
    return 1 if any(kind == "broken" for kind, _ in problems.values()) else 0
