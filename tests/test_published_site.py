"""What publishing needs, all made from one setting (site_url): sitemap, canonical links,
robots.txt and the 404 page; and the edit links on every page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import build_site

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://inspections.test/explained/"
EDIT_URI = "https://github.com/test-owner/test-repo/edit/main/docs/"
EDIT_ROOT = "https://github.com/test-owner/test-repo/edit/main/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("published") / "site"
    result = build_site(ROOT, out, SITE_URL=SITE_URL, EDIT_URI=EDIT_URI)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html"))]


def test_robots_txt_points_at_the_sitemap(site: Path) -> None:
    assert (site / "robots.txt").read_text() == (
        "# Inspections explained: every page may be read and indexed.\n"
        "User-agent: *\nAllow: /\n\n"
        f"Sitemap: {SITE_URL}sitemap.xml\n"
    )


def test_every_page_has_a_canonical_link_and_is_in_the_sitemap(site: Path) -> None:
    sitemap = set(re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text()))
    found = set()
    for page in pages(site):
        folder = page.parent.relative_to(site).as_posix()
        expected = SITE_URL + ("" if folder == "." else folder + "/")
        links = re.findall(r'<link rel="canonical" href="([^"]*)">', page.read_text())
        assert links == [expected], page
        found.add(expected)
    assert len(found) >= 8
    assert found == sitemap


def test_the_404_page_helps_each_audience_and_its_links_work_anywhere(site: Path) -> None:
    html = (site / "404.html").read_text()
    assert "<title>Page not found - Inspections explained</title>" in html
    assert ">If you are a young person</h2>" in html
    assert ">For families and everyone else</h2>" in html
    ours = html[html.index("Sorry, we cannot find that page") :]
    ours = ours[: ours.index("</article>")] if "</article>" in ours else ours
    links = re.findall(r'href="([^"]*)"', ours)
    assert links and all(link.startswith("/explained/") for link in links), links
    for link in links:  # each one is a real page of the site
        assert (site / link.removeprefix("/explained/") / "index.html").exists(), link


def test_hand_written_pages_link_to_the_web_editor(site: Path) -> None:
    html = (site / "guide" / "index.html").read_text()
    assert f'<p class="edit-link"><a href="{EDIT_URI}guide/index.md">Edit this page</a></p>' in html


@pytest.mark.parametrize(
    "page",
    ["areas/derby/2022-03-ilacs/index.html", "areas/derby/index.html", "glossary/index.html"],
)
def test_generated_pages_link_to_their_data_file(site: Path, page: str) -> None:
    html = (site / page).read_text()
    match = re.search(
        r'<p class="edit-link">This page is made from the data file '
        r'<a href="([^"]*)">([^<]*)</a>',
        html,
    )
    assert match, page
    assert match[1] == EDIT_ROOT + match[2]
    assert (ROOT / match[2]).is_file()
    assert "Edit this page" not in html


@pytest.mark.parametrize(
    "page",
    [
        "areas/derby/2022-03-ilacs/young-people/index.html",
        "about/young-people/index.html",
        "safety/young-people/index.html",
    ],
)
def test_young_peoples_pages_have_no_developer_footer(site: Path, page: str) -> None:
    html = (site / page).read_text()
    assert 'class="edit-link"' not in html, page
    assert "made from the data file" not in html and "Edit this page" not in html


def test_pages_without_a_data_file_have_no_edit_link(site: Path) -> None:
    # The home page is made from several files (counts), so there is no one file to edit.
    assert 'class="edit-link"' not in (site / "index.html").read_text()


def test_no_page_asks_github_for_anything(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert "api.github.com" not in html and 'class="md-source"' not in html, page
