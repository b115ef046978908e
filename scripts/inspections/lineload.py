"""The quickest path for the plainest data files: block YAML read line by line.

Why: even libyaml builds a node and two position objects for every value, then
:mod:`inspections.fastload` turns the nodes into values and positions; at national scale
(about 860 files) that is most of what loading costs. Data files are nearly always written in
a few plain shapes, whose values and positions can be read straight from the lines:

- ``key: value`` (plain text, numbers, dates, ``true``/``false``), ``key: "text"`` and
  ``key: 'text'`` (without backslash escapes, on one line);
- ``key:`` followed by a more indented block of fields or of ``- `` items (a list may also
  start at the key's own indentation), and ``- key: value`` items;
- ``key: |`` and ``key: |-`` text blocks;
- blank lines, and comments on lines of their own.

Anything else (flow brackets, ``>`` blocks, a value running on to the next line, a comment
after a value, an empty value, escapes, tabs, odd keys, anything YAML would refuse...) returns
``None`` at once, and :func:`inspections.fastload.load_fast` reads the file with libyaml as
before, which hands anything unusual on to the careful path. So every message still comes
from one place. Values, positions, text blocks and the order of texts are exactly libyaml's
(tests compare the two on every shipped, synthetic and test-corpus file).

Example::

    >>> from inspections.load import Document
    >>> doc = Document("x.yaml", None)
    >>> read_lines(["area: derby", "dates:", "  start: 2022-03-21", ""], doc, [], {})
    {'area': 'derby', 'dates': {'start': '2022-03-21'}}
    >>> doc.positions[("dates",)], doc.positions[("dates", "start")]
    ((3, 3), (3, 10))
    >>> read_lines(["a: b # a comment after a value"], doc, [], {}) is None  # left to libyaml
    True
"""

from __future__ import annotations

import re
from typing import Any

from inspections import fastload, load

# One line: its indentation, a `- ` (or a lone `-`), and a key this reader takes as it is
# (letters, digits, `_`, `-` and `.`, then `:` and spaces or the end of the line). Whatever
# follows (the value) starts at the end of the match.
_LINE = re.compile(r"( *)(?:(-)(?: +|\Z))?(?:([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: +|\Z))?")
_SINGLE = re.compile(r"'((?:[^']|'')*)' *\Z")
# Characters that give a value another meaning in YAML when they start it (`-` too: `-5` is
# plain, but it is left to libyaml rather than told apart from `- item`).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_MAX_FRAMES = 16  # deeper files go the libyaml way, which applies the exact depth limit


