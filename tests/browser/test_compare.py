"""Compare areas: the full table without JavaScript; filter and sort with it; keyboard use;
and the theme script and search library stay off the first load (checked in real Chromium).

The pages come from a small synthetic project (14 fictional areas, several regions), built
once for this module. The browser is the one shared by every browser test (conftest.py):
Playwright's sync API can only run one instance per process.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inspections import national
from inspections.bench.synthetic import make_project
from inspections.bench.weight import serve
from inspections.search import index_site
from inspections.site import load_site
from sitebuild import build_site


@pytest.fixture(scope="module")
def project(tmp_path_factory, root) -> Path:
    out = tmp_path_factory.mktemp("compare") / "project"
    make_project(out, root, areas=14, seed=11)
    # The build checks plain language with the project's rules, which the synthetic project
    # does not bring. Its made-up text is not what these tests are about, so the shipped rules
    # are added with every error turned into a warning (reported, never stopping the build).
    rules = out / "data" / "rules" / "plain-language.yaml"
    if not rules.exists():
        rules.parent.mkdir(parents=True, exist_ok=True)
        shipped = (root / "data" / "rules" / "plain-language.yaml").read_text(encoding="utf-8")
        rules.write_text(shipped.replace("level: error", "level: warning"), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def site_dir(project) -> Path:
    out = project.parent / "site"
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    index_site(out, load_site(project))
    return out


def _rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-compare-table] tbody tr:not([hidden]) th", "els => els.map(e => e.textContent)")


def test_full_table_without_javascript(browser, site_dir, project):
    site = load_site(project)
    ctx = browser.new_context(java_script_enabled=False)
    with serve(site_dir) as base:
        page = ctx.new_page()
        page.goto(base + "compare/")
        names = _rows(page)
        assert names == sorted((a.model.name for a in site.areas.values()), key=str.casefold)
        fw = national.default_framework(site)
        latest = national.latest_under(site, fw)
        missing = [a.model.name for k, a in site.areas.items() if k not in latest]
        for name in missing:
            # Each row is headed by the area's name (a link to the area's page).
            row = page.locator("tbody tr").filter(
                has=page.get_by_role("rowheader", name=name, exact=True))
            assert "Not yet inspected under this framework" in row.inner_text()
        assert page.locator("select").count() == 0  # the filter is added by the script
        assert page.locator("caption").count() == 1
        # The wide table scrolls in its own named box that keyboard users can reach.
        box = page.get_by_role("region", name=page.locator("caption").inner_text())
        assert box.get_attribute("tabindex") == "0" and box.locator("table").count() == 1
        assert page.locator("thead th[scope=col]").count() >= 4
    ctx.close()


def test_filter_by_region_and_sort_with_the_keyboard(browser, site_dir, project):
    site = load_site(project)
    ctx = browser.new_context()
    with serve(site_dir) as base:
        page = ctx.new_page()
        page.goto(base + "compare/")
        region = sorted({a.model.region for a in site.areas.values()})[0]
        page.get_by_label("Show areas in").select_option(region)
        expected = sorted((a.model.name for a in site.areas.values()
                           if a.model.region == region), key=str.casefold)
        assert _rows(page) == expected
        status = page.locator("[data-compare-status]")
        assert status.get_attribute("role") == "status"
        assert status.inner_text().startswith(f"{len(expected)} area")
        page.get_by_label("Show areas in").select_option("")
        # Sort by the first grade column using only the keyboard.
        button = page.locator("thead th").nth(3).locator("button")
        button.focus()
        page.keyboard.press("Enter")
        header = page.locator("thead th").nth(3)
        assert header.get_attribute("aria-sort") == "ascending"
        ranks = page.eval_on_selector_all(
            "tbody tr td:nth-of-type(3)", "els => els.map(e => Number(e.dataset.sort))")
        assert ranks == sorted(ranks)
        assert "best first" in status.inner_text()
        page.keyboard.press("Enter")
        assert header.get_attribute("aria-sort") == "descending"
        ranks = page.eval_on_selector_all(
            "tbody tr td:nth-of-type(3)", "els => els.map(e => Number(e.dataset.sort))")
        inspected = [r for r in ranks if r != 99]
        assert inspected == sorted(inspected, reverse=True) and ranks[len(inspected):] == \
            [99] * (len(ranks) - len(inspected))
    ctx.close()


def test_young_peoples_version_is_simpler(site_dir):
    html = (site_dir / "compare" / "young-people" / "index.html").read_text()
    assert "<table" not in re.sub(r"<nav.*?</nav>", "", html, flags=re.S).split("md-content")[1]
    assert "This page is for young people" in html


def test_first_load_skips_theme_script_and_search_but_search_works_on_use(browser, site_dir):
    ctx = browser.new_context()
    fetched: list[str] = []
    ctx.on("request", lambda r: fetched.append(r.url))
    with serve(site_dir) as base:
        page = ctx.new_page()
        page.goto(base + "compare/", wait_until="networkidle")
        page.wait_for_timeout(500)
        assert not any("/pagefind/" in u or "bundle." in u for u in fetched), fetched
        query = page.locator("#site-search-input")
        query.click()  # the reader starts to use search: Pagefind loads now, the theme does not
        query.fill("care")
        page.wait_for_selector(".site-search__results a", timeout=15000)
        assert any(u.endswith("/pagefind/pagefind.js") for u in fetched)
        assert not any("bundle." in u for u in fetched), "the search box needs no theme script"
    ctx.close()
