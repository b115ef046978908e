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
import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from inspections import urls, validate
from inspections.models import Framework, Inspection
from inspections.site import UNKNOWN, Entry, Site, sort_key

HEADLINE = "overall-effectiveness"  # the judgement a framework's tables lead with, when it has it
# Fewer areas than this and a percentage says more than the data can: pages give counts instead.
MIN_FOR_PERCENT = 20
EPOCH = "SOURCE_DATE_EPOCH"  # the build's date, as reproducible builds set it


def build_month(environ: dict[str, str] | None = None) -> str:
    """The month of the build, ``YYYY-MM``: from ``SOURCE_DATE_EPOCH`` when set (so the same
    commit always builds the same pages), else today (UTC).

    >>> build_month({"SOURCE_DATE_EPOCH": "1735689600"})
    '2025-01'
    """
    environ = os.environ if environ is None else environ
    value = environ.get(EPOCH, "").strip()
    if value.isdigit():
        return dt.datetime.fromtimestamp(int(value), dt.UTC).strftime("%Y-%m")
    return dt.datetime.now(dt.UTC).strftime("%Y-%m")


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


def latest_judged(
    site: Site, framework: str, area: str, judgement: str
) -> Entry[Inspection] | None:
    """The area's latest graded inspection under ``framework`` that judged ``judgement``: a
    re-inspection may judge only part, and the other grades still come from the inspection
    before it."""
    memo = _memo(site)
    found = memo.get("latest_judged")
    if found is None:  # worked out in one pass: tables and tallies ask thousands of times
        found = memo["latest_judged"] = {}
        for key in site.areas:
            for e in site.inspections_of(key):  # newest first: the first one found is kept
                if is_graded(site, e):
                    for judged in e.model.judgements:
                        found.setdefault((e.model.framework, key, judged), e)
    return found.get((framework, area, judgement))


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
    def known(self) -> int:
        """Areas whose grade is known."""
        return sum(self.counts.values())

    @property
    def percentages(self) -> bool:
        """Whether enough areas are counted for percentages to mean something
        (:data:`MIN_FOR_PERCENT`); with fewer, pages give counts only."""
        return self.known >= MIN_FOR_PERCENT

    def share(self, grade: str) -> int:
        """Whole-number percentage of areas with a known grade that got ``grade``."""
        known = self.known
        return round(100 * self.counts.get(grade, 0) / known) if known else 0

    def at_least(self, grade: str) -> int:
        """How many areas got ``grade`` or better (the scale is best first)."""
        scale = list(self.counts)
        if grade not in scale:
            return 0
        return sum(self.counts[g] for g in scale[: scale.index(grade) + 1])

    def share_at_least(self, grade: str) -> int:
        """Whole-number percentage of areas with a known grade that got ``grade`` or better."""
        known = self.known
        return round(100 * self.at_least(grade) / known) if known else 0


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
        judged = latest_judged(site, framework, area, judgement)
        grade = judged.model.judgements[judgement] if judged else UNKNOWN
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
    compare: str = urls.COMPARE_INDEX  # the docs path of the matching comparison table


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


def next_window(site: Site, area: str, today: str | None = None) -> Window | None:
    """The estimated window for ``area``'s next graded inspection, or None.

    Counted from the area's latest graded inspection (any framework); only when that
    framework has a ``next_inspection`` rule, the grade is one the rule covers, the month
    the inspection ended (or started) is known, the council still exists, and the window has
    not passed by ``today`` (``YYYY-MM``, the build's month by default: see
    :func:`build_month`). A passed window is never shown: the estimate was wrong, or a newer
    report is not on the site yet.
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
    area_entry = site.areas.get(area)
    if area_entry is not None and getattr(area_entry.model, "ended", None):
        return None  # a council that no longer exists is not inspected again
    end = add_months(base, rule.after_months + rule.give_or_take_months)
    if end < (today or _build_month(site)):
        return None
    return Window(
        after=last.key,
        framework=last.model.framework,
        rule=rule,
        start=add_months(base, rule.after_months - rule.give_or_take_months),
        end=end,
    )


def _build_month(site: Site) -> str:
    """:func:`build_month`, read once per loaded site so every page of a build agrees."""
    memo = _memo(site)
    if "build_month" not in memo:
        memo["build_month"] = build_month()
    return memo["build_month"]


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
    """The framework the main comparison table uses: the current one, that is the newest
    graded framework with at least one graded inspection on the site. "Latest" means latest:
    a table that opened on an older framework would show councils' old grades as if current.
    """
    memo = _memo(site)
    if "default" not in memo:
        keys = [k for k in graded_frameworks(site) if latest_under(site, k)]  # newest first
        memo["default"] = keys[0] if keys else None
    return memo["default"]


def newest_graded(site: Site, area: str) -> Entry[Inspection] | None:
    """The area's newest graded inspection under any framework (None if it has none)."""
    memo = _memo(site)
    key = ("newest_graded", area)
    if key not in memo:
        memo[key] = next((e for e in site.inspections_of(area) if is_graded(site, e)), None)
    return memo[key]


@dataclass
class Newer:
    """A newer inspection or visit of the same area than the one a page is about."""

    key: str
    when: str  # YYYY-MM-DD or as known: the start, for words
    graded: bool


def newer_than(site: Site, entry: Entry[Inspection]) -> list[Newer]:
    """What an older inspection's page must point to: the area's newest inspection or visit,
    and its newest graded inspection when that is a different one, if newer than ``entry``.
    Empty for the newest."""
    mine = sort_key(entry.model)
    out: list[Newer] = []
    newest = site.inspections_of(entry.model.area)
    candidates = [newest[0]] if newest else []
    graded = newest_graded(site, entry.model.area)
    if graded is not None and graded not in candidates:
        candidates.append(graded)
    for other in candidates:
        if other.key != entry.key and sort_key(other.model) > mine:
            out.append(Newer(other.key, other.model.dates.start.value, is_graded(site, other)))
    return out


def as_at(site: Site, entries: list[Entry[Inspection]]) -> str | None:
    """The date figures counted from ``entries`` are true at: the newest report among them
    (``YYYY-MM-DD`` or as precise as known), or None when no date is known."""
    days = [d for d in (best_date(e.model) for e in entries) if d]
    return max(days) if days else None


def compare_path(site: Site, framework: str) -> str:
    """The docs path of the comparison table for ``framework``."""
    return urls.compare_path(framework, default_framework(site))