def read_lines(
    lines: list[str], doc: load.Document, texts: list, fields: dict
) -> dict[str, Any] | None:
    """The data of a plain block-YAML file, filling in ``doc``'s positions, text blocks and
    typed values, ``texts`` (every text with its loc, in file order) and ``fields`` (the texts
    of ``load.INDEXED_FIELDS`` by field, and under ``int`` the texts in lists); ``None`` for
    anything this reader does not take (``doc`` may then hold partial positions: use a new
    one).

    Each open collection is a frame ``(indent, container, loc, is_list)``; a key with nothing
    after it waits (``pending``) for the next line to show whether a block of fields or a
    list follows. Written as one loop over local names: it runs for every line of every file.
    """
    if len(lines) > fastload._MAX_LINES:
        return None
    positions, key_positions, blocks, written = (
        doc.positions,
        doc.key_positions,
        doc.blocks,
        doc.written,
    )
    add_text = texts.append
    maybe, resolve, typed = fastload._MAYBE, fastload._resolve, fastload._typed
    line_match, indicators, indexed = _LINE.match, _INDICATORS, load.INDEXED_FIELDS
    frames: list[tuple[int, Any, tuple, bool]] = []
    # The innermost open collection, kept in local names (most lines stay in it).
    indent_in, container, base, in_list = -1, None, (), False
    pending: tuple[dict, str, tuple, int] | None = None
    count = len(lines)
    i = 0
    try:
        while i < count:
            line = lines[i]
            i += 1
            m = line_match(line)
            spaces, dash, key = m.groups()
            start = m.end()
            rest = line[start:]
            if dash is None and key is None:
                if not rest or rest[0] == "#":
                    continue  # a blank line or a comment
                return None  # neither a key nor a list item this reader takes
            indent = len(spaces)
            is_item = dash is not None
            if pending is not None:
                # `key:` on the line before: a block of fields or a list follows, or nothing
                # (an empty value, left to libyaml).
                parent, pending_key, loc, at = pending
                pending = None
                if is_item and indent >= at:
                    parent[pending_key] = container = []
                elif not is_item and indent > at:
                    parent[pending_key] = container = {}
                else:
                    return None
                positions[loc] = (i, indent + 1)
                indent_in, base, in_list = indent, loc, is_item
                frames.append((indent, container, loc, is_item))
                if len(frames) > _MAX_FRAMES:
                    return None
            elif indent != indent_in or in_list != is_item:
                if not frames:  # the first key: the top of the file
                    if is_item:
                        return None  # a list at the top: left to libyaml (and reported)
                    container = {}
                    positions[()] = (i, indent + 1)
                    frames.append((indent, container, (), False))
                # Close the collections this line is not part of: deeper ones, and a list at
                # the same indentation when this line is a key (`a:` / `- x` / `b: 1`).
                while frames and (
                    frames[-1][0] > indent
                    or frames[-1][3]
                    and not is_item
                    and frames[-1][0] == indent
                ):
                    frames.pop()
                if not frames or frames[-1][0] != indent or frames[-1][3] != is_item:
                    return None  # indentation YAML reads otherwise, or refuses
                indent_in, container, base, in_list = frames[-1]
            if is_item:
                loc = (*base, len(container))
                if key is None:  # a single value
                    if not rest or rest[0] == "#":
                        return None  # an empty item, or one whose value is on the next line
                    positions[loc] = (i, start + 1)
                    value = _scalar(rest, loc, maybe, resolve, typed, written, add_text)
                    if value is _NO:
                        return None
                    container.append(value)
                    if type(value) is str:
                        fields.setdefault(int, []).append((loc, value))
                    continue
                indent = m.start(3)  # `- key: ...`: a set of fields, starting at the key
                mapping: dict[str, Any] = {}
                container.append(mapping)
                positions[loc] = (i, indent + 1)
                indent_in, container, base, in_list = indent, mapping, loc, False
                frames.append((indent, mapping, loc, False))
                if len(frames) > _MAX_FRAMES:
                    return None
            if key in container:
                return None  # a duplicate: the careful path names both lines
            loc = (*base, key)
            key_positions[loc] = (i, indent + 1)
            if not rest or rest[0] == "#":
                container[key] = None  # keeps the key's place; the block fills it in
                pending = (container, key, loc, indent)
                continue
            positions[loc] = (i, start + 1)
            first = rest[0]
            if first in indicators:
                if first == "|":
                    read = _block(lines, i, rest.rstrip(" "), indent_in)
                    if read is None:
                        return None
                    value, i = read
                    blocks.add(loc)
                    add_text((loc, value))
                else:
                    value = _scalar(rest, loc, maybe, resolve, typed, written, add_text)
                    if value is _NO:
                        return None
            else:  # plain (the common case, so read here rather than by _scalar)
                value = rest.rstrip(" ")
                if ": " in value or " #" in value or value[-1] == ":":
                    return None  # YAML would read a mapping, a comment, or refuse it
                if first in maybe:
                    value = typed(value, resolve(value), loc, written, add_text)
                else:
                    add_text((loc, value))
            container[key] = value
            if key in indexed and type(value) is str:
                fields.setdefault(key, []).append((loc, value))
    except fastload._Unusual:
        return None
    if pending is not None or not frames:
        return None  # an empty value at the end, or no fields at all
    return frames[0][1]


_NO = object()  # "not a value this reader takes"


def _scalar(
    rest: str, loc: tuple, maybe: frozenset, resolve: Any, typed: Any, written: dict, add_text: Any
) -> Any:
    """The value written in ``rest`` (the rest of the line), or :data:`_NO`."""
    first = rest[0]
    if first == '"':
        end = rest.find('"', 1)
        if end < 0 or "\\" in rest or rest[end + 1 :].strip(" "):
            return _NO  # runs on to the next line, has escapes, or has more after it
        value = rest[1:end]
    elif first == "'":
        m = _SINGLE.match(rest)
        if m is None:
            return _NO
        value = m.group(1).replace("''", "'")
    elif first in _INDICATORS:
        return _NO
    else:
        value = rest.rstrip(" ")
        if ": " in value or " #" in value or value[-1] == ":":
            return _NO  # YAML would read a mapping, a comment, or refuse it
        if value[0] in maybe:
            return typed(value, resolve(value), loc, written, add_text)
    add_text((loc, value))
    return value


def _block(lines: list[str], start: int, header: str, parent: int) -> tuple[str, int] | None:
    """A ``|`` or ``|-`` text block whose lines start at ``lines[start]``: its text and the
    index of the first line after it, or ``None``.

    Its indentation is that of its first line, which must be deeper than the collection the
    key is in (``parent``); blank lines inside are kept, and trailing ones dropped (``|``
    then ends the text with one line break, ``|-`` with none). A line of spaces only is left
    to libyaml (YAML counts its spaces in ways not worth copying here), as is an empty block.
    """
    if header not in ("|", "|-"):
        return None
    kept: list[str] = []
    width = -1
    i, count = start, len(lines)
    while i < count:
        line = lines[i]
        if not line:
            kept.append("")
            i += 1
            continue
        stripped = line.lstrip(" ")
        if not stripped:
            return None
        indent = len(line) - len(stripped)
        if width < 0:
            if indent <= parent:
                break
            width = indent
        elif indent < width:
            break
        kept.append(line[width:])
        i += 1
    if width < 0:
        return None
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept) + ("\n" if header == "|" else ""), i
