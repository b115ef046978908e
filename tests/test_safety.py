"""Text cannot attack readers: validation refuses it at its line, and rendering defuses it.

Two lines of defence, tested separately:

- :mod:`inspections.safety` refuses raw HTML, unsafe links, images and attribute lists in any
  text, with ``file:line:col`` and the fix;
- :mod:`inspections.render` escapes whatever slips past, so even text that skipped validation
  becomes inert HTML. That is checked on real HTML: the Markdown is converted with the same
  extensions as mkdocs.yml (``attr_list`` and ``md_in_html`` included), and every tag,
  attribute and link in the result is inspected.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from pydantic import BaseModel

from inspections.load import load_text
from inspections.pages import build_pages
from inspections.render import Renderer, Text
from inspections.safety import check_text
from inspections.site import load_site

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------- validation


def problems(yaml_text: str) -> list[str]:
    doc = load_text(yaml_text, "data/inspections/derby/x.yaml")
    return [str(p) for p in check_text(doc)]


def test_script_tag_in_young_peoples_summary_is_refused_at_its_line():
    assert problems(
        "area: derby\nsummary:\n  young_people: Hello <script>alert(1)</script>\n"
        "  families: Fine.\n"
    ) == [
        "data/inspections/derby/x.yaml:3:23: Raw HTML (`<script>`) is not allowed in text. "
        "Write it in Markdown instead: **bold**, [link words](https://...)."
    ]


def test_javascript_link_in_young_peoples_summary_is_refused_at_its_line():
    assert problems("summary:\n  young_people: Read [this](javascript:alert(1)) now\n") == [
        "data/inspections/derby/x.yaml:2:29: The link `javascript:alert(1)` is not allowed: "
        "links may only go to `https://`, `mailto:` or `tel:` addresses, or to the glossary. "
        "Link to a public web page instead: [words](https://...)."
    ]


def test_image_from_another_site_in_young_peoples_summary_is_refused_at_its_line():
    assert problems(
        "summary:\n  young_people: |\n    Look.\n    ![me](https://tracker.example.net/p.png)\n"
    ) == [
        "data/inspections/derby/x.yaml:4:5: Images are not allowed in text: they would make "
        "readers' browsers fetch them from another website. Describe it in words, or link to "
        "it: [words](https://...)."
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("<b>bold</b>", "Raw HTML (`<b>`)"),
        ("< script >x", "Raw HTML (`<script>`)"),
        ("<SCRIPT SRC=x>", "Raw HTML (`<script>`)"),
        ('<div markdown="1">x</div>', "Raw HTML (`<div>`)"),
        ("<svg onload=alert(1)>", "images or other embedded content"),
        ("<iframe src=https://x.example>", "images or other embedded content"),
        ("<!-- hidden -->", "An HTML comment"),
        ("<!DOCTYPE html>", "Raw HTML (`<!`)"),
        ("<?php echo 1 ?>", "Raw HTML (`<?`)"),
        ("&#60;script&#62;", "HTML character codes (`&#60;`)"),
        ("&#x6A;avascript", "HTML character codes (`&#x6A;`)"),
        ("<https://www.gov.uk>", "A link in angle brackets"),
        ("<javascript:alert(1)>", "A link in angle brackets"),
        ("<someone@example.org>", "A link in angle brackets"),
        ("[x](javascript:alert(1))", "The link `javascript:alert(1)` is not allowed"),
        ("[x](JAVASCRIPT:alert(1))", "is not allowed"),
        ("[x](vbscript:msgbox)", "is not allowed"),
        ("[x](data:text/html,hi)", "is not allowed"),
        ("[x](file:///etc/passwd)", "is not allowed"),
        ("[x]( javascript:alert(1))", "is not allowed"),
        ("[x](\njavascript:alert(1))", "is not allowed"),
        ("[x](<javascript:alert(1)>)", "is not allowed"),
        ("[a [b] c](javascript:alert(1))", "is not allowed"),
        ("[x](&#106;avascript:alert(1))", "HTML character codes"),
        ("[x](http://example.org)", "starts with `http://`"),
        ("[x](//evil.example/)", "is not a full address"),
        ("[x](/admin)", "is not a full address"),
        ("[x](#top)", "is not a full address"),
        ("[x]()", "This link has no address"),
        ("[x](https://)", "is not a complete address"),
        ("[x](https://ok.example/a_(b))", "has round brackets"),
        ('[x](https://ok.example/ "title")', "This link is not written as [words](address)"),
        ("[x][1]\n\n[1]: javascript:alert(1)", "Reference-style links"),
        ("[x]\n\n  [x]: https://ok.example", "Reference-style links"),
        ("![alt](https://tracker.example/p.png)", "Images are not allowed"),
        ("! [alt](https://tracker.example/p.png)", "Images are not allowed"),
        ("![alt][1]", "Images are not allowed"),
        ('text\n{: onclick="alert(1)" }', "Curly brackets"),
        ("# Heading {#id onclick=alert(1)}", "Curly brackets"),
        ("[x](https://ok.example){: onclick=alert(1)}", "Curly brackets"),
        ("\\<script>", "Raw HTML (`<script>`)"),
    ],
)
def test_hostile_text_is_refused(text, expected):
    found = [m for _, m, _ in _problems_in(text)]
    assert any(expected in m for m in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Plain words, with a comma; and a question?",
        "**Bold** and _italic_ words, and a list:\n\n- one\n- two",
        "A [link to GOV.UK](https://www.gov.uk/government/publications/x?y=1&z=2#part).",
        "Call [01332 641172](tel:01332641172) or [email us](mailto:help@derby.gov.uk).",
        "An [IRO](glossary:independent-reviewing-officer) checks your plan.",
        "Fewer than 5 < 10 children, and more than 3 > 2.",
        "Q&A: fish & chips (not an entity).",
        "Brackets (round ones) and [square ones] are fine.",
        "An email address like help@derby.gov.uk is just text.",
    ],
)
def test_ordinary_text_is_accepted(text):
    assert list(_problems_in(text)) == []


def test_web_address_fields_may_not_hold_quotes_or_angle_brackets():
    doc = load_text('report:\n  url: https://ok.example/"onmouseover="alert(1)\n', "x.yaml")
    assert [str(p) for p in check_text(doc)] == [
        'x.yaml:2:8: This web address has characters an address cannot have (`"`). Copy the '
        "address again from your browser's address bar."
    ]


def test_every_shipped_text_passes(site_data):
    for entry in [
        *site_data.areas.values(),
        *site_data.frameworks.values(),
        *site_data.inspections.values(),
        site_data.glossary,
    ]:
        assert list(check_text(entry.doc)) == [], entry.path


def _problems_in(text: str):
    from inspections.safety import problems_in

    return problems_in(text)


# ---------------------------------------------------------------------------- rendering

ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=https://tracker.example/p.png onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](\njavascript:alert(1))",
    "[a [b] c](javascript:alert(1))",
    "[x][1]\n\n[1]: javascript:alert(1)",
    "[x]\n\n[x]: javascript:alert(1)",
    "![i](https://tracker.example/p.png)",
    "![i][1]\n\n[1]: https://tracker.example/p.png",
    'text\n{: onclick="alert(1)" }',
    "- item\n{: onclick=alert(1) }",
    "# Head {#x onclick=alert(1)}",
    "[x](https://ok.example){: onclick=alert(1)}",
    "[x](&#106;avascript:alert(1))",
    "<javascript:alert(1)>",
    "<https://tracker.example/>",
    "\\<script>alert(1)</script>",
    "\\[x](javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    '[x](https://ok.example "t" onclick=alert(1))',
    "[x](data:text/html,<script>alert(1)</script>)",
    '[x](glossary:a" onclick="x)',
    '<div markdown="1">[x](javascript:alert(1))</div>',
    "<!-- <script>alert(1)</script> -->",
    "`<script>`",
    "    <script>alert(1)</script>",
    "```\n<script>alert(1)</script>\n```",
    '!!! note "<script>alert(1)</script>"\n    hi',
    "| a | b |\n|---|---|\n| <script> | [x](javascript:1) |",
    '[x](https://ok.example/"onmouseover="alert(1))',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<<script>script>alert(1)<</script>/script>",
]
ALLOWED_TAGS = {
    "p",
    "a",
    "strong",
    "em",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "br",
    "hr",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "small",
    "caption",
    "script",  # made by templates (compare pages), checked below
    "q",
}  # Ofsted's own words, quoted
ALLOWED_ATTRS = {
    "href",
    "class",
    "id",
    "title",
    "data-inspection",
    "data-judgement",
    "data-grade",
    "style",
    # citation links: "[1]" read as "Source 1" (a fixed label, never data)
    "aria-label",
    # the compare pages' table, enhanced by a local script
    "scope",
    "role",
    "aria-live",
    "data-compare",
    "data-compare-status",
    "data-compare-table",
    "data-sort",
    "data-sort-type",
    "data-filter",
    "data-ranks",
    "src",
    "defer",
    # its scroll box, a named region keyboard users can reach (tabindex="0" only)
    "tabindex",
    "aria-labelledby",
    # the find-your-area lists, filtered by a local script
    "data-find",
    "data-find-status",
    "data-find-list",
    "data-count",
}
LOCAL_SCRIPT = re.compile(r"(\.\./)*assets/[\w/-]+\.js")
SAFE_HREF = re.compile(r"(https://|mailto:|tel:|#|(\.\./)*[\w./-]*(#[\w-]*)?$)")


class HtmlAudit(HTMLParser):
    """Everything in rendered HTML that could run code or contact another server."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.bad.append(f"<{tag}>")
        if tag == "script" and not LOCAL_SCRIPT.fullmatch(dict(attrs).get("src") or ""):
            self.bad.append(f"<script src={dict(attrs).get('src')!r}>")  # only our own files
        if name_src := dict(attrs).get("src"):
            if tag != "script":
                self.bad.append(f"<{tag} src={name_src!r}>")
        for name, value in attrs:
            value = value or ""
            if name not in ALLOWED_ATTRS:
                self.bad.append(f"<{tag} {name}=...>")
            elif name == "tabindex" and value != "0":
                self.bad.append(f'tabindex="{value}"')
            elif name == "href" and not SAFE_HREF.match(value.strip()):
                self.bad.append(f'href="{value}"')
            elif name == "style" and not re.fullmatch(r"text-align: (left|right|center);", value):
                self.bad.append(f'style="{value}"')

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.bad.append("<!--")


