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
:func:`_Builder`, which follows :func:`inspections.load._build` rule for rule but hands the file
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
from ruamel.yaml.nodes import ScalarNode as RuamelScalar
from ruamel.yaml.resolver import VersionedResolver

from inspections import load

try:  # libyaml is optional in PyYAML builds; without it there is no fast path
    from yaml.cyaml import CParser as _CParser

    _LOADER: type | None = yaml.CSafeLoader
except ImportError:  # pragma: no cover
    _CParser = object  # type: ignore[assignment,misc]
    _LOADER = None

_RESOLVER = VersionedResolver(version=(1, 2))
_PLAIN_KINDS = {"str", "int", "float", "bool", "null", "timestamp"}
_CORE = "tag:yaml.org,2002:"
_STR = "tag:yaml.org,2002:str"
# Only a plain value starting with one of these can be anything but text under YAML 1.2
# (numbers, .inf/.nan, ~, null, true/false, timestamps, and the empty value).
_MAYBE = set("0123456789+-.~nNtTfFyYoO<=")


@functools.lru_cache(maxsize=4096)
def _resolve(value: str) -> str | None:
    tag = _RESOLVER.resolve(RuamelScalar, value, (True, False))
    tag = tag.value if hasattr(tag, "value") else str(tag)
    return tag if tag.removeprefix("tag:yaml.org,2002:") in _PLAIN_KINDS else None


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
    lines = text.split("\n") if lines is None else lines
    if any(line.startswith("%") for line in lines):
        return None
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
    builder = _Builder(doc, escapes="\\" in text, anchors="&" in text)
    try:
        doc.data = builder.build(node, (), 0)
    except _Unusual:
        return None
    if len(doc.positions) + len(doc.key_positions) > load.MAX_VALUES:
        return None  # one position per value and per key: every node, counted
    # What validate.doc_texts would find, in the same order, so no check walks the tree again.
    doc.__dict__["_texts"] = (doc.data, builder.texts)
    return doc


_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_ODD = "!unusual"  # a plain value of a kind data files do not use (`=`, `<<`, a 1.1 base-60...)


class _Composer(_CParser):  # type: ignore[misc,valid-type]
    """libyaml's composer with YAML 1.2 resolution of plain values (ruamel's rules, cached)."""

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:  # plain
                if value and value[0] not in _MAYBE:
                    return _STR
                return _resolve(value) or _ODD
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _Unusual(Exception):
    """Something :func:`inspections.load._build` would report: use the careful path."""


class _Builder:
    """Plain values and positions from libyaml's nodes, exactly as ``load._build`` gives them.

    The careful path's limits hold here too: a node reached twice (an alias), a collection
    deeper than ``load.MAX_DEPTH`` and more than ``load.MAX_VALUES`` nodes all hand the file
    back. Without a `&` in the text there is no anchor, so no node can be reached twice (an
    alias to an undefined anchor is a syntax error) and nodes are counted afterwards instead.
    Written as one closure with local names: it runs for every value of every file.
    """

    def __init__(self, doc: load.Document, *, escapes: bool, anchors: bool = True):
        self.doc = doc
        self.texts: list[tuple[tuple, str]] = []
        self.build = _builder(doc, self.texts, escapes, anchors)


def _builder(doc: load.Document, texts: list, escapes: bool, anchors: bool) -> Any:
    seen: set[int] = set()
    positions, key_positions = doc.positions, doc.key_positions
    blocks, written = doc.blocks, doc.written
    invisible = load._INVISIBLE.search
    max_values, max_depth = load.MAX_VALUES, load.MAX_DEPTH
    add_text = texts.append

    def visit(node: yaml.Node) -> None:
        if id(node) in seen or len(seen) >= max_values:
            raise _Unusual
        seen.add(id(node))

    def build(node: yaml.Node, loc: tuple, depth: int) -> Any:
        if anchors:
            visit(node)
        mark = node.start_mark
        positions[loc] = (mark.line + 1, mark.column + 1)
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
            tag = node.tag
            if tag == _STR:
                add_text((loc, value))
                return value
            return _plain(value, tag, loc)
        if depth >= max_depth:
            raise _Unusual
        if nid == "sequence":
            return [build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if anchors:
                visit(key_node)
            if key_node.id != "scalar" or key_node.tag == _ODD:
                raise _Unusual
            key = key_node.value
            if key == "<<" or key in result or (escapes and invisible(key)):
                raise _Unusual
            child = (*loc, key)
            key_mark = key_node.start_mark
            key_positions[child] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = build(value_node, child, depth + 1)
        return result

    def _plain(value: str, tag: str, loc: tuple) -> Any:
        if tag == _ODD:
            raise _Unusual
        kind = tag.removeprefix(_CORE)
        if kind in ("null", "bool", "int", "float"):
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
        elif kind == "float":
            try:
                return float(value)
            except ValueError:
                pass
        add_text((loc, value))
        return value  # timestamps (kept as text), and numbers Python cannot read

    return build


# `&anchor`, `*alias` or `!tag` where YAML would read one: at the start of a line or a list
# item, or after `: `, `, `, `[` or `{` (not `**bold**` in the middle of a sentence).
_STRUCTURAL = re.compile(r"(?:^[ \t]*(?:-[ \t]+)*|[:,\[{][ \t]+|[\[{])[&*!]", re.M)
# libyaml composes nested nodes recursively in C: keep what it may be handed shallow enough that
# this can never matter (each level needs an opening bracket, a `- ` or its own line).
_MAX_OPENERS = 1_000
_MAX_LINES = 2_000


def _needs_events(text: str, lines: list[str]) -> bool:
    """Must the events be read before composing? Reading them costs as much as composing, so
    only when the text could hold an anchor, alias, tag, directive or second document, or is
    big or bracket-heavy enough that composing it could be costly. Depth, size and shared
    nodes are checked again on the composed tree (:class:`_Builder`), so the limits hold either way.
    """
    return bool(
        _STRUCTURAL.search(text)
        or "- -" in text
        or len(lines) > _MAX_LINES
        or text.count("[") + text.count("{") > _MAX_OPENERS
        or any(line.startswith(("---", "...")) for line in lines)
    )
