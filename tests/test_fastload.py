"""The fast libyaml path reads plain values as ruamel.yaml does, and hands back what it must."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from inspections import fastload, load
from inspections.problems import DataError

_RUAMEL = VersionedResolver(version=(1, 2))


def _ruamel_kind(value: str) -> str | None:
    tag = _RUAMEL.resolve(ScalarNode, value, (True, False))
    kind = str(getattr(tag, "value", tag)).removeprefix("tag:yaml.org,2002:")
    return kind if kind in fastload._PLAIN_KINDS else None


@pytest.mark.parametrize("value", [
    "", "~", "null", "Null", "NULL", "nul", "true", "True", "TRUE", "tRue", "false", "no", "yes",
    "on", "y", "n", "010", "0o17", "0x1F", "0b101", "1_000", "-1", "+1", "1.5", "1e5", "1.5e-3",
    ".5", "-.inf", ".NaN", ".nan", "+.inf", "2022-03-21", "2022-3-1 10:00:00",
    "2022-03-21T10:00:00Z", "2022-03-21 10:00:00.5 +01:00", "<<", "=", "12:30", "1:2:3", "0.",
    "-", "+", ".", "2022-03", "2022", "1e", "0x", "_1", "~a", "paragraph 7",
])
def test_plain_values_resolve_as_ruamel_resolves_them(value):
    assert fastload._resolve(value) == _ruamel_kind(value)


@given(st.text(alphabet="0123456789+-._:eEoxbTtZ nNulfasr~<=", max_size=12))
def test_any_plain_value_resolves_as_ruamel_resolves_it(value):
    assert fastload._resolve(value) == _ruamel_kind(value)


@pytest.mark.parametrize("text, message", [
    ("? !!str a\n: b\n", "x.yaml:1:3: The tag `!!str` is not allowed"),
    ("a:\n  - ? !!int 1\n    : x\n", "x.yaml:2:7: The tag `!!int` is not allowed"),
    ('a: {"b":!x c}\n', "The tag `!x` is not allowed"),
    ("? &k a\n: b\n", "Anchors and aliases"),
    ('a: {"b":&k c}\n', "Anchors and aliases"),
])
def test_tags_and_anchors_after_question_marks_and_in_brackets_are_refused(text, message):
    # These once slipped past the fast path, which read them as plain values.
    assert fastload.load_fast(text, "x.yaml") is None
    with pytest.raises(DataError) as caught:
        load.load_text(text, "x.yaml")
    assert message in str(caught.value)


@pytest.mark.parametrize("text, expected", [
    ("a: some **bold** text, and a ! mark\n", False),
    ("a: *x\n", True),
    ("- - a\n", True),
    ("a: [b, !x c]\n", True),
    ("a:\n  - &x b\n", True),
    ("a: b\n---\nc: d\n", True),
])
def test_only_files_that_may_hold_properties_or_documents_are_scanned(text, expected):
    assert fastload._needs_events(text, text.split("\n")) is expected
