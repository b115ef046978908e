"""Page contexts: the checked data, shaped for templates.

Helpers here do the wording that depends on data (grades, trends, an area's timeline), so
templates stay simple and every grade shown comes straight from the data; :func:`install`
gives templates these helpers, the dates in words (:mod:`inspections.datewords`), the URL
rules (:mod:`inspections.urls`) and the audiences (:mod:`inspections.audiences`). Data reaches
templates through :class:`~inspections.views.View`, so each text knows where it was written.

Example::

    >>> ctx = inspection_context(site, site.inspections["derby/2022-03-ilacs"])  # doctest: +SKIP
    >>> ctx["overall"].grade_key                                                # doctest: +SKIP
    'requires-improvement'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from inspections import citing
from inspections.audiences import AUDIENCES
from inspections.datewords import (
    date_caveat,
    date_notes,
    date_range,
    date_text,
    framework_years,
    probable_years,
    when_phrase,
    year_of,
)
from inspections.models import Framework, Inspection
from inspections.national import _memo, inspection_national, newer_than
from inspections.render import Safe, Text
from inspections.site import UNKNOWN, Entry, Site
from inspections.urls import area_path, inspection_path
from inspections.views import View, view

# Also importable from here (older callers): date_text and the other date words, View, view.
__all__ = [
    "View",
    "date_caveat",
    "date_notes",
    "date_range",
    "date_text",
    "framework_years",
    "install",
    "inspection_context",
    "judged",
    "partners",
    "probable_years",
    "timeline",
    "trend",
    "trend_sentence",
    "view",
    "when_phrase",
    "year_of",
]

# ---------------------------------------------------------------------------- grades


@dataclass
class Judged:
    """One judgement of one inspection, with the grade's words from its framework."""

    inspection: str  # the inspection's key, e.g. "derby/2022-03-ilacs"
    key: str
    judgement: View  # the framework's Judgement
    grade_key: str  # a key of the framework's grades, or "unknown"
    grade: View | None  # the framework's Grade, None when unknown
    sub: bool  # a sub-judgement (part_of another)


def judged(site: Site, entry: Entry[Inspection]) -> list[Judged]:
    """The inspection's judgements in the framework's order (overall effectiveness last if the
    framework lists it last), each with its grade from the framework's scale.

    Worked out once per loaded site and inspection: the trend, the area page and both
    inspection pages all ask for it.
    """
    memo = _memo(site)
    key = ("judged", entry.key)
    if memo.get(key, (None,))[0] is not entry:
        memo[key] = (entry, _judged(site, entry))
    return list(memo[key][1])


def _judged(site: Site, entry: Entry[Inspection]) -> list[Judged]:
    insp = entry.model
    fw = site.frameworks[insp.framework]
    fw_view = view(fw)
    out = []
    for key, judgement in fw.model.judgements.items():
        if key not in insp.judgements:
            continue
        grade_key = insp.judgements[key]
        grade = fw_view.grades[grade_key] if grade_key in fw.model.grades else None
        out.append(
            Judged(
                entry.key, key, fw_view.judgements[key], grade_key, grade, bool(judgement.part_of)
            )
        )
    return out


def overall(site: Site, entry: Entry[Inspection]) -> Judged | None:
    """The overall effectiveness judgement, when the inspection has one."""
    return next((j for j in judged(site, entry) if j.key == "overall-effectiveness"), None)


def trend(site: Site, entry: Entry[Inspection]) -> dict[str, Any] | None:
    """Compare overall effectiveness with the previous inspection, when both use the same words.

    Returns ``{"direction": "better"|"same"|"worse", "previous": Entry, "then": Judged,
    "now": Judged, "same_framework": bool}``, or None when there is nothing fair to compare
    (no previous inspection, a grade unknown, or scales that do not share both words).
    """
    insp = entry.model
    if not insp.previous or insp.previous not in site.inspections:
        return None
    prev = site.inspections[insp.previous]
    now, then = overall(site, entry), overall(site, prev)
    if not now or not then or UNKNOWN in (now.grade_key, then.grade_key):
        return None
    scale = list(site.frameworks[insp.framework].model.grades)
    old_scale = list(site.frameworks[prev.model.framework].model.grades)
    if then.grade_key not in scale or now.grade_key not in old_scale:
        return None  # never convert one scale into another
    a, b = scale.index(then.grade_key), scale.index(now.grade_key)
    direction = "better" if b < a else "worse" if b > a else "same"
    return {
        "direction": direction,
        "previous": prev,
        "then": then,
        "now": now,
        "same_framework": prev.model.framework == insp.framework,
    }


def trend_sentence(site: Site, entry: Entry[Inspection], area_name: str) -> str | None:
    """A plain sentence on the trend, e.g. ``Derby got better between 2017 and 2022: good in
    2017, then outstanding in 2022.`` None when :func:`trend` finds nothing fair to compare.

    The grade words are each framework's own plain words for families; they are never
    translated from one scale into another.
    """
    t = trend(site, entry)
    if t is None:
        return None
    then_year, now_year = year_of(t["previous"].model), year_of(entry.model)
    then_words = str(t["then"].grade.families).lower()
    now_words = str(t["now"].grade.families).lower()
    grades = f"{then_words} in {then_year}, then {now_words} in {now_year}"
    if t["direction"] == "better":
        return f"{area_name} got better between {then_year} and {now_year}: {grades}."
    if t["direction"] == "worse":
        return f"{area_name} got worse between {then_year} and {now_year}: {grades}."
    return f"{area_name} stayed the same between {then_year} and {now_year}: {grades}."


