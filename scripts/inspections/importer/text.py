"""Clean the noise PDF text extraction leaves in an Ofsted report, line by line.

What we undo, as seen in the seed report ``../shared/seeds/002_ac570c76320a66fd.txt``:

- bullets read as stray letters or symbols (``B``, ``m``, ``e``, ``®``, ``•``) -> ``• ``;
- paragraph numbers read as ``44,`` instead of ``44.``, or bunched on one line (``17. 18.``);
- ``@`` for the word ``a``; curly quotes and odd spaces;
- page numbers, and page headers and footers (lines repeated on many pages);
- page breaks: a form feed (from our PDF reader) or, in text extracted elsewhere, a line
  starting with one space. Pages become a :data:`PAGE` line so paragraphs can be rejoined.

Hyphenated words split across lines are rejoined later, when lines become paragraphs
(:func:`join_lines`), because only then do we know the two halves belong together.

Example::

    >>> clean("B Access to life-story work.\\n\\n44, Children in care\\nlive @ long way off.")
    ['• Access to life-story work.', '', '44. Children in care', 'live a long way off.']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from inspections import syllables

PAGE = "\f"
BULLET = "• "
_BULLET_SYMBOLS = "•●▪■◦○▫□➢➤►✓✔\uf0b7\uf0a7\uf0d8"
_BULLET_LETTERS = "BmeoO®©§¢«>*-–"
_BULLET = re.compile(
    rf"^(?:[{re.escape(_BULLET_SYMBOLS)}]\s*|[{re.escape(_BULLET_LETTERS)}]\s+(?=[A-Z0-9'\"(]))")
_NUMBER = re.compile(r"^(\d{1,3})[.,](?=\s|$)\s*")
_BUNCHED = re.compile(r"^(?:\d{1,3}[.,]\s*){2,}$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "\u00a0": " ",
                         "\u2009": " ", "\u200b": "", "\u00ad": ""})


def normalise(raw: str) -> str:
    """Unicode and line-ending clean-up: ligatures, curly quotes, odd spaces."""
    text = unicodedata.normalize("NFKC", raw).translate(_QUOTES)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def pages(raw: str) -> list[list[str]]:
    """The text split into pages of lines (stripped)."""
    text = normalise(raw)
    if PAGE in text:
        chunks = text.split(PAGE)
    else:
        # Text from another extractor: a page starts with a line indented by one space.
        chunks, current = [], []
        for line in text.split("\n"):
            if re.match(r"^ \S", line) and current:
                chunks.append("\n".join(current))
                current = []
            current.append(line)
        chunks.append("\n".join(current))
    return [[re.sub(r"[ \t]{2,}", " ", line.strip()) for line in chunk.split("\n")]
            for chunk in chunks]


def repeated_lines(page_lines: list[list[str]]) -> set[str]:
    """Page headers and footers: lines of two words or more found on three pages or more."""
    counts = Counter(line for lines in page_lines for line in set(lines)
                     if len(line.split()) >= 2 and not _NUMBER.match(line))
    return {line for line, n in counts.items() if n >= 3}


def clean(raw: str) -> list[str]:
    """The report as cleaned lines; pages are separated by a :data:`PAGE` line."""
    page_lines = pages(raw)
    noise = repeated_lines(page_lines)
    out: list[str] = []
    for i, lines in enumerate(page_lines):
        if i:
            out.append(PAGE)
        for line in lines:
            if line in noise or _PAGE_NUMBER.match(line):
                continue
            out.extend(clean_line(line))
    return out


def clean_line(line: str) -> list[str]:
    """One line, cleaned; bunched paragraph numbers become one line each."""
    if _BUNCHED.match(line):
        return [n.rstrip(",.") + "." for n in re.findall(r"\d{1,3}[.,]", line)]
    line = _BULLET.sub(BULLET, line, count=1)
    line = _NUMBER.sub(lambda m: f"{m.group(1)}. ", line, count=1).rstrip()
    line = re.sub(r"(?<=\s)@(?=\s)", "a", line)
    return [line]


def _words() -> frozenset[str]:
    """English words (the CMU Pronouncing Dictionary's, see inspections.syllables)."""
    return syllables.words()


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one string, mending words split with a hyphen.

    A hyphen at a line end is kept when both halves are words (``well-being``,
    ``high-quality``) and dropped when only the joined word is one (``recom-mendations``).

    >>> join_lines(["high-", "quality help and recom-", "mendations"])
    'high-quality help and recommendations'
    """
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if re.search(r"[A-Za-z]-$", text):
            head = re.search(r"([A-Za-z]+)-$", text).group(1)
            tail = re.match(r"[A-Za-z]*", line).group(0)
            joined = (head + tail).lower()
            if tail and joined in _words() and tail.lower() not in _words():
                text = text[:-1] + line
            else:
                text += line
        else:
            text = f"{text} {line}" if text else line
    return text
