"""What comms teams read when a data file's YAML is broken or holds what data never needs.

Every message names the place (``file:line:col``) and says how to fix it in plain English.
The rules themselves live in :mod:`inspections.yamlread`; this module only words them, so
wording can change without touching the reader. libyaml's own messages (``did not find expected
key``) are translated here into words for people who are not programmers.

Example::

    >>> print(duplicate("x.yaml", (4, 1), "name", 2))
    x.yaml:4:1: `name` appears twice in the same place (first on line 2). Keep one of them and delete the other.
"""

from __future__ import annotations

import re
from typing import Any

from inspections.problems import Problem

_CORE = "tag:yaml.org,2002:"
# A line whose value starts with a bracket: `key: [` or `- {`.
_BRACKET_VALUE = re.compile(r"\s*(?:-\s+|[^\s#\[{][^#]*?:\s+)([\[{])")
_CHAR_NAMES = {
    "\x00": "a NUL character",
    "\u200b": "a zero-width space",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
    "\u2060": "a word joiner",
    "\ufeff": "a byte-order mark",
}


def _at(name: str, mark: Any, message: str, fix: str) -> Problem:
    return Problem(name, mark.line + 1, mark.column + 1, message, fix)


# ---------------------------------------------------------------------------- refused outright


def anchor(name: str, mark: Any) -> Problem:
    return _at(
        name,
        mark,
        "Anchors and aliases (`&name` and `*name`) are not allowed in data files",
        "Write the value out in full where it is needed",
    )


def tag(name: str, mark: Any, tag: str) -> Problem:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return _at(
        name,
        mark,
        f"The tag `{shown}` is not allowed in data files",
        "Delete it and write the plain value (put text in double quotes)",
    )


def second_document(name: str, mark: Any) -> Problem:
    return _at(
        name,
        mark,
        "This file holds more than one document (a `---` line starts a second one)",
        "Keep one area, framework or inspection per file: delete the `---` line, or move what "
        "follows it into a file of its own",
    )


def directive(name: str, end: Any) -> Problem:
    """At the ``---`` line that directives need (``end`` is where that line's ``---`` ends)."""
    return Problem(
        name,
        end.line + 1,
        max(1, end.column - 2),
        "A `%YAML` or `%TAG` line is not allowed in data files",
        "Delete it: data files are always read as YAML 1.2",
    )


def too_deep(name: str, mark: Any, limit: int) -> Problem:
    return _at(
        name,
        mark,
        f"This is nested more than {limit} levels deep",
        "Data files never need this many levels: check the brackets and indentation",
    )


def too_many(name: str, mark: Any, limit: int) -> Problem:
    return _at(
        name,
        mark,
        f"This file has more than {limit:,} values, far more than a data file needs",
        "Check it is the right file",
    )


def empty(name: str) -> Problem:
    return Problem(name, 1, 1, "This file is empty", "Fill it in, or delete it if it is not needed")


def not_a_mapping(name: str, here: tuple[int, int], event: Any) -> Problem:
    """The file holds a list or a single value (``event`` starts it)."""
    kind = "a single value" if hasattr(event, "value") else "a list"
    fix = "Start each line at the left with a field name, such as `area: derby`"
    if kind == "a single value" and re.search(r":[\u00a0\u2007\u202f]", event.value):
        fix = (
            "A colon here is followed by a non-breaking space (often pasted from Word): "
            "retype it as an ordinary space"
        )
    message = f"This file holds {kind}, but a data file must be a set of `name: value` lines"
    return Problem(name, *here, message, fix)


# ---------------------------------------------------------------------------- keys and values


def not_a_key(name: str, here: tuple[int, int]) -> Problem:
    return Problem(
        name,
        *here,
        "A field name must be a single word or phrase",
        "Write it as `name: value`",
    )


def merge_key(name: str, here: tuple[int, int]) -> Problem:
    return Problem(
        name,
        *here,
        "Merge keys (`<<`) are not allowed in data files",
        "Write the fields out in full",
    )


def duplicate(name: str, here: tuple[int, int], key: str, first: int) -> Problem:
    return Problem(
        name,
        *here,
        f"`{key}` appears twice in the same place (first on line {first})",
        "Keep one of them and delete the other",
    )


def too_long(name: str, here: tuple[int, int], value: str) -> Problem:
    return Problem(
        name,
        *here,
        f"`{value[:20]}...` is too long to be a number",
        "If it is text, put it in double quotes",
    )


def invisible(name: str, here: tuple[int, int], char: str) -> Problem:
    """An invisible character typed in the file."""
    return Problem(
        name,
        *here,
        f"This line contains an invisible character, {char_name(char)}, which often comes "
        "from pasting out of Word or a PDF",
        "Delete it: retype the words around it, or paste them as plain text",
    )


