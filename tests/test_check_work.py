"""The checker does not do slow work it does not need: counted, not timed.

The national site has about 1,600 pages and 50,000 data texts, and the whole build must stay
fast. Timing belongs in ``make bench``; these tests count the expensive steps on the shipped
site instead, so a change that brings back per-text or per-phrase work fails here. They also
check that the fast ways give the same answers as the plain ones they replace.
"""

from __future__ import annotations

import re

import pytest

from inspections.check import RULES_FILE, check_pages, load_rules, places
from inspections.check import checker as checker_module
from inspections.check.checker import _Finder, _words_pattern, fold
from inspections.pages import build_pages
from tests_check_support import ROOT


class Counter:
    """Wraps a function and counts its calls."""

    def __init__(self, monkeypatch, owner, name: str):
        self.calls = 0
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


@pytest.fixture(scope="module")
def shipped(site_data):
    return site_data, build_pages(site_data), load_rules(ROOT / RULES_FILE)


def test_checking_the_shipped_site_does_only_the_work_it_needs(shipped, monkeypatch) -> None:
    site, pages, rules = shipped
    walks = Counter(monkeypatch, places, "file_offsets")
    plains = Counter(monkeypatch, checker_module, "plain")
    scans = Counter(monkeypatch, _Finder, "finditer")
    result = check_pages(site, pages, ROOT, rules)
    checked = len(result.pages)
    # Data texts are matched to their file lines only to place a problem (there are none).
    assert result.findings == []
    assert walks.calls == 0
    # Each page's Markdown is made plain once, not once per data text on it.
    assert plains.calls == checked
    # Most words to avoid are on no page, so they are not looked for: far fewer scans than
    # pages times phrases (about 140 of them).
    phrases = sum(len(w.avoid) for w in rules.rule("words-to-avoid").words)
    assert scans.calls < checked * phrases / 10, (scans.calls, checked * phrases)


def test_the_check_learns_where_words_came_from_from_the_pages_alone(shipped, monkeypatch) -> None:
    """The renderer records each text's field and printed Markdown; the check renders nothing
    again and never walks the data files to find fields (it reads a file only to place a
    problem to the character, and the shipped site has none)."""
    import inspections.load
    import inspections.validate
    from inspections.render import Renderer

    site, pages, rules = shipped
    renders = Counter(monkeypatch, Renderer, "md")
    walks = Counter(monkeypatch, inspections.validate, "texts")
    reads = Counter(monkeypatch, places, "_file_text")
    starts = Counter(monkeypatch, inspections.load.Document, "text_start")
    result = check_pages(site, pages, ROOT, rules)
    assert result.pages and result.findings == []
    assert (renders.calls, walks.calls, reads.calls, starts.calls) == (0, 0, 0, 0)


def test_data_texts_are_matched_to_their_files_a_run_of_words_at_a_time(shipped, site_data) -> None:
    """Only runs of words with YAML quoting in them are walked one character at a time."""

    _, pages, _ = shipped
    places.SLOW_WALKS = 0
    runs = 0
    for path, page in pages.items():
        for span in places.PagePlaces(page.markdown, path, page.texts, ROOT).spans:
            assert span.positions is not None, span
            runs += len(span.use.text.split())
    assert runs > 1000
    assert places.SLOW_WALKS < runs / 20, (places.SLOW_WALKS, runs)


@pytest.mark.parametrize(
    "phrases",
    [
        ["in a timely manner", "timely"],
        ["children's guardian", "children", "child in need", "CHILD"],
        ["no no", "no"],
        ["care-leaver", "care", "care leaver"],
    ],
)
@pytest.mark.parametrize(
    "words",
    [
        "Help came in a timely   manner, timely and untimely; in a\ntimely way.",
        "The Children’s guardian met the child in need. A child-in-need plan. CHILDREN, children.",
        "no no no. No, no no",
        "A care-leaver, a care leaver and care. Careful, caring, cared.",
        "ſ and ı and İ: Chıld, chİld in need, ſervice, K\u212aelvin",
    ],
)
def test_finder_finds_what_the_regex_finds(phrases: list[str], words: str) -> None:
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(_words_pattern(p) for p in phrases) + r")(?![\w-])", re.IGNORECASE
    )
    expected = [m.span() for m in pattern.finditer(words)]
    assert [m.span() for m in _Finder(phrases).finditer(words, fold(words))] == expected


class _PlainPlaces:
    """A page's places without ``regions``: the checker asks about each word the plain way."""

    def __init__(self, places) -> None:
        self.place, self.loc_at = places.place, places.loc_at


def test_judging_whole_sentences_gives_what_asking_word_by_word_gives(shipped, tmp_path) -> None:
    """:class:`~inspections.check.scope.Scope` the quick way (the places' ``regions``) and the
    plain way, with strict rules so that there is plenty to find: the same reports."""
    from inspections.check.scope import Scope

    site, pages, _ = shipped
    text = (ROOT / RULES_FILE).read_text(encoding="utf-8")
    strict = text
    for before, after in [
        ("limits: {young-people: 20, families: 25, everyone: 25}", "limits: {young-people: 6}"),
        ("limits: {young-people: 14, families: 18, everyone: 18}", "limits: {families: 4}"),
        ("    words:\n", "    words:\n      - {avoid: [children, council, help], use: x}\n"),
    ]:
        assert before in strict
        strict = strict.replace(before, after, 1)
    strict, glossary_rule = re.subn(r"not_required: \[.*\]", "not_required: []", strict)
    assert glossary_rule == 1
    (tmp_path / "rules.yaml").write_text(strict, encoding="utf-8")
    rules = load_rules(tmp_path / "rules.yaml")
    glossary = checker_module.GlossaryForms.from_site(site)
    quick = plain_way = 0
    for path, page in pages.items():
        found = places.PagePlaces(page.markdown, path, page.texts, ROOT)
        slow = _PlainPlaces(found)
        p = checker_module.plain(page.markdown)
        assert Scope(p, found, rules, page.audience).fast
        assert not Scope(p, slow, rules, page.audience).fast
        a = checker_module.check_page(page.markdown, page.audience, path, found, rules, glossary)
        b = checker_module.check_page(page.markdown, page.audience, path, slow, rules, glossary)
        assert a == b, path
        quick += len(a.findings)
        plain_way += sum(1 for f in a.findings if f.rule == "sentence-length")
    assert quick > 1000 and plain_way > 100  # there was plenty to find
