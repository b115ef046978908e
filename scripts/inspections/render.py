"""Turn page contexts into Markdown with Jinja2, safely, remembering where each text came from.

Data text is written by people (and may arrive in a pull request from outside the team), so
every value printed by a template is made safe by default, the way HTML templates autoescape.
Validation (:mod:`inspections.safety`) refuses hostile text with a message; this is the second
line of defence, so that text which slipped past it still renders inert:

- only ``[words](target)`` links survive, and only to ``https:``, ``mailto:``, ``tel:`` or the
  glossary, with targets made of plain URL characters; other links keep just their words;
- images are never rendered (they would make readers' browsers contact another server);
- everything else that Markdown could read as markup with a side effect is escaped: ``<`` and
  ``>`` become entities (no raw HTML, no autolinks), and ``[ ] { } \\`` get a backslash (no
  reference links, no nested-bracket links, no ``{: onclick=...}`` attribute lists);
- ``[words](glossary:key)`` becomes a link to that glossary entry.

Each :class:`Text` printed is recorded as a :class:`TextUse`: the words, their
``file:line:col``, the field of the data file they are in, and the Markdown they were printed
as. That record is the one place the plain-language check learns where words came from: it
neither renders texts again nor reads the data files to find their fields.

Example::

    >>> r = Renderer()
    >>> t = Text("Call <b>us</b> [now](javascript:alert(1))", "data/x.yaml", 3, 5)
    >>> r.render_string("{{ t }}", {"t": t}, page="index.md")
    'Call &lt;b&gt;us&lt;/b&gt; now'
    >>> str(r.md("[x][1] {: onclick=go() }"))
    '\\\\[x\\\\]\\\\[1\\\\] \\\\{: onclick=go() \\\\}'
    >>> r.uses[0].line, r.uses[0].markdown
    (3, 'Call &lt;b&gt;us&lt;/b&gt; now')
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from inspections.audiences import by_slug
from inspections.markdown_env import MarkdownEnvironment
from inspections.urls import GLOSSARY_PAGE, SAFE_TARGET, relpath

TEMPLATES = Path(__file__).parent / "templates"
# A link or image whose words hold no brackets; an optional "title" is dropped.
_LINK = re.compile(r'(!?)\[([^\[\]\n]*)\]\(((?:[^()\s<>]|\([^()\s<>]*\))*)(?:[ ]+"[^"\n]*")?\)')
_GLOSSARY_TARGET = re.compile(r"glossary:([a-z0-9]+(?:-[a-z0-9]+)*)")
_MARKDOWN_SPECIAL = {
    "\\": "\\\\",
    "[": "\\[",
    "]": "\\]",
    "{": "\\{",
    "}": "\\}",
    "<": "&lt;",
    ">": "&gt;",
}
_SPECIAL = re.compile(r"[\\\[\]{}<>]")


@dataclass(frozen=True)
class TextUse:
    """Words from a data file as used on a page, with where they live."""

    text: str
    path: str
    line: int
    col: int
    loc: tuple | None = None  # the field in the data file, e.g. ("summary", "young_people")
    markdown: str | None = None  # the safe Markdown it was printed as (before ``inline``)


class Text:
    """A text value from a data file that remembers its place.

    Printing it in a template makes it safe Markdown (see module docstring) and records it.
    The record is made once and shared by every page that prints the text.
    """

    __slots__ = ("value", "path", "line", "col", "loc", "_use", "_md")

    def __init__(
        self, value: str, path: str = "", line: int = 0, col: int = 0, loc: tuple | None = None
    ):
        self.value, self.path, self.line, self.col, self.loc = value, path, line, col, loc
        self._use: TextUse | None = None
        self._md: Safe | None = None  # its safe Markdown, when that is the same on every page

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Text({self.value!r}, {self.path!r}, {self.line}, {self.col})"

    def __bool__(self) -> bool:
        return bool(self.value)

    @property
    def use(self) -> TextUse:
        """This text as used on a page (one shared, immutable record, for a text printed the
        same on every page; see :meth:`Renderer.md`)."""
        use = self._use
        if use is None:
            md = None if self._md is None else str.__str__(self._md)  # plain str, not Safe
            use = self._use = TextUse(self.value, self.path, self.line, self.col, self.loc, md)
        return use


class Safe(Markup):
    """Markdown that has already been made safe (output of ``md``, or template text).

    A :class:`markupsafe.Markup` so that Jinja2's autoescape machinery treats macro output and
    template text as trusted, while every data value still goes through ``finalize``.
    """


def safe(text: str) -> Safe:
    """``Safe(text)`` for a ``str`` already made safe, without ``Markup.__new__`` (which checks
    for ``__html__`` in Python: hundreds of thousands of calls at national scale)."""
    return str.__new__(Safe, text)


@dataclass
class Renderer:
    """A Jinja2 environment for Markdown output. One renderer can render many pages."""

    templates: Path = TEMPLATES
    uses: list[TextUse] = field(default_factory=list)
    page: str = "index.md"
    _glossary_for: str | None = field(default=None, init=False, repr=False)
    _glossary_link: str = field(default="", init=False, repr=False)
    _folder_of: str | None = field(default=None, init=False, repr=False)
    _folder: str = field(default=".", init=False, repr=False)
    _links: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.env = MarkdownEnvironment(
            loader=jinja2.FileSystemLoader(str(self.templates)),
            # Templates are code: a preview after a template edit makes a new Renderer.
            auto_reload=False,
            # Markdown, not HTML: ``finalize`` makes every value Safe Markdown, so Jinja's own
            # HTML escaping never runs; autoescape only keeps macro output trusted.
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=self.md,
        )
        self.env.filters["md"] = self.md
        self.env.filters["inline"] = self.inline
        self.env.filters["attr"] = attr
        self.env.globals["anchor"] = anchor
        self.env.globals["link"] = self.link
        self.env.globals["grade_badge"] = self.grade_badge

    # -- public API -------------------------------------------------------------------------

    def render(self, template: str, context: dict[str, Any], *, page: str) -> str:
        """Render ``template`` for the page at ``page`` (a path relative to docs/)."""
        self.page, self.uses = page, []
        return self.env.get_template(template).render(**context)

    def render_string(self, source: str, context: dict[str, Any], *, page: str) -> str:
        """Like :meth:`render` for a template given as text (used in tests and docs)."""
        self.page, self.uses = page, []
        return self.env.from_string(source).render(**context)

    def link(self, target: str) -> str:
        """A relative link from the current page to ``target`` (a docs/ path, maybe #anchor).

        >>> r = Renderer(); r.page = "areas/derby/index.md"; r.link("glossary.md#iro")
        '../../glossary.md#iro'
        """
        if self._folder_of != self.page:
            folder = posixpath.dirname(self.page) or "."
            if folder != self._folder:
                self._links = {}  # links from this folder (an inspection's two pages share it)
            self._folder_of, self._folder = self.page, folder
        rel = self._links.get(target)
        if rel is None:
            path, _, anchor = target.partition("#")
            rel = relpath(path, self._folder) + ("#" + anchor if anchor else "")
            self._links[target] = rel
        return rel

    def md(self, value: Any) -> Safe:
        """Make data text safe Markdown, resolving glossary links; record where it came from.

        Also Jinja's ``finalize``: every value a template prints comes through here, so nothing
        printed escapes being made safe except Markdown already made safe (``Safe``/Markup).
        """
        if isinstance(value, Text):
            markdown = value._md
            if markdown is None:
                if "](" in value.value:  # links: glossary links depend on the page
                    markdown = _linked(value.value, self._glossary())
                    if value.path:
                        self.uses.append(
                            TextUse(
                                value.value,
                                value.path,
                                value.line,
                                value.col,
                                value.loc,
                                str.__str__(markdown),
                            )
                        )
                    return markdown
                markdown = value._md = _escaped(value.value)
            if value.path:
                self.uses.append(value._use or value.use)
            return markdown
        if type(value) is str:
            text = value
        elif isinstance(value, Markup):
            return value if type(value) is Safe else safe(value)
        elif value is None:
            return _EMPTY
        else:
            text = str(value)
        if "](" not in text:  # no link: the same for every page, so worked out once
            return _escaped(text)
        return _linked(text, self._glossary())

    def inline(self, value: Any) -> Safe:
        """Like ``md`` but on one line (for table cells and list items)."""
        return _one_line(self.md(value))

    def grade_badge(self, j: Any, audience: str) -> Safe:
        """A grade, always in words (never colour alone), marked so tests can check it equals
        the data: ``data-inspection`` names the inspection, ``data-judgement`` and
        ``data-grade`` its keys in the data. ``j`` is a :class:`inspections.context.Judged`;
        the words are its framework's, for ``audience``.

        A method, not a template macro: it is printed thousands of times at national scale,
        and a Jinja macro call costs about ten times a function call.
        """
        grade = j.grade
        words = by_slug(audience).words(grade) if grade else "Not known"
        key = attr(j.grade_key)
        return safe(
            f'<span class="grade grade--{key}" data-inspection="{attr(j.inspection)}" '
            f'data-judgement="{attr(j.key)}" data-grade="{key}">'
            f"{self.inline(words)}</span>"
        )

    # -- internals --------------------------------------------------------------------------

    def _glossary(self) -> str:
        """The link from the current page to the glossary (worked out once per page)."""
        if self._glossary_for != self.page:
            self._glossary_link = self.link(GLOSSARY_PAGE)
            self._glossary_for = self.page
        return self._glossary_link


_EMPTY = safe("")


@functools.lru_cache(maxsize=16384)
def _escaped(text: str) -> Safe:
    """:func:`escape` of text without links, remembered (grade words, names and headings
    are printed on hundreds of pages)."""
    return safe(escape(text))


@functools.lru_cache(maxsize=16384)
def _linked(text: str, glossary: str) -> Safe:
    """Text with links as safe Markdown, for pages whose link to the glossary is ``glossary``
    (remembered: all inspection pages are as deep, so they share it).

    >>> str(_linked("An [IRO](glossary:iro) and [x](javascript:y)", "../glossary.md"))
    'An [IRO](../glossary.md#iro) and x'
    """
    out, pos = [], 0
    for m in _LINK.finditer(text):
        bang, words, target = m.groups()
        out.append(escape(text[pos : m.start()]))
        pos = m.end()
        if bang:  # images: never fetch anything from elsewhere
            out.append(escape(words))
            continue
        glossary_key = _GLOSSARY_TARGET.fullmatch(target)
        if glossary_key:
            out.append(f"[{escape(words)}]({glossary}#{glossary_key.group(1)})")
        elif SAFE_TARGET.fullmatch(target):
            out.append(f"[{escape(words)}]({target})")
        else:
            out.append(escape(words))
    out.append(escape(text[pos:]))
    return safe("".join(out))


@functools.lru_cache(maxsize=16384)
def _one_line(markdown: str) -> Safe:
    """Safe Markdown joined onto one line (``str.split``, not ``Markup.split``: the parts are
    already safe, and Markup would re-wrap and re-escape each one)."""
    return safe(" ".join(str.split(markdown)))


def escape(text: str) -> str:
    """Escape everything in plain text that Markdown could turn into HTML, links or attributes.

    >>> escape("a <script>x</script> & [x][1] {: .big }")
    'a &lt;script&gt;x&lt;/script&gt; & \\\\[x\\\\]\\\\[1\\\\] \\\\{: .big \\\\}'
    """
    return _SPECIAL.sub(lambda m: _MARKDOWN_SPECIAL[m.group()], text)


def attr(value: Any) -> Safe:
    """A value for an HTML attribute in a template: quotes and ``<>&`` become entities, so no
    value (even one that slipped past validation) can leave the attribute.

    >>> str(attr('Derby" onclick="x'))
    'Derby&#34; onclick=&#34;x'
    """
    return _attr(value.value if isinstance(value, Text) else str(value))


@functools.lru_cache(maxsize=16384)
def _attr(raw: str) -> Safe:
    """:func:`attr` of a string, remembered (keys and grade names repeat on many pages)."""
    return safe(Markup.escape(raw))


def anchor(key: str) -> Safe:
    """A heading id in Markdown's attribute-list syntax, ``{#key}``, for a validated slug.

    Data text never gets ``{...}`` (it is escaped and refused); templates use this instead.

    >>> str(anchor("virtual-school"))
    '{#virtual-school}'
    """
    key = str(key)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key):
        raise ValueError(f"not a slug: {key!r}")
    return Safe("{#" + key + "}")
