"""Check every data file and report all problems as file:line:column.

Exits 1 if there is any problem, and writes nothing either way. With ``--format github`` (the
default inside GitHub Actions) each problem is also printed as a GitHub annotation, so it shows
on the changed line of the pull request.
"""

from __future__ import annotations

import argparse

from inspections.annotations import add_format_argument, annotations
from inspections.commands._options import add_root
from inspections.problems import DataError
from inspections.site import load_site


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    try:
        site = load_site(args.root, keep_embargoed=True)  # embargoed files too
    except DataError as exc:
        if getattr(args, "format", "text") == "github":
            print(annotations(exc.problems))
        raise
    print(f"All {len(site.data_files)} data files are valid.")
    return 0
