"""The Atom feed (RFC 4287) of inspection summaries, newest first. Dates come from the data
(the report's publication date, else the best known date), never the clock, so the same data
always gives the same feed."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

from inspections import licence, validate
from inspections.audiences import FAMILIES, YOUNG_PEOPLE
from inspections.opendata.columns import ATOM, FEED_ENTRIES
from inspections.site import UNKNOWN, Entry, Site
from inspections.urls import absolute_url, inspection_path


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def stated_date(insp: Any) -> str | None:
    """The first day of the most precise date a source states for the report (published,
    else end, else start), as ``YYYY-MM-DD``; None when none is stated. Unlike
    :func:`~inspections.national.best_date` it never takes a bound we worked out
    (``not_before``): a feed entry must not carry a year nobody gave."""
    for info in (insp.dates.published, insp.dates.end, insp.dates.start):
        bounds = validate.date_bounds(info.value) if info.value else None
        if bounds:
            return bounds[0]
    return None


def feed(site: Site, base: str, limit: int | None = FEED_ENTRIES) -> str:
    """An Atom feed of inspection summaries for families, newest first. An inspection with no
    stated date is left out (Atom needs a date for each entry, and we do not invent one)."""
    ET.register_namespace("", ATOM)
    dated = [(stated_date(e.model), e) for e in site.inspections.values()]
    dated = sorted(
        ((d, e) for d, e in dated if d), key=lambda de: (de[0], de[1].key), reverse=True
    )[:limit]
    root = ET.Element(f"{{{ATOM}}}feed")
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en-GB")
    _sub(root, "id", base)
    _sub(root, "title", "Inspections explained: new and updated summaries")
    _sub(
        root,
        "subtitle",
        "What Ofsted found when it inspected councils' children's services, in plain words.",
    )
    _sub(root, "updated", _stamp(dated[0][0]) if dated else "1970-01-01T00:00:00Z")
    _sub(root, "rights", licence.STATEMENT, type="text")
    author = _sub(root, "author", None)
    _sub(author, "name", "Inspections explained")
    _sub(
        root,
        "link",
        None,
        rel="self",
        href=base.rstrip("/") + "/feed.xml",
        type="application/atom+xml",
    )
    _sub(root, "link", None, rel="alternate", href=base, type="text/html")
    _sub(root, "link", None, rel="license", href=licence.URL, type="text/html")  # RFC 4946
    for day, entry in dated:
        insp = entry.model
        area = site.areas[insp.area].model
        fw = site.frameworks[insp.framework].model
        kind = fw.kinds[insp.kind]
        url = absolute_url(base, inspection_path(entry.key, FAMILIES.slug))
        item = _sub(root, "entry", None)
        _sub(item, "id", url)
        start = insp.dates.start.value
        _sub(
            item,
            "title",
            f"{area.name}: {kind.name.families} ({fw.short_name}), "
            f"{start[:4] if start != UNKNOWN else 'year not known'}",
        )
        _sub(item, "updated", _stamp(day))
        _sub(item, "link", None, rel="alternate", href=url, type="text/html")
        _sub(
            item,
            "link",
            None,
            rel="related",
            href=absolute_url(base, inspection_path(entry.key, YOUNG_PEOPLE.slug)),
            type="text/html",
            title="For young people",
        )
        _sub(item, "summary", _feed_summary(site, entry), type="text")
        _sub(item, "category", None, term=insp.framework, label=fw.short_name)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _feed_summary(site: Site, entry: Entry) -> str:
    """The families' summary, or, before a person has written one, the grades in words."""
    insp = entry.model
    if insp.summary is not None:
        return " ".join(insp.summary.families.split())
    fw = site.frameworks[insp.framework].model
    grades = [
        f"{fw.judgements[j].official}: {fw.grades[g].official if g in fw.grades else 'not known'}"
        for j, g in insp.judgements.items()
        if j in fw.judgements
    ]
    theme = getattr(insp, "theme", None)
    said = (
        ("Grades: " + "; ".join(grades) + ". ")
        if grades
        else (f"Theme: {theme}. " if theme else "")
    )
    return said + "A plain summary has not been written yet."


def _sub(parent: ET.Element, tag: str, text: str | None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el
