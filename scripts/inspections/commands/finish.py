"""Make the few fixes to the built HTML that no template reaches (see inspections/finish.py).

`make site` runs it on build/site.new after `mkdocs build` and before the search index.

Example:
    python -m inspections finish build/site.new
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspections.finish import finish_site


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site_dir", type=Path, help="the built site, e.g. build/site.new")


def run(args: argparse.Namespace) -> int:
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir}: no built site here (no index.html). Run mkdocs build first.")
        return 2
    changed = finish_site(args.site_dir)
    print(f"Finished {changed} pages in {args.site_dir}.")
    return 0
