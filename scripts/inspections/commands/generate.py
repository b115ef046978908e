"""Write the generated Markdown pages to a folder, to read or review them.

The site build never needs this: MkDocs gets the pages straight from memory.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from inspections.pages import build_pages
from inspections.site import load_site


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="folder to write into (emptied first; must not be docs/)",
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder")


def run(args: argparse.Namespace) -> int:
    out, root = args.out.resolve(), args.root.resolve()
    if out == (root / "docs") or root / "docs" in out.parents or out == root:
        print(
            f"{args.out}: generated pages must not be written into docs/ or the project "
            "folder. Choose another folder, e.g. --out build/generated"
        )
        return 2
    pages = build_pages(load_site(root))
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for path, page in pages.items():
        target = tmp / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    print(f"Wrote {len(pages)} pages to {args.out}")
    return 0
