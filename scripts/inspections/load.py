"""Read one YAML data file into plain Python, remembering where every value came from.

Why not ``yaml.safe_load``: comms teams need ``file:line:col`` for every problem, YAML 1.1
turns ``no`` into ``False`` and ``010`` into 8, duplicate keys silently win, and aliases allow
"billion laughs" files. So we let ruamel.yaml (YAML 1.2) compose nodes, then build plain values
ourselves under a small, strict rule set:

- text, whole numbers, decimals, ``true``/``false`` and empty values only; dates stay text
  (``2022-03-21``), so a date that does not exist is reported by validation, not a crash;
- anchors, aliases, tags, merge keys and ``%YAML`` directives are refused (data files never
  need them, and they are how "billion laughs" files and YAML 1.1 surprises get in);
- duplicate keys are refused, naming both lines;
- the file must be UTF-8 (a byte-order mark and Windows line endings are accepted quietly),
  at most 1 MB, one document, and a mapping at the top;
- invisible characters that break files or hide text (control characters, a NUL, line and
  paragraph separators, right-to-left overrides, zero-width spaces) are refused with their
  line and column, whether typed or written as escapes like ``"\\x07"``;
- at most 20 levels of nesting and 20,000 values, checked while reading, so a hostile file is
  refused in well under a second instead of exhausting time, memory or Python's stack.

Example::

    >>> doc = load_text("area: derby\\nname: Derby\\n", "data/areas/derby.yaml")
    >>> doc.data
    {'area': 'derby', 'name': 'Derby'}
    >>> doc.where(("name",))
    (2, 7)
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspections.problems import DataError, Problem

if TYPE_CHECKING:  # ruamel.yaml itself is imported only when a file needs the careful path
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.events import Event
    from ruamel.yaml.nodes import Node

MAX_BYTES = 1_000_000
MAX_DEPTH = 20  # the deepest real data file uses 5 levels
MAX_VALUES = 20_000  # the largest real data file has a few hundred values
MAX_DIGITS = 30  # longer "numbers" are refused, not converted (Python caps int() at 4300)
MAX_REPORTED = 20  # invisible characters reported per file, so a binary file stays readable
Loc = tuple[str | int, ...]
# Fields whose texts checks look up by name (safety: web addresses and seed file names; site:
# source keys). The fast readers note them while reading (see validate.doc_fields), so these
# checks need not walk every text of every file to find them.
INDEXED_FIELDS = frozenset({"url", "website", "seed", "source", "judgements_source"})

_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_CORE = "tag:yaml.org,2002:"
# A line whose value starts with a bracket: `key: [` or `- {`.
_BRACKET_VALUE = re.compile(r"\s*(?:-\s+|[^\s#\[{][^#]*?:\s+)([\[{])")
# Characters a data file never needs, which break files or hide text: C0 and C1 controls
# (tab and newline are fine), line/paragraph separators (YAML reads them as line breaks, most
# editors do not), bidirectional overrides ("Trojan Source"), zero-width spaces, a byte-order
# mark in the middle, non-characters and lone surrogates (from escapes like "\ud800").
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069"
    "\ufeff\ufffe\uffff\ud800-\udfff]"
)
# Every ASCII character but the controls _INVISIBLE refuses (tab and newline are fine).
_ASCII_FINE = bytes(c for c in range(128) if not _INVISIBLE.match(chr(c)))
_CHAR_NAMES = {
    "\x00": "a NUL character",
    "\u200b": "a zero-width space",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
    "\u2060": "a word joiner",
    "\ufeff": "a byte-order mark",
}


@dataclass
class Document:
    """A loaded data file: plain values plus the position of every key and value.

    ``positions[loc]`` is the (line, col) of the value at ``loc`` (1-based);
    ``key_positions[loc]`` the position of its key, when it has one; ``blocks`` holds the
    locs of ``|`` and ``>`` text blocks, whose words start on the line after the marker;
    ``written[loc]`` is how a number, ``true``/``false`` or empty value was typed (``010``
    reads as 10, and a message should show what the person wrote); ``lines`` is the text.
    """

    path: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    blocks: set[Loc] = field(default_factory=set)
    written: dict[Loc, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

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

    def locate(self, loc: Loc, needle: str) -> tuple[int, int]:
        """Where ``needle`` (part of the text at ``loc``) is in the file, as exactly as we can.

        Searches the file from the value's start, so a problem in the fifth line of a long
        ``|`` block points at that line. Falls back to the value's start.

        >>> doc = load_text("a: |\\n  one\\n  two <b>\\n", "x.yaml")
        >>> doc.locate(("a",), "<b>")
        (3, 7)
        """
        line, col = self.where(loc)
        probe = needle.split("\n")[0][:40]
        if probe and self.lines:
            for i in range(line - 1, len(self.lines)):
                start = col - 1 if i == line - 1 else 0
                found = self.lines[i].find(probe, start)
                if found >= 0:
                    return (i + 1, found + 1)
        return self.text_start(loc)

    def may_contain(self, word: str) -> bool:
        """Could any value in this file contain ``word`` (no spaces or line breaks in it)?

        ``False`` only when the file's text does not hold it and has no backslash: values come
        from the text as typed, except that escapes (``"\\x41"``) make other characters and
        line folding makes spaces and line breaks. So a check can skip a whole file with one
        search of its text instead of one per value. ``True`` if the data is not what was
        loaded from the text.

        >>> doc = load_text("a: one\\nb: two\\n", "x.yaml")
        >>> doc.may_contain("two"), doc.may_contain("<")
        (True, False)
        """
        return self.may_contain_any((word,))

    def may_contain_any(self, words: tuple[str, ...] | str) -> bool:
        """:meth:`may_contain` for any of ``words`` (a string: any of its characters)."""
        source = self.__dict__.get("_source")
        if source is None or source[0] is not self.data:
            return True
        text = source[1]
        return "\\" in text or any(word in text for word in words)

    def shown(self, loc: Loc, value: Any) -> str:
        """``value`` as the person typed it (``010``, not ``10``), for messages."""
        if tuple(loc) in self.written:
            return self.written[tuple(loc)]
        return str(value).lower() if isinstance(value, bool) else str(value)

    def problem(self, loc: Loc, message: str, fix: str = "", *, key: bool = False) -> Problem:
        """A :class:`Problem` pointing at ``loc`` in this file."""
        line, col = self.where(loc, key=key)
        return Problem(self.path, line, col, message, fix)


def load_file(path: Path, shown_as: str | None = None, *, inside: Path | None = None,
              folders: Folders | None = None) -> Document:
    """Load ``path``; raise :class:`DataError` with every problem found in it.

    Only a regular file is read, never a link (a pull request could add a link to
    ``/dev/zero`` or to a private file, whose contents would then be quoted in messages), and
    with ``inside``, only a file that really lives in that folder. ``folders`` lets one
    loading of many files resolve each folder once (the file itself is never a link, so its
    real path is its folder's real path plus its name); pass a new one for each loading.
    """
    name = shown_as or str(path)
    return load_bytes(read_data(path, name, inside=inside, folders=folders), name)


def read_data(path: Path, name: str, *, inside: Path | None = None,
              folders: Folders | None = None) -> bytes:
    """The bytes of a data file, after every check :func:`load_file` makes before reading
    (not a link, inside ``inside``, an ordinary file, not too large); raises DataError."""
    return read_in(path.parent, path.name, name, inside=inside, folders=folders)


# What pathlib's is_symlink() treats as "not a link" rather than as an error.
NOT_THERE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def read_in(folder: Path, filename: str, name: str, *, inside: Path | None = None,
            folders: Folders | None = None) -> bytes:
    """:func:`read_data` for the file ``filename`` in ``folder``.

    One ``lstat`` answers "is it a link?", "is it an ordinary file?" and "how big is it?" (the
    file is not a link, so following it would give the same answers), and ``os`` functions on
    plain strings replace pathlib objects: this runs for every data file of every build.
    """
    path = os.path.join(folder, filename)
    try:
        try:
            info: os.stat_result | None = os.lstat(path)
        except OSError as exc:
            if exc.errno not in NOT_THERE:
                raise
            info, missing = None, exc
        if info is not None and stat.S_ISLNK(info.st_mode):
            raise DataError([Problem(name, 1, 1, "This is a link to another file (a symlink), "
                                     "and data files cannot be links",
                                     "Replace it with the file itself")])
        if inside is not None and not (folders or Folders()).holds(inside, folder, filename):
            raise DataError([Problem(name, 1, 1, "This file is reached through a link to a "
                                     "folder outside data/",
                                     "Replace the linked folder with a real one")])
        if info is None:
            raise missing
        if not stat.S_ISREG(info.st_mode):
            raise DataError([Problem(name, 1, 1, "This is not an ordinary file",
                                     "Check it is the right file")])
        if info.st_size > MAX_BYTES:
            raise DataError([_too_large(name, info.st_size)])
        with open(path, "rb") as handle:
            # Ask for what the file holds, not for the limit (a 1 MB buffer for every file
            # costs more than reading it); a file that grew since is read on to the limit.
            raw = handle.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += handle.read(MAX_BYTES + 1 - len(raw))
            return raw
    except OSError as exc:
        raise DataError([Problem(name, 1, 1, f"This file could not be read ({exc.strerror})",
                                 "Check the file exists and is not open in another program")
                         ]) from None


class Folders:
    """Real paths of folders, each worked out once in one loading of many files.

    A folder that is not a link is its parent's real path plus its name: one ``lstat`` per
    folder, where ``Path.resolve`` costs one per part of the path, for every file.
    """

    def __init__(self) -> None:
        self.real: dict[Path, Path] = {}
        self.inside: dict[tuple[Path, Path], bool] = {}

    def real_folder(self, folder: Path) -> Path:
        """``folder.resolve()``."""
        real = self.real.get(folder)
        if real is None:
            parent = folder.parent
            if parent == folder or folder.name in ("", ".", "..") or os.path.islink(folder):
                real = folder.resolve()
            else:
                real = self.real_folder(parent) / folder.name
            self.real[folder] = real
        return real

    def holds(self, inside: Path, folder: Path, filename: str) -> bool:
        """Whether the file's real path is inside ``inside``, which is taken as it is named
        (its parent folder is resolved, not the name itself)."""
        under = self.inside.get((folder, inside))
        if under is None:
            real_inside = self.real_folder(inside.parent) / inside.name
            real = self.real_folder(folder)
            under = self.inside[(folder, inside)] = real.is_relative_to(real_inside)
        if under:
            return True
        real_inside = self.real_folder(inside.parent) / inside.name
        return self.real_folder(folder) / filename == real_inside


def _too_large(name: str, size: int) -> Problem:
    return Problem(
        name, 1, 1,
        f"This file is {size:,} bytes, too large to be a data file (the limit is "
        f"{MAX_BYTES:,} bytes)",
        "Check it is the right file; long text belongs in several shorter fields")


def load_bytes(raw: bytes, name: str) -> Document:
    """Check size and encoding, then load the text."""
    if len(raw) > MAX_BYTES:
        raise DataError([_too_large(name, len(raw))])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError([Problem(
            name, 1, 1, "This file is saved as UTF-16 text, but data files must be UTF-8",
            "Save the file as UTF-8 in your editor (in VS Code: 'Save with Encoding', then "
            "'UTF-8')")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1: exc.start]
                  .decode("utf-8", errors="replace")) + 1
        raise DataError([Problem(
            name, line, col,
            "This file is not saved as UTF-8 text (it has a character this site cannot read "
            "here, often a curly quote or £ sign from Word)",
            "Save the file as UTF-8 in your editor (in VS Code: 'Save with Encoding', then "
            "'UTF-8'), or retype the character")]) from None
    return load_text(text, name)


def load_text(text: str, name: str) -> Document:
    """Load YAML text; raise :class:`DataError` with every problem found."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DataError([Problem(name, line, 1, "This file contains a NUL character, so it is "
                                 "not a text file", "Check it is the right file")])
    lines = text.split("\n")
    problems = _invisible_characters(name, lines, text)
    if problems:
        raise DataError(problems)
    # The hardened checks above run on every file; plain, well-formed files are then read with
    # libyaml (much faster), which hands anything unusual back to the careful path below.
    from inspections.fastload import load_fast

    doc = load_fast(text, name, lines) or _load_carefully(text, name, lines)
    doc.__dict__["_source"] = (doc.data, text)  # for may_contain
    return doc