def escaped(name: str, here: tuple[int, int], char: str) -> Problem:
    """An invisible character written as an escape in double quotes (``"\\x07"``)."""
    return Problem(
        name,
        *here,
        f"This text contains an invisible character, {char_name(char)}, written as an escape",
        "Remove the escape (a backslash and the letters after it)",
    )


def nul(name: str, line: int) -> Problem:
    return Problem(
        name,
        line,
        1,
        "This file contains a NUL character, so it is not a text file",
        "Check it is the right file",
    )


def char_name(ch: str) -> str:
    """How a message names an invisible character.

    >>> char_name("\\u200b"), char_name("\\x07")
    ('a zero-width space (U+200B)', 'a control character (U+0007)')
    """
    code = f"U+{ord(ch):04X}"
    if ch in _CHAR_NAMES:
        return f"{_CHAR_NAMES[ch]} ({code})"
    if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
        return f"a right-to-left or left-to-right control ({code})"
    if "\ud800" <= ch <= "\udfff":
        return f"half of a character pair ({code})"
    import unicodedata  # only when a message is written

    if unicodedata.category(ch) == "Cc":
        return f"a control character ({code})"
    return code


# ---------------------------------------------------------------------------- broken YAML


def unreadable(name: str, exc: BaseException) -> Problem:
    """Not expected (the reader stops what we know of), but a hostile file must still get a
    message, not a traceback."""
    return Problem(
        name,
        1,
        1,
        f"This file could not be read as YAML ({type(exc).__name__}: {str(exc)[:120]})",
        "Check the indentation (spaces, not tabs) and that quotes are closed",
    )


def syntax_problem(name: str, exc: Any, lines: list[str]) -> Problem:
    """libyaml's syntax error ``exc`` (a ``yaml.MarkedYAMLError``), in plain words, at the
    place a person would look.

    >>> import yaml
    >>> try:
    ...     list(yaml.parse('a: "open\\n', Loader=yaml.CBaseLoader))
    ... except yaml.MarkedYAMLError as exc:
    ...     print(syntax_problem("x.yaml", exc, ['a: "open', '']))
    x.yaml:1:4: The quoted text that starts here is not closed. Add the closing quote mark at the end of the text, or remove the opening one.
    """
    mark = exc.problem_mark or exc.context_mark
    context = exc.context or ""
    if "invalid Unicode character escape" in (exc.problem or "") and exc.context_mark:
        # libyaml refuses an escape for half of a character pair (`"\ud83d"`): the same
        # message as for other invisible characters written as escapes, at the text's start.
        bad = lines[mark.line] if mark.line < len(lines) else ""
        digits = re.match(r"[0-9a-fA-F]+", bad[mark.column : mark.column + 8])
        if digits and int(digits.group(), 16) <= 0x10FFFF:
            start = exc.context_mark
            where = (start.line + 1, start.column + 1)
            return escaped(name, where, chr(int(digits.group(), 16)))
    if "quoted scalar" in context and exc.context_mark:
        mark = exc.context_mark  # where the quote was opened, not the end of the file
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    what = (exc.problem or context or "this is not valid YAML").strip()
    bad = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad:
        return Problem(
            name,
            line,
            col,
            "This line uses a tab for indenting",
            "Use spaces instead of tabs (two spaces for each level)",
        )
    candidates = [m.line + 1 for m in (exc.context_mark, exc.problem_mark) if m]
    at_end = not "".join(lines[line - 1 :]).strip()
    if "flow" in context and at_end:
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
                f"A value that starts with `{bracket.group(1)}` reads as a list or a set of "
                "fields, not as text",
                "If it is text (such as a link at the start of a sentence), put all of it in "
                "double quotes; if it is a list, check the closing bracket",
            )
    if "mapping values are not allowed" in what:
        return Problem(
            name,
            line,
            col,
            "A colon (`:`) here confuses the file's structure",
            "Put text that contains `: ` inside double quotes, or check the indentation of this "
            "line matches the lines around it",
        )
    if "quoted scalar" in context:
        return Problem(
            name,
            line,
            col,
            "The quoted text that starts here is not closed",
            "Add the closing quote mark at the end of the text, or remove the opening one",
        )
    if "cannot start any token" in what and bad[col - 1 : col] in ("@", "`"):
        return Problem(
            name,
            line,
            col,
            "Text cannot start with `@` or a backtick (`` ` ``)",
            "Put the text in double quotes",
        )
    if "expected <block end>" in what or "did not find expected" in what:
        return Problem(
            name,
            line,
            col,
            "The indentation here does not match the lines above",
            "Line this up with the other fields at the same level, using spaces",
        )
    return Problem(
        name,
        line,
        col,
        f"This is not valid YAML ({what})",
        "Check the indentation (spaces, not tabs) and that quotes are closed",
    )
