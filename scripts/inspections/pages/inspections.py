"""Two pages for every inspection: one for families and the public, one for young people.

URLs: ``/areas/<area>/<slug>/`` (families) and ``/areas/<area>/<slug>/young-people/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from inspections.audiences import FAMILIES, YOUNG_PEOPLE
from inspections.context import inspection_context
from inspections.models import Inspection
from inspections.page import Page, render_page
from inspections.render import Renderer
from inspections.site import Entry, Site
from inspections.talkto import talk_to
from inspections.urls import inspection_path


def pages(site: Site, renderer: Renderer) -> Iterator[Page]:
    for key, entry in site.inspections.items():
        yield from inspection_pages(site, renderer, key, entry)


def inspection_pages(
    site: Site, renderer: Renderer, key: str, entry: Entry[Inspection]
) -> Iterator[Page]:
    """The two pages of one inspection (``make preview`` re-renders just these after an edit)."""
    ctx = inspection_context(site, entry)
    area = entry.model.area and site.areas[entry.model.area].model.name
    kind = site.frameworks[entry.model.framework].model.kinds[entry.model.kind]
    ctx["families_path"] = inspection_path(key, FAMILIES.slug)
    ctx["young_people_path"] = inspection_path(key, YOUNG_PEOPLE.slug)
    ctx["talk_to"] = talk_to(site, entry.model.area)
    yield render_page(
        renderer,
        FAMILIES.template("inspection.md.j2"),
        ctx,
        path=ctx["families_path"],
        audience=FAMILIES.slug,
        source=entry.path,
        title=f"{area}: Ofsted {'inspection' if kind.graded else 'visit'}, {ctx['year']}",
    )
    yield render_page(
        renderer,
        YOUNG_PEOPLE.template("inspection.md.j2"),
        ctx,
        path=ctx["young_people_path"],
        audience=YOUNG_PEOPLE.slug,
        source=entry.path,
        title=f"{area}, {ctx['year']}: what Ofsted found",
    )