def _load_carefully(text: str, name: str, lines: list[str]) -> Document:
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
    except (YAMLError, ValueError, TypeError, AttributeError, IndexError, KeyError,
            RecursionError, MemoryError) as exc:
        # Not expected (the scan above stops what we know of), but a hostile file must still
        # get a message, not a traceback.
        raise DataError([Problem(name, 1, 1, f"This file could not be read as YAML "
                                 f"({type(exc).__name__}: {str(exc)[:120]})",
                                 "Check the indentation (spaces, not tabs) and that quotes "
                                 "are closed")]) from None
    doc = Document(name, None, lines=lines)
    if node is None:
        raise DataError([Problem(name, 1, 1, "This file is empty",
                                 "Fill it in, or delete it if it is not needed")])
    if not isinstance(node, MappingNode):
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        kind = "a list" if isinstance(node, SequenceNode) else "a single value"
        fix = ("Start each line at the left with a field name, such as `area: derby`")
        if isinstance(node, ScalarNode) and re.search(r":[\u00a0\u2007\u202f]", node.value):
            fix = ("A colon here is followed by a non-breaking space (often pasted from Word): "
                   "retype it as an ordinary space")
        raise DataError([Problem(name, line, col,
                                 f"This file holds {kind}, but a data file must be a set of "
                                 "`name: value` lines", fix)])
    problems = []
    doc.data = _build(node, (), doc, problems)
    if problems:
        raise DataError(problems)
    return doc


