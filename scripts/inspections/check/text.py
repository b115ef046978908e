"""Markdown to the words a reader sees, split into sentences, remembering where each came from.

The plain-language rules judge what a reader reads, not the Markdown: ``**bold**`` markers,
link targets, HTML tags and table bars are not words. So :func:`plain` turns Markdown into
plain text and keeps, for every character, its offset in the Markdown, so a problem found in the
plain text can be reported at the line (and column) where the words were written.

Blocks (paragraphs, headings, list items, table cells, admonition titles) never run into each
other: a heading with no full stop does not join the sentence after it. This holds for HTML
tables too: each ``<caption>``, ``<th>`` and ``<td>`` is its own block (a ``<th>`` header cell
is a label, so it is read like a heading).

Example::

    >>> p = plain("## What we found\\n\\nKids are **safe**. See [IRO](../glossary.md#iro) now.\\n")
    >>> [(s.text, s.kind) for s in sentences(p)]
    [('What we found', 'heading'), ('Kids are safe.', 'prose'), ('See IRO now.', 'prose')]
    >>> p.links
    [Link(start=34, end=37, target='../glossary.md#iro')]
    >>> p.source[p.text.index("IRO")]  # where "IRO" is in the Markdown
    42
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from inspections.check.inline import INLINE_AT, REFERENCE_TAG, RUN, TABLE_TAG, inline_matches

# A bold label at the start of a block: "**In short:**", "**Name** (plain name):"
_LABEL = re.compile(r"\*\*[^*\n]+?:\*\*|\*\*[^*\n]+?\*\*(?:[ \t]*\([^()\n]*\))?[ \t]*:")
_HEADING = re.compile(r"(#{1,6})[ \t]+")
_ADMONITION = re.compile(r"(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+\"([^\"]*)\")?[ \t]*$")
_LIST = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+")
_QUOTE = re.compile(r"[ \t]*>[ \t]?")
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_FRONT = re.compile(r"---[ \t]*\n.*?\n---[ \t]*\n", re.S)
_FENCE = re.compile(r"[ \t]*(```|~~~)")

WORD = re.compile(
    r"[A-Za-z0-9\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f'\u2019-]*[A-Za-z0-9\u00c0-\u024f])?"
)
# A full stop after these is not the end of a sentence.
NOT_ENDS = {"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "vs", "approx"}
_END = re.compile(r"[.!?]+[\"'\u2019\u201d)\]]*(?=\s+[\"'\u2018\u201c(\[]?[A-Z0-9]|\s*$)")


@dataclass(frozen=True)
class Link:
    """A link in the plain text: the linked words are ``text[start:end]``."""

    start: int
    end: int
    target: str


class Block(NamedTuple):
    """A paragraph, heading, list item, table cell or admonition title: ``text[start:end]``.

    A named tuple, as :class:`Sentence`: made about 100,000 times at national scale.
    """

    start: int
    end: int
    kind: str  # "prose", "heading" (also labels), or "reference" (citations)


@dataclass
class Plain:
    """Plain text with, for each character, its offset in the Markdown it came from.

    The plain text follows the Markdown in order, so ``source`` never goes down: the first and
    last offsets of a stretch are its lowest and highest (the checker relies on it; the tests
    check it on every page).
    """

    text: str = ""
    source: list[int] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    skipped: list[tuple[int, int]] = field(default_factory=list)  # markdown ranges not read

    def origin(self, index: int) -> int:
        """Markdown offset of plain character ``index`` (the end maps to the last one + 1)."""
        if not self.source:
            return 0
        if index >= len(self.source):
            return self.source[-1] + 1
        return self.source[index]


class Sentence(NamedTuple):
    """One sentence (or heading, list item, table cell) of plain text.

    A named tuple: the national site has about 160,000, and a frozen dataclass took twice as
    long to make.
    """

    start: int
    end: int
    text: str
    kind: str

    @property
    def words(self) -> list[str]:
        """The sentence's words (the checker asks once per sentence)."""
        return WORD.findall(self.text)


