"""A generated page: its Markdown with front matter, and the data texts it shows.

Every page module (:mod:`inspections.pages`) makes its pages with :func:`render_page`, so the
front matter (audience, title, source file) is written in one place.

Example::

    >>> from inspections.render import Renderer
    >>> page = render_page(Renderer(), "macros.md.j2", {}, path="x.md", audience="everyone",
    ...                    title="A <b> title")
    >>> page.markdown.splitlines()[:3]
    ['---', 'audience: everyone', 'title: "A &lt;b&gt; title"']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspections.audiences import SLUGS
from inspections.render import Renderer, TextUse


@dataclass
class Page:
    """A generated Markdown page and what it was made from."""

    path: str
    audience: str
    title: str
    markdown: str
    texts: list[TextUse] = field(default_factory=list)
    source: str | None = None


def render_page(
    renderer: Renderer,
    template: str,
    context: dict,
    *,
    path: str,
    audience: str,
    title: str,
    source: str | None = None,
    hide: tuple[str, ...] = (),
) -> Page:
    """Render one page, adding front matter that names its audience, title and source file.
    ``hide`` names theme parts to leave off (``navigation``, ``toc``): wide tables need room."""
    assert audience in SLUGS, audience
    body = renderer.render(
        template, {**context, "audience": audience, "page_title": title}, page=path
    )
    front = [f"audience: {audience}", f"title: {_yaml_text(title)}"]
    if source:
        front.append(f"source: {source}")
    if hide:
        front.append("hide:\n" + "\n".join(f"  - {part}" for part in hide))
    markdown = "---\n" + "\n".join(front) + "\n---\n\n" + body.strip() + "\n"
    return Page(path, audience, title, markdown, list(renderer.uses), source)


def _yaml_text(text: str) -> str:
    # One line (a line of `---` inside a title would end the front matter early and let the
    # rest of the title through as raw page content), and no `<` or `>`: MkDocs themes print
    # titles into HTML without escaping them.
    text = " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