@functools.cache
def markdown_config() -> tuple[list, dict]:
    """The Markdown extensions MkDocs uses, from mkdocs.yml.

    The content and theme folders are given as docs/ and the bare theme: mkdocs.yml names
    build/content and build/theme, which exist only once ``generate`` has run, and neither
    plays a part in converting Markdown.
    """
    config = load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs"), theme={"name": "material"}
    )
    return list(config["markdown_extensions"]), dict(config["mdx_configs"])


def to_html(markdown_text: str) -> str:
    extensions, configs = markdown_config()
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(
        markdown_text
    )


def audit(html: str) -> list[str]:
    checker = HtmlAudit()
    checker.feed(html)
    checker.close()
    return checker.bad


@pytest.mark.parametrize("attack", ATTACKS)
def test_hostile_text_renders_inert(attack):
    renderer = Renderer()
    for shown in (renderer.md(Text(attack)), renderer.inline(Text(attack))):
        html = to_html(f"Intro.\n\n{shown}\n\n- item {shown}\n")
        assert audit(html) == [], (attack, str(shown), html)


def test_safe_links_and_glossary_links_still_work():
    renderer = Renderer()
    renderer.page = "areas/derby/2022-03-ilacs/index.md"
    shown = renderer.md(
        Text(
            "An [IRO](glossary:iro), [GOV.UK](https://www.gov.uk/a?b=1&c=2), "
            "[mail](mailto:a@b.org) and [call](tel:+441234) with **bold**."
        )
    )
    assert to_html(shown) == (
        '<p>An <a href="../../../glossary.md#iro">IRO</a>, '
        '<a href="https://www.gov.uk/a?b=1&amp;c=2">GOV.UK</a>, '
        '<a href="mailto:a@b.org">mail</a> and <a href="tel:+441234">call</a> with '
        "<strong>bold</strong>.</p>"
    )


