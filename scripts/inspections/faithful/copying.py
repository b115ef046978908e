"""Find runs of 8 or more words in our text that are the same as in a source, unquoted.

Our rule: summaries are in our own words; Ofsted's words may be used only in quotation marks.
A run is found by comparing every 8 words in a row of our text with every 8 words in a row of
the source (after :mod:`.words` normalises both); overlapping matches join into one run, and
words inside quotation marks break a run.

Example::

    >>> grams = source_grams("Leaders have built on the early signs of progress seen at the "
    ...                      "last full inspection.")
    >>> [r.text for r in copied_runs("They built on the early signs of progress seen at "
    ...                              "the last inspection.", grams)]
    ['built on the early signs of progress seen at the last']
    >>> copied_runs('They built on "the early signs of progress seen at the" last one.', grams)
    []
"""

from __future__ import annotations

from dataclasses import dataclass

from inspections.faithful.words import Word, report_words, words

RUN = 8  # words in a row that count as copying


@dataclass(frozen=True)
class Run:
    """Copied words: where they are in our text, how many, and the words as we wrote them."""

    start: int
    end: int
    count: int
    text: str


def grams(tokens: list[str], n: int = RUN) -> frozenset[tuple[str, ...]]:
    """Every ``n`` words in a row."""
    return frozenset(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def source_grams(raw: str, n: int = RUN) -> frozenset[tuple[str, ...]]:
    """Every ``n`` words in a row of a source's raw extracted text."""
    return grams(report_words(raw), n)


def copied_runs(text: str, source: frozenset[tuple[str, ...]], n: int = RUN) -> list[Run]:
    """The unquoted runs of ``n`` or more words of ``text`` that are also in ``source``."""
    ours = words(text)
    hit = [False] * len(ours)
    for i in range(len(ours) - n + 1):
        window = ours[i : i + n]
        if not any(w.quoted for w in window) and tuple(w.word for w in window) in source:
            for j in range(i, i + n):
                hit[j] = True
    runs: list[Run] = []
    i = 0
    while i < len(ours):
        if not hit[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(ours) and hit[j + 1]:
            j += 1
        runs.append(_run(text, ours[i : j + 1]))
        i = j + 1
    return runs


def _run(text: str, found: list[Word]) -> Run:
    start, end = found[0].start, found[-1].end
    count = len({(w.start, w.word) for w in found})
    return Run(start, end, count, " ".join(text[start:end].split()))
