"""Compare two built sites (e.g. MkDocs' and Zensical's) and say what differs, in Markdown.

Lists pages one build has and the other has not, and counts the files in both whose bytes
differ (and how many of those differ only in whitespace). For the CI job that builds the
generated content with Zensical, the successor of MkDocs (its summary goes to the job's page).
Exits 0 whatever it finds: it reports, it does not judge.

Example:
    python -m inspections compare-sites site build/zensical-site --out build/engine-diff.md
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

NAME = "compare-sites"
SHOWN = 30  # paths listed in each part; the rest are counted


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("first", type=Path, help="the site built by today's engine, e.g. site")
    parser.add_argument("second", type=Path, help="the other build, e.g. build/zensical-site")
    parser.add_argument("--out", type=Path, default=None, help="also write the report here")


def listing(site: Path) -> dict[str, Path]:
    """Every file in a built site by its path (the search index, made afterwards, left out)."""
    return {
        p.relative_to(site).as_posix(): p
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.relative_to(site).parts[0] != "pagefind"
    }


def compare(first: Path, second: Path) -> str:
    """The report: pages missing or extra in ``second``, and files whose bytes differ."""
    a, b = listing(first), listing(second)
    missing = sorted(set(a) - set(b))
    extra = sorted(set(b) - set(a))
    differ, spacing = [], 0
    for path in sorted(set(a) & set(b)):
        x, y = a[path].read_bytes(), b[path].read_bytes()
        if x != y:
            differ.append(path)
            spacing += re.sub(rb"\s+", b" ", x) == re.sub(rb"\s+", b" ", y)
    pages = sum(1 for p in differ if p.endswith(".html"))
    lines = [
        f"# {first} and {second}",
        "",
        f"- {len(a)} files in {first}, {len(b)} in {second}",
        f"- {len(missing)} missing from {second}, {len(extra)} only in {second}",
        f"- {len(differ)} in both differ ({pages} pages; {spacing} only in whitespace)",
    ]
    for title, paths in (
        ("Missing", missing),
        ("Only in the second", extra),
        ("Differ", differ),
    ):
        if paths:
            lines += ["", f"## {title}", ""] + [f"- `{p}`" for p in paths[:SHOWN]]
            if len(paths) > SHOWN:
                lines.append(f"- and {len(paths) - SHOWN} more")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    report = compare(args.first, args.second)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0