def _invisible_characters(name: str, lines: list[str], text: str | None = None) -> list[Problem]:
    text = "\n".join(lines) if text is None else text
    # One pass over the text in C, usually enough. Plain ASCII text (most files) can hold only
    # the ASCII controls, found quicker by deleting every other byte than by the pattern.
    if text.isascii():
        if not text.encode("ascii").translate(None, _ASCII_FINE):
            return []
    elif not _INVISIBLE.search(text):
        return []
    problems: list[Problem] = []
    for number, line in enumerate(lines, 1):
        for m in _INVISIBLE.finditer(line):
            problems.append(Problem(
                name, number, m.start() + 1,
                f"This line contains an invisible character, {_char_name(m.group())}, which "
                "often comes from pasting out of Word or a PDF",
                "Delete it: retype the words around it, or paste them as plain text"))
            if len(problems) >= MAX_REPORTED:
                return problems
    return problems


def _char_name(ch: str) -> str:
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
                return [_at(name, event, "This file holds more than one document (a `---` line "
                            "starts a second one)",
                            "Keep one area, framework or inspection per file: delete the `---` "
                            "line, or move what follows it into a file of its own")]
            if event.version or event.tags:
                return [_at(name, event, "A `%YAML` or `%TAG` line is not allowed in data "
                            "files", "Delete it: data files are always read as YAML 1.2")]
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            return [_at(name, event,
                        "Anchors and aliases (`&name` and `*name`) are not allowed in data "
                        "files", "Write the value out in full where it is needed")]
        tag = getattr(event, "tag", None)
        if tag:
            shown = "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag
            return [_at(name, event, f"The tag `{shown}` is not allowed in data files",
                        "Delete it and write the plain value (put text in double quotes)")]
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return [_at(name, event, f"This is nested more than {MAX_DEPTH} levels deep",
                            "Data files never need this many levels: check the brackets and "
                            "indentation")]
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        if isinstance(event, ScalarEvent | CollectionStartEvent):
            values += 1
            if values > MAX_VALUES:
                return [_at(name, event, f"This file has more than {MAX_VALUES:,} values, "
                            "far more than a data file needs",
                            "Check it is the right file")]
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
        return Problem(name, line, col, "This line uses a tab for indenting",
                       "Use spaces instead of tabs (two spaces for each level)")
    candidates = [m.line + 1 for m in (exc.context_mark, exc.problem_mark) if m]
    if "flow" in (exc.context or "") and "<stream end>" in what:
        # The file ended inside a [ or { : the culprit is the last line that opened one.
        candidates += [n for n in range(len(lines), 0, -1)
                       if _BRACKET_VALUE.match(lines[n - 1])][:1]
    for number in dict.fromkeys(candidates):
        bracket = _BRACKET_VALUE.match(lines[number - 1] if number <= len(lines) else "")
        if bracket:
            return Problem(name, number, bracket.end(),
                           f"A value that starts with `{bracket.group(1)}` reads as a list or a "
                           "set of fields, not as text",
                           "If it is text (such as a link at the start of a sentence), put all of "
                           "it in double quotes; if it is a list, check the closing bracket")
    if "mapping values are not allowed" in what:
        return Problem(name, line, col,
                       "A colon (`:`) here confuses the file's structure",
                       "Put text that contains `: ` inside double quotes, or check the "
                       "indentation of this line matches the lines around it")
    if "found unexpected end of stream" in what or "while scanning a quoted scalar" in str(exc):
        return Problem(name, line, col, "The quoted text that starts here is not closed",
                       "Add the closing quote mark at the end of the text, or remove the "
                       "opening one")
    if "expected <block end>" in what or "did not find expected" in what:
        return Problem(name, line, col,
                       "The indentation here does not match the lines above",
                       "Line this up with the other fields at the same level, using spaces")
    if "found character '@'" in what or "found character '`'" in what:
        return Problem(name, line, col, "Text cannot start with `@` or a backtick (`` ` ``)",
                       "Put the text in double quotes")
    return Problem(name, line, col, f"This is not valid YAML ({what})",
                   "Check the indentation (spaces, not tabs) and that quotes are closed")


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
                problems.append(Problem(doc.path, key_line, key_col,
                                        "A field name must be a single word or phrase",
                                        "Write it as `name: value`"))
                continue
            key = str(key_node.value)
            if key == "<<":
                problems.append(Problem(doc.path, key_line, key_col,
                                        "Merge keys (`<<`) are not allowed in data files",
                                        "Write the fields out in full"))
                continue
            if _escaped_invisible(key, key_line, key_col, doc, problems):
                continue
            if key in seen:
                problems.append(Problem(
                    doc.path, key_line, key_col,
                    f"`{key}` appears twice in the same place (first on line {seen[key]})",
                    "Keep one of them and delete the other"))
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
            problems.append(Problem(doc.path, line, col,
                                    f"`{value[:20]}...` is too long to be a number",
                                    "If it is text, put it in double quotes"))
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


def _escaped_invisible(value: str, line: int, col: int, doc: Document,
                       problems: list[Problem]) -> bool:
    """Invisible characters written as escapes in double quotes (``"\\x07"``, ``"\\ud800"``)."""
    m = _INVISIBLE.search(value)
    if not m:
        return False
    problems.append(Problem(doc.path, line, col,
                            f"This text contains an invisible character, {_char_name(m.group())}, "
                            "written as an escape",
                            "Remove the escape (a backslash and the letters after it)"))
    return True
