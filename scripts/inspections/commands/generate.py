"""Make the complete content tree the site engine builds (pages, open data, feed, robots.txt).

Loads and checks the data, makes every page, checks the words on every page once (the report
goes to build/plain-language-report.md), then writes the tree (default build/content) and the
theme with its "Get help" boxes (build/theme): only the files whose bytes changed, and it
removes the files that are gone. Every check comes before the first write, so a problem
changes nothing. Never into docs/.

With --places FILE, the search box's list of councils goes to FILE for `search-index --places`.
`make site` (python -m inspections site) runs this step, then the rest: inspections/pipeline.py.

Example:
    python -m inspections generate --out build/content
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspections.commands._options import add_root
from inspections.generate import WordsError, generate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("build/content"),
        help="folder to write the content into (replaced whole; must not be docs/)",
    )
    parser.add_argument(
        "--theme", type=Path, default=None, help="theme folder (default: build/theme beside --out)"
    )
    add_root(parser)
    parser.add_argument(
        "--places", type=Path, default=None, help="write the councils' list for the search index"
    )


def refused(out: Path, root: Path) -> bool:
    """True for docs/, anything in it, and the project folder itself."""
    out, root = out.resolve(), root.resolve()
    return out == root / "docs" or root / "docs" in out.parents or out == root


def run(args: argparse.Namespace) -> int:
    theme = args.theme or args.out.parent / "theme"
    if refused(args.out, args.root) or refused(theme, args.root):
        print(
            f"{args.out}: generated pages must not be written into docs/ or the project "
            "folder. Choose another folder, e.g. --out build/content"
        )
        return 2
    try:
        made = generate(args.root, args.out, theme, places_to=args.places)
    except WordsError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Wrote {made.pages} pages and {len(made.written)} files in all to {args.out}")
    return 0
