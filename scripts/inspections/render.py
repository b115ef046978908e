"""Turn page contexts into Markdown with Jinja2, safely, remembering where each text came from.

Data text is written by people (and may arrive in a pull request from outside the team), so
every value printed by a template is made safe by default, the way HTML templates autoescape:

- ``<`` and ``>`` become entities, so raw HTML in data shows as text and never runs;
- links may only go to ``https:``, ``mailto:``, ``tel:`` or the glossary; others lose the link;
- images are never rendered (they would make readers' browsers contact another server);
- ``[words](glossary:key)`` becomes a link to that glossary entry.

Each :class:`Text` printed is recorded as a :class:`TextUse` (the words and their
``file:line:col``), so the plain-language checker can report problems where the words live.

Example::

    >>> r = Renderer()
    >>> t = Text("Call <b>us</b> [now](javascript:alert(1))", "data/x.yaml", 3, 5)
    >>> r.render_string("{{ t }}", {"t": t}, page="index.md")
    'Call &lt;b&gt;us&lt;/b&gt; now'
    >>> r.uses[0].line
    3
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"
GLOSSARY_PAGE = "glossary.md"
SAFE_SCHEMES = ("https:", "mailto:", "tel:")
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel|javascript|data|ftp):[^>\s]*)>", re.I)


@dataclass(frozen=True)
class TextUse:
    """Words from a data file as used on a page, with where they live."""

    text: str
    path: str
    line: int
    col: int


class Text:
    """A text value from a data file that remembers its place.

    Printing it in a template makes it safe Markdown (see module docstring) and records it.
    """

    __slots__ = ("value", "path", "line", "col")

    def __init__(self, value: str, path: str = "", line: int = 0, col: int = 0):
        self.value, self.path, self.line, self.col = value, path, line, col

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Text({self.value!r}, {self.path!r}, {self.line}, {self.col})"

    def __bool__(self) -> bool:
        return bool(self.value)


class Safe(Markup):
    """Markdown that has already been made safe (output of ``md``, or template text).

    A :class:`markupsafe.Markup` so that Jinja2's autoescape machinery treats macro output and
    template text as trusted, while every data value still goes through ``finalize``.
    """


@dataclass
class Renderer:
    """A Jinja2 environment for Markdown output. One renderer can render many pages."""

    templates: Path = TEMPLATES
    uses: list[TextUse] = field(default_factory=list)
    page: str = "index.md"

    def __post_init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(self.templates)),
            # Markdown, not HTML: ``finalize`` makes every value Safe Markdown, so Jinja's own
            # HTML escaping never runs; autoescape only keeps macro output trusted.
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=self._finalize,
        )
        self.env.filters["md"] = self.md
        self.env.filters["inline"] = self.inline
        self.env.globals["link"] = self.link

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
        path, _, anchor = target.partition("#")
        rel = posixpath.relpath(path, posixpath.dirname(self.page) or ".")
        return rel + (f"#{anchor}" if anchor else "")

    def md(self, value: Any) -> Safe:
        """Make data text safe Markdown, resolving glossary links; record where it came from."""
        if isinstance(value, Markup):
            return Safe(value)
        if isinstance(value, Text):
            if value.path:
                self.uses.append(TextUse(value.value, value.path, value.line, value.col))
            value = value.value
        if value is None:
            return Safe("")
        return Safe(self._links(escape(str(value))))

    def inline(self, value: Any) -> Safe:
        """Like ``md`` but on one line (for table cells and list items)."""
        return Safe(" ".join(self.md(value).split()))

    # -- internals --------------------------------------------------------------------------

    def _finalize(self, value: Any) -> Any:
        if isinstance(value, Markup):
            return value
        if value is None or isinstance(value, str | Text):
            return self.md(value)
        return Safe(str(value))

    def _links(self, text: str) -> str:
        def fix(m: re.Match[str]) -> str:
            bang, words, target = m.groups()
            if bang:  # images: never fetch anything from elsewhere
                return words
            if target.startswith("glossary:"):
                return f"[{words}]({self.link(GLOSSARY_PAGE + '#' + target[9:])})"
            if target.lower().startswith(SAFE_SCHEMES) or target.startswith("#"):
                return f"[{words}]({target})"
            return words

        text = _LINK.sub(fix, text)
        return _AUTOLINK.sub(lambda m: m.group(1) if not m.group(1).lower().startswith(
            SAFE_SCHEMES) else f"<{m.group(1)}>", text)


def escape(text: str) -> str:
    """Escape what would let data text inject HTML into a Markdown page.

    Autolinks like ``<https://example.org>`` are kept (checked later by the link rules).

    >>> escape("a <script>x</script> & <https://gov.uk>")
    'a &lt;script&gt;x&lt;/script&gt; & <https://gov.uk>'
    """
    parts = _AUTOLINK.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # an autolink target captured by the split
            out.append(f"<{part}>")
        else:
            out.append(part.replace("<", "&lt;").replace(">", "&gt;"))
    return "".join(out)
