"""Where the words on a page were written: a data file line, a template line, or a docs/ line.

A generated page mixes template text with data texts. The renderer records every data text it
prints, in page order, with where its words start, the data field they are in and the Markdown
they were printed as (:class:`~inspections.render.TextUse`): the one record of where words came
from. Here we find each of those texts in the page's Markdown, so that any word or sentence on
the page can be traced back to the line and column of the YAML file where a comms officer wrote
it, or to the template line if the words are the template's own. A data file is read only to
place a problem inside a text to the exact character.

Example::

    >>> aligned = align("Kids are safe.\\nThey play.", "summary: |\\n  Kids are safe.\\n  They play.\\n", 2, 3)
    >>> aligned[15]   # "They" is on line 3, column 3 of the file
    (3, 3)
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from inspections.check.text import Plain, line_col, plain
from inspections.render import TEMPLATES, TextUse

_FRONT = re.compile(r"---[ \t]*\n.*?\n---[ \t]*\n", re.S)
_BLOCK_MARKER = re.compile(r"[|>][+-]?[0-9]?[+-]?\s*(#.*)?$")


@dataclass
class Place:
    """Where some words live: ``path:line:col``, and the data field for data texts."""

    path: str
    line: int
    col: int
    loc: tuple | None = None  # the field in the data file, e.g. ("summary", "young_people")
    template: bool = False  # the words come from a page template

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class Span:
    """A data text found in the page Markdown at ``[start, end)``.

    Its plain words (:attr:`own`) and where each character is in the file (:attr:`positions`)
    are only needed to place a problem found in it, so they are worked out the first time they
    are asked for: most texts have no problem, and the national site has about 50,000 of them.
    """

    __slots__ = ("start", "end", "use", "loc", "_root")

    def __init__(self, start: int, end: int, use: TextUse, loc: tuple | None, root: str):
        self.start, self.end, self.use, self.loc = start, end, use, loc
        self._root = root

    @property
    def own(self) -> Plain:
        """The text's own plain words, with offsets into the value."""
        return _own_plain(self.use.text)

    @property
    def positions(self) -> list[tuple[int, int]] | None:
        """(line, col) in the file for each character of the value (None if not matched)."""
        use = self.use
        return align(use.text, _file_text(use.path, self._root), use.line, use.col)

    def position(self, index: int) -> tuple[int, int] | None:
        """``positions[index]``, working out only that one (None if it cannot be found)."""
        use = self.use
        found = _offsets(use.text, use.path, self._root, use.line, use.col)
        if not found or not 0 <= index < len(found):
            return None
        return _line_col(_line_starts(_file_text(use.path, self._root)), found[index])

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end}, {self.use!r}, {self.loc!r})"


@functools.lru_cache(maxsize=1024)
def _own_plain(value: str) -> Plain:
    """:func:`plain` of a data text, once for a text shown on many pages (never changed)."""
    return plain(value)


def forget_files() -> None:
    """Read data files afresh from now on (a preview rebuild: a file may have changed)."""
    _file_text.cache_clear()


@functools.cache
def _file_text(path: str, root: str) -> str:
    try:
        return (Path(root) / path).read_text(encoding="utf-8").replace("\r\n", "\n")
    except OSError:
        return ""


@functools.cache
def _line_starts(file_text: str) -> list[int]:
    """Offset of the start of each line (cached: each data file holds many texts)."""
    return [0, *(m.end() for m in re.finditer("\n", file_text))]


@functools.lru_cache(maxsize=1024)
def _offsets(value: str, path: str, root: str, line: int, col: int) -> list[int] | None:
    """:func:`file_offsets` for a text in a file, once per text (framework and glossary texts
    are shown on hundreds of pages)."""
    return file_offsets(value, _file_text(path, root), line, col)


