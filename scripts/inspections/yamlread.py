"""Read the YAML text of one data file into plain values, remembering where each came from.

The one home of the value and position rules (:mod:`inspections.load` reads the file and
checks its bytes; :mod:`inspections.yamlerrors` words the messages). Why not
``yaml.safe_load``: comms teams need ``file:line:col`` for every problem, YAML 1.1 turns ``no``
into ``False`` and ``010`` into 8, duplicate keys silently win, and aliases allow "billion
laughs" files. So libyaml (the C parser bundled with PyYAML) hands over parse events, and one
pass over them builds the values under a small, strict rule set:

- text, whole numbers, decimals, ``true``/``false`` and empty values only, read with YAML 1.2's
  rules (ruamel.yaml's table); dates stay text (``2022-03-21``), so a date that does not exist
  is reported by validation, not a crash;
- anchors, aliases, tags, merge keys and ``%YAML`` directives are refused (data files never
  need them, and they are how "billion laughs" files and YAML 1.1 surprises get in);
- duplicate keys are refused, naming both lines;
- one document, with a mapping at the top;
- invisible characters written as escapes (``"\\x07"``) are refused, as typed ones are;
- at most 20 levels of nesting and 20,000 values, checked event by event, so a hostile file is
  refused before anything is built (nothing here recurses, so depth cannot exhaust the stack).

Example::

    >>> got = read_yaml("area: derby\\nname: Derby\\n", "data/areas/derby.yaml")
    >>> got.data, got.positions[("name",)], got.key_positions[("name",)]
    ({'area': 'derby', 'name': 'Derby'}, (2, 7), (2, 1))
    >>> read_yaml("a: 1\\na: 2\\n", "x.yaml")
    Traceback (most recent call last):
    ...
    inspections.problems.DataError: x.yaml:2:1: `a` appears twice in the same place (first on line 1). Keep one of them and delete the other.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from inspections import yamlerrors
from inspections.problems import DataError, Problem

MAX_DEPTH = 20  # the deepest real data file uses 5 levels
MAX_VALUES = 20_000  # the largest real data file has a few hundred values
MAX_DIGITS = 30  # longer "numbers" are refused, not converted (Python caps int() at 4300)
MAX_REPORTED = 20  # invisible characters reported per file, so a binary file stays readable
Loc = tuple[str | int, ...]
# Fields whose texts checks look up by name (safety: web addresses and seed file names; site:
# source keys). The reader notes them while reading (see validate.doc_fields), so these checks
# need not walk every text of every file to find them.
INDEXED_FIELDS = frozenset({"url", "website", "seed", "source", "judgements_source"})

# Characters a data file never needs, which break files or hide text: C0 and C1 controls
# (tab and newline are fine), line/paragraph separators (YAML reads them as line breaks, most
# editors do not), bidirectional overrides ("Trojan Source"), zero-width spaces, a byte-order
# mark in the middle, non-characters and lone surrogates (from escapes like "\ud800").
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069"
    "\ufeff\ufffe\uffff\ud800-\udfff]"
)
# Every ASCII character but the controls INVISIBLE refuses (tab and newline are fine).
_ASCII_FINE = bytes(c for c in range(128) if not INVISIBLE.match(chr(c)))
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")

# YAML 1.2's implicit types for plain values: ruamel.yaml's own table (ruamel.yaml.resolver,
# the rows for version 1.2, in its order), so every plain value reads as YAML 1.2 says without
# importing ruamel.yaml (about 10 ms). A test checks this table against ruamel's resolver.
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
PLAIN_KINDS = frozenset({"str", "int", "float", "bool", "null", "timestamp"})
# Only a plain value starting with one of these can be anything but text under YAML 1.2
# (numbers, .inf/.nan, ~, null, true/false, timestamps, `<<`, `=`; the empty value is null).
_MAYBE = frozenset(first for first in _BY_FIRST if first)


@functools.lru_cache(maxsize=4096)
def resolve(value: str) -> str | None:
    """The YAML 1.2 kind of a plain value (``"str"``, ``"int"``...), as ruamel.yaml reads it;
    ``None`` for kinds data files never use (``<<``, ``=``).

    >>> resolve("010"), resolve("no"), resolve("2022-03-21"), resolve("~")
    ('int', 'str', 'timestamp', 'null')
    """
    for kind, regexp in _BY_FIRST.get(value[:1], ()):
        if regexp.match(value):
            return kind if kind in PLAIN_KINDS else None
    return "str"


@dataclass
class Reading:
    """What reading a file gave: its values, where each key and value starts (1-based line
    and column), which values were ``|`` or ``>`` blocks, how numbers, ``true``/``false`` and
    empty values were typed (``010`` reads as 10), the text read and its lines, and, noted on
    the way so that checks need not walk the values again, every text in file order
    (``texts``) and the texts of :data:`INDEXED_FIELDS` by field, and of list items under
    ``int`` (``fields``)."""

    data: Any
    text: str = ""
    lines: list[str] = field(default_factory=list)
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    blocks: set[Loc] = field(default_factory=set)
    written: dict[Loc, str] = field(default_factory=dict)
    texts: list[tuple[Loc, str]] = field(default_factory=list)
    fields: dict[Any, list[tuple[Loc, str]]] = field(default_factory=dict)


# libyaml's parser, bundled in PyYAML's wheels; PyYAML's own Python parser gives the same events
# (slower) where it is missing. "Base": events only, nothing is constructed or resolved.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_SKIP = object()  # in place of a key: the value that follows is not kept (its key was refused)


def read_yaml(text: str, name: str) -> Reading:
    """Read ``text`` (decoded by :mod:`inspections.load`); raise :class:`DataError` with every
    problem found.

    A byte-order mark and Windows line endings are accepted quietly; a NUL, or any invisible
    character (:data:`INVISIBLE`), is reported with its line and column (every one, up to
    :data:`MAX_REPORTED`) before the YAML is read. Then a syntax error, or anything a data file
    never needs (anchor, alias, tag, directive, a second document, too deep, too many values),
    stops the reading with that one message; refused keys and values (duplicates, merge keys,
    overlong numbers, escaped invisible characters) are all collected and reported together.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise DataError([yamlerrors.nul(name, text[: text.index("\x00")].count("\n") + 1)])
    lines = text.split("\n")
    problems = invisible_characters(name, text, lines)
    if problems:
        raise DataError(problems)
    try:
        return _read(text, name, lines)
    except yaml.MarkedYAMLError as exc:
        raise DataError([yamlerrors.syntax_problem(name, exc, lines)]) from None
    except (
        yaml.YAMLError,
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        KeyError,
        RecursionError,
        MemoryError,
    ) as exc:
        raise DataError([yamlerrors.unreadable(name, exc)]) from None


