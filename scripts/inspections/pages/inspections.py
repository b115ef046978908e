"""Two pages for every inspection: one for families and the public, one for young people.

URLs: ``/areas/<area>/<slug>/`` (families) and ``/areas/<area>/<slug>/young-people/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from inspections.context import inspection_context, inspection_path
from inspections.models import Inspection
from inspections.pages import Page, render_page
from inspections.render import Renderer
from inspections.site import Entry, Site
from inspections.talkto import talk_to


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
    ctx["families_path"] = inspection_path(key, "families")
    ctx["young_people_path"] = inspection_path(key, "young-people")
    ctx["talk_to"] = talk_to(site, entry.model.area)
    yield render_page(
        renderer,
        "families/inspection.md.j2",
        ctx,
        path=ctx["families_path"],
        audience="families",
        source=entry.path,
        title=f"{area}: Ofsted {'inspection' if kind.graded else 'visit'}, {ctx['year']}",
    )
    yield render_page(
        renderer,
        "young-people/inspection.md.j2",
        ctx,
        path=ctx["young_people_path"],
        audience="young-people",
        source=entry.path,
        title=f"{area}, {ctx['year']}: what Ofsted found",
    )
