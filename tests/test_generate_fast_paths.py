"""The shortcuts that make generating pages fast give the same results as the plain way.

- the open data's JSON is the bytes ``json.dumps(..., indent=1)`` would write;
- templates are read once per renderer (no check of the file on every page), and a new
  renderer (preview makes one when a template changes) reads the changed text;
- a text shown on several pages is recorded on each, with its own place, and links in it
  are resolved for each page.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspections.opendata import indented_json
from inspections.render import Renderer, Text

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_json_is_what_the_standard_library_writes(value: object) -> None:
    assert indented_json(value) == json.dumps(value, indent=1, ensure_ascii=False)


@pytest.mark.parametrize(
    "value",
    [
        {"a": [], "b": {}, "c": [[]], "d": [{}]},
        {"nan": math.nan, "inf": [math.inf]},
        {1: "a number as a key", None: "null as a key"},
        ["line\nbreak", 'quote"', "back\\slash", "é", "\u2028"],
    ],
)
def test_json_edge_cases(value: object) -> None:
    assert indented_json(value) == json.dumps(value, indent=1, ensure_ascii=False)


def test_a_new_renderer_reads_a_changed_template(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    page = templates / "page.md.j2"
    page.write_text("First {{ t }}\n", encoding="utf-8")
    renderer = Renderer(templates)
    assert renderer.render("page.md.j2", {"t": "one"}, page="x.md") == "First one\n"
    page.write_text("Second {{ t }}\n", encoding="utf-8")
    assert Renderer(templates).render("page.md.j2", {"t": "one"}, page="x.md") == "Second one\n"


def test_a_shared_text_is_recorded_on_every_page_and_linked_for_each() -> None:
    r = Renderer()
    text = Text("See [IRO](glossary:iro) <b>", "data/x.yaml", 4, 7)
    first = r.render_string("{{ t }} {{ t | inline }}", {"t": text}, page="a/b/c/index.md")
    uses_first = list(r.uses)
    second = r.render_string("{{ t }}", {"t": text}, page="index.md")
    assert first == (
        "See [IRO](../../../glossary.md#iro) &lt;b&gt; "
        "See [IRO](../../../glossary.md#iro) &lt;b&gt;"
    )
    assert second == "See [IRO](glossary.md#iro) &lt;b&gt;"
    assert [(u.path, u.line, u.col) for u in uses_first] == [("data/x.yaml", 4, 7)] * 2
    assert [(u.path, u.line, u.col) for u in r.uses] == [("data/x.yaml", 4, 7)]


def test_filter_output_is_not_escaped_twice_and_other_values_still_are() -> None:
    r = Renderer()
    out = r.render_string(
        "{{ t | inline }}|{{ t | inline | lower }}|{{ s }}|{{ n }}",
        {"t": Text("A [b] \\ <c>"), "s": "[x]{y}", "n": 3},
        page="i.md",
    )
    assert out == "A \\[b\\] \\\\ &lt;c&gt;|a \\[b\\] \\\\ &lt;c&gt;|\\[x\\]\\{y\\}|3"