def invisible_characters(name: str, text: str, lines: list[str]) -> list[Problem]:
    """Every invisible character typed in ``text`` (split into ``lines``), as problems.

    >>> [str(p)[:60] for p in invisible_characters("x.yaml", "a: b\u200b", ["a: b\u200b"])]
    ['x.yaml:1:5: This line contains an invisible character, a zer']
    """
    # One pass over the text in C, usually enough. Plain ASCII text (most files) can hold only
    # the ASCII controls, found quicker by deleting every other byte than by the pattern.
    if text.isascii():
        if not text.encode("ascii").translate(None, _ASCII_FINE):
            return []
    elif not INVISIBLE.search(text):
        return []
    problems: list[Problem] = []
    for number, line in enumerate(lines, 1):
        for m in INVISIBLE.finditer(line):
            problems.append(yamlerrors.invisible(name, (number, m.start() + 1), m.group()))
            if len(problems) >= MAX_REPORTED:
                return problems
    return problems


def _read(text: str, name: str, lines: list[str]) -> Reading:
    """One pass over libyaml's events. Written as one loop over local names: it runs for every
    value of every file. The open collections are a stack of ``(container, loc, key)``; the
    innermost is kept in local names (``key`` is the key waiting for its value, ``None``
    between pairs, :data:`_SKIP` after a refused key; in a skipped subtree the container is
    ``None``)."""
    got = Reading(None, text, lines)
    positions, key_positions, blocks = got.positions, got.key_positions, got.blocks
    add_text = got.texts.append
    fields = got.fields
    problems: list[Problem] = []
    invisible = INVISIBLE.search if "\\" in text else None  # escapes need a backslash
    properties = "&" in text or "!" in text  # an anchor needs a `&`, a tag a `!`
    maybe, kind_of, indexed = _MAYBE, resolve, INDEXED_FIELDS
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    document_start = yaml.DocumentStartEvent
    stack: list[tuple[Any, Loc, Any]] = []
    container: Any = None
    base: Loc = ()
    key: Any = None
    depth = values = documents = 0
    top: Problem | None = None  # the file holds a list or a single value
    for event in yaml.parse(text, Loader=_LOADER):
        cls = event.__class__
        if cls is scalar_event or cls is mapping_start or cls is sequence_start:
            if properties and (event.anchor is not None or event.tag is not None):
                raise DataError([_refused(name, event)])
            mark = event.start_mark
            if cls is not scalar_event:
                depth += 1
                if depth > MAX_DEPTH:
                    raise DataError([yamlerrors.too_deep(name, mark, MAX_DEPTH)])
            values += 1
            if values > MAX_VALUES:
                raise DataError([yamlerrors.too_many(name, mark, MAX_VALUES)])
            here = (mark.line + 1, mark.column + 1)
            if type(container) is dict and key is None:  # a key
                if cls is not scalar_event:
                    problems.append(yamlerrors.not_a_key(name, here))
                    stack.append((container, base, _SKIP))
                    container, key = None, None
                    continue
                key = event.value
                if key == "<<":
                    problems.append(yamlerrors.merge_key(name, here))
                    key = _SKIP
                elif invisible is not None and (found := invisible(key)):
                    problems.append(yamlerrors.escaped(name, here, found.group()))
                    key = _SKIP
                elif key in container:
                    first = key_positions[(*base, key)][0]
                    problems.append(yamlerrors.duplicate(name, here, key, first))
                    key = _SKIP
                else:
                    key_positions[(*base, key)] = here
                continue
            if container is None and (stack or top is not None):  # inside a skipped value
                if cls is not scalar_event:
                    stack.append((None, base, None))
                continue
            if key is _SKIP:  # the value of a refused key
                key = None
                if cls is not scalar_event:
                    stack.append((container, base, None))
                    container = None
                continue
            if type(container) is dict:
                loc = (*base, key)
            elif container is not None:
                loc = (*base, len(container))
            else:  # the top of the file
                loc = ()
                if cls is not mapping_start:
                    top = yamlerrors.not_a_mapping(name, here, event)
                    if cls is sequence_start:
                        stack.append((None, base, None))
                    continue
            positions[loc] = here
            if cls is scalar_event:
                value = event.value
                style = event.style
                if style:  # quoted or block text is always text
                    if style == "|" or style == ">":
                        blocks.add(loc)
                    elif invisible is not None and (found := invisible(value)):
                        problems.append(yamlerrors.escaped(name, here, found.group()))
                    add_text((loc, value))
                elif value and value[0] not in maybe:  # plain text (the common case)
                    add_text((loc, value))
                else:
                    value = _typed(value, kind_of(value), loc, here, got, name, problems)
                if type(container) is dict:
                    container[key] = value
                    if key in indexed and type(value) is str:
                        fields.setdefault(key, []).append((loc, value))
                    key = None
                else:
                    container.append(value)
                    if type(value) is str:
                        fields.setdefault(int, []).append((loc, value))
                continue
            new: Any = {} if cls is mapping_start else []
            if type(container) is dict:
                container[key] = new
            elif container is not None:
                container.append(new)
            else:
                got.data = new
            stack.append((container, base, None))
            container, base, key = new, loc, None
        elif cls is mapping_end or cls is sequence_end:
            depth -= 1
            container, base, key = stack.pop()
        elif cls is alias_event:
            raise DataError([_refused(name, event)])
        elif cls is document_start:
            documents += 1
            if documents > 1:
                raise DataError([yamlerrors.second_document(name, event.start_mark)])
            if event.version or event.tags:
                raise DataError([yamlerrors.directive(name, event.end_mark)])
    if top is not None:
        raise DataError([top])
    if documents == 0:
        raise DataError([yamlerrors.empty(name)])
    if problems:
        raise DataError(problems)
    return got


