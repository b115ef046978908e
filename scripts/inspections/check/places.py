"""Where the words on a page were written: a data file line, a template line, or a docs/ line.

A generated page mixes template text with data texts. The renderer records every data text it
prints, in page order, with where its words start (:class:`~inspections.render.TextUse`). Here we
find each of those texts in the page's Markdown, so that any word or sentence on the page can be
traced back to the line and column of the YAML file where a comms officer wrote it, or to the
template line if the words are the template's own.

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
from inspections.render import TEMPLATES, Renderer, Text, TextUse

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


@dataclass
class Span:
    """A data text found in the page Markdown at ``[start, end)``."""

    start: int
    end: int
    use: TextUse
    loc: tuple | None
    own: Plain  # the text's own plain words, with offsets into the value
    positions: list[tuple[int, int]] | None  # (line, col) in the file for each value character


@functools.cache
def _file_text(path: str, root: str) -> str:
    try:
        return (Path(root) / path).read_text(encoding="utf-8").replace("\r\n", "\n")
    except OSError:
        return ""


def align(value: str, file_text: str, line: int, col: int) -> list[tuple[int, int]] | None:
    """(line, col) in ``file_text`` of each character of the YAML text ``value``.

    The value starts at ``line``/``col``. YAML folds lines, indents blocks and escapes quotes,
    so we walk the file and the value together, letting the file skip spaces, line breaks,
    quotes and backslashes. Returns None if they do not match (then callers fall back to where
    the value starts).
    """
    lines = file_text.split("\n")
    if not 0 < line <= len(lines):
        return None
    text_line = lines[line - 1]
    start_col = col - 1
    if text_line[:start_col].strip():
        before = lines[line - 2] if line >= 2 else ""
        if _BLOCK_MARKER.search(before.rstrip()):
            start_col = len(text_line) - len(text_line.lstrip())
    start_col = max(0, min(start_col, len(text_line)))
    fi = sum(len(x) + 1 for x in lines[: line - 1]) + start_col
    offsets: list[int] = []
    for ch in value:
        if ch.isspace():
            offsets.append(min(fi, len(file_text)))
            while fi < len(file_text) and file_text[fi].isspace():
                fi += 1
            continue
        while fi < len(file_text) and file_text[fi] != ch and (
                file_text[fi].isspace() or file_text[fi] in "\"'\\"):
            fi += 1
        if fi >= len(file_text) or file_text[fi] != ch:
            return None
        offsets.append(fi)
        fi += 1
    starts = [0]
    for i, c in enumerate(file_text):
        if c == "\n":
            starts.append(i + 1)
    out = []
    for off in offsets:
        ln = bisect.bisect_right(starts, off)
        out.append((ln, off - starts[ln - 1] + 1))
    return out


class PagePlaces:
    """Finds the data texts of one generated page in its Markdown, and answers "where?"."""

    def __init__(self, markdown: str, page_path: str, uses: list[TextUse], root: Path,
                 locs: dict[tuple[str, int, int], tuple] | None = None):
        self.markdown, self.page_path, self.root = markdown, page_path, root
        self.spans: list[Span] = []
        renderer = Renderer()
        renderer.page = page_path
        front = _FRONT.match(markdown)
        body = cursor = front.end() if front else 0  # data texts are in the body, not the title
        for use in uses:
            found = _find(markdown, renderer, use.text, cursor)
            if found is None:
                found = _find(markdown, renderer, use.text, body)
            if found is None:
                continue
            start, end = found
            cursor = end
            file_text = _file_text(use.path, str(root))
            self.spans.append(Span(start, end, use, (locs or {}).get((use.path, use.line, use.col)),
                                   plain(use.text), align(use.text, file_text, use.line, use.col)))
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
                    hits.append((tpl, text, i + (offset - run_start)
                                 - (len(literal) - len(literal.lstrip()))))
            if len(hits) == 1:
                tpl, text, i = hits[0]
                line, col = line_col(text, i)
                rel = _relative(tpl, self.root)
                return Place(rel, line, col, template=True)
        line, col = line_col(self.markdown, offset)
        return Place(f"build/generated/{self.page_path}", line, col, template=True)


@functools.cache
def _templates() -> list[tuple[Path, str]]:
    return [(t, t.read_text(encoding="utf-8")) for t in sorted(TEMPLATES.rglob("*.j2"))]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _find(markdown: str, renderer: Renderer, value: str, cursor: int) -> tuple[int, int] | None:
    """Where the rendered form of ``value`` is in ``markdown`` at or after ``cursor``."""
    rendered = str(renderer.md(Text(value))).strip()
    candidates = [rendered, " ".join(rendered.split())]
    best = None
    for cand in candidates:
        if not cand:
            continue
        i = markdown.find(cand, cursor)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, i + len(cand))
    return best


def _data_place(span: Span, markdown: str, offset: int) -> Place:
    """Map a Markdown offset inside a data text to the data file's line and column."""
    use = span.use
    # How many visible characters of this text come before ``offset``?
    before = sum(1 for ch in plain(markdown[span.start:offset]).text if not ch.isspace())
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
    if span.positions and 0 <= value_index < len(span.positions):
        line, col = span.positions[value_index]
        return Place(use.path, line, col, span.loc)
    return Place(use.path, use.line, use.col, span.loc)
