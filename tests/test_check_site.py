"""The shipped pages pass, well under the limits, and the report says so."""

from __future__ import annotations

import statistics

import pytest

from inspections.check import RULES_FILE, check_pages, load_rules
from inspections.check.report import render
from inspections.pages import build_pages
from tests_check_support import ROOT


@pytest.fixture(scope="module")
def result(site_data):
    rules = load_rules(ROOT / RULES_FILE)
    return check_pages(site_data, build_pages(site_data), ROOT, rules), rules


def test_shipped_pages_have_no_errors(result) -> None:
    res, _ = result
    assert [str(f) for f in res.errors] == []


def test_young_peoples_pages_aim_well_under_the_limit(result) -> None:
    res, _ = result
    grades = [p.grade for p in res.pages if p.audience == "young-people" and p.grade is not None]
    assert grades, "no young people's page is long enough to score"
    assert statistics.median(grades) <= 4


def test_every_data_text_is_found_on_its_page(site_data) -> None:
    from inspections.check.places import PagePlaces

    for path, page in build_pages(site_data).items():
        places = PagePlaces(page.markdown, path, page.texts, ROOT)
        assert places.located == places.expected, path
        assert all(s.positions is not None for s in places.spans), path
        assert all(s.loc is not None for s in places.spans), path


def test_check_rendered_checks_the_pages_given_with_the_rules_file(site_data, result) -> None:
    """The build's one call: the pages it rendered, the project's rules file."""
    from inspections.check import check_rendered

    pages = build_pages(site_data)
    res, _ = result
    again = check_rendered(site_data, pages, ROOT)
    assert [p.path for p in again.pages] == [p.path for p in res.pages]
    assert [(p.words, p.grade) for p in again.pages] == [(p.words, p.grade) for p in res.pages]
    one = {"index.md": pages["index.md"]}
    assert [p.path for p in check_rendered(site_data, one, ROOT).pages][0] == "index.md"


def test_report_has_a_row_per_page(result, site_data) -> None:
    res, rules = result
    text = render(res, rules)
    for path, page in build_pages(site_data).items():
        assert f"| {path} | {page.audience} |" in text
    assert "Every page is within its limits." in text


def test_field_audience_sets_the_sentence_limit(site_data) -> None:
    """A young_people text shown on a page for everyone is held to the young people's limit."""
    from inspections.check.checker import check_page
    from inspections.check.places import Place

    words = " ".join(["word"] * 22) + "."

    class Places:
        def __init__(self, loc):
            self.loc = loc

        def place(self, offset):
            return Place("data/x.yaml", 1, 1)

        def loc_at(self, offset):
            return self.loc

    rules = load_rules(ROOT / RULES_FILE)
    yp = check_page(words, "everyone", "x.md", Places(("terms", "x", "young_people")), rules)
    fam = check_page(words, "everyone", "x.md", Places(("terms", "x", "families")), rules)
    assert [f.rule for f in yp.findings] == ["sentence-length"]
    assert fam.findings == []
