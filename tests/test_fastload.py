"""The fast libyaml path reads plain values as ruamel.yaml does, and hands back what it must."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from inspections import fastload, lineload, load, validate
from inspections.problems import DataError
from readers import careful, no_bel

_RUAMEL = VersionedResolver(version=(1, 2))


def _ruamel_kind(value: str) -> str | None:
    tag = _RUAMEL.resolve(ScalarNode, value, (True, False))
    kind = str(getattr(tag, "value", tag)).removeprefix("tag:yaml.org,2002:")
    return kind if kind in fastload._PLAIN_KINDS else None


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
    assert fastload._resolve(value) == _ruamel_kind(value)


@given(st.text(alphabet="0123456789+-._:eEoxbTtZ nNulfasr~<=", max_size=12))
def test_any_plain_value_resolves_as_ruamel_resolves_it(value):
    assert fastload._resolve(value) == _ruamel_kind(value)


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
    # These once slipped past the fast path, which read them as plain values.
    assert fastload.load_fast(text, "x.yaml") is None
    with pytest.raises(DataError) as caught:
        load.load_text(text, "x.yaml")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a: some **bold** text, and a ! mark\n", False),
        ("a: *x\n", True),
        ("- - a\n", True),
        ("a: [b, !x c]\n", True),
        ("a:\n  - &x b\n", True),
        ("a: b\n---\nc: d\n", True),
    ],
)
def test_only_files_that_may_hold_properties_or_documents_are_scanned(text, expected):
    assert fastload._needs_events(text, text.split("\n")) is expected


# ---------------------------------------------------------------------------- the line reader


def _by_lines(text: str) -> load.Document | None:
    doc = load.Document("x.yaml", None, lines=text.split("\n"))
    texts: list = []
    fields: dict = {}
    data = lineload.read_lines(doc.lines, doc, texts, fields)
    if data is None:
        return None
    doc.data = data
    doc.__dict__["_texts"] = (data, texts)
    doc.__dict__["_fields"] = (data, fields)
    return doc


def _by_libyaml(text: str) -> load.Document | None:
    saved = lineload.read_lines
    lineload.read_lines = lambda *args: None
    try:
        return fastload.load_fast(text, "x.yaml")
    finally:
        lineload.read_lines = saved


def _carefully(text: str) -> load.Document | None:
    try:
        return careful(text)
    except DataError:
        return None


def _fields_from(texts: list) -> dict:
    doc = load.Document("x.yaml", None)
    doc.__dict__["_texts"] = (None, texts)
    return {k: sorted(v, key=repr) for k, v in validate.doc_fields(doc).items()}


def _same_as_the_other_readers(text: str) -> bool:
    """Whether the line reader took ``text``; if so, it gave what libyaml and ruamel give."""
    if "\t" in text or load._invisible_characters("x.yaml", text.split("\n")):
        return False  # never handed to it (refused, or left to libyaml, before it is asked)
    doc = _by_lines(text)
    if doc is None:
        return False
    careful = _carefully(text)
    assert careful is not None, f"the line reader took a file the careful path refuses: {text!r}"
    for other in (_by_libyaml(text), careful):
        if other is None:
            continue
        assert doc.data == no_bel(other.data), text
        assert doc.positions == other.positions, text
        assert doc.key_positions == other.key_positions, text
        assert doc.blocks == other.blocks, text
        assert doc.written == other.written, text
    assert validate.doc_texts(doc) == validate.texts(doc.data), text
    texts = doc.__dict__["_texts"][1]
    assert {k: sorted(v, key=repr) for k, v in doc.__dict__["_fields"][1].items()} == _fields_from(
        texts
    ), text
    return True


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


def test_line_reader_reads_shipped_corpus_and_synthetic_files_as_libyaml_does(root, synthetic):
    texts = _data_files(root, synthetic)
    taken = sum(_same_as_the_other_readers(text) for text in texts)
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


def test_line_reader_matches_libyaml_on_mutated_files(root, synthetic):
    """Random small edits of real files: whatever the line reader takes, it reads exactly as
    libyaml and ruamel do (it hands everything else back)."""
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
        taken += _same_as_the_other_readers(text)
    assert taken > 300  # the test means something only if many edits are still taken


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
def test_line_reader_takes_plain_shapes(text):
    assert _same_as_the_other_readers(text)


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
        "- a\n",
        "a: 1\na: 2\n",
        '"a": 1\n',
        "a b: 1\n",
        "a: |\n  x\n   \n  y\n",
        "a: |2\n  x\n",
        "a:\n- - x\n",
        "a: b: c\n",
        "a:\n  b:\n - x\n",
        "a:\n  b: 1\n c: 2\n",
        "a:\n  - x\n b: 1\n",
        "  a: 1\nb: 2\n",
    ],
)
def test_line_reader_hands_back_what_it_does_not_take(text):
    assert _by_lines(text) is None


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
