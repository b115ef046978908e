"""A fast path for reading well-formed data files, giving exactly what :mod:`inspections.load`
gives.

Why: ruamel.yaml's pure-Python round-trip parser takes about 11 ms per inspection file, so the
153-council data set (about 800 files) took 9 s to validate; the budget is 1 s. libyaml (the C
parser bundled with PyYAML, already installed for MkDocs) reads the same files in well under a
millisecond each.

The fast path is only trusted with plain, well-formed files. Anything unusual (a syntax error,
an anchor, an alias, an explicit tag, a YAML directive, duplicate keys, values that are not
text, numbers, true/false or empty) returns ``None`` and the caller uses the careful ruamel
path, so every message a comms officer can see still comes from one place. Plain values are
resolved with ruamel's own YAML 1.2 rules (so ``no`` stays text and ``010`` stays 10) while
libyaml composes (PyYAML's own YAML 1.1 resolver never runs), and the tree is built by
:func:`_builder`, which follows :func:`inspections.carefulload._build` rule for rule but hands the file
back at the first thing ``_build`` would report. Values and positions are identical (a test
checks this on every shipped and synthetic file).

Example::

    >>> doc = load_fast("area: derby\\nname: Derby\\n", "data/areas/derby.yaml")
    >>> doc.data, doc.where(("name",))
    ({'area': 'derby', 'name': 'Derby'}, (2, 7))
    >>> load_fast("a: &x 1\\nb: *x\\n", "x.yaml") is None    # left to the careful path
    True
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from inspections import load

try:  # libyaml is optional in PyYAML builds; without it there is no fast path
    from yaml.cyaml import CParser as _CParser

    _LOADER: type | None = yaml.CSafeLoader
except ImportError:  # pragma: no cover
    _CParser = object  # type: ignore[assignment,misc]
    _LOADER = None

# YAML 1.2's implicit types for plain values: ruamel.yaml's own table (ruamel.yaml.resolver,
# the rows for version 1.2, in its order), so both paths read every plain value alike without
# importing ruamel.yaml (about 10 ms) for files that never need the careful path. A test checks
# this table against ruamel's resolver.
_IMPLICIT_12 = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (
        "float",
        r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        "-+0123456789.",
    ),
    (
        "int",
        r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""",
        "-+0123456789",
    ),
    ("merge", r"^(?:<<)$", "<"),
    (
        "null",
        r"""^(?: ~
        |null|Null|NULL
        | )$""",
        ("~", "n", "N", ""),
    ),
    (
        "timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        "0123456789",
    ),
    ("value", r"^(?:=)$", "="),
)
_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _kind, _pattern, _firsts in _IMPLICIT_12:
    for _first in _firsts:
        _BY_FIRST.setdefault(_first, []).append((_kind, re.compile(_pattern, re.X)))
_PLAIN_KINDS = {"str", "int", "float", "bool", "null", "timestamp"}
# Only a plain value starting with one of these can be anything but text under YAML 1.2
# (numbers, .inf/.nan, ~, null, true/false, timestamps, `<<`, `=`; the empty value is null).
_MAYBE = frozenset(first for first in _BY_FIRST if first)


@functools.lru_cache(maxsize=4096)
def _resolve(value: str) -> str | None:
    """The YAML 1.2 kind of a plain value (``"str"``, ``"int"``...), as ruamel.yaml reads it;
    ``None`` for kinds data files never use (``<<``, ``=``).

    >>> _resolve("010"), _resolve("no"), _resolve("2022-03-21"), _resolve("~")
    ('int', 'str', 'timestamp', 'null')
    """
    for kind, regexp in _BY_FIRST.get(value[:1], ()):
        if regexp.match(value):
            return kind if kind in _PLAIN_KINDS else None
    return "str"


