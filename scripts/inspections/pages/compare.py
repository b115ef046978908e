"""Compare areas: every area's latest grades under one named framework, for families, and a
simpler version for young people.

Only like is compared with like: each table is one framework, showing each area's latest
graded inspection under it, or "not yet inspected under this framework". Grades are never
converted between frameworks. The table is plain HTML, complete without JavaScript;
``compare.js`` only adds a region filter and sortable columns. With a row per council it is
the heaviest page, so each fact is written once: the inspection on its row
(``tr data-inspection``; a cell from another inspection names its own), the judgement on its
column's heading (``th data-judgement``), the grade as the cell's class (``grade--KEY``), the
region in its cell. The order of the grades, best first, is on each grade column's heading
(``th data-ranks``, from the framework's data): ``compare.js`` sorts by it.

Pages: ``compare/index.md`` (the framework most areas were inspected under), one
``compare/<framework>.md`` for each other graded framework, and ``compare/young-people.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from inspections import national
from inspections.audiences import EVERYONE, FAMILIES, YOUNG_PEOPLE, by_slug
from inspections.datewords import date_text
from inspections.models import REGIONS
from inspections.page import Page, render_page
from inspections.render import Renderer
from inspections.site import UNKNOWN, Site, sort_key
from inspections.talkto import talk_to
from inspections.urls import (
    DATA_PAGE,
    area_path,
    compare_audience_path,
    href,
    inspection_path,
)
from inspections.views import view

SCRIPT = "assets/javascripts/compare.js"
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")


def heading_words(text: str) -> str:
    """A column heading's words without Markdown link syntax.

    MkDocs leaves Markdown inside a raw HTML table as it is (readers would see the brackets),
    and ``compare.js`` turns each heading into a sort button, which must not hold a link.

    >>> heading_words("[Overall effectiveness](glossary:overall-effectiveness)")
    'Overall effectiveness'
    """
    return _MD_LINK.sub(r"\1", text)


@dataclass
class Cell:
    """One grade in the table: its key and words from the framework."""

    key: str
    words: str
    inspection: str = ""  # the inspection that gave this grade
    when: str = ""  # its date in words, when it is not the row's latest inspection


@dataclass
class Other:
    """The area's newest graded inspection, when it is not the one in this table's row: newer
    (under a later framework) or the only one there is (under an earlier framework)."""

    inspection: str
    date: str  # in words
    framework: str  # the framework's short name and years, e.g. "ILACS, 2018 to 2022"
    newer: bool  # newer than the row's inspection under this table's framework


@dataclass
class Row:
    area: str
    name: str
    region: str
    inspection: str | None
    date: str  # in words
    sort_date: str
    cells: list[Cell]
    other: Other | None = None
    ended: str = ""  # "no longer exists (2019)" for a council that has ended


def framework_label(site: Site, framework: str) -> str:
    """``ILACS, January 2018 to December 2022`` or ``ILACS, April 2026 onwards``."""
    fw = site.frameworks[framework].model
    end = f" to {date_text(fw.in_use.to)}" if fw.in_use.to else " onwards"
    return f"{fw.short_name}, {date_text(fw.in_use.from_)}{end}"


def short_label(site: Site, framework: str) -> str:
    """``ILACS, 2018 to 2022`` or ``ILACS, 2026 onwards``: short enough for a table cell."""
    fw = site.frameworks[framework].model
    start, end = fw.in_use.from_[:4], fw.in_use.to[:4] if fw.in_use.to else ""
    return f"{fw.short_name}, {start} to {end}" if end else f"{fw.short_name}, {start} onwards"


def _other(site: Site, area: str, insp) -> Other | None:
    newest = national.newest_graded(site, area)
    if newest is None or (
        insp is not None
        and (newest.key == insp.key or sort_key(newest.model) <= sort_key(insp.model))
    ):
        return None
    return Other(
        newest.key,
        date_text(newest.model.dates.start),
        short_label(site, newest.model.framework),
        insp is not None,
    )


def ended_words(area) -> str:
    """``no longer exists (since 2019)`` for a council that has ended, else ``""``."""
    ended = getattr(area, "ended", None)
    if not ended:
        return ""
    when = date_text(str(ended.date)) if getattr(ended, "date", None) else ""
    return f"no longer exists (since {when})" if when else "no longer exists"


def rows(site: Site, framework: str, audience: str = FAMILIES.slug) -> list[Row]:
    """One row per area on the site, A to Z. A council that no longer exists is left out of a
    table it has no inspection in (it will never have one)."""
    fw = site.frameworks[framework].model
    heads = national.headline_judgements(fw)
    latest = national.latest_under(site, framework)
    field = by_slug(audience).field
    out = []
    for key, entry in sorted(site.areas.items(), key=lambda kv: kv[1].model.name.casefold()):
        insp = latest.get(key)
        ended = ended_words(entry.model)
        if ended and insp is None:
            continue
        cells = []
        if insp:
            for j in heads:
                # A re-inspection may judge only part: each grade is the latest given.
                judged = national.latest_judged(site, framework, key, j) or insp
                grade = judged.model.judgements.get(j, UNKNOWN)
                when = date_text(judged.model.dates.start) if judged is not insp else ""
                if grade in fw.grades:
                    cells.append(
                        Cell(
                            grade,
                            getattr(fw.grades[grade], field),
                            judged.key,
                            when,
                        )
                    )
                else:
                    cells.append(Cell(UNKNOWN, "Not known", insp.key))
        out.append(
            Row(
                key,
                entry.model.name,
                entry.model.region,
                insp.key if insp else None,
                date_text(insp.model.dates.start) if insp else "",
                national.best_date(insp.model) or "" if insp else "",
                cells,
                _other(site, key, insp),
                ended,
            )
        )
    return out


@dataclass
class Figures:
    """The national figures above a table: counts always, percentages only when at least
    :data:`inspections.national.MIN_FOR_PERCENT` councils are counted."""

    tally: national.Tally
    as_at: str  # in words: the newest report counted
    good: str | None  # the grade key "good" when the scale has it (for "good or better")


def figures(site: Site, framework: str) -> Figures | None:
    fw = site.frameworks[framework].model
    lead = national.lead_judgement(fw)
    if lead is None:
        return None
    counted = list(national.latest_under(site, framework).values())
    when = national.as_at(site, counted)
    return Figures(
        national.tally(site, framework, lead),
        date_text(when) if when else "",
        "good" if "good" in fw.grades else None,
    )


def pages(site: Site, renderer: Renderer) -> Iterator[Page]:
    frameworks = national.graded_frameworks(site)
    default = national.default_framework(site)
    if default is None:
        return
    choices = [
        (
            k,
            view(site.frameworks[k]),
            national.compare_path(site, k),
            len(national.latest_under(site, k)),
        )
        for k in frameworks
    ]
    regions = [r for r in REGIONS if any(a.model.region == r for a in site.areas.values())]
    for key in frameworks:
        path = national.compare_path(site, key)
        fw = site.frameworks[key]
        heads = national.headline_judgements(fw.model)
        lead = national.lead_judgement(fw.model)
        renderer.page = path
        table_rows = rows(site, key)
        yield render_page(
            renderer,
            EVERYONE.template("compare.md.j2"),
            {
                "fw_key": key,
                "fw": view(fw),
                "heads": heads,
                "rows": table_rows,
                "head_words": {j: heading_words(fw.model.judgements[j].families) for j in heads},
                "ranks": " ".join(fw.model.grades),  # best first: the order compare.js sorts by
                "regions": regions,
                "choices": choices,
                "is_default": key == default,
                "tally": national.tally(site, key, lead) if lead else None,
                "figures": figures(site, key),
                "label": framework_label(site, key),
                "min_for_percent": national.MIN_FOR_PERCENT,
                "earlier": (
                    earlier := next((c for c in choices[frameworks.index(key) + 1 :] if c[3]), None)
                ),
                "earlier_figures": figures(site, earlier[0]) if earlier else None,
                "other_href": {
                    r.other.inspection: href(
                        path, inspection_path(r.other.inspection, FAMILIES.slug)
                    )
                    for r in table_rows
                    if r.other
                },
                "script": href(path, SCRIPT),
                "data_page": href(path, DATA_PAGE),
                "area_href": {r.area: href(path, area_path(r.area)) for r in table_rows},
                "insp_href": {
                    r.inspection: href(path, inspection_path(r.inspection, FAMILIES.slug))
                    for r in table_rows
                    if r.inspection
                },
            },
            path=path,
            audience=FAMILIES.slug,
            hide=("navigation", "toc"),
            title=f"Compare areas: {framework_label(site, key)}",
        )
    fw = site.frameworks[default]
    lead = national.lead_judgement(fw.model)
    yp_rows = rows(site, default, YOUNG_PEOPLE.slug)
    by_region = [(r, [row for row in yp_rows if row.region == r]) for r in regions]
    yield render_page(
        renderer,
        YOUNG_PEOPLE.template("compare.md.j2"),
        {
            "fw": view(fw),
            "lead": lead,
            "by_region": by_region,
            "heads": national.headline_judgements(fw.model),
            "figures": figures(site, default),
            "label": framework_label(site, default),
            "talk_to": talk_to(site),
        },
        path=compare_audience_path(YOUNG_PEOPLE.slug),
        audience=YOUNG_PEOPLE.slug,
        title="How areas did: young people's version",
    )
