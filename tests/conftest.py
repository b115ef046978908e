"""Shared test fixtures.

- ``root``: the project folder.
- ``site_data``: the shipped data, loaded and checked once.
- ``built_site``: the shipped site built once with ``mkdocs build --strict`` and its search
  index, into a temporary folder (the real ``site/`` is never touched by tests).
- ``--update-golden``: rewrite golden files instead of comparing against them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from inspections.search import index_site
from sitebuild import build_site

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/* from the current output",
    )


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's data and mkdocs.yml to break (test files may override it)."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture(scope="session")
def site_data():
    from inspections.site import load_site

    return load_site(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built") / "site"
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    from inspections.site import load_site

    index_site(out, load_site(ROOT))  # the search index, as `make site` builds it
    return out