def partners(site: Site, area_key: str) -> list[tuple[str, View]]:
    """Other areas in the same safeguarding children partnership, by name."""
    mine = site.areas[area_key].model.partnership
    if mine is None:
        return []
    found = [
        (k, view(e))
        for k, e in site.areas.items()
        if k != area_key and e.model.partnership and e.model.partnership.name == mine.name
    ]
    return sorted(found, key=lambda kv: str(kv[1].name))


def timeline(site: Site, area_key: str) -> list[dict[str, Any]]:
    """An area's inspections newest first, each with its page context and trend sentence.

    Inspections whose start is not known sort by the earliest they can have been
    (``not_before``), as :func:`inspections.site.sort_key` does.
    """
    # The page context has the trend sentence already (worded with this area's name).
    return [inspection_context(site, e) for e in site.inspections_of(area_key)]


def framework_for(site: Site, entry: Entry[Inspection]) -> Entry[Framework]:
    return site.frameworks[entry.model.framework]


def inspection_context(site: Site, entry: Entry[Inspection]) -> dict[str, Any]:
    """Everything an inspection page needs (worked out once per loaded site and inspection:
    the area page's timeline and both inspection pages use it; each caller gets its own copy
    of the dict to add to)."""
    memo = _memo(site)
    key = ("context", entry.key)
    if memo.get(key, (None,))[0] is not entry:
        memo[key] = (entry, _inspection_context(site, entry))
    return dict(memo[key][1])


def _inspection_context(site: Site, entry: Entry[Inspection]) -> dict[str, Any]:
    # Worded here once rather than in the templates: each is shown on two or three pages.
    insp = entry.model
    fw = framework_for(site, entry)
    kind = fw.model.kinds[insp.kind]
    area = site.areas[insp.area]
    grades = judged(site, entry)
    insp_view = view(entry)
    in_use = fw.model.in_use
    the_trend = trend(site, entry)
    return {
        "key": entry.key,
        "insp": insp_view,
        "area": view(area),
        "area_key": insp.area,
        "framework": view(fw),
        "kind": view(fw).kinds[insp.kind],
        "graded": kind.graded,
        "judged": grades,
        "unknown_grades": any(j.grade_key == UNKNOWN for j in grades),
        "overall": next((j for j in grades if j.key == "overall-effectiveness"), None),
        "trend": the_trend,
        "previous_when": date_text(the_trend["previous"].model.dates.start) if the_trend else "",
        "used_years": framework_years(fw.model),  # "from January 2018 to December 2022"
        # "January 2018 to December 2022", or "April 2026 onwards"
        "in_use_words": date_text(in_use.from_)
        + (f" to {date_text(in_use.to)}" if in_use.to else " onwards"),
        "visited_when": when_phrase(insp.dates.start, insp.dates.end),
        # Findings with words for young people (some have words only for families).
        "going_well_yp": [f for f in insp_view.going_well if f.young_people],
        "must_improve_yp": [f for f in insp_view.must_improve if f.young_people],
        "year": year_of(insp),
        "when": date_range(insp.dates.start, insp.dates.end),
        "when_probable": probable_years(insp.dates.start),
        "published": date_text(insp.dates.published) + date_caveat(insp.dates.published),
        "date_notes": date_notes(entry),
        "trend_sentence": trend_sentence(site, entry, area.model.name),
        "source_file": entry.path,
        "national": inspection_national(site, entry),  # how this compares; None if ungraded
        # Optional fields (models may not have them yet): read from the model, viewed if there.
        "has_summary": getattr(insp, "summary", None) is not None,
        "afi": list(insp_view.areas_for_improvement)
        if getattr(insp, "areas_for_improvement", None)
        else [],
        "theme": insp_view.theme if getattr(insp, "theme", None) else None,
        "newer": [
            (n, date_text(n.when), site.inspections[n.key].model) for n in newer_than(site, entry)
        ],
        "monitoring": _monitoring(fw, grades),
        "meanings": _meanings(grades),
    }


def _monitoring(fw: Entry[Framework], grades: list[Judged]) -> View | None:
    """The framework's monitoring visit kind, when this inspection's overall grade is the
    lowest on the scale (the grade that brings monitoring visits): what happens next, in the
    framework's own words."""
    scale = list(fw.model.grades)
    lead = next((j for j in grades if j.key == "overall-effectiveness"), None)
    if not scale or lead is None or lead.grade_key != scale[-1]:
        return None
    kind = fw.model.kinds.get("monitoring-visit")
    return view(fw).kinds["monitoring-visit"] if kind is not None and kind.about else None


def _meanings(grades: list[Judged]) -> list[View]:
    """Each grade given, once, in the order they first appear: for "what the grades mean"."""
    seen: dict[str, View] = {}
    for j in grades:
        if j.grade is not None and j.grade_key not in seen:
            seen[j.grade_key] = j.grade
    return list(seen.values())


# ---------------------------------------------------------------------------- page parts


def cite(renderer: Any, insp: View, key: Text, ref: Text | None) -> Safe:
    """The numbered link beside a point (see :mod:`inspections.citing`).

    Made in Python, not as a template macro: it is printed thousands of times at national
    scale, and a Jinja macro call costs about ten times a function call.
    """
    return citing.cite(renderer, insp, key, ref)


def install(renderer: Any) -> None:
    """Make the helpers here available to every template."""
    renderer.env.globals.update(
        date_text=date_text,
        date_range=date_range,
        when_phrase=when_phrase,
        area_path=area_path,
        inspection_path=inspection_path,
        audiences={a.slug: a for a in AUDIENCES},  # e.g. audiences[audience].label
        date_caveat=date_caveat,
        framework_years=framework_years,
        year_of=year_of,
        probable_years=probable_years,
        cite=functools.partial(cite, renderer),
        source_list=functools.partial(citing.source_list, renderer),
        UNKNOWN=UNKNOWN,
    )
