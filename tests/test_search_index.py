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


def test_a_folder_that_is_not_a_built_site_is_refused_in_plain_words(
    tmp_path: Path, site_data
) -> None:
    with pytest.raises(SearchIndexError, match="no index.html here. Build the site first"):
        index_site(tmp_path, site_data)
    done = subprocess.run(
        [sys.executable, "-m", "inspections", "search-index", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.startswith(f"{tmp_path}: no index.html here.")
    assert "Traceback" not in done.stderr


def test_pages_without_the_mark_are_refused(tmp_path: Path, site_data) -> None:
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang='en'><title>x</title><main><h1>Derby</h1></main></html>",
        encoding="utf-8",
    )
    with pytest.raises(SearchIndexError, match="no page is marked data-pagefind-body"):
        index_site(tmp_path, site_data)


def test_the_councils_list_names_every_council_and_its_pages(built_site: Path, site_data) -> None:
    """The search box looks for councils in pagefind/places.json first: every council is there,
    with its other names, and every address in it is a page of the built site."""
    import json

    listed = json.loads((built_site / "pagefind" / "places.json").read_text(encoding="utf-8"))
    assert sorted(p["n"] for p in listed) == sorted(a.model.name for a in site_data.areas.values())
    derby = next(p for p in listed if p["n"] == "Derby")
    assert derby["area"] == "areas/derby/"
    assert derby["yp"].startswith("areas/derby/") and derby["yp"].endswith("/young-people/")
    assert derby["fam"] == derby["yp"].removesuffix("young-people/")
    assert site_data.areas["derby"].model.council in derby["also"]
    for place in listed:
        for url in (place["area"], place.get("yp"), place.get("fam")):
            assert url is None or (built_site / url / "index.html").is_file(), url


def test_a_councils_list_naming_pages_not_built_is_refused(
    built_site: Path, site_data, tmp_path: Path
) -> None:
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    shutil.rmtree(copy / "areas" / "derby")
    with pytest.raises(SearchIndexError, match="names pages that were not built .*areas/derby/"):
        index_site(copy, site_data)


def test_the_councils_list_generate_writes_is_the_one_made_from_the_data(
    tmp_path: Path, site_data
) -> None:
    """`generate --places` writes the list for `search-index --places` (no second load of the
    data): read back, it is exactly places(site)."""
    from inspections.places import places, read_places, write_places

    written = write_places(places(site_data), tmp_path / "build" / "places.json")
    assert read_places(written) == places(site_data)
    assert len(read_places(written)) == len(site_data.areas)