class _Builder:
    """Collects plain characters and their Markdown offsets.

    Runs of characters are added with ``list.extend`` (a string extends a list one character at
    a time, in C) and their offsets with ``range``: the national site has about 1,600 pages, and
    adding one character at a time in Python took most of the checker's time.
    """

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.src: list[int] = []
        self.links: list[Link] = []
        self.blocks: list[Block] = []
        self.skipped: list[tuple[int, int]] = []
        self._block_start: int | None = None
        self._kind = "prose"

    def add(self, text: str, offset: int) -> None:
        """Add ``text``, whose first character is at Markdown ``offset``."""
        self.chars.extend(text)
        self.src.extend(range(offset, offset + len(text)))

    def add_char(self, ch: str, offset: int) -> None:
        self.chars.append(ch)
        self.src.append(offset)

    def open(self, kind: str, offset: int) -> None:
        self.close()
        self._block_start, self._kind = len(self.chars), kind

    def close(self) -> None:
        start = self._block_start
        if start is None:
            return
        chars, src = self.chars, self.src
        while len(chars) > start and chars[-1].isspace():
            chars.pop()
            src.pop()
        if len(chars) > start:
            self.blocks.append(Block(start, len(chars), self._kind))
            end = src[-1] + 1
            chars += "\n\n"
            src += (end, end)
        self._block_start = None

    def at_start(self) -> bool:
        """True when no words have been added to the current block yet."""
        return self._block_start is None or self._block_start == len(self.chars)

    def ensure(self, offset: int) -> None:
        if self._block_start is None:
            self.open("prose", offset)

    def inline(self, text: str, offset: int) -> None:
        """Add one line's inline Markdown: links keep their words, markers and tags go."""
        pos = 0
        # Most lines have no inline Markdown at all: no need to set up the search for it.
        for m in inline_matches(text) if INLINE_AT.search(text) else ():
            start = m.start()
            if pos < start:
                self._plain_run(text[pos:start], offset + pos)
            pos = m.end()
            kind = m.lastgroup  # None for the parts that are not read
            if kind == "link":
                words, target = m.group("words", "target")
                at = len(self.chars)
                self._plain_run(words, offset + m.start("words"))
                if not m.group("bang"):
                    self.links.append(Link(at, len(self.chars), target))
            elif kind == "auto":
                self._plain_run(m.group("auto"), offset + m.start("auto"))
            elif kind == "entity":
                self.add_char(html.unescape(m.group("entity")), offset + start)
            else:  # tag, attribute list, emphasis marker, split link tail: not read
                self.skipped.append((offset + start, offset + pos))
                if text[start] != "<":
                    continue
                tag = REFERENCE_TAG.match(text, start)
                if tag:  # <small>, <q>: a citation or a quotation, read as a reference
                    self.open("prose" if tag.group(1) else "reference", offset + pos)
                elif tag := TABLE_TAG.match(text, start):  # a cell never runs into the next
                    header = not tag.group(1) and tag.group(2).lower() == "th"
                    self.open("heading" if header else "prose", offset + pos)
        if pos < len(text):
            self._plain_run(text[pos:] if pos else text, offset + pos)
        self.chars.append(" ")
        self.src.append(offset + len(text))

    def _plain_run(self, text: str, offset: int) -> None:
        """Add text with no links or markers: escapes and link brackets go, spaces fold to one.

        A backslash before a character that is not a letter or digit is a Markdown escape (the
        next character is shown as it is); ``[`` and ``]`` left here belong to links whose words
        come from a data value; any run of spaces and line breaks is one space, and none after
        a space already added.

        Most text is words with single spaces between them: that is added as it is, in one go
        (a backslash, a link bracket, two spaces or white space other than a space need more,
        and so does a space after a space); the rest run by run (:meth:`_runs`).
        """
        chars = self.chars
        if (
            "\\" in text
            or "[" in text
            or "]" in text
            or "  " in text
            or _OTHER_SPACE.search(text)
            or (text[:1] == " " and chars and chars[-1] == " ")
        ):
            self._runs(text, offset)
        else:
            chars += text
            self.src += range(offset, offset + len(text))

    def _runs(self, text: str, offset: int) -> None:
        """:meth:`_plain_run` run by run (see :data:`.inline.RUN`), not character by character."""
        chars = self.chars
        for m in RUN.finditer(text):
            kind = m.lastgroup
            if kind == "plain":
                start = offset + m.start()
                chars.extend(m.group())
                self.src.extend(range(start, start + m.end() - m.start()))
            elif kind == "space":
                if not (chars and chars[-1] == " "):
                    self.add_char(" ", offset + m.start())
            elif kind == "backslash":  # not an escape: shown as it is
                self.add_char("\\", offset + m.start())
            # "escape" (the backslash of an escape) and "bracket": not shown


