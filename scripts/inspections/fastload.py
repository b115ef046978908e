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
resolved with ruamel's own YAML 1.2 rules (so ``no`` stays text and ``010`` stays 10), and the
tree is built by the same ``_build`` function, so values and positions are identical (a test
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

import yaml
from ruamel.yaml.nodes import ScalarNode as RuamelScalar
from ruamel.yaml.resolver import VersionedResolver

from inspections import load

try:  # libyaml is optional in PyYAML builds; without it there is no fast path
    _LOADER: type | None = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _LOADER = None

_RESOLVER = VersionedResolver(version=(1, 2))
_PLAIN_KINDS = {"str", "int", "float", "bool", "null", "timestamp"}
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
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return None
    if node is None or node.id != "mapping":
        return None
    if not _retag(node):
        return None
    doc = load.Document(name, None, lines=lines)
    problems: list = []
    doc.data = load._build(node, (), doc, problems)
    return None if problems else doc


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
    nodes are checked again on the composed tree (:func:`_retag`), so the limits hold either way.
    """
    return bool(
        _STRUCTURAL.search(text)
        or "- -" in text
        or len(lines) > _MAX_LINES
        or text.count("[") + text.count("{") > _MAX_OPENERS
        or any(line.startswith(("---", "...")) for line in lines)
    )


def _retag(node: yaml.Node) -> bool:
    """Give plain scalars the tag ruamel's YAML 1.2 resolver would; False if anything is unusual:
    a node reached twice (an alias), nesting deeper than ``load.MAX_DEPTH``, more values than
    ``load.MAX_VALUES``, or a plain value of a kind data files do not use."""
    stack = [(node, 0)]
    seen: set[int] = set()
    while stack:
        n, depth = stack.pop()
        if id(n) in seen or len(seen) >= load.MAX_VALUES:
            return False
        seen.add(id(n))
        if n.id == "mapping" or n.id == "sequence":
            if depth >= load.MAX_DEPTH:
                return False
            children = [x for pair in n.value for x in pair] if n.id == "mapping" else n.value
            stack.extend((child, depth + 1) for child in children)
        elif not n.style:  # plain scalar: YAML 1.1 resolution replaced by 1.2
            tag = _STR if n.value[:1] and n.value[0] not in _MAYBE else _resolve(n.value)
            if tag is None:
                return False
            n.tag = tag
    return True
