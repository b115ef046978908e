"""The national and regional picture, computed from the data on this site and never typed.

Everything here compares like with like: an area's *latest graded inspection under one named
framework*, graded on that framework's own scale. Grades from different frameworks are never
converted or mixed. Every figure covers only the areas on this site, and pages say so.

- :func:`latest_under` each area's latest graded inspection under a framework;
- :func:`tally` how many areas got each grade for one judgement (their latest, under it);
- :func:`inspection_national` the "how this compares" facts for one inspection page;
- :func:`next_window` the estimated window for an area's next inspection, from a framework's
  ``next_inspection`` rule (kept as data, labelled as an estimate with its basis).

Example::

    >>> site = load_site(Path("."))                          # doctest: +SKIP
    >>> tally(site, "ilacs-2018", "overall-effectiveness").counts   # doctest: +SKIP
    {'outstanding': 1, 'good': 0, 'requires-improvement': 0, 'inadequate': 0}
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from typing import Any

from inspections import validate
from inspections.models import Framework, Inspection
from inspections.site import UNKNOWN, Entry, Site, sort_key

HEADLINE = "overall-effectiveness"  # the judgement a framework's tables lead with, when it has it


def graded_frameworks(site: Site) -> list[str]:
    """Frameworks with a grade scale and graded kinds, newest first."""
    keys = [
        k
        for k, e in site.frameworks.items()
        if e.model.grades and any(kind.graded for kind in e.model.kinds.values())
    ]
    return sorted(keys, key=lambda k: site.frameworks[k].model.in_use.from_, reverse=True)


def headline_judgements(fw: Framework) -> list[str]:
    """The judgements a comparison table shows: top-level ones (not parts of another, not a
    separate review), with overall effectiveness first when the framework has it."""
    keys = [k for k, j in fw.judgements.items() if not j.part_of and not j.separate]
    return sorted(keys, key=lambda k: k != HEADLINE)


def lead_judgement(fw: Framework) -> str | None:
    """The one judgement used for "how this compares": overall effectiveness, or the first
    top-level judgement for a framework without it."""
    keys = headline_judgements(fw)
    return keys[0] if keys else None


def is_graded(site: Site, entry: Entry[Inspection]) -> bool:
    fw = site.frameworks[entry.model.framework].model
    return fw.kinds[entry.model.kind].graded and bool(entry.model.judgements)


_CACHE: dict[str, Any] = {"site": None}


def _memo(site: Site) -> dict[str, Any]:
    """Answers worked out once per loaded site: pages ask the same questions thousands of times
    at national scale (a fresh site, as in each preview rebuild, starts a fresh memo)."""
    if _CACHE["site"] is not site:
        _CACHE.clear()
        _CACHE["site"] = site
    return _CACHE


def latest_under(site: Site, framework: str) -> dict[str, Entry[Inspection]]:
    """Each area's latest graded inspection under ``framework`` (areas without one left out)."""
    memo = _memo(site)
    if ("latest", framework) in memo:
        return memo[("latest", framework)]
    out: dict[str, Entry[Inspection]] = {}
    keys: dict[str, str] = {}
    for entry in site.inspections.values():
        insp = entry.model
        if insp.framework != framework or not is_graded(site, entry):
            continue
        when = sort_key(insp)
        if insp.area not in out or when > keys[insp.area]:
            out[insp.area], keys[insp.area] = entry, when
    memo[("latest", framework)] = out
    return out


PERCENT_FROM = 10  # known grades needed before a page shows a share as a percentage


@dataclass
class Tally:
    """How many areas got each grade for one judgement, at their latest inspection under one
    framework. ``counts`` follows the framework's scale, best first; ``unknown`` counts areas
    whose grade our sources do not give."""

    framework: str
    judgement: str
    counts: dict[str, int]
    unknown: int
    areas: int  # areas on the site with a graded inspection under this framework
    site_areas: int  # all areas on the site
    region: str | None = None

    @property
    def percentages(self) -> bool:
        """Whether percentages mean anything: with fewer than :data:`PERCENT_FROM` known grades,
        "50%" would be one area of two, so pages give the counts alone."""
        return sum(self.counts.values()) >= PERCENT_FROM

    def share(self, grade: str) -> int:
        """Whole-number percentage of areas with a known grade that got ``grade``."""
        known = sum(self.counts.values())
        return round(100 * self.counts.get(grade, 0) / known) if known else 0


def tally(site: Site, framework: str, judgement: str, region: str | None = None) -> Tally:
    """Count grades for ``judgement`` at each area's latest inspection under ``framework``."""
    memo = _memo(site)
    if ("tally", framework, judgement, region) not in memo:
        memo[("tally", framework, judgement, region)] = _tally(site, framework, judgement, region)
    return memo[("tally", framework, judgement, region)]


def _tally(site: Site, framework: str, judgement: str, region: str | None) -> Tally:
    fw = site.frameworks[framework].model
    counts = dict.fromkeys(fw.grades, 0)
    unknown = 0
    latest = latest_under(site, framework)
    areas = [a for a in site.areas if region is None or site.areas[a].model.region == region]
    inspected = [a for a in areas if a in latest]
    for area in inspected:
        grade = latest[area].model.judgements.get(judgement, UNKNOWN)
        if grade in counts:
            counts[grade] += 1
        else:
            unknown += 1
    return Tally(framework, judgement, counts, unknown, len(inspected), len(areas), region)