def plain(markdown: str) -> Plain:
    """The words of ``markdown`` as a reader sees them, with their Markdown offsets."""
    b = _Builder()
    front = _FRONT.match(markdown)
    pos = front.end() if front else 0
    if front:
        b.skipped.append((0, pos))
    in_fence = False
    admonition_indent = False
    while pos < len(markdown):
        nl = markdown.find("\n", pos)
        end = len(markdown) if nl < 0 else nl
        line = markdown[pos:end]
        start = pos
        pos = end + 1
        if _FENCE.match(line):
            in_fence = not in_fence
            b.close()
            b.skipped.append((start, end))
            continue
        if in_fence:
            b.skipped.append((start, end))
            continue
        if admonition_indent and line.startswith("    "):
            line, start = line[4:], start + 4
            blank = not line.strip()
        else:
            blank = not line.strip()
            if not blank:
                admonition_indent = False
        if blank:
            b.close()
            continue
        if m := _ADMONITION.match(line):
            b.open("heading", start)
            if m.group(1):
                b.inline(m.group(1), start + m.start(1))
            b.close()
            admonition_indent = True
            continue
        if "|" in line and _TABLE_RULE.match(line):
            b.close()
            b.skipped.append((start, end))
            continue
        if line.lstrip().startswith("|"):
            b.close()
            for cell, offset in _cells(line, start):
                b.open("prose", offset)
                b.inline(cell, offset)
                b.close()
            continue
        if m := _HEADING.match(line):
            b.open("heading", start)
            b.inline(line[m.end() :], start + m.end())
            b.close()
            continue
        if m := _LIST.match(line):
            b.open("prose", start)
            line, start = line[m.end() :], start + m.end()
        elif m := _QUOTE.match(line):
            line, start = line[m.end() :], start + m.end()
        if b.at_start() and (m := _LABEL.match(line)):
            b.open("heading", start)
            b.inline(line[: m.end()], start)
            b.open("prose", start + m.end())
            line, start = line[m.end() :], start + m.end()
        b.ensure(start)
        b.inline(line, start)
    b.close()
    return Plain("".join(b.chars), b.src, b.links, b.blocks, b.skipped)


def _cells(line: str, offset: int) -> list[tuple[str, int]]:
    """Table cells of one row, with their offsets (``\\|`` inside a cell is not a bar)."""
    cells, start = [], 0
    for i in [m.start() for m in _BAR.finditer(line)] + [len(line)]:
        cell = line[start:i]
        if cell.strip():
            lead = len(cell) - len(cell.lstrip())
            cells.append((cell.strip(), offset + start + lead))
        start = i + 1
    return cells


_BAR = re.compile(r"(?<!\\)\|")  # a table bar: a | with no backslash before it


def sentences(p: Plain) -> list[Sentence]:
    """Split each block into sentences at ``.``, ``!`` or ``?`` before a capital or a number.

    >>> [s.text for s in sentences(plain("One. Two, e.g. three? Yes: 4.2 is fine."))]
    ['One.', 'Two, e.g. three?', 'Yes: 4.2 is fine.']
    """
    out: list[Sentence] = []
    for block in p.blocks:
        text = p.text[block.start : block.end]
        start = 0
        only_spaces = None  # looked at only when the block has an end of sentence
        for m in _END.finditer(text):
            if only_spaces is None:
                only_spaces = not _OTHER_SPACE.search(text)
            before = _word_before(text, m.start(), only_spaces)
            if before in NOT_ENDS or before.endswith(_DOT_NOT_ENDS):
                continue
            if len(before) == 1 and before.isalpha() and m.group().startswith("."):
                continue  # an initial, such as the "J." in "J. Smith"
            piece = text[start : m.end()]
            _add(out, block, start, piece)
            start = m.end()
        _add(out, block, start, text[start:])
    return out


_DOT_NOT_ENDS = tuple("." + x for x in NOT_ENDS)
_OTHER_SPACE = re.compile(r"[^\S ]")  # white space other than " " (from an entity: &nbsp;)


def _word_before(text: str, end: int, only_spaces: bool) -> str:
    """The last word (anything between spaces) before ``end``, lower-cased; "" if none.

    Blocks hold no white space but " ", unless an entity made some: then the slow way.
    """
    if not only_spaces:
        head = text[:end]
        return head.rsplit(None, 1)[-1].lower() if head.strip() else ""
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return text[text.rfind(" ", 0, end) + 1 : end].lower() if end else ""


def _add(out: list[Sentence], block: Block, start: int, piece: str) -> None:
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if WORD.search(piece):
        s = block.start + start + lead
        out.append(Sentence(s, s + len(piece), piece, block.kind))


def words(text: str) -> list[str]:
    """The words in ``text`` (numbers count as words; ``high-quality`` is one word).

    >>> words("Children's homes: 21 to 25 March, high-quality!")
    ["Children's", 'homes', '21', 'to', '25', 'March', 'high-quality']
    """
    return WORD.findall(text)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
