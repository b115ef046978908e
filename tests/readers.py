"""Test helpers for comparing the data readers: the careful path alone, and values as the
fast paths give them.

Example::

    >>> careful("a: b\\n").data
    {'a': 'b'}
    >>> no_bel({"a": ["x\\ay"]})
    {'a': ['xy']}
"""

from __future__ import annotations

from inspections import fastload, load


def careful(text: str) -> load.Document:
    """``text`` read by the careful path (ruamel.yaml) only; raises DataError as it does.
    Turning libyaml off also turns off the line reader, which libyaml's path asks first."""
    saved, fastload._LOADER = fastload._LOADER, None
    try:
        return load.load_text(text, "x.yaml")
    finally:
        fastload._LOADER = saved


def no_bel(value):
    """``value`` without the BEL characters (\\x07) that ruamel's round-trip loader leaves
    where `>` text was folded; the fast paths leave none."""
    if isinstance(value, dict):
        return {k: no_bel(v) for k, v in value.items()}
    if isinstance(value, list):
        return [no_bel(v) for v in value]
    return value.replace("\a", "") if isinstance(value, str) else value
