"""Build the generated tree into a site with MkDocs, on both cores (see inspections/engine.py).

`make site` runs it on build/content (after `generate`) into build/site.new, which must not
exist yet; on a failure MkDocs' messages say why and nothing is made.

Example:
    python -m inspections build build/site.new
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspections.engine import build


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site_dir", type=Path, help="where the site goes, e.g. build/site.new")
    parser.add_argument(
        "--config-file", type=Path, default=Path("mkdocs.yml"), help="MkDocs' settings"
    )


def run(args: argparse.Namespace) -> int:
    if args.site_dir.exists():
        print(f"{args.site_dir} is there already: remove it first (make site does).")
        return 2
    return build(args.site_dir, args.config_file)
