"""Read one YAML data file into plain Python, remembering where every value came from.

Why not ``yaml.safe_load``: comms teams need ``file:line:col`` for every problem, YAML 1.1
turns ``no`` into ``False`` and ``010`` into 8, duplicate keys silently win, and aliases allow
"billion laughs" files. So we let ruamel.yaml (YAML 1.2) compose nodes, then build plain values
ourselves under a small, strict rule set:

- text, whole numbers, decimals, ``true``/``false`` and empty values only; dates stay text
  (``2022-03-21``), so a date that does not exist is reported by validation, not a crash;
- anchors, aliases, tags and merge keys are refused (data files never need them);
- duplicate keys are refused, naming both lines;
- the file must be UTF-8 (a byte-order mark and Windows line endings are accepted quietly),
  at most 1 MB, and a mapping at the top.

Example::

    >>> doc = load_text("area: derby\\nname: Derby\\n", "data/areas/derby.yaml")
    >>> doc.data
    {'area': 'derby', 'name': 'Derby'}
    >>> doc.where(("name",))
    (2, 7)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from inspections.problems import DataError, Problem

MAX_BYTES = 1_000_000
Loc = tuple[str | int, ...]

_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_CORE = "tag:yaml.org,2002:"


@dataclass
class Document:
    """A loaded data file: plain values plus the position of every key and value.

    ``positions[loc]`` is the (line, col) of the value at ``loc`` (1-based);
    ``key_positions[loc]`` the position of its key, when it has one; ``blocks`` holds the
    locs of ``|`` and ``>`` text blocks, whose words start on the line after the marker.
    """

    path: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    blocks: set[Loc] = field(default_factory=set)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of ``loc``, or of its nearest parent that has one (the file start if none)."""
        loc = tuple(loc)
        table = self.key_positions if key else self.positions
        if loc in table:
            return table[loc]
        while loc:
            loc = loc[:-1]
            if loc in self.positions:
                return self.positions[loc]
        return (1, 1)

    def text_start(self, loc: Loc) -> tuple[int, int]:
        """Where the words of a text value start (the line after ``|`` for a block)."""
        line, col = self.where(loc)
        if tuple(loc) in self.blocks:
            return (line + 1, col + 2)
        return (line, col)

    def problem(self, loc: Loc, message: str, fix: str = "", *, key: bool = False) -> Problem:
        """A :class:`Problem` pointing at ``loc`` in this file."""
        line, col = self.where(loc, key=key)
        return Problem(self.path, line, col, message, fix)


def load_file(path: Path, shown_as: str | None = None) -> Document:
    """Load ``path``; raise :class:`DataError` with every problem found in it."""
    name = shown_as or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError([Problem(name, 1, 1, f"This file could not be read ({exc.strerror})",
                                 "Check the file exists and is not open in another program")]
                        ) from None
    return load_bytes(raw, name)


def load_bytes(raw: bytes, name: str) -> Document:
    """Check size and encoding, then load the text."""
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(
            name, 1, 1,
            f"This file is {len(raw):,} bytes, too large to be a data file (the limit is "
            f"{MAX_BYTES:,} bytes)",
            "Check it is the right file; long text belongs in several shorter fields")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError([Problem(
            name, line, col,
            "This file is not saved as UTF-8 text (it has a character this site cannot read "
            "here, often a curly quote or £ sign from Word)",
            "Save the file as UTF-8 in your editor (in VS Code: 'Save with Encoding', then "
            "'UTF-8'), or retype the character")]) from None
    return load_text(text, name)