# ---------------------------------------------------------------------------- whole pages

# Fields that hold names of other things (slugs, dates, file names); every other text in every
# model is replaced with the attack, as if it had slipped past validation.
KEYS = {
    "area",
    "framework",
    "kind",
    "source",
    "judgements_source",
    "previous",
    "value",
    "not_before",
    "not_after",
    "seed",
    "number",
    "when",
    "checked",
    "action_plan_due",
    "part_of",
    "date",
    "from_",
    "to",
    "see",
    "judgements",
    "glossary",
}
URLS = {"url", "website"}
PAYLOAD = "\n".join(ATTACKS) + "\nTitle\n---\n<script>alert(1)</script>"
URL_PAYLOAD = 'https://evil.example/"><script>alert(1)</script>)[x](javascript:alert(1))'


def poison(model: BaseModel) -> None:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in KEYS:
            continue
        if name in URLS and isinstance(value, str):
            setattr(model, name, URL_PAYLOAD)
        elif isinstance(value, str):
            setattr(model, name, PAYLOAD)
        elif isinstance(value, BaseModel):
            poison(value)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    poison(item)
                elif isinstance(item, str):
                    value[i] = PAYLOAD
        elif isinstance(value, dict):
            for item in value.values():
                if isinstance(item, BaseModel):
                    poison(item)


def test_every_generated_page_stays_inert_when_every_text_is_hostile():
    site = load_site(ROOT)
    for entry in [
        *site.areas.values(),
        *site.frameworks.values(),
        *site.inspections.values(),
        site.glossary,
        site.helplines,
    ]:
        poison(entry.model)
    pages = build_pages(site)
    assert pages
    for path, page in pages.items():
        content, meta = get_data(page.markdown)
        assert meta.get("audience") == page.audience, f"{path}: front matter broken"
        assert "<" not in meta["title"] and "\n" not in meta["title"], path
        assert audit(to_html(content)) == [], path