def _line_col(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of a file offset, given where each line starts."""
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


_SKIPPABLE = "\"'\\"  # YAML quoting the file may have that the value does not
_PIECE = re.compile(r"\s+|\S+")  # a value is runs of spaces and runs of other characters


def align(value: str, file_text: str, line: int, col: int) -> list[tuple[int, int]] | None:
    """(line, col) in ``file_text`` of each character of the YAML text ``value``.

    The value starts at ``line``/``col``. YAML folds lines, indents blocks and escapes quotes,
    so we walk the file and the value together, letting the file skip spaces, line breaks,
    quotes and backslashes (:func:`file_offsets`). Returns None if they do not match (then
    callers fall back to where the value starts).
    """
    offsets = file_offsets(value, file_text, line, col)
    if offsets is None:
        return None
    starts = _line_starts(file_text)
    return [_line_col(starts, off) for off in offsets]


def file_offsets(value: str, file_text: str, line: int, col: int) -> list[int] | None:
    """Offset in ``file_text`` of each character of ``value`` (see :func:`align`).

    The walk goes a run of words at a time: most runs are in the file exactly as in the value
    (``str.startswith``), and only a run with YAML quoting in it (``\\"``, ``''``) is walked
    one character at a time (:data:`SLOW_WALKS` counts those, for the tests).
    """
    global SLOW_WALKS
    starts = _line_starts(file_text)
    if not 0 < line <= len(starts):
        return None
    line_start = starts[line - 1]
    line_end = starts[line] - 1 if line < len(starts) else len(file_text)
    text_line = file_text[line_start:line_end]
    start_col = col - 1
    if text_line[:start_col].strip():
        before = file_text[starts[line - 2] : line_start - 1] if line >= 2 else ""
        if _BLOCK_MARKER.search(before.rstrip()):
            start_col = len(text_line) - len(text_line.lstrip())
    start_col = max(0, min(start_col, len(text_line)))
    fi = line_start + start_col
    size = len(file_text)
    offsets: list[int] = []
    for m in _PIECE.finditer(value):
        piece = m.group()
        if piece[0].isspace():
            # The first space is where the file's spaces start; the file's spaces and line
            # breaks are skipped; any more spaces in the value are where the next word starts.
            offsets.append(min(fi, size))
            while fi < size and file_text[fi].isspace():
                fi += 1
            offsets.extend([min(fi, size)] * (len(piece) - 1))
            continue
        if file_text.startswith(piece, fi):
            offsets.extend(range(fi, fi + len(piece)))
            fi += len(piece)
            continue
        SLOW_WALKS += 1
        for ch in piece:
            while (
                fi < size
                and file_text[fi] != ch
                and (file_text[fi].isspace() or file_text[fi] in _SKIPPABLE)
            ):
                fi += 1
            if fi >= size or file_text[fi] != ch:
                return None
            offsets.append(fi)
            fi += 1
    return offsets


SLOW_WALKS = 0  # runs of words walked one character at a time by align (see its docstring)


class PagePlaces:
    """Finds the data texts of one generated page in its Markdown, and answers "where?"."""

    def __init__(
        self,
        markdown: str,
        page_path: str,
        uses: list[TextUse],
        root: Path,
    ):
        self.markdown, self.page_path, self.root = markdown, page_path, root
        self.spans: list[Span] = []
        front = _FRONT.match(markdown)
        body = cursor = front.end() if front else 0  # data texts are in the body, not the title
        for use in uses:
            forms = shown_forms(use)
            found = _find(markdown, forms, cursor)
            if found is None:
                found = _find(markdown, forms, body)
            if found is None:
                continue
            start, end = found
            cursor = end
            self.spans.append(Span(start, end, use, use.loc, str(root)))
        self.spans.sort(key=lambda s: s.start)
        self._starts = [s.start for s in self.spans]
        self.located = len(self.spans)
        self.expected = len(uses)

    def span_at(self, offset: int) -> Span | None:
        """The data text that holds Markdown ``offset``, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i].start <= offset < self.spans[i].end:
            return self.spans[i]
        return None

    def loc_at(self, offset: int) -> tuple | None:
        """The data field whose words are at Markdown ``offset`` (None for template words)."""
        span = self.span_at(offset)
        return span.loc if span else None

    def regions(self) -> list[tuple[int, int, tuple | None]]:
        """(start, end, field) for every stretch of Markdown where :meth:`loc_at` gives a field,
        in order and not overlapping (a text found inside another ends the outer one, as there).

        The checker uses these to judge a whole sentence at once instead of word by word.
        """
        spans, out = self.spans, []
        for i, span in enumerate(spans):
            end = min(span.end, spans[i + 1].start) if i + 1 < len(spans) else span.end
            if span.start < end:
                out.append((span.start, end, span.loc))
        return out

    def place(self, offset: int) -> Place:
        """Where the character at Markdown ``offset`` was written."""
        span = self.span_at(offset)
        if span is not None:
            return _data_place(span, self.markdown, offset)
        return self.template_place(offset)

    def template_place(self, offset: int) -> Place:
        """The template line holding the words at ``offset``; else the generated page line."""
        line_start = self.markdown.rfind("\n", 0, offset) + 1
        line_end = self.markdown.find("\n", offset)
        line_end = len(self.markdown) if line_end < 0 else line_end
        nxt = [s.start for s in self.spans if offset < s.start < line_end]
        prv = [s.end for s in self.spans if line_start <= s.end <= offset]
        run_start = max(prv) if prv else line_start
        run_end = min(nxt) if nxt else line_end
        literal = self.markdown[run_start:run_end]
        if len(literal.strip()) >= 4:
            hits = []
            for tpl, text in _templates():
                i = text.find(literal.strip())
                if i >= 0:
                    hits.append(
                        (
                            tpl,
                            text,
                            i + (offset - run_start) - (len(literal) - len(literal.lstrip())),
                        )
                    )
            if len(hits) == 1:
                tpl, text, i = hits[0]
                line, col = line_col(text, i)
                rel = _relative(tpl, self.root)
                return Place(rel, line, col, template=True)
        line, col = line_col(self.markdown, offset)
        return Place(f"build/content/{self.page_path}", line, col, template=True)


@functools.cache
def _templates() -> list[tuple[Path, str]]:
    return [(t, t.read_text(encoding="utf-8")) for t in sorted(TEMPLATES.rglob("*.j2"))]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def shown_forms(use: TextUse) -> list[str]:
    """How a data text can look in the page: as the renderer printed it (recorded in the
    :class:`~inspections.render.TextUse`), and on one line (the ``inline`` filter)."""
    printed = str(use.markdown if use.markdown is not None else use.text).strip()
    one_line = " ".join(printed.split())
    return [printed, one_line] if one_line != printed else [printed] if printed else []


def _find(markdown: str, forms: list[str], cursor: int) -> tuple[int, int] | None:
    """Where the first of ``forms`` (see :func:`shown_forms`) is in ``markdown`` from ``cursor``."""
    best = None
    for cand in forms:
        i = markdown.find(cand, cursor)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, i + len(cand))
    return best


def _data_place(span: Span, markdown: str, offset: int) -> Place:
    """Map a Markdown offset inside a data text to the data file's line and column."""
    use = span.use
    # How many visible characters of this text come before ``offset``?
    before = sum(1 for ch in plain(markdown[span.start : offset]).text if not ch.isspace())
    seen, value_index = 0, 0
    for ch, src in zip(span.own.text, span.own.source, strict=False):
        if ch.isspace():
            continue
        if seen == before:
            value_index = src
            break
        seen += 1
    else:
        value_index = span.own.source[-1] if span.own.source else 0
    position = span.position(value_index)
    if position is not None:
        return Place(use.path, *position, span.loc)
    return Place(use.path, use.line, use.col, span.loc)
