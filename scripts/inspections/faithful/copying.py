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

from inspections.faithful.words import report_words, words

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
    """Every ``n`` words in a row of a source's raw extracted text, read both with hyphens
    splitting words and with hyphenated words whole (see :mod:`.words`)."""
    return grams(report_words(raw), n) | grams(report_words(raw, joined=True), n)


def copied_runs(text: str, source: frozenset[tuple[str, ...]], n: int = RUN) -> list[Run]:
    """The unquoted runs of ``n`` or more words of ``text`` that are also in ``source``."""
    spans: list[tuple[int, int]] = []
    for joined in (False, True):
        ours = words(text, joined=joined)
        for i in range(len(ours) - n + 1):
            window = ours[i : i + n]
            if not any(w.quoted for w in window) and tuple(w.word for w in window) in source:
                spans.append((window[0].start, window[-1].end))
    runs: list[Run] = []
    split = words(text)
    for start, end in _merged(spans):
        count = sum(1 for w in split if start <= w.start and w.end <= end)
        runs.append(Run(start, end, count, " ".join(text[start:end].split())))
    return runs


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching character ranges joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
