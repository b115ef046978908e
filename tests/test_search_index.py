"""The search index (Pagefind) that ``make site`` adds to the built site, and what it indexes.

The browser tests (tests/browser/test_search.py) search with it; these check the build side:
which pages are marked for indexing, that the old theme search is gone, and that a failure is
reported in plain words, with the folder, instead of a half-indexed site.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from inspections.search import SearchIndexError, index_site


def test_the_built_site_has_a_search_index_and_no_theme_search(built_site: Path) -> None:
    assert (built_site / "pagefind" / "pagefind.js").is_file()
    assert list((built_site / "pagefind" / "index").glob("*.pf_index"))
    assert not (built_site / "search").exists(), "the theme's search index is still built"
    assert not list(built_site.rglob("search_index.json"))


def test_each_page_marks_its_own_text_for_search_and_the_404_page_is_left_out(
    built_site: Path,
) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        marks = html.count("data-pagefind-body")
        assert marks == (0 if page.name == "404.html" else 1), page
        assert html.count('id="site-search-input"') == 1, page
        young = '<meta name="audience" content="young-people" ' in html
        assert young == ("/young-people/" in page.relative_to(built_site).as_posix()), page
        assert ('data-pagefind-filter="audience[content]"' in html) == young, page
    search_box = (built_site / "index.html").read_text(encoding="utf-8")
    box = search_box.split('<div class="site-search"')[1].split("</form>")[0]
    assert " name=" not in box, "a named box would put the words in the address bar if sent"
    assert "data-pagefind-ignore" in box


def test_a_folder_that_is_not_a_built_site_is_refused_in_plain_words(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="no index.html here. Build the site first"):
        index_site(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "inspections", "search-index", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.startswith(f"{tmp_path}: no index.html here.")
    assert "Traceback" not in done.stderr


def test_pages_without_the_mark_are_refused(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang='en'><title>x</title><main><h1>Derby</h1></main></html>",
        encoding="utf-8",
    )
    with pytest.raises(SearchIndexError, match="no page is marked data-pagefind-body"):
        index_site(tmp_path)
