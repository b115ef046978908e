"""The engine step (inspections/engine.py) against the plain path: ``mkdocs build`` in two
parts at once must make the same site as one ``mkdocs build --strict``, and stop, making
nothing, on a broken link in either part."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

URL = re.compile(r"<url>.*?</url>", re.S)

PAGES = {
    "index.md": "# Home\n\n[Areas](areas/index.md)\n",
    "glossary.md": "# Glossary\n\n## Social worker\n\nSomeone who helps families.\n",
    "areas/index.md": "# Areas\n\n- [Barnet](barnet/index.md)\n- [Manchester](manchester/index.md)\n",
    "areas/barnet/index.md": (
        "# Barnet\n\n[Its inspection](2024-06-ilacs/index.md), "
        "[Manchester](../manchester/index.md), [a word](../../glossary.md#social-worker)\n"
    ),
    "areas/barnet/2024-06-ilacs/index.md": "# Barnet, 2024\n\n[Barnet](../index.md)\n",
    "areas/manchester/index.md": (
        "# Manchester\n\n[Barnet](../barnet/index.md), [a word](../../glossary.md#social-worker)\n"
    ),
    "areas/zetland/index.md": "# Zetland\n\n[Home](../../index.md)\n",
}
# As in mkdocs.yml: a menu that lists no area's page, and no plugins (see engine.py).
CONFIG = """\
site_name: Test
site_url: https://example.org/
theme:
  name: mkdocs
strict: true
plugins: []
nav:
  - Home: index.md
  - Areas: areas/index.md
  - Glossary: glossary.md
validation:
  nav:
    omitted_files: ignore
"""


def project(tmp_path: Path, broken: str | None = None) -> Path:
    """A small MkDocs project with areas in both parts; ``broken``: a page given a link to a
    heading that is not there."""
    root = tmp_path / "project"
    for name, text in PAGES.items():
        if name == broken:
            text += "\n[Nowhere](../../glossary.md#no-such-heading)\n"
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG + "validation:\n  anchors: warn\n", encoding="utf-8")
    return root


def engine_build(root: Path, out: Path) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "inspections", "build", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"},
    )
    return done.returncode, done.stdout + done.stderr


def files(site: Path, leave_out: str | None = None) -> dict[str, bytes]:
    found = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    return {
        name: path.read_bytes()
        for name, path in found.items()
        if not (leave_out and name.startswith(leave_out))
    }


def assert_same_site(parted: Path, plain: Path, leave_out: str | None = None) -> None:
    """Every file byte for byte, except the sitemap: the same pages in it (in another order)."""
    a, b = files(parted, leave_out), files(plain, leave_out)
    assert sorted(a) == sorted(b)
    differ = [name for name in a if a[name] != b[name]]
    assert sorted(differ) in ([], ["sitemap.xml"], ["sitemap.xml", "sitemap.xml.gz"])
    first, second = (s / "sitemap.xml" for s in (parted, plain))
    assert sorted(URL.findall(first.read_text())) == sorted(URL.findall(second.read_text()))


def test_the_two_parts_make_the_site_one_build_makes(tmp_path: Path) -> None:
    root = project(tmp_path)
    status, output = engine_build(root, tmp_path / "parted")
    assert status == 0, output
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    plain = tmp_path / "plain"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(plain)],
        cwd=root,
        check=True,
        capture_output=True,
        env=env,
    )
    assert_same_site(tmp_path / "parted", plain)
    # Each part built its own areas: the test would not show much otherwise.
    assert (tmp_path / "parted" / "areas" / "barnet" / "2024-06-ilacs" / "index.html").is_file()
    assert (tmp_path / "parted" / "areas" / "zetland" / "index.html").is_file()
    assert "excluded from the built site" not in output  # expected notes are not shown
    assert not (tmp_path / "parted.parts").exists()


@pytest.mark.parametrize("page", ["areas/barnet/index.md", "areas/manchester/index.md"])
def test_a_broken_link_in_either_part_stops_the_build(tmp_path: Path, page: str) -> None:
    root = project(tmp_path, broken=page)
    status, output = engine_build(root, tmp_path / "out")
    assert status == 1
    assert f"Doc file '{page}' contains a link '../../glossary.md#no-such-heading'" in output
    assert "Aborted with 1 warnings in strict mode" in output
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.parts").exists()


def test_an_existing_site_folder_is_never_built_over(tmp_path: Path) -> None:
    root = project(tmp_path)
    (tmp_path / "out").mkdir()
    status, output = engine_build(root, tmp_path / "out")
    assert status == 2 and "remove it first" in output


def test_the_shipped_site_is_what_one_mkdocs_build_makes(built_site: Path) -> None:
    """At national scale: the session's site (built in two parts, then finished) against one
    plain ``mkdocs build --strict`` of the same generated tree, finished the same way (the
    search index, added to the session's site afterwards, is left out)."""
    from sitebuild import commit_epoch

    work = built_site.parent / (built_site.name + ".work")
    plain = built_site.parent / "plain"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": commit_epoch(ROOT) or ""}
    config = str(work / "mkdocs.yml")
    for step in (
        ["mkdocs", "build", "--strict", "--config-file", config, "--site-dir", str(plain)],
        ["inspections", "finish", str(plain)],
    ):
        done = subprocess.run(
            [sys.executable, "-m", *step], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stdout + done.stderr
    assert_same_site(built_site, plain, leave_out="pagefind/")
