"""Check every page is plain enough for its readers, and write the plain-language report.

Reads the rules in data/rules/plain-language.yaml, builds every page in memory (nothing is
written to docs/ or site/), checks the hand-written pages in docs/ too, prints the report and
writes it to build/plain-language-report.md (not published). Problems point at the data file
line where the words were written. Exits 1 if there is any error; warnings do not stop it.

Example:
    python -m inspections check
    python -m inspections check --problems-only
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspections.check import RULES_FILE, check_site, load_rules
from inspections.check.report import render
from inspections.commands._options import add_root

REPORT = Path("build/plain-language-report.md")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    parser.add_argument(
        "--rules", type=Path, default=None, help=f"the rules file (default: {RULES_FILE})"
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=None,
        help=f"where to write the report (default: {REPORT} in the project)",
    )
    parser.add_argument(
        "--problems-only",
        action="store_true",
        help="print only the problems, not the table of pages",
    )


def write_report(text: str, path: Path) -> None:
    """Write the report (into build/, which is never published)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    root = args.root
    rules_path = args.rules or root / RULES_FILE
    result = check_site(root, rules_path)
    text = render(result, load_rules(rules_path, str(rules_path)))
    report_path = args.report or root / REPORT
    write_report(text, report_path)
    if args.problems_only:
        print("\n".join(str(f) for f in result.findings) or "No problems.")
    else:
        print(text)
    print(f"Report written to {report_path}")
    return 1 if result.errors else 0
