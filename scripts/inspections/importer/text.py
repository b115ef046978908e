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
_BULLET_SYMBOLS = "•●▪■◼◾◻◦○▫□➢➤►✓✔\uf0b7\uf0a7\uf0d8\uf06e\uf0fc\uf076"
_BULLET_LETTERS = "BmeoO®©§¢«>*-–"
# Sub-bullets (Symbol-font dashes, minus signs) become "- ": part of the item above them.
_SUB_BULLET = re.compile(r"^[\uf02d\uf0be\u2212\u2500\u2015]\s*")
_BULLET = re.compile(
    rf"^(?:[{re.escape(_BULLET_SYMBOLS)}]\s*|[{re.escape(_BULLET_LETTERS)}]\s+(?=[A-Z0-9'\"(]))"
)
# "44," is a misread "44." only alone or before a capital: "(Outcome\n2, national framework)"
# is not. "10.Strong" (pdfium drops the tab after a paragraph number) is paragraph 10.
_NUMBER = re.compile(r"^(\d{1,3})(?:\.(?=\s|$|[A-Z'\"(])|,(?=\s+[A-Z0-9'\"(]|$))\s*")
_BUNCHED = re.compile(r"^(?:\d{1,3}[.,]\s*){2,}$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
_QUOTES = {
    "‘": "'",
    "’": "'",
    "‛": "'",
    "“": '"',
    "”": '"',
    "\u00a0": " ",
    "\u2009": " ",
    "\u200b": "",
    "\u00ad": "",
}
_TRAILING_NUMBER = re.compile(r"\s+\d{1,3}$")
_SPACES = re.compile(r"[ \t]{2,}")
_AT = re.compile(r"(?<=\s)@(?=\s)")
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
_LETTERS = re.compile(r"[A-Za-z]*")


def normalise(raw: str) -> str:
    """Unicode and line-ending clean-up: ligatures, curly quotes, odd spaces."""
    text = unicodedata.normalize("NFKC", raw)
    for old, new in _QUOTES.items():  # str.replace is many times faster than translate here
        if old in text:
            text = text.replace(old, new)
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
    return [[_SPACES.sub(" ", line.strip()) for line in chunk.split("\n")] for chunk in chunks]


def repeated_lines(page_lines: list[list[str]]) -> set[str]:
    """Page headers and footers: lines of two words or more found on three pages or more,
    once a page number at the line's end is set aside ("19 to 23 May 2025 2")."""
    counts = Counter(
        _footer(line)
        for lines in page_lines
        for line in set(lines)
        if len(line.split()) >= 2 and not _NUMBER.match(line)
    )
    return {line for line, n in counts.items() if n >= 3}


def _footer(line: str) -> str:
    return _TRAILING_NUMBER.sub("", line)


def clean(raw: str) -> list[str]:
    """The report as cleaned lines; pages are separated by a :data:`PAGE` line."""
    page_lines = pages(raw)
    noise = repeated_lines(page_lines)
    out: list[str] = []
    for i, lines in enumerate(page_lines):
        if i:
            out.append(PAGE)
        for line in lines:
            if _footer(line) in noise or _PAGE_NUMBER.match(line):
                continue
            out.extend(clean_line(line))
    return out


def clean_line(line: str) -> list[str]:
    """One line, cleaned; bunched paragraph numbers become one line each."""
    if _BUNCHED.match(line):
        return [n.rstrip(",.") + "." for n in re.findall(r"\d{1,3}[.,]", line)]
    line = _SUB_BULLET.sub("- ", line, count=1)
    line = _BULLET.sub(BULLET, line, count=1)
    line = _NUMBER.sub(lambda m: f"{m.group(1)}. ", line, count=1).rstrip()
    if "@" in line:
        line = _AT.sub("a", line)
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
        end = _HYPHEN_END.search(text[-60:]) if text.endswith("-") else None
        if end:
            head = end.group(1)
            tail = _LETTERS.match(line).group(0)
            joined = (head + tail).lower()
            if tail and joined in _words() and tail.lower() not in _words():
                text = text[:-1] + line
            else:
                text += line
        else:
            text = f"{text} {line}" if text else line
    return text
