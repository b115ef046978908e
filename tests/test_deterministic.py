"""Two builds of the same commit give byte-identical sites, and no build uses today's date.

The builds differ in everything that should not matter: the folder they are written to, the
time zone, Python's hash seed (which changes the order of sets), and whether
SOURCE_DATE_EPOCH comes from ``make`` or from the build itself.
"""

from __future__ import annotations

import gzip
import os
import re
import struct
import subprocess
from pathlib import Path

from inspections.search import index_site
from inspections.site import load_site
from project_copy import copy_project
from sitebuild import build_site

ROOT = Path(__file__).resolve().parent.parent


def build(project: Path, out: Path, **env: str) -> None:
    """``make site``'s steps (tests/sitebuild.py), without SOURCE_DATE_EPOCH unless given."""
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        result = build_site(project, out, **env)
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    assert result.returncode == 0, result.stdout + result.stderr


def files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path) -> None:
    epoch = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    first, second = tmp_path / "a", tmp_path / "second-build" / "site"
    build(ROOT, first, SOURCE_DATE_EPOCH=epoch, PYTHONHASHSEED="1", TZ="UTC")
    # No SOURCE_DATE_EPOCH: the build takes it from the commit itself, as `make site` does.
    build(ROOT, second, PYTHONHASHSEED="2", TZ="Pacific/Auckland")
    data = load_site(ROOT)
    index_site(first, data)  # the search index, as `make site` adds it
    index_site(second, data)
    a, b = files(first), files(second)
    assert len(a) > 20 and "sitemap.xml.gz" in a and "robots.txt" in a
    assert "pagefind/pagefind-entry.json" in a
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []


def test_the_build_dates_come_from_the_commit_not_today(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    git = ["git", "-C", str(project), "-c", "user.name=Test", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    when = "2020-02-03T12:00:00+00:00"
    subprocess.run(
        [*git, "commit", "-q", "-m", "old commit"],
        check=True,
        env={**os.environ, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when},
    )
    out = tmp_path / "site"
    build(project, out)
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {"2020-02-03"}
    raw = (out / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(raw).decode("utf-8") == sitemap
    (mtime,) = struct.unpack("<I", raw[4:8])  # the gzip header's timestamp
    assert mtime == 1580688000  # 2020-02-03 00:00 UTC
