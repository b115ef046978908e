"""Write the JSON Schema files in data/schema/ from the models (for VS Code's YAML extension).

Run it after changing a model; a test checks the files are up to date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspections.commands._options import add_root
from inspections.models import MODELS
from inspections.schema import schemas

if TYPE_CHECKING:  # argparse is needed only when the command runs, not when the site is built
    import argparse

__all__ = ["schemas", "add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)


def run(args: argparse.Namespace) -> int:
    folder = args.root / "data" / "schema"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
    print(f"Wrote {len(MODELS)} schema files to {folder}")
    return 0
