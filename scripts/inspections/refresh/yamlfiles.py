"""Read and write data files with ruamel.yaml's round-trip mode, so comments and layout stay.

Refresh changes only the fields it owns and adds missing ones; everything else in a file,
comments included, is written back as it was. Full dates are written unquoted, as people
write them (``2022-03-21``); values are compared as plain text, so a date read back from a
file equals the same date planned as text.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

MARKER = "Made by `python -m inspections refresh`"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.width = 4096  # never fold long lines: people edit these files
    y.indent(mapping=2, sequence=4, offset=2)
    y.preserve_quotes = True
    return y


def read(path: Path) -> Any:
    return yaml().load(path.read_text(encoding="utf-8"))


def dump(data: Any, header: list[str] | None = None) -> str:
    out = io.StringIO()
    yaml().dump(data, out)
    text = out.getvalue()
    if header:
        text = "".join(f"# {line}\n" if line else "#\n" for line in header) + text
    return text


def plain(value: Any) -> Any:
    """``value`` as plain dicts, lists and text (dates as ISO text), for comparing."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return value
    return str(value)


def to_yaml(value: Any) -> Any:
    """Planned plain values as round-trip values: full dates become dates (written unquoted)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = to_yaml(v)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(to_yaml(v) for v in value)
        return seq
    if isinstance(value, str) and _DAY.fullmatch(value):
        return dt.date.fromisoformat(value)
    return value


def put(data: Any, key: str, value: Any, after: tuple[str, ...] = ()) -> None:
    """Set ``data[key]``; a new key goes after the last of ``after`` present (else at the end)."""
    if key in data:
        data[key] = to_yaml(value)
        return
    keys = list(data.keys())
    position = len(keys)
    for name in after:
        if name in keys:
            position = keys.index(name) + 1
    data.insert(position, key, to_yaml(value))


def is_generated(path: Path) -> bool:
    head = path.read_text(encoding="utf-8")[:600]
    return MARKER in head
