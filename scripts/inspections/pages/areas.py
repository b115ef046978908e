"""The area index (by region and A to Z) and one page per area with its inspections over time.

With 153 councils the navigation must not list every area on every page, so areas are reached
from this index, never from the site navigation.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from inspections.context import area_path, partners, timeline, view
from inspections.models import REGIONS, Area
from inspections.pages import Page, render_page
from inspections.render import Renderer
from inspections.site import Entry, Site
from inspections.talkto import talk_to


def pages(site: Site, renderer: Renderer) -> Iterator[Page]:
    areas = sorted(site.areas.items(), key=lambda kv: kv[1].model.name.casefold())
    by_letter = [(letter, list(group)) for letter, group in
                 groupby(areas, key=lambda kv: kv[1].model.name[0].upper())]
    by_region = [(region, [kv for kv in areas if kv[1].model.region == region])
                 for region in REGIONS]
    yield render_page(
        renderer, "everyone/areas.md.j2",
        {"by_letter": [(letter, [(k, view(e)) for k, e in group]) for letter, group in by_letter],
         "by_region": [(r, [(k, view(e)) for k, e in group]) for r, group in by_region if group]},
        path="areas/index.md", audience="everyone", title="Find your area")
    for key, entry in areas:
        yield area_page(site, renderer, key, entry)


def area_page(site: Site, renderer: Renderer, key: str, entry: Entry[Area]) -> Page:
    """One area's page (``make preview`` re-renders just this after an edit to one of its
    inspections)."""
    return render_page(
        renderer, "everyone/area.md.j2",
        {"area": view(entry), "area_key": key, "timeline": timeline(site, key),
         "partners": partners(site, key), "talk_to": talk_to(site, key)},
        path=area_path(key), audience="everyone", source=entry.path,
        title=f"{entry.model.name}: Ofsted inspections of children's services")