def load_fast(text: str, name: str, lines: list[str] | None = None) -> load.Document | None:
    """Read plain, well-formed YAML with libyaml; ``None`` means "use the careful path".

    The careful path's limits hold here too: libyaml's events are read first (in C, iteratively,
    so deep nesting cannot exhaust the stack), and the first sign of anything a data file never
    needs (a second document, a directive, a tag, an anchor or alias, more than
    ``load.MAX_DEPTH`` levels or ``load.MAX_VALUES`` values) hands the file back before anything
    is composed. The careful path then reports it.
    """
    if _LOADER is None:
        return None
    if text.startswith("%") or "\n%" in text:  # a line starting `%`: a directive
        return None
    lines = text.split("\n") if lines is None else lines
    if "\t" not in text:
        # The plainest files (nearly all) are read line by line, quicker still. That reader
        # takes no anchor, alias, tag, directive, document marker or bracket (it hands the
        # file back at once), so it needs none of the checks below.
        from inspections.lineload import read_lines

        doc = load.Document(name, None, lines=lines)
        texts: list[tuple[tuple, str]] = []
        fields: dict[Any, list[tuple[tuple, str]]] = {}
        if (data := read_lines(lines, doc, texts, fields)) is not None:
            doc.data = data
            doc.__dict__["_texts"] = (data, texts)
            doc.__dict__["_fields"] = (data, fields)
            return doc
    try:
        depth = values = documents = 0
        for event in yaml.parse(text, Loader=_LOADER) if _needs_events(text, lines) else ():
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1 or event.explicit and event.version:
                    return None
            elif isinstance(event, yaml.AliasEvent):
                return None
            elif isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
                if event.anchor is not None or event.tag is not None:
                    return None  # an anchor, or an explicit tag (`!x`, `!!str`)
                values += 1
                if values > load.MAX_VALUES:
                    return None
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > load.MAX_DEPTH:
                        return None
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        loader = _Composer(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError:
        return None
    if node is None or node.id != "mapping":
        return None
    doc = load.Document(name, None, lines=lines)
    texts = []
    fields: dict[Any, list[tuple[tuple, str]]] = {}
    build = _builder(doc, texts, fields, escapes="\\" in text, anchors="&" in text)
    try:
        doc.data = build(node, (), 0)
    except _Unusual:
        return None
    if len(doc.positions) + len(doc.key_positions) > load.MAX_VALUES:
        return None  # one position per value and per key: every node, counted
    # What validate.doc_texts would find, in the same order, so no check walks the tree again.
    doc.__dict__["_texts"] = (doc.data, texts)
    doc.__dict__["_fields"] = (doc.data, fields)  # what validate.doc_fields would find
    return doc


# The tag libyaml's composer gives every node without a tag of its own. Plain values are
# resolved by the builder (one cached look-up, only for values that can be other than text),
# not by the composer: the composer would ask for every node, keys and collections included.
_IMPLICIT = "?implicit"


class _Composer(_CParser):  # type: ignore[misc,valid-type]
    """libyaml's composer, leaving every implicit tag to the builder (:data:`_IMPLICIT`).

    A node with a tag of its own keeps it, and the builder hands the file back. (``!``, the
    one tag libyaml also resolves here, is a property the event scan of :func:`_needs_events`
    always sees first.)
    """

    def resolve(self, kind: type, value: str | None, implicit: object) -> str:
        return _IMPLICIT

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _Unusual(Exception):
    """Something :func:`inspections.carefulload._build` would report: use the careful path."""


def _builder(doc: load.Document, texts: list, fields: dict, escapes: bool, anchors: bool) -> Any:
    """Plain values and positions from libyaml's nodes, exactly as ``carefulload._build`` gives them.

    The careful path's limits hold here too: a node reached twice (an alias), a collection
    deeper than ``load.MAX_DEPTH`` and more than ``load.MAX_VALUES`` nodes all hand the file
    back, as does any explicit tag. Without a `&` in the text there is no anchor, so no node can
    be reached twice (an alias to an undefined anchor is a syntax error) and nodes are counted
    afterwards instead. Written as one closure with local names: it runs for every value of
    every file.
    """
    seen: set[int] = set()
    positions, key_positions = doc.positions, doc.key_positions
    blocks, written = doc.blocks, doc.written
    invisible = load._INVISIBLE.search
    max_values, max_depth = load.MAX_VALUES, load.MAX_DEPTH
    add_text = texts.append
    maybe, resolve, typed = _MAYBE, _resolve, _typed
    indexed = load.INDEXED_FIELDS

    def visit(node: yaml.Node) -> None:
        if id(node) in seen or len(seen) >= max_values:
            raise _Unusual
        seen.add(id(node))

    def build(node: yaml.Node, loc: tuple, depth: int) -> Any:
        if anchors:
            visit(node)
        mark = node.start_mark
        positions[loc] = (mark.line + 1, mark.column + 1)
        if node.tag is not _IMPLICIT:
            raise _Unusual  # `!x`, `!!str`: the careful path names the tag
        nid = node.id
        if nid == "scalar":
            value = node.value
            style = node.style
            if style:  # quoted or block text is always text
                if style == "|" or style == ">":
                    blocks.add(loc)
                    if style == ">":
                        value = value.replace("\a", "")
                elif escapes and invisible(value):
                    raise _Unusual
                add_text((loc, value))
                return value
            if value and value[0] not in maybe:  # plain text (the common case)
                add_text((loc, value))
                return value
            return typed(value, resolve(value), loc, written, add_text)
        if depth >= max_depth:
            raise _Unusual
        if nid == "sequence":
            items = [build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
            for i, item in enumerate(items):
                if type(item) is str:
                    fields.setdefault(int, []).append(((*loc, i), item))
            return items
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if anchors:
                visit(key_node)
            if key_node.id != "scalar" or key_node.tag is not _IMPLICIT:
                raise _Unusual
            key = key_node.value
            if key == "<<" or key in result or (escapes and invisible(key)):
                raise _Unusual
            child = (*loc, key)
            key_mark = key_node.start_mark
            key_positions[child] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = value = build(value_node, child, depth + 1)
            if key in indexed and type(value) is str:
                fields.setdefault(key, []).append((child, value))
        return result

    return build


def _typed(value: str, kind: str | None, loc: tuple, written: dict, add_text: Any) -> Any:
    """The value of a plain scalar of YAML 1.2 ``kind`` (see :func:`_resolve`), as
    ``carefulload._build`` gives it; raises :class:`_Unusual` where ``_build`` would report it."""
    if kind is None:
        raise _Unusual  # `<<` or `=`, which data files never use
    if kind == "str" or kind == "timestamp":
        add_text((loc, value))
        return value  # text, and dates (kept as text)
    written[loc] = value
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind == "int":
        if len(value.lstrip("+-")) > load.MAX_DIGITS:
            raise _Unusual
        if load._INT.match(value):
            return int(value)
        if load._OCT.match(value):
            return int(value[2:], 8)
        if load._HEX.match(value):
            return int(value[2:], 16)
    else:
        try:
            return float(value)
        except ValueError:
            pass
    add_text((loc, value))
    return value  # numbers Python cannot read (`0b1`, `1_000`)


# `&anchor`, `*alias` or `!tag` can only start a value: at the start of a line or a list item
# (`- `), or after `?`, `:`, `,`, `[` or `{` (in flow brackets `:` needs no space after it).
_LINE_LEAD = re.compile(r"[ \t]*(?:-[ \t]+)*")
_BEFORE_VALUE = (":", ",", "[", "{", "?")
# libyaml composes nested nodes recursively in C: keep what it may be handed shallow enough that
# this can never matter (each level needs an opening bracket, a `- ` or its own line).
_MAX_OPENERS = 1_000
_MAX_LINES = 2_000


def _needs_events(text: str, lines: list[str]) -> bool:
    """Must the events be read before composing? Reading them costs as much as composing, so
    only when the text could hold an anchor, alias, tag or second document, or is big or
    bracket-heavy enough that composing it could be costly. Depth, size, shared nodes and
    tags are checked again on the composed tree (:func:`_builder`), so the limits hold either
    way.

    Each `&`, `*` or `!` (rare in data files; `**bold**` in the middle of a sentence is not
    a property) is looked at on its own: one pattern for all the places a property can be
    was slow (it is tried at every character of every file).

    >>> _needs_events("a: some **bold** text\\n", ["a: some **bold** text", ""])
    False
    >>> _needs_events("a: *x\\n", ["a: *x", ""])
    True
    """
    if (
        len(lines) > _MAX_LINES
        or "- -" in text
        or ("[" in text or "{" in text)
        and text.count("[") + text.count("{") > _MAX_OPENERS
        or text.startswith(("---", "..."))
        or "\n---" in text
        or "\n..." in text
    ):
        return True
    for char in "&*!":  # each found with a fast search for one character, not a pattern
        at = text.find(char)
        while at >= 0:
            before = text[text.rfind("\n", 0, at) + 1 : at]
            if _LINE_LEAD.fullmatch(before) or before.rstrip(" \t").endswith(_BEFORE_VALUE):
                return True
            at = text.find(char, at + 1)
    return False
