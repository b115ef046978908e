"""The options many commands share, each written once: where the project is, and where the
shared folder of Ofsted's reports and the seeds is.

Example::

    def add_arguments(parser):
        add_root(parser)
        add_shared(parser)
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_root(
    parser: argparse.ArgumentParser,
    help: str = "the project folder (default: the current folder)",
) -> None:
    """``--root``: the project folder, the current one unless told."""
    parser.add_argument("--root", type=Path, default=Path("."), help=help)


def add_shared(parser: argparse.ArgumentParser) -> None:
    """``--shared``: the folder with ofsted/reports/ and seeds/, ../shared beside the project
    unless told (each command resolves the default from ``--root``)."""
    parser.add_argument(
        "--shared",
        type=Path,
        default=None,
        help="the shared folder with ofsted/reports/ and seeds/ (default: ../shared beside the "
        "project)",
    )
