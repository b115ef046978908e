"""Young people's pages: "Who you can talk to" near the top, hard words explained where they
first appear, no words that frighten or blame, and the wording kept as data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inspections.pages import build_pages
from inspections.site import load_site

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
MUST = [
    "## Who you can talk to",
    "social worker or personal adviser",
    "independent reviewing officer",
    "An advocate",
    "Childline",
    "0800 1111",
    "Help at Hand",
    "0800 528 0731",
    "If this is not how it feels for you, tell someone.",
]


@pytest.fixture(scope="module")
def pages(site_data):
    return build_pages(site_data)


def young_peoples_pages(site_data, pages):
    paths = [f"areas/{key}/young-people.md" for key in site_data.inspections]
    paths += [f"areas/{key}/index.md" for key in site_data.areas]
    paths += ["about/young-people.md", "compare/young-people.md"]
    return {p: pages[p].markdown for p in paths}


def test_every_young_peoples_page_says_who_you_can_talk_to(site_data, pages):
    for path, page in young_peoples_pages(site_data, pages).items():
        for words in MUST:
            assert words in page, (path, words)
        assert '<a href="tel:+448005280731">0800 528 0731</a>' in page, path


def test_it_comes_before_the_findings(site_data, pages):
    for key in site_data.inspections:
        page = pages[f"areas/{key}/young-people.md"].markdown
        assert page.index("## Who you can talk to") < page.index("## What they found"), key


def test_the_councils_own_services_are_shown_where_a_source_gives_them(pages):
    derby = pages["areas/derby/2022-03-ilacs/young-people.md"].markdown
    assert "This council also has:" in derby
    assert "Our Voice, Our Success" in derby and "local offer for care leavers" in derby
    shire = pages["areas/derbyshire/index.md"].markdown
    assert "first generation" in shire and "local offer" not in shire


def test_the_wording_is_data(project: Path):
    path = project / "data" / "helplines.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "If this is not how it feels for you, tell someone.",
            "Tell someone if it does not feel like this.",
        ),
        encoding="utf-8",
    )
    page = build_pages(load_site(project, seeds=SEEDS))["about/young-people.md"].markdown
    assert "Tell someone if it does not feel like this." in page


def test_council_inspector_and_leaders_are_explained_where_they_first_appear(site_data, pages):
    for key in site_data.inspections:
        page = pages[f"areas/{key}/young-people.md"].markdown
        body = page.split("\n---\n", 1)[1]
        for word, anchor in (
            ("council", "council"),
            ("inspector", "inspector"),
            ("leader", "leaders"),
        ):
            first = re.search(rf"\b{word}s?\b", body, re.IGNORECASE)
            assert first, (key, word)
            link = re.search(rf"\[{word}s?\]\([^)]*glossary\.md#{anchor}\)", body, re.IGNORECASE)
            assert link and link.start() <= first.start() + 1, (key, word)


def test_young_peoples_pages_speak_to_you_and_do_not_frighten(site_data, pages):
    for key in site_data.inspections:
        page = pages[f"areas/{key}/young-people.md"].markdown
        assert "This page is for you" in page, key
        for phrase in ("far away", "have to move", "your fault"):
            assert phrase not in page, (key, phrase)
