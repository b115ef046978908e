"""Rendering fragments: small templates in, exact Markdown out (Python-Markdown style)."""

from __future__ import annotations

import pytest

from inspections.datewords import date_range, date_text, when_phrase
from inspections.models import DateInfo
from inspections.render import Renderer, Text, escape


def render(source: str, page: str = "areas/derby/2022-03-ilacs/index.md", **ctx) -> str:
    return Renderer().render_string(source, ctx, page=page)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Plain words.", "Plain words."),
        ("A <script>alert(1)</script> tag", "A &lt;script&gt;alert(1)&lt;/script&gt; tag"),
        ("[Help](https://www.nspcc.org.uk/)", "[Help](https://www.nspcc.org.uk/)"),
        ("[Call](tel:08001111)", "[Call](tel:08001111)"),
        ("[Bad](javascript:alert(1))", "Bad"),
        ("[Bad](data:text/html,x)", "Bad"),
        ("![A picture](https://example.org/x.png)", "A picture"),
        (
            "[IRO](glossary:independent-reviewing-officer)",
            "[IRO](../../../glossary.md#independent-reviewing-officer)",
        ),
        # Autolinks are refused by validation (link words should say where they go); if one slips
        # through, it shows as inert text.
        ("<https://www.gov.uk/>", "&lt;https://www.gov.uk/&gt;"),
        ("<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;"),
    ],
)
def test_data_text_is_made_safe(text: str, expected: str) -> None:
    assert render("{{ t }}", t=Text(text)) == expected


def test_plain_strings_are_escaped_too() -> None:
    assert render("{{ s }}", s="<b>bold</b>") == "&lt;b&gt;bold&lt;/b&gt;"


def test_template_text_is_not_escaped() -> None:
    assert render("<span class='x'>{{ s }}</span>", s="<i>") == "<span class='x'>&lt;i&gt;</span>"


def test_inline_joins_lines() -> None:
    assert render("| {{ t | inline }} |", t=Text("one\ntwo\n")) == "| one two |"


def test_text_uses_are_recorded_with_their_place() -> None:
    r = Renderer()
    r.render_string(
        "{{ a }} {{ b }}",
        {"a": Text("First.", "data/x.yaml", 3, 5), "b": Text("Second.", "data/x.yaml", 9, 1)},
        page="i.md",
    )
    assert [(u.text, u.line, u.col) for u in r.uses] == [("First.", 3, 5), ("Second.", 9, 1)]


def test_links_are_relative_to_the_page() -> None:
    assert render("{{ link('glossary.md#iro') }}", page="index.md") == "glossary.md#iro"
    assert (
        render(
            "{{ link('areas/derby/index.md') }}", page="areas/derby/2022-03-ilacs/young-people.md"
        )
        == "../index.md"
    )


def test_escape_keeps_ampersands_and_makes_angle_brackets_text() -> None:
    assert escape("Fish & chips <https://a.b/>") == "Fish & chips &lt;https://a.b/&gt;"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2022-03-21", "21 March 2022"),
        ("2017-03", "March 2017"),
        ("2013", "2013"),
        ("unknown", "not known"),
    ],
)
def test_date_text(value: str, expected: str) -> None:
    assert date_text(DateInfo(value=value)) == expected


def test_date_text_uses_what_the_source_says_when_unknown() -> None:
    info = DateInfo(value="unknown", text="21 and 22 September (year not stated)")
    assert date_text(info) == "21 and 22 September (year not stated)"


@pytest.mark.parametrize(
    "start,end,expected",
    [
        ("2022-03-21", "2022-03-25", "21 to 25 March 2022"),
        ("2023-10-30", "2023-11-10", "30 October to 10 November 2023"),
        ("2017-03", "2017-03", "March 2017"),
        ("2013-12-30", "2014-01-10", "30 December 2013 to 10 January 2014"),
        ("unknown", "unknown", "not known"),
    ],
)
def test_date_range(start: str, end: str, expected: str) -> None:
    assert date_range(DateInfo(value=start), DateInfo(value=end)) == expected


@pytest.mark.parametrize(
    "start,end,expected",
    [
        ("2022-03-21", "2022-03-25", "from 21 to 25 March 2022"),
        ("2017-03", "2017-03", "in March 2017"),
        ("2022-09-21", "2022-09-21", "on 21 September 2022"),
        ("unknown", "unknown", "on dates we do not know"),
    ],
)
def test_when_phrase(start: str, end: str, expected: str) -> None:
    assert when_phrase(DateInfo(value=start), DateInfo(value=end)) == expected


def test_grade_badge_is_words_with_data_attributes(site_data) -> None:
    from inspections.context import judged

    j = judged(site_data, site_data.inspections["derby/2022-03-ilacs"])[0]
    out = render(
        '{% from "macros.md.j2" import grade_badge %}{{ grade_badge(j, "families") }}', j=j
    )
    assert out == (
        '<span class="grade grade--outstanding" data-inspection="derby/2022-03-ilacs"'
        ' data-judgement="overall-effectiveness" data-grade="outstanding">'
        "Outstanding</span>"
    )
