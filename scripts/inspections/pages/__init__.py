"""Every generated page, from every page module in this package.

Each module here has ``pages(site, renderer) -> Iterable[Page]``. Adding a module adds its
pages; nothing else needs to change. Pages are Markdown handed to MkDocs as virtual files, so
nothing generated is ever written into ``docs/``.

Example::

    >>> pages = build_pages(load_site(Path(".")))    # doctest: +SKIP
    >>> pages["areas/derby/2022-03-ilacs/young-people.md"].audience  # doctest: +SKIP
    'young-people'
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass, field

from inspections import context
from inspections.render import Renderer, TextUse
from inspections.site import Site

AUDIENCES = ("young-people", "families", "everyone")


@dataclass
class Page:
    """A generated Markdown page and what it was made from."""

    path: str
    audience: str
    title: str
    markdown: str
    texts: list[TextUse] = field(default_factory=list)
    source: str | None = None


def render_page(renderer: Renderer, template: str, context: dict, *, path: str, audience: str,
                title: str, source: str | None = None) -> Page:
    """Render one page, adding front matter that names its audience, title and source file."""
    assert audience in AUDIENCES, audience
    body = renderer.render(template, {**context, "audience": audience, "page_title": title},
                           page=path)
    front = [f"audience: {audience}", f"title: {_yaml_text(title)}"]
    if source:
        front.append(f"source: {source}")
    markdown = "---\n" + "\n".join(front) + "\n---\n\n" + body.strip() + "\n"
    return Page(path, audience, title, markdown, list(renderer.uses), source)


def _yaml_text(text: str) -> str:
    # One line (a line of `---` inside a title would end the front matter early and let the
    # rest of the title through as raw page content), and no `<` or `>`: MkDocs themes print
    # titles into HTML without escaping them.
    text = " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def modules() -> list[str]:
    """Names of the page modules, in a stable order."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def build_pages(site: Site, renderer: Renderer | None = None) -> dict[str, Page]:
    """All generated pages by path. Two modules making the same path is a bug, so it stops."""
    renderer = renderer or Renderer()
    context.install(renderer)
    pages: dict[str, Page] = {}
    for name in modules():
        module = importlib.import_module(f"{__name__}.{name}")
        made: Iterable[Page] = module.pages(site, renderer)
        for page in made:
            if page.path in pages:
                raise RuntimeError(f"Two page modules both make {page.path}")
            pages[page.path] = page
    return dict(sorted(pages.items()))