def load_text(text: str, name: str) -> Document:
    """Load YAML text; raise :class:`DataError` with every problem found."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DataError([Problem(name, line, 1, "This file contains a NUL character, so it is "
                                 "not a text file", "Check it is the right file")])
    from inspections.fastload import load_fast  # libyaml for plain files: 20x faster

    if (fast := load_fast(text, name)) is not None:
        return fast
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    problems: list[Problem] = []
    try:
        for event in yaml.parse(text):
            if isinstance(event, AliasEvent) or (
                isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor
            ):
                mark = event.start_mark
                problems.append(Problem(
                    name, mark.line + 1, mark.column + 1,
                    "Anchors and aliases (`&name` and `*name`) are not allowed in data files",
                    "Write the value out in full where it is needed"))
                break
        if problems:
            raise DataError(problems)
        node = yaml.compose(text)
    except MarkedYAMLError as exc:
        raise DataError([_syntax_problem(name, exc, text)]) from None
    except YAMLError as exc:  # pragma: no cover - ruamel raises marked errors for syntax
        raise DataError([Problem(name, 1, 1, f"This file is not valid YAML ({exc})",
                                 "Check the indentation and quotes")]) from None
    doc = Document(name, None)
    if node is None:
        raise DataError([Problem(name, 1, 1, "This file is empty",
                                 "Fill it in, or delete it if it is not needed")])
    if not isinstance(node, MappingNode):
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        kind = "a list" if isinstance(node, SequenceNode) else "a single value"
        raise DataError([Problem(name, line, col,
                                 f"This file holds {kind}, but a data file must be a set of "
                                 "`name: value` lines",
                                 "Start each line at the left with a field name, such as "
                                 "`area: derby`")])
    doc.data = _build(node, (), doc, problems)
    if problems:
        raise DataError(problems)
    return doc


def _syntax_problem(name: str, exc: MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    what = (exc.problem or exc.context or "this is not valid YAML").strip()
    lines = text.split("\n")
    bad = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad or "found character '\\t'" in what:
        return Problem(name, line, col, "This line uses a tab for indenting",
                       "Use spaces instead of tabs (two spaces for each level)")
    if "mapping values are not allowed" in what:
        return Problem(name, line, col,
                       "A colon (`:`) here confuses the file's structure",
                       "Put text that contains `: ` inside double quotes, or check the "
                       "indentation of this line matches the lines around it")
    if "found unexpected end of stream" in what or "while scanning a quoted scalar" in str(exc):
        return Problem(name, line, col, "A quoted text is not closed",
                       "Add the closing quote mark, or remove the opening one")
    if "expected <block end>" in what or "did not find expected" in what:
        return Problem(name, line, col,
                       "The indentation here does not match the lines above",
                       "Line this up with the other fields at the same level, using spaces")
    return Problem(name, line, col, f"This is not valid YAML ({what})",
                   "Check the indentation (spaces, not tabs) and that quotes are closed")


def _build(node: Node, loc: Loc, doc: Document, problems: list[Problem]) -> Any:
    doc.positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    tag = node.tag.value if hasattr(node.tag, "value") else str(node.tag)
    if node.id == "mapping":  # `id`, not isinstance: PyYAML's nodes come here too (fastload)
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.id != "scalar":
                problems.append(Problem(doc.path, key_line, key_node.start_mark.column + 1,
                                        "A field name must be a single word or phrase",
                                        "Write it as `name: value`"))
                continue
            key = str(key_node.value)
            if key == "<<":
                problems.append(Problem(doc.path, key_line, key_node.start_mark.column + 1,
                                        "Merge keys (`<<`) are not allowed in data files",
                                        "Write the fields out in full"))
                continue
            if key in seen:
                problems.append(Problem(
                    doc.path, key_line, key_node.start_mark.column + 1,
                    f"`{key}` appears twice in the same place (first on line {seen[key]})",
                    "Keep one of them and delete the other"))
                continue
            seen[key] = key_line
            child = (*loc, key)
            doc.key_positions[child] = (key_line, key_node.start_mark.column + 1)
            result[key] = _build(value_node, child, doc, problems)
        return result
    if node.id == "sequence":
        return [_build(item, (*loc, i), doc, problems) for i, item in enumerate(node.value)]
    value = node.value
    if getattr(node, "style", None) in ("|", ">"):
        doc.blocks.add(loc)
    if tag.startswith("!") or (tag.startswith("tag:") and not tag.startswith(_CORE)):
        line, col = doc.positions[loc]
        problems.append(Problem(doc.path, line, col, f"The tag `{tag}` is not allowed here",
                                "Remove it and write the plain value"))
        return value
    if getattr(node, "style", None):  # quoted or block text is always text
        return value
    kind = tag.removeprefix(_CORE)
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind == "int":
        if _INT.match(value):
            return int(value)
        if _OCT.match(value):
            return int(value[2:], 8)
        if _HEX.match(value):
            return int(value[2:], 16)
        return value
    if kind == "float":
        try:
            return float(value)
        except ValueError:
            return value
    return value  # str, timestamp (kept as text) and anything else plain
