"""The careful path: ruamel.yaml's round-trip parser, for files the fast readers hand back.

Why a module of its own: well-formed files never come here (:mod:`inspections.lineload` and
:mod:`inspections.fastload` read them), so neither this code nor ruamel.yaml is compiled or
imported by a build whose files are all plain. Every message about a broken file comes from
here, with the rules described in :mod:`inspections.load`.

Example::

    >>> load_carefully("a: 1\\na: 2\\n", "x.yaml", ["a: 1", "a: 2", ""])
    Traceback (most recent call last):
    ...
    inspections.problems.DataError: x.yaml:2:1: `a` appears twice in the same place (first on line 1). Keep one of them and delete the other.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from inspections.load import (
    _CORE,
    _HEX,
    _INT,
    _INVISIBLE,
    _OCT,
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_VALUES,
    Document,
    Loc,
    _char_name,
)
from inspections.problems import DataError, Problem

if TYPE_CHECKING:
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.events import Event
    from ruamel.yaml.nodes import Node

# A line whose value starts with a bracket: `key: [` or `- {`.
_BRACKET_VALUE = re.compile(r"\s*(?:-\s+|[^\s#\[{][^#]*?:\s+)([\[{])")


def load_carefully(text: str, name: str, lines: list[str]) -> Document:
    """ruamel.yaml's round-trip parser: slow, but its marks and messages are the ones we report.

    Imported here, not at the top: well-formed files never come this far, and importing
    ruamel.yaml costs about 10 ms of every build.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    try:
        problems = _scan(yaml.parse(text), name)
        if problems:
            raise DataError(problems)
        node = yaml.compose(text)
    except MarkedYAMLError as exc:
        raise DataError([_syntax_problem(name, exc, lines)]) from None
    except DataError:
        raise
    except (
        YAMLError,
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        KeyError,
        RecursionError,
        MemoryError,
    ) as exc:
        # Not expected (the scan above stops what we know of), but a hostile file must still
        # get a message, not a traceback.
        raise DataError(
            [
                Problem(
                    name,
                    1,
                    1,
                    f"This file could not be read as YAML ({type(exc).__name__}: {str(exc)[:120]})",
                    "Check the indentation (spaces, not tabs) and that quotes are closed",
                )
            ]
        ) from None
    doc = Document(name, None, lines=lines)
    if node is None:
        raise DataError(
            [
                Problem(
                    name, 1, 1, "This file is empty", "Fill it in, or delete it if it is not needed"
                )
            ]
        )
    if not isinstance(node, MappingNode):
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        kind = "a list" if isinstance(node, SequenceNode) else "a single value"
        fix = "Start each line at the left with a field name, such as `area: derby`"
        if isinstance(node, ScalarNode) and re.search(r":[\u00a0\u2007\u202f]", node.value):
            fix = (
                "A colon here is followed by a non-breaking space (often pasted from Word): "
                "retype it as an ordinary space"
            )
        raise DataError(
            [
                Problem(
                    name,
                    line,
                    col,
                    f"This file holds {kind}, but a data file must be a set of `name: value` lines",
                    fix,
                )
            ]
        )
    problems = []
    doc.data = _build(node, (), doc, problems)
    if problems:
        raise DataError(problems)
    return doc


def _scan(events: Any, name: str) -> list[Problem]:
    """Read the parse events once, stopping at the first thing data files never need.

    Stopping here, before anything is composed, is what keeps a "billion laughs" file or a
    file nested thousands of levels deep from costing time or memory.
    """
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        DocumentStartEvent,
        ScalarEvent,
    )

    depth = values = documents = 0
    for event in events:
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                return [
                    _at(
                        name,
                        event,
                        "This file holds more than one document (a `---` line starts a second one)",
                        "Keep one area, framework or inspection per file: delete the `---` "
                        "line, or move what follows it into a file of its own",
                    )
                ]
            if event.version or event.tags:
                return [
                    _at(
                        name,
                        event,
                        "A `%YAML` or `%TAG` line is not allowed in data files",
                        "Delete it: data files are always read as YAML 1.2",
                    )
                ]
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            return [
                _at(
                    name,
                    event,
                    "Anchors and aliases (`&name` and `*name`) are not allowed in data files",
                    "Write the value out in full where it is needed",
                )
            ]
        tag = getattr(event, "tag", None)
        if tag:
            shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
            return [
                _at(
                    name,
                    event,
                    f"The tag `{shown}` is not allowed in data files",
                    "Delete it and write the plain value (put text in double quotes)",
                )
            ]
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return [
                    _at(
                        name,
                        event,
                        f"This is nested more than {MAX_DEPTH} levels deep",
                        "Data files never need this many levels: check the brackets and "
                        "indentation",
                    )
                ]
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        if isinstance(event, ScalarEvent | CollectionStartEvent):
            values += 1
            if values > MAX_VALUES:
                return [
                    _at(
                        name,
                        event,
                        f"This file has more than {MAX_VALUES:,} values, "
                        "far more than a data file needs",
                        "Check it is the right file",
                    )
                ]
    return []


def _at(name: str, event: Event, message: str, fix: str) -> Problem:
    mark = event.start_mark
    return Problem(name, mark.line + 1, mark.column + 1, message, fix)