def _refused(name: str, event: Any) -> Problem:
    """An anchor, an alias or a tag: which, in the order a reader would name them."""
    if event.__class__ is yaml.AliasEvent or event.anchor is not None:
        return yamlerrors.anchor(name, event.start_mark)
    return yamlerrors.tag(name, event.start_mark, event.tag)


def _typed(
    value: str,
    kind: str | None,
    loc: Loc,
    here: tuple[int, int],
    got: Reading,
    name: str,
    problems: list[Problem],
) -> Any:
    """The value of a plain scalar of YAML 1.2 ``kind`` (see :func:`resolve`) at ``loc``
    (``here`` in the file), noting how it was typed in ``got``.

    >>> got = Reading(None)
    >>> _typed("010", "int", ("a",), (1, 4), got, "x.yaml", []), got.written
    (10, {('a',): '010'})
    """
    if kind == "str" or kind == "timestamp" or kind is None:
        got.texts.append((loc, value))
        return value  # text, dates (kept as text), and `<<` or `=` as values
    got.written[loc] = value
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind == "int":
        if len(value.lstrip("+-")) > MAX_DIGITS:
            problems.append(yamlerrors.too_long(name, here, value))
        elif _INT.match(value):
            return int(value)
        elif _OCT.match(value):
            return int(value[2:], 8)
        elif _HEX.match(value):
            return int(value[2:], 16)
    else:
        try:
            return float(value)
        except ValueError:
            pass
    got.texts.append((loc, value))
    return value  # numbers Python cannot read (`0b1`, `1_000`)
