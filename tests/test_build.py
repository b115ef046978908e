"""End to end: the shipped site builds with ``mkdocs build --strict``, and what it shows is true.

The grade checks read the built HTML: every grade shown anywhere must equal the data, and no
ungraded visit may show a grade.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from inspections.urls import inspection_path
from sitebuild import build_site

ROOT = Path(__file__).resolve().parent.parent


class Page(HTMLParser):
    """The bits of a built page the tests look at.

    Each grade shown is a ``span.grade`` with ``data-inspection``, ``data-judgement`` and
    ``data-grade``. In the compare pages' tables (kept light: a row per council) the inspection
    is named once on its row (``tr``; a cell from another inspection names its own), the
    judgement once on its column's heading (``th``), and the grade by the span's class
    (``grade--KEY``): this reads them from there, so every grade is still checked.
    """

    def __init__(self, html: str):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.lang = ""
        self.grades: list[dict[str, str]] = []
        self.h1 = 0
        self.nav_links: list[str] = []
        self._in_grade = False
        self._nav_depth = 0
        self._columns: list[str] = []  # data-judgement of each heading cell, in a table head
        self._row: dict[str, str] = {}
        self._cell = -1
        self._in_head = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "meta" and "name" in a:
            self.meta[a["name"]] = a.get("content", "")
        if tag == "h1":
            self.h1 += 1
        if tag == "thead":
            self._in_head, self._columns = True, []
        if tag == "tr":
            self._row, self._cell = a, -1
        if tag in ("td", "th"):
            self._cell += 1
            if self._in_head:
                self._columns.append(a.get("data-judgement", ""))
        if tag == "span" and "grade" in a.get("class", "").split():
            classes = [c for c in a["class"].split() if c.startswith("grade--")]
            column = self._columns[self._cell] if 0 <= self._cell < len(self._columns) else ""
            found = {
                "data-inspection": self._row.get("data-inspection", ""),
                "data-judgement": column,
                "data-grade": classes[0].removeprefix("grade--") if classes else "",
            }
            self.grades.append({**found, **a, "text": ""})
            self._in_grade = True
        if tag == "nav" and "md-nav--primary" in a.get("class", ""):
            self._nav_depth = 1
        elif tag == "nav" and self._nav_depth:
            self._nav_depth += 1
        if tag == "a" and self._nav_depth:
            self.nav_links.append(a.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._in_grade = False
        if tag == "thead":
            self._in_head = False
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_grade:
            self.grades[-1]["text"] += data


def read(site: Path, rel: str) -> Page:
    return Page((site / rel).read_text(encoding="utf-8"))


def html_path(docs_path: str) -> str:
    """areas/derby/2022-03-ilacs/index.md -> areas/derby/2022-03-ilacs/index.html, etc."""
    stem = docs_path.removesuffix(".md")
    return stem + ".html" if stem == "index" or stem.endswith("/index") else stem + "/index.html"


def test_strict_build_makes_every_page(built_site: Path, site_data) -> None:
    for rel in [
        "index.html",
        "areas/index.html",
        "areas/derby/index.html",
        "areas/derby/2022-03-ilacs/index.html",
        "areas/derby/2022-03-ilacs/young-people/index.html",
        "grades/index.html",
        "glossary/index.html",
    ]:
        assert (built_site / rel).is_file(), rel
    for key in site_data.inspections:
        for audience in ("families", "young-people"):
            assert (built_site / html_path(inspection_path(key, audience))).is_file()


def test_each_page_declares_its_audience_and_language(built_site: Path, site_data) -> None:
    from inspections.pages import build_pages

    for path, page in build_pages(site_data).items():
        built = read(built_site, html_path(path))
        assert built.meta.get("audience") == page.audience, path
        assert built.lang == "en-GB", path
        assert built.h1 == 1, path


def test_every_grade_shown_equals_the_data(built_site: Path, site_data) -> None:
    shown = 0
    compared = 0  # in the compare pages' tables, read from their rows and columns
    for html in built_site.rglob("*.html"):
        for g in Page(html.read_text(encoding="utf-8")).grades:
            compared += "/compare/" in html.as_posix()
            entry = site_data.inspections[g["data-inspection"]]
            insp = entry.model
            fw = site_data.frameworks[insp.framework].model
            assert fw.kinds[insp.kind].graded, f"{html}: an ungraded visit shows a grade"
            assert insp.judgements.get(g["data-judgement"], "unknown") == g["data-grade"], html
            grade = fw.grades.get(g["data-grade"])
            words = {grade.families, grade.young_people} if grade else {"Not known"}
            assert g["text"] in words, f"{html}: shows {g['text']!r} for {g}"
            shown += 1
    assert shown >= 10  # the pages really do show grades
    assert compared >= len(site_data.areas) // 2  # ...and so do the compare tables


@pytest.mark.parametrize("audience", ["families", "young-people"])
def test_inspection_pages_show_all_their_grades(built_site: Path, site_data, audience) -> None:
    for key, entry in site_data.inspections.items():
        page = read(built_site, html_path(inspection_path(key, audience)))
        shown = {g["data-judgement"]: g["data-grade"] for g in page.grades}
        assert shown == entry.model.judgements, (key, audience)


def test_pages_link_to_each_other_and_the_report(built_site: Path) -> None:
    families = (built_site / "areas/derby/2022-03-ilacs/index.html").read_text(encoding="utf-8")
    young = (built_site / "areas/derby/2022-03-ilacs/young-people/index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="young-people/"' in families
    assert 'href="../"' in young
    # Ofsted's own address for the report (index.csv `ofsted_url`).
    assert 'href="https://files.ofsted.gov.uk/v1/file/50183218"' in families
    assert 'href="https://files.ofsted.gov.uk/v1/file/50183218"' in young


def test_navigation_does_not_list_areas(built_site: Path) -> None:
    nav = read(built_site, "areas/derby/2022-03-ilacs/index.html").nav_links
    assert nav, "the page has a navigation"
    assert not [href for href in nav if "/derby/" in href or href.startswith("derby")]


def test_build_never_writes_into_docs(built_site: Path, site_data) -> None:
    from inspections.pages import build_pages

    for path in build_pages(site_data):
        assert not (ROOT / "docs" / path).exists(), f"docs/{path} was written"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("data", "docs", "scripts"):
        if (ROOT / name).exists():
            shutil.copytree(
                ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__")
            )
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_hand_written_page_is_never_replaced(project: Path, tmp_path: Path) -> None:
    (project / "docs").mkdir(exist_ok=True)
    (project / "docs" / "glossary.md").write_text("# My own glossary\n", encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    output = result.stdout + result.stderr  # MkDocs prints its Abort message on stdout
    assert (
        "docs/glossary.md:1:1: this hand-written page has the same address as a generated page"
        in output
    )
    assert (project / "docs" / "glossary.md").read_text(encoding="utf-8") == "# My own glossary\n"


def test_broken_data_stops_the_build_before_anything_is_written(
    project: Path, tmp_path: Path
) -> None:
    rel = "data/inspections/derby/2022-03-ilacs.yaml"
    path = project / rel
    path.write_text(
        path.read_text(encoding="utf-8").replace("  leaders: outstanding", "  leaders: outstandng"),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = build_site(project, out)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{rel}:" in output and "`outstandng` is not a grade" in output
    assert "Traceback" not in output
    assert not out.exists()


def test_generate_writes_the_whole_content_tree(tmp_path: Path, site_data) -> None:
    """Every generated page and every file in docs/ (copied byte for byte), the open data,
    the feed and robots.txt: all the engine needs, with no hooks."""
    out = tmp_path / "generated"
    result = subprocess.run(
        [sys.executable, "-m", "inspections", "generate", "--out", str(out), "--root", str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    from inspections.pages import build_pages

    docs = {p.relative_to(ROOT / "docs").as_posix(): p for p in (ROOT / "docs").rglob("*.md")}
    assert written == sorted([*build_pages(site_data), *docs])
    for rel, path in docs.items():
        assert (out / rel).read_bytes() == path.read_bytes(), rel
    for rel in ("robots.txt", "feed.xml", "data/inspections.csv", "data/inspections.json"):
        assert (out / rel).is_file(), rel
    assert (tmp_path / "theme" / "partials" / "get-help" / "derby.html").is_file()


def test_generate_refuses_to_write_into_docs() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "inspections",
            "generate",
            "--out",
            str(ROOT / "docs"),
            "--root",
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "must not be written into docs/" in result.stdout


def test_a_broken_anchor_stops_the_build(project: Path, tmp_path: Path) -> None:
    """A link to a heading that is not there fails the strict build (validation: anchors)."""
    page = project / "docs" / "accessibility.md"
    text = page.read_text(encoding="utf-8")
    good = text + "\nSee [how accessible it is](#how-accessible-this-website-is).\n"
    page.write_text(good, encoding="utf-8")
    assert build_site(project, tmp_path / "good").returncode == 0  # a real anchor is fine
    page.write_text(
        text + "\nSee [the missing part](#no-such-heading) and the "
        "[glossary's missing term](glossary.md#no-such-term).\n",
        encoding="utf-8",
    )
    result = build_site(project, tmp_path / "bad")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "'#no-such-heading'" in output and "'glossary.md#no-such-term'" in output
    assert "Aborted with 2 warnings in strict mode" in output


def test_make_site_builds_through_the_engine_step() -> None:
    """`make site` is `python -m inspections site` (inspections/pipeline.py), which builds with
    the engine step (inspections/engine.py), whose MkDocs runs are strict and never quiet:
    `--quiet` drops warnings before strict mode counts them, and tests/test_engine.py shows a
    broken link in either part stops the build. A bare `mkdocs build` there would skip that."""
    import inspect

    from inspections import pipeline

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    site = makefile.split("\nsite:")[1].split("\n\n")[0]
    assert "$(PY) -m inspections site" in site
    assert "mkdocs build" not in site
    steps = inspect.getsource(pipeline.SiteBuild)
    assert "engine.build(" in steps and "mkdocs" not in steps.replace("mkdocs.yml", "")
