"""Words for comparing our text with a report's: case, punctuation, hyphens, ligatures, curly
quotes and line breaks do not count, and words inside quotation marks are known.

A report's words come through the importer's cleaning (:func:`inspections.importer.text.clean`:
page headers, footers and numbers dropped, curly quotes and ligatures undone) and its joining
of lines (:func:`~inspections.importer.text.join_lines`: ``recom-`` / ``mendations`` mended).
Our words keep their place in the text, so a problem can say where a copied run starts.

Example::

    >>> [w.word for w in words("The ﬁrst [Caseloads](glossary:caseload) were well-being’s")]
    ['the', 'first', 'caseloads', 'were', 'well', 'beings']
    >>> [w.quoted for w in words('He said "stay safe" today')]
    [False, False, True, True, False]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from inspections.importer.text import PAGE, clean, join_lines

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# With hyphens inside words kept: "well-being" is then one word, "wellbeing", as is "well-
# being" mended across a line break. Both readings are compared, so "well being",
# "well-being" and "wellbeing" all match the report, whichever it uses.
_JOINED = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*")
_HYPHENS = str.maketrans("", "", "-‐‑")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_APOSTROPHES = str.maketrans("", "", "'’")


@dataclass(frozen=True)
class Word:
    """A word as compared (``word``), where it is in the text, and whether it is quoted."""

    word: str
    start: int
    end: int
    quoted: bool = False


def norm(word: str) -> str:
    """One word as compared: ligatures undone, lower case, no apostrophes."""
    return unicodedata.normalize("NFKC", word).casefold().translate(_APOSTROPHES)


def mask_markup(text: str) -> str:
    """Markdown link syntax blanked out (same length, so places stay right)."""
    text = _LINK_TARGET.sub(lambda m: " " * len(m.group(0)), text)
    return text.replace("[", " ")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks ("...", “...”, ‘...’ or '...')."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in re.finditer(r"[\"“”]", text):
        ch = m.group(0)
        if opened is None and ch != "”":
            opened = m.end()
        elif opened is not None and ch != "“":
            spans.append((opened, m.start()))
            opened = None
    # Single quotes: an opening one starts a word; a closing one does not come before a letter
    # (so the apostrophes in "children's" and "parents' views" are not taken for quotes).
    for m in re.finditer(
        r"(?:(?<=^)|(?<=[\s(\[]))['‘](?=\w)(.*?)(?<=[\w.,!?])['’](?!\w)", text, re.DOTALL
    ):
        spans.append((m.start(1), m.end(1)))
    return spans


def words(text: str, *, joined: bool = False) -> list[Word]:
    """Our text's words, with their places and whether each is inside quotation marks
    (``joined``: hyphenated words as one word)."""
    spans = quoted_spans(text)
    out = []
    for m in (_JOINED if joined else _WORD).finditer(mask_markup(text)):
        inside = any(a <= m.start() and m.end() <= b for a, b in spans)
        token = m.group(0).translate(_HYPHENS) if joined else m.group(0)
        out += [Word(part, m.start(), m.end(), inside) for part in _split(token)]
    return out


def _split(token: str) -> list[str]:
    # NFKC can turn one character into a space or hyphen-like pieces; split those too.
    return [p for p in re.split(r"[^\w]+", norm(token)) if p]


def report_words(raw: str, *, joined: bool = False) -> list[str]:
    """A report's words, in order, from its raw extracted text (``joined``: hyphenated words
    as one word)."""
    # Joined a group of lines at a time (between blank lines and page breaks): joining the
    # whole report at once would search an ever longer string for each line.
    groups: list[list[str]] = [[]]
    for line in clean(raw):
        if line and line != PAGE:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    text = "\n".join(join_lines(g) for g in groups if g)
    if joined:
        return [p for m in _JOINED.finditer(text) for p in _split(m.group(0).translate(_HYPHENS))]
    return [p for m in _WORD.finditer(text) for p in _split(m.group(0))]