def _syntax_problem(name: str, exc: MarkedYAMLError, lines: list[str]) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    if "quoted scalar" in (exc.context or "") and exc.context_mark:
        mark = exc.context_mark  # where the quote was opened, not the end of the file
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    what = (exc.problem or exc.context or "this is not valid YAML").strip()
    bad = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad or "found character '\\t'" in what:
        return Problem(
            name,
            line,
            col,
            "This line uses a tab for indenting",
            "Use spaces instead of tabs (two spaces for each level)",
        )
    candidates = [m.line + 1 for m in (exc.context_mark, exc.problem_mark) if m]
    if "flow" in (exc.context or "") and "<stream end>" in what:
        # The file ended inside a [ or { : the culprit is the last line that opened one.
        candidates += [n for n in range(len(lines), 0, -1) if _BRACKET_VALUE.match(lines[n - 1])][
            :1
        ]
    for number in dict.fromkeys(candidates):
        bracket = _BRACKET_VALUE.match(lines[number - 1] if number <= len(lines) else "")
        if bracket:
            return Problem(
                name,
                number,
                bracket.end(),
                f"A value that starts with `{bracket.group(1)}` reads as a list or a "
                "set of fields, not as text",
                "If it is text (such as a link at the start of a sentence), put all of "
                "it in double quotes; if it is a list, check the closing bracket",
            )
    if "mapping values are not allowed" in what:
        return Problem(
            name,
            line,
            col,
            "A colon (`:`) here confuses the file's structure",
            "Put text that contains `: ` inside double quotes, or check the "
            "indentation of this line matches the lines around it",
        )
    if "found unexpected end of stream" in what or "while scanning a quoted scalar" in str(exc):
        return Problem(
            name,
            line,
            col,
            "The quoted text that starts here is not closed",
            "Add the closing quote mark at the end of the text, or remove the opening one",
        )
    if "expected <block end>" in what or "did not find expected" in what:
        return Problem(
            name,
            line,
            col,
            "The indentation here does not match the lines above",
            "Line this up with the other fields at the same level, using spaces",
        )
    if "found character '@'" in what or "found character '`'" in what:
        return Problem(
            name,
            line,
            col,
            "Text cannot start with `@` or a backtick (`` ` ``)",
            "Put the text in double quotes",
        )
    return Problem(
        name,
        line,
        col,
        f"This is not valid YAML ({what})",
        "Check the indentation (spaces, not tabs) and that quotes are closed",
    )


def _build(node: Node, loc: Loc, doc: Document, problems: list[Problem]) -> Any:
    # `node.id`, not isinstance: libyaml's nodes (inspections.fastload) come here too.
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    doc.positions[loc] = (line, col)
    if node.id == "mapping":
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            key_col = key_node.start_mark.column + 1
            if key_node.id != "scalar":
                problems.append(
                    Problem(
                        doc.path,
                        key_line,
                        key_col,
                        "A field name must be a single word or phrase",
                        "Write it as `name: value`",
                    )
                )
                continue
            key = str(key_node.value)
            if key == "<<":
                problems.append(
                    Problem(
                        doc.path,
                        key_line,
                        key_col,
                        "Merge keys (`<<`) are not allowed in data files",
                        "Write the fields out in full",
                    )
                )
                continue
            if _escaped_invisible(key, key_line, key_col, doc, problems):
                continue
            if key in seen:
                problems.append(
                    Problem(
                        doc.path,
                        key_line,
                        key_col,
                        f"`{key}` appears twice in the same place (first on line {seen[key]})",
                        "Keep one of them and delete the other",
                    )
                )
                continue
            seen[key] = key_line
            child = (*loc, key)
            doc.key_positions[child] = (key_line, key_col)
            result[key] = _build(value_node, child, doc, problems)
        return result
    if node.id == "sequence":
        return [_build(item, (*loc, i), doc, problems) for i, item in enumerate(node.value)]
    value = node.value
    style = getattr(node, "style", None)
    if style in ("|", ">"):
        doc.blocks.add(loc)
    if style == ">":  # ruamel marks folded line breaks with BEL; they are not in the text
        value = value.replace("\a", "")
    if style:  # quoted or block text is always text
        _escaped_invisible(value, line, col, doc, problems)
        return value
    tag = node.tag.value if hasattr(node.tag, "value") else str(node.tag)
    kind = tag.removeprefix(_CORE)
    if kind in ("null", "bool", "int", "float"):
        doc.written[loc] = value
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind == "int":
        digits = value.lstrip("+-")
        if len(digits) > MAX_DIGITS:
            problems.append(
                Problem(
                    doc.path,
                    line,
                    col,
                    f"`{value[:20]}...` is too long to be a number",
                    "If it is text, put it in double quotes",
                )
            )
            return value
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


def _escaped_invisible(
    value: str, line: int, col: int, doc: Document, problems: list[Problem]
) -> bool:
    """Invisible characters written as escapes in double quotes (``"\\x07"``, ``"\\ud800"``)."""
    m = _INVISIBLE.search(value)
    if not m:
        return False
    problems.append(
        Problem(
            doc.path,
            line,
            col,
            f"This text contains an invisible character, {_char_name(m.group())}, "
            "written as an escape",
            "Remove the escape (a backslash and the letters after it)",
        )
    )
    return True
