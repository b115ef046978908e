"""Test helpers for checking the data reader against an independent YAML 1.2 parser.

:func:`reference` reads text with ruamel.yaml (pure Python, YAML 1.2; the project uses it to
rewrite files in ``refresh``) and gives the values and positions the reader should give:
plain values by ruamel's own resolver, dates and anything else plain kept as text.

Example::

    >>> reference("a: b\\nn: 010\\n").data
    {'a': 'b', 'n': 10}
    >>> no_bel({"a": ["x\\ay"]})
    {'a': ['xy']}
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

_CORE = "tag:yaml.org,2002:"


def reference(text: str) -> SimpleNamespace:
    """``text`` as ruamel.yaml reads it: ``data``, ``positions``, ``key_positions``,
    ``blocks`` and ``written``, as :class:`inspections.load.Document` has them. Raises
    ruamel's own errors for files it refuses."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    got = SimpleNamespace(data=None, positions={}, key_positions={}, blocks=set(), written={})
    got.data = _build(yaml.compose(text), (), got)
    return got


def _build(node: Any, loc: tuple, got: SimpleNamespace) -> Any:
    got.positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.id == "mapping":
        result = {}
        for key_node, value_node in node.value:
            child = (*loc, str(key_node.value))
            got.key_positions[child] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            result[str(key_node.value)] = _build(value_node, child, got)
        return result
    if node.id == "sequence":
        return [_build(item, (*loc, i), got) for i, item in enumerate(node.value)]
    if node.style in ("|", ">"):
        got.blocks.add(loc)
    if node.style:
        return node.value
    kind = str(getattr(node.tag, "value", node.tag)).removeprefix(_CORE)
    if kind not in ("null", "bool", "int", "float"):
        return node.value
    got.written[loc] = node.value
    if kind == "null":
        return None
    if kind == "bool":
        return node.value.lower() == "true"
    value = node.value
    if kind == "int":  # the forms Python reads; others (`0b1`, `1_000`) stay text
        for pattern, start, base in (
            (r"[-+]?[0-9]+", 0, 10),
            (r"0o[0-7]+", 2, 8),
            (r"0x[0-9a-fA-F]+", 2, 16),
        ):
            if re.fullmatch(pattern, value):
                return int(value[start:], base)
        return value
    try:
        return float(value)
    except ValueError:
        return value


def no_bel(value):
    """``value`` without the BEL characters (\\x07) that ruamel's round-trip loader leaves
    where `>` text was folded; the reader leaves none."""
    if isinstance(value, dict):
        return {k: no_bel(v) for k, v in value.items()}
    if isinstance(value, list):
        return [no_bel(v) for v in value]
    return value.replace("\a", "") if isinstance(value, str) else value
