"""The area index (by region and A to Z) and one page per area with its inspections over time.

With 153 councils the navigation must not list every area on every page, so areas are reached
from this index, never from the site navigation. The index is plain lists, complete without
JavaScript; ``find.js`` only adds a filter-as-you-type box. Councils that no longer
exist are listed with the councils that replaced them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from inspections.audiences import EVERYONE
from inspections.context import partners, timeline
from inspections.datewords import date_text
from inspections.models import REGIONS, Area
from inspections.page import Page, render_page
from inspections.render import Renderer
from inspections.site import Entry, Site
from inspections.talkto import talk_to
from inspections.urls import AREAS_INDEX, area_path, href
from inspections.views import View, view

INDEX = AREAS_INDEX
SCRIPT = "assets/javascripts/find.js"


@dataclass
class Listed:
    """One council in the index, with what replaced it if it no longer exists."""

    key: str
    area: View
    region: str
    ended: bool
    when: str  # when it ended, in words ("" if not known or not ended)
    replaced: list[tuple[str, str]]  # (key, name) of the councils that took over


def ended_of(area: Area):
    """The area's ``ended`` record, or None (the field is optional, and older models lack it)."""
    return getattr(area, "ended", None)


def replaced_by(site: Site, area: Area) -> list[tuple[str, str]]:
    """``(key, name)`` of the councils that replaced an ended council."""
    ended = ended_of(area)
    keys = list(getattr(ended, "replaced_by", None) or []) if ended else []
    return [(k, site.areas[k].model.name if k in site.areas else k) for k in keys]


def listed(site: Site, key: str, entry: Entry[Area]) -> Listed:
    ended = ended_of(entry.model)
    when = date_text(str(ended.date)) if ended and getattr(ended, "date", None) else ""
    return Listed(
        key, view(entry), entry.model.region, bool(ended), when, replaced_by(site, entry.model)
    )


def pages(site: Site, renderer: Renderer) -> Iterator[Page]:
    areas = sorted(site.areas.items(), key=lambda kv: kv[1].model.name.casefold())
    items = [listed(site, k, e) for k, e in areas]
    by_letter = [
        (letter, list(group))
        for letter, group in groupby(items, key=lambda a: str(a.area.name)[:1].upper())
    ]
    by_region = [(region, [a for a in items if a.region == region]) for region in REGIONS]
    yield render_page(
        renderer,
        EVERYONE.template("areas.md.j2"),
        {
            "by_letter": by_letter,
            "by_region": [(r, g) for r, g in by_region if g],
            "count": len(items),
            "ended": sum(1 for _, e in areas if ended_of(e.model)),
            "script": href(INDEX, SCRIPT),
        },
        path=INDEX,
        audience=EVERYONE.slug,
        title="Find your area",
    )
    for key, entry in areas:
        yield area_page(site, renderer, key, entry)


def area_page(site: Site, renderer: Renderer, key: str, entry: Entry[Area]) -> Page:
    """One area's page (``make preview`` re-renders just this after an edit to one of its
    inspections)."""
    ended = ended_of(entry.model)
    return render_page(
        renderer,
        EVERYONE.template("area.md.j2"),
        {
            "area": view(entry),
            "area_key": key,
            "timeline": timeline(site, key),
            "partners": partners(site, key),
            "talk_to": talk_to(site, key),
            "ended_when": date_text(str(ended.date))
            if ended and getattr(ended, "date", None)
            else "",
            "replaced_by": replaced_by(site, entry.model) if ended else [],
            "ended": bool(ended),
            "ofsted_page": getattr(entry.model, "ofsted_page", None),
            "website": getattr(entry.model, "website", None),
            "replaces": [
                (k, view(e))
                for k, e in site.areas.items()
                if key in (getattr(ended_of(e.model), "replaced_by", None) or [])
            ],
        },
        path=area_path(key),
        audience=EVERYONE.slug,
        source=entry.path,
        title=f"{entry.model.name}: Ofsted inspections of children's services",
    )
