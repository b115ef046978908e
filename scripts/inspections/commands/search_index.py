"""Build the search index (Pagefind) for a built site folder, e.g. build/site.new.

``make site`` runs it after ``mkdocs build`` and before the new site replaces site/, so a
failed index leaves the last good site/ in place.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspections.commands._options import add_root
from inspections.places import read_places
from inspections.search import SearchIndexError, index_site

NAME = "search-index"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site_dir", type=Path, help="the built site, e.g. build/site.new")
    add_root(parser, "the project folder the site was built from")
    parser.add_argument(
        "--places",
        type=Path,
        default=None,
        help="the councils' list `generate --places` wrote (default: made again from the data)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        summary = index_site(args.site_dir, _councils(args))
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Search index built in {args.site_dir}/pagefind: {summary}.")
    return 0


def _councils(args: argparse.Namespace):
    if args.places is not None:
        return read_places(args.places)
    from inspections.site import load_site

    return load_site(args.root)
