"""Build the whole site into site/, as `make site` does: generate, build, finish, search index.

Every check runs first (the data, then the words of every page, beside the engine's build);
site/ is replaced only when every step passed, so it is the last good build or the new one,
never half-built. The steps: scripts/inspections/pipeline.py.

Example:
    python -m inspections site
"""

from __future__ import annotations

import argparse

from inspections.commands._options import add_root
from inspections.pipeline import SiteBuild


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)


def run(args: argparse.Namespace) -> int:
    return SiteBuild(args.root).run()