@dataclass
class National:
    """The "how this compares" facts for one inspection page."""

    framework: str
    judgement: str
    grade: str  # this inspection's grade for the judgement (may be "unknown")
    is_latest: bool  # the area's latest graded inspection under this framework
    national: Tally
    regional: Tally
    window: Window | None = None
    compare: str = "compare/index.md"  # the docs path of the matching comparison table


def inspection_national(site: Site, entry: Entry[Inspection]) -> National | None:
    """The comparison for a graded inspection, or None when there is nothing fair to say."""
    if not is_graded(site, entry):
        return None
    insp = entry.model
    fw = site.frameworks[insp.framework].model
    judgement = lead_judgement(fw)
    if judgement is None or judgement not in insp.judgements:
        return None
    latest = latest_under(site, insp.framework).get(insp.area)
    region = site.areas[insp.area].model.region
    window = next_window(site, insp.area)
    return National(
        framework=insp.framework,
        judgement=judgement,
        grade=insp.judgements[judgement],
        is_latest=latest is not None and latest.key == entry.key,
        national=tally(site, insp.framework, judgement),
        regional=tally(site, insp.framework, judgement, region),
        window=window if window and window.after == entry.key else None,
        compare=compare_path(site, insp.framework),
    )


# ---------------------------------------------------------------------------- next inspection


@dataclass
class Window:
    """An estimated window for an area's next graded inspection, with its basis."""

    after: str  # the inspection it is counted from
    start: str  # YYYY-MM
    end: str  # YYYY-MM
    framework: str  # whose rule this is
    rule: Any = field(repr=False, default=None)  # the framework's NextInspection

    @property
    def text(self) -> str:
        """``between September 2024 and September 2025``."""
        return f"between {month_text(self.start)} and {month_text(self.end)}"


def month_text(value: str) -> str:
    """``2024-09`` as ``September 2024``."""
    year, month = int(value[:4]), int(value[5:7])
    return f"{calendar.month_name[month]} {year}"


def add_months(value: str, months: int) -> str:
    """``YYYY-MM`` plus (or minus) a number of months.

    >>> add_months("2022-03", 30), add_months("2022-03", -3)
    ('2024-09', '2021-12')
    """
    year, month = int(value[:4]), int(value[5:7])
    index = year * 12 + (month - 1) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def next_window(site: Site, area: str) -> Window | None:
    """The estimated window for ``area``'s next graded inspection, or None.

    Counted from the area's latest graded inspection (any framework); only when that
    framework has a ``next_inspection`` rule, the grade is one the rule covers, and the month
    the inspection ended (or started) is known.
    """
    memo = _memo(site)
    if "last_graded" not in memo:  # each area's latest graded inspection, any framework
        last_graded: dict[str, tuple[str, Entry[Inspection]]] = {}
        for entry in site.inspections.values():
            if is_graded(site, entry):
                when = sort_key(entry.model)
                if entry.model.area not in last_graded or when > last_graded[entry.model.area][0]:
                    last_graded[entry.model.area] = (when, entry)
        memo["last_graded"] = {a: e for a, (_, e) in last_graded.items()}
    last = memo["last_graded"].get(area)
    if last is None:
        return None
    fw = site.frameworks[last.model.framework].model
    rule = fw.next_inspection
    if rule is None:
        return None
    if rule.judgement and rule.grades:
        if last.model.judgements.get(rule.judgement) not in rule.grades:
            return None
    base = None
    for info in (last.model.dates.end, last.model.dates.start):
        if info.value != UNKNOWN and len(info.value) >= 7:
            base = info.value[:7]
            break
    if base is None:
        return None
    return Window(
        after=last.key,
        framework=last.model.framework,
        rule=rule,
        start=add_months(base, rule.after_months - rule.give_or_take_months),
        end=add_months(base, rule.after_months + rule.give_or_take_months),
    )


def best_date(insp: Inspection) -> str | None:
    """The most precise known day for an inspection's report (published, else end, else start):
    the earliest day it can mean, as ``YYYY-MM-DD``; None if nothing is known."""
    for info in (insp.dates.published, insp.dates.end, insp.dates.start):
        for value in (info.value, info.not_before):
            bounds = validate.date_bounds(value) if value else None
            if bounds:
                return bounds[0]
    return None


def default_framework(site: Site) -> str | None:
    """The framework the main comparison table uses: the graded framework under which most
    areas on the site have been inspected (the newer one on a tie)."""
    memo = _memo(site)
    if "default" in memo:
        return memo["default"]
    keys = graded_frameworks(site)
    memo["default"] = (
        None
        if not keys
        else max(
            keys, key=lambda k: (len(latest_under(site, k)), site.frameworks[k].model.in_use.from_)
        )
    )
    return memo["default"]


def compare_path(site: Site, framework: str) -> str:
    """The docs path of the comparison table for ``framework``."""
    return "compare/index.md" if framework == default_framework(site) else f"compare/{framework}.md"
