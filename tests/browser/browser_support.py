"""What the browser tests share: where the tools are, the states each page is checked in, and
the running figures printed at the end (see conftest.py for the fixtures).

Example::

    >>> [name for name, _, _ in STATES]
    ['light-390', 'dark-390', 'light-1280', 'dark-1280']
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TOOLS = HERE / "node_modules"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
JAVA = shutil.which("java") or "/usr/bin/java"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
    "--mute-audio",
]
# Each page is checked in every one of these states: (name, colour scheme, viewport width).
STATES = [
    ("light-390", "light", 390),
    ("dark-390", "dark", 390),
    ("light-1280", "light", 1280),
    ("dark-1280", "dark", 1280),
]


def need(path: Path | str, what: str) -> None:
    """Skip (or fail, when BROWSER_TESTS=required) if a tool is missing."""
    if Path(path).exists():
        return
    message = f"{what} is missing ({path}): run `make browser-tools chromium`"
    if os.environ.get("BROWSER_TESTS") == "required":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Figures:
    """What the browser tests checked, printed at the end of the run for the report."""

    pages: set[str] = field(default_factory=set)
    built_pages: int = 0  # every page built, of which the tests visit a selection
    page_states: int = 0
    axe_violations: int = 0
    other_host_requests: int = 0
    requests: int = 0
    storage_items: int = 0
    cookies: int = 0
    html_files: int = 0
    html_errors: int = -1  # -1 until the HTML check has run


FIGURES = Figures()


def exit_url(root: Path) -> str:
    """Where "Exit this page" goes, as set in mkdocs.yml (``extra: exit_this_page: url:``)."""
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["extra"]["exit_this_page"]["url"]
