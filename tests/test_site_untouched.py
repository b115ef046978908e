"""Nothing half-published: when data is broken, the last good site/ stays exactly as it was.

``make site`` generates the content (checking the data first), builds into build/site.new
while the words are checked beside it, and swaps it into site/ only when everything passed;
generation stops before the engine runs, so it never cleans its output folder. These tests
build a temporary copy of the project once, break it in four ways, and compare site/ byte for
byte afterwards.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild import build_site

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
SKIP = {
    ".venv",
    ".git",
    "site",
    "build",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "__pycache__",
}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_site(project: Path) -> subprocess.CompletedProcess:
    """``make site`` in ``project``, using this checkout's virtual environment as it is."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    stamp = VENV / ".installed"
    return subprocess.run(
        ["make", "--no-print-directory", "-o", str(stamp), "site", f"VENV={VENV}"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (VENV / "bin" / "mkdocs").exists() or shutil.which("make") is None:
        pytest.skip("needs `make venv` and make")
    base = tmp_path_factory.mktemp("untouched")
    project = base / "project"
    shutil.copytree(ROOT, project, ignore=lambda _dir, names: [n for n in names if n in SKIP])
    (project / "docs").mkdir(exist_ok=True)
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        (base / "shared").mkdir()
        (base / "shared" / "seeds").symlink_to(seeds)
    first = make_site(project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert (project / "site" / "index.html").is_file()
    return project


@pytest.fixture
def restore(project: Path):
    """Put the data and docs back after each test."""
    saved = {p: p.read_bytes() for p in (project / "data").rglob("*.yaml")}
    docs = {p for p in (project / "docs").rglob("*") if p.is_file()}
    yield
    for extra in (project / "docs").rglob("*"):
        if extra.is_file() and extra not in docs:
            extra.unlink()
    for path, content in saved.items():
        path.write_bytes(content)


def test_broken_data_stops_make_site_and_leaves_site_untouched(project, restore):
    before = snapshot(project / "site")
    target = project / "data" / "inspections" / "derby" / "2022-03-ilacs.yaml"
    target.write_text(target.read_text().replace("kind: short", "kind: short\n\tbad: tab"))

    result = make_site(project)

    assert result.returncode != 0
    assert "data/inspections/derby/2022-03-ilacs.yaml:6:1: This line uses a tab" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before


def test_hostile_text_stops_make_site_and_leaves_site_untouched(project, restore):
    before = snapshot(project / "site")
    target = project / "data" / "inspections" / "derby" / "2022-03-ilacs.yaml"
    text = target.read_text()
    target.write_text(
        text.replace(
            "Ofsted gave Derby the top grade",
            "Ofsted gave Derby <script>alert(1)</script> the top grade",
        )
    )

    result = make_site(project)

    assert result.returncode != 0
    line = next(n for n, t in enumerate(target.read_text().splitlines(), 1) if "<script>" in t)
    assert f"2022-03-ilacs.yaml:{line}:23:" in result.stderr
    assert "Raw HTML (`<script>`)" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before


def test_a_failing_mkdocs_build_leaves_site_untouched(project, restore):
    """Valid data, but the content cannot be made (a hand-written page where a generated page
    goes): generation stops with the file and the fix, and nothing is swapped in."""
    before = snapshot(project / "site")
    (project / "docs" / "glossary.md").write_text("# My own glossary\n")

    result = make_site(project)

    assert result.returncode != 0
    assert "docs/glossary.md:1:1: this hand-written page" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before


def test_generation_stops_before_the_engine_cleans_the_output(project, restore):
    """The build straight into site/ (tests/sitebuild.py, as an editor might run its steps)
    with broken data."""
    before = snapshot(project / "site")
    (project / "data" / "glossary.yaml").write_text("terms: [\n")

    result = build_site(project, project / "site")

    assert result.returncode != 0
    assert "data/glossary.yaml:1:8: A value that starts with `[`" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before


def test_words_not_plain_enough_stop_make_site_and_leave_site_untouched(project, restore):
    """The words check runs beside the engine's build (check-words): its errors still stop
    make site, named as file:line:col, and site/ is not swapped."""
    before = snapshot(project / "site")
    target = project / "data" / "inspections" / "derby" / "2022-03-ilacs.yaml"
    text = target.read_text()
    assert "Ofsted gave Derby the top grade" in text
    target.write_text(text.replace("Ofsted gave Derby", "Ofsted facilitates Derby", 1))

    result = make_site(project)

    assert result.returncode != 0
    line = next(n for n, t in enumerate(target.read_text().splitlines(), 1) if "facilitates" in t)
    assert f"data/inspections/derby/2022-03-ilacs.yaml:{line}:" in result.stderr
    assert "facilitates" in result.stderr
    assert "Some words are not plain enough" in result.stderr
    assert "site/ was not changed: fix the words above." in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before
