"""The YAML reader gives the values and positions YAML 1.2 gives (ruamel.yaml is the referee),
and refuses what data files never need."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from inspections import load, validate, yamlread
from inspections.problems import DataError
from readers import no_bel, reference

_RUAMEL = VersionedResolver(version=(1, 2))


def _ruamel_kind(value: str) -> str | None:
    tag = _RUAMEL.resolve(ScalarNode, value, (True, False))
    kind = str(getattr(tag, "value", tag)).removeprefix("tag:yaml.org,2002:")
    return kind if kind in yamlread.PLAIN_KINDS else None


@pytest.mark.parametrize(
    "value",
    [
        "",
        "~",
        "null",
        "Null",
        "NULL",
        "nul",
        "true",
        "True",
        "TRUE",
        "tRue",
        "false",
        "no",
        "yes",
        "on",
        "y",
        "n",
        "010",
        "0o17",
        "0x1F",
        "0b101",
        "1_000",
        "-1",
        "+1",
        "1.5",
        "1e5",
        "1.5e-3",
        ".5",
        "-.inf",
        ".NaN",
        ".nan",
        "+.inf",
        "2022-03-21",
        "2022-3-1 10:00:00",
        "2022-03-21T10:00:00Z",
        "2022-03-21 10:00:00.5 +01:00",
        "<<",
        "=",
        "12:30",
        "1:2:3",
        "0.",
        "-",
        "+",
        ".",
        "2022-03",
        "2022",
        "1e",
        "0x",
        "_1",
        "~a",
        "paragraph 7",
    ],
)
def test_plain_values_resolve_as_ruamel_resolves_them(value):
    assert yamlread.resolve(value) == _ruamel_kind(value)


@given(st.text(alphabet="0123456789+-._:eEoxbTtZ nNulfasr~<=", max_size=12))
def test_any_plain_value_resolves_as_ruamel_resolves_it(value):
    assert yamlread.resolve(value) == _ruamel_kind(value)


@pytest.mark.parametrize(
    "text, message",
    [
        ("? !!str a\n: b\n", "x.yaml:1:3: The tag `!!str` is not allowed"),
        ("a:\n  - ? !!int 1\n    : x\n", "x.yaml:2:7: The tag `!!int` is not allowed"),
        ('a: {"b":!x c}\n', "The tag `!x` is not allowed"),
        ("? &k a\n: b\n", "Anchors and aliases"),
        ('a: {"b":&k c}\n', "Anchors and aliases"),
    ],
)
def test_tags_and_anchors_after_question_marks_and_in_brackets_are_refused(text, message):
    # These once slipped past a fast path, which read them as plain values.
    with pytest.raises(DataError) as caught:
        load.load_text(text, "x.yaml")
    assert message in str(caught.value)


# ---------------------------------------------------------------------------- against YAML 1.2


def _same_as_yaml_1_2(text: str) -> bool:
    """Whether the reader took ``text``; if so, it gave what ruamel.yaml (YAML 1.2) gives."""
    try:
        doc = load.load_text(text, "x.yaml")
    except DataError:
        return False
    try:
        other = reference(text)  # a file the reader takes, YAML 1.2 reads too
    except Exception as exc:
        # The one place ruamel.yaml is stricter than YAML 1.2: a block scalar whose first
        # lines hold only spaces, fewer than its text's indent (spec 8.1.1.1, l-empty: such
        # lines are empty lines). test_block_scalar_with_spaces_before_its_text pins what
        # YAML 1.2 gives there; anything else ruamel.yaml refuses, the reader must refuse.
        if _RUAMEL_STRICTER not in str(exc):
            raise
        ABSTAINED.append(text)
        return False
    assert doc.data == no_bel(other.data), text
    # An empty value has no text to point at: libyaml places it just after its key's colon
    # (on the key's line, where a person looks), ruamel.yaml at whatever comes next.
    empty = {loc for loc, typed in doc.written.items() if typed == ""}
    assert _without(doc.positions, empty) == _without(other.positions, empty), text
    assert doc.key_positions == other.key_positions, text
    assert doc.blocks == other.blocks, text
    assert doc.written == other.written, text
    assert validate.doc_texts(doc) == validate.texts(doc.data), text
    fields = {k: sorted(v, key=repr) for k, v in validate.doc_fields(doc).items()}
    assert fields == _fields_from(validate.texts(doc.data)), text
    return True


_RUAMEL_STRICTER = "more indented follow up line than first in a block scalar"
ABSTAINED: list[str] = []


def test_block_scalar_with_spaces_before_its_text():
    """YAML 1.2 (8.1.1.1): lines of spaces before a block scalar's first text, fewer than its
    indent, are empty lines, kept as line breaks. ruamel.yaml refuses this shape."""
    doc = load.load_text("a: |\n \n   x\nb: 1\n", "x.yaml")
    assert doc.data == {"a": "\nx\n", "b": 1}
    with pytest.raises(Exception, match=_RUAMEL_STRICTER):
        reference("a: |\n \n   x\n")


def _without(positions: dict, locs: set) -> dict:
    return {loc: at for loc, at in positions.items() if loc not in locs}


def _fields_from(texts: list) -> dict:
    doc = load.Document("x.yaml", None)
    doc.__dict__["_texts"] = (None, texts)
    return {k: sorted(v, key=repr) for k, v in validate.doc_fields(doc).items()}


def _data_files(root: Path, synthetic: Path) -> list[str]:
    paths = [
        *(root / "data").rglob("*.yaml"),
        *(root / "tests").rglob("*.yaml"),
        *list((synthetic / "data").rglob("*.yaml"))[:80],
    ]
    texts = []
    for path in paths:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue  # the corpus has UTF-16 and Windows-1252 files: refused before reading
        texts.append(text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    return texts


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory, root) -> Path:
    from bench.synthetic import make_project

    out = tmp_path_factory.mktemp("synthetic") / "project"
    make_project(out, root, areas=6, seed=3)
    return out


def test_reader_reads_shipped_corpus_and_synthetic_files_as_yaml_1_2_does(root, synthetic):
    texts = _data_files(root, synthetic)
    taken = sum(_same_as_yaml_1_2(text) for text in texts)
    assert taken > len(texts) // 2  # most are taken (many corpus files are broken on purpose)


# Edits that make YAML mean something else, or nothing: spaces, indicators, quotes, blocks...
_PIECES = [
    " ",
    "  ",
    "- ",
    ": ",
    "#",
    " #",
    "|",
    "|-",
    ">",
    '"',
    "'",
    "''",
    "\\",
    ":",
    "-",
    "?",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\n",
    "\n\n",
    "\n  ",
    "  \n",
    "~",
    "null",
    "1",
    "0o7",
    "true",
    "&a ",
    "*a",
    "!x ",
    "---",
    "...",
    "%",
    "<<",
    "=",
    "é",
    "\U0001f600",
]


def test_reader_matches_yaml_1_2_on_mutated_files(root, synthetic):
    """Random small edits of real files: whatever the reader takes, it reads exactly as
    ruamel.yaml does (it refuses everything else with a message)."""
    rng = random.Random(2026)
    texts = _data_files(root, synthetic)
    taken = 0
    for _ in range(1500):
        text = rng.choice(texts)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            if rng.random() < 0.6:
                text = text[:at] + rng.choice(_PIECES) + text[at:]
            else:
                text = text[:at] + text[at + rng.randint(1, 3) :]
        taken += _same_as_yaml_1_2(text)
    assert taken > 300  # the test means something only if many edits are still taken
    assert len(ABSTAINED) <= 15  # ruamel.yaml's one stricter shape (see _same_as_yaml_1_2) is rare


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n  c: x\n  d:\n  - 'it''s'\n  - \"q\"\ne: |\n  one\n\n  two\n\n\nf: |-\n  x\n",
        "# note\n\nlist:\n  - k: v\n    j: 2022-03-21\n  -   k: w\nz: ~\n",
        "a: b#c\nd: x:y\ne: 'q'  \nf: \"p\"   \ng: 010\nh: 0x1F\ni: .5\nj: true\n",
        "a:\n  # a comment before the block\n  b: 1\n",
        "a: |\n    deeper\n      more\nb: 1\n",
        "a: |\n\n  after a blank line\n",
    ],
)
def test_reader_takes_plain_shapes(text):
    assert _same_as_yaml_1_2(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: b # comment\n",
        "a:\n  b\n",
        "a: x\n  continued\n",
        "a: [1]\n",
        "a:\n",
        "a: >\n  x\n",
        'a: "x\\ty"\n',
        "a: -5\n",
        '"a": 1\n',
        "a b: 1\n",
        "a: |\n  x\n   \n  y\n",
        "a: |2\n  x\n",
        "a:\n- - x\n",
    ],
)
def test_reader_takes_other_shapes_too(text):
    # Shapes a hand-written line reader once left to libyaml: all read as YAML 1.2 reads them.
    assert _same_as_yaml_1_2(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- a\n", "x.yaml:1:1: This file holds a list"),
        ("a: 1\na: 2\n", "x.yaml:2:1: `a` appears twice in the same place (first on line 1)"),
        ("a: b: c\n", "x.yaml:1:5: A colon (`:`) here confuses the file's structure"),
        ("a:\n  b:\n - x\n", "x.yaml:3:2: The indentation here does not match"),
        ("a:\n  b: 1\n c: 2\n", "x.yaml:3:2: The indentation here does not match"),
        ("a:\n  - x\n b: 1\n", "x.yaml:3:2: The indentation here does not match"),
        ("  a: 1\nb: 2\n", "x.yaml:2:1: The indentation here does not match"),
    ],
)
def test_reader_refuses_broken_shapes_at_their_place(text, expected):
    with pytest.raises(DataError) as caught:
        load.load_text(text, "x.yaml")
    assert str(caught.value).startswith(expected)


# ---------------------------------------------------------------------------- skipping files


@pytest.mark.parametrize(
    "text, expected",
    [
        ('summary: "Stil\\u006c to write: the summary"\n', "Still to write: the summary"),  # escape
        ("summary: Still\n  to write\n", "Still to write: summary"),  # folded over two lines
        ("summary: |\n  Still to write\n", "Still to write: summary"),
    ],
)
def test_placeholders_are_found_however_they_are_written(text, expected):
    doc = load.load_text(text, "x.yaml")
    assert [p.message for p in validate.check_placeholders(doc)] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a: plain words\n", []),
        ('a: "\\x3cb>bold"\n', ["Raw HTML (`<b>`) is not allowed in text"]),  # `<` from an escape
        (
            "url: https://x.org/a b\n",
            ["This web address has characters an address cannot have (a space)"],
        ),
    ],
)
def test_safety_checks_skip_only_files_that_cannot_hold_a_problem(text, expected):
    from inspections import safety

    doc = load.load_text(text, "x.yaml")
    assert [p.message for p in safety.check_text(doc)] == expected
