"""Compare areas: every area's latest grades under one named framework, for families, and a
simpler version for young people.

Only like is compared with like: each table is one framework, showing each area's latest
graded inspection under it, or "not yet inspected under this framework". Grades are never
converted between frameworks. The table is plain HTML, complete without JavaScript;
``compare.js`` only adds a region filter and sortable columns.

Pages: ``compare/index.md`` (the framework most areas were inspected under), one
``compare/<framework>.md`` for each other graded framework, and ``compare/young-people.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from inspections import national
from inspections.context import area_path, date_text, inspection_path, view
from inspections.models import REGIONS
from inspections.pages import Page, render_page
from inspections.render import Renderer, relpath
from inspections.site import UNKNOWN, Site
from inspections.talkto import talk_to

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


def url_of(path: str) -> str:
    """The address MkDocs gives a docs path (directory URLs): ``a/b.md`` -> ``a/b/``."""
    if path.endswith("index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


def href(from_path: str, to_path: str) -> str:
    """A relative link between two pages' final addresses (raw HTML is not rewritten)."""
    here = url_of(from_path) or "."
    target = to_path if not to_path.endswith(".md") else url_of(to_path)
    rel = relpath(target or ".", here)  # posixpath.relpath asks for the current folder
    return rel + ("/" if to_path.endswith(".md") and not rel.endswith("/") else "")


@dataclass
class Cell:
    """One grade in the table: words from the framework and a rank for sorting (best = 0)."""

    key: str
    words: str
    rank: int


@dataclass
class Row:
    area: str
    name: str
    region: str
    inspection: str | None
    date: str  # in words
    sort_date: str
    cells: list[Cell]


def rows(site: Site, framework: str, audience: str = "families") -> list[Row]:
    """One row per area on the site, A to Z."""
    fw = site.frameworks[framework].model
    heads = national.headline_judgements(fw)
    scale = list(fw.grades)
    latest = national.latest_under(site, framework)
    field = "young_people" if audience == "young-people" else "families"
    out = []
    for key, entry in sorted(site.areas.items(), key=lambda kv: kv[1].model.name.casefold()):
        insp = latest.get(key)
        cells = []
        if insp:
            for j in heads:
                grade = insp.model.judgements.get(j, UNKNOWN)
                if grade in fw.grades:
                    cells.append(Cell(grade, getattr(fw.grades[grade], field),
                                      scale.index(grade)))
                else:
                    cells.append(Cell(UNKNOWN, "Not known", len(scale)))
        out.append(Row(key, entry.model.name, entry.model.region,
                       insp.key if insp else None,
                       date_text(insp.model.dates.start) if insp else "",
                       national.best_date(insp.model) or "" if insp else "", cells))
    return out


def pages(site: Site, renderer: Renderer) -> Iterator[Page]:
    frameworks = national.graded_frameworks(site)
    default = national.default_framework(site)
    if default is None:
        return
    choices = [(k, view(site.frameworks[k]), national.compare_path(site, k),
                len(national.latest_under(site, k))) for k in frameworks]
    regions = [r for r in REGIONS if any(a.model.region == r for a in site.areas.values())]
    for key in frameworks:
        path = national.compare_path(site, key)
        fw = site.frameworks[key]
        heads = national.headline_judgements(fw.model)
        lead = national.lead_judgement(fw.model)
        renderer.page = path
        table_rows = rows(site, key)
        yield render_page(
            renderer, "everyone/compare.md.j2",
            {"fw_key": key, "fw": view(fw), "heads": heads, "rows": table_rows,
             "head_words": {j: heading_words(fw.model.judgements[j].families) for j in heads},
             "regions": regions, "choices": choices, "is_default": key == default,
             "tally": national.tally(site, key, lead) if lead else None,
             "script": href(path, SCRIPT), "data_page": href(path, "data/index.md"),
             "area_href": {r.area: href(path, area_path(r.area)) for r in table_rows},
             "insp_href": {r.inspection: href(path, inspection_path(r.inspection, "families"))
                           for r in table_rows if r.inspection}},
            path=path, audience="families",
            title=f"Compare areas: {fw.model.short_name}, "
                  f"{date_text(fw.model.in_use.from_)}"
                  f"{' to ' + date_text(fw.model.in_use.to) if fw.model.in_use.to else ' onwards'}")
    fw = site.frameworks[default]
    lead = national.lead_judgement(fw.model)
    yp_rows = rows(site, default, "young-people")
    by_region = [(r, [row for row in yp_rows if row.region == r]) for r in regions]
    yield render_page(
        renderer, "young-people/compare.md.j2",
        {"fw": view(fw), "lead": lead, "by_region": by_region,
         "heads": national.headline_judgements(fw.model), "talk_to": talk_to(site)},
        path="compare/young-people.md", audience="young-people",
        title="How areas did: young people's version")
