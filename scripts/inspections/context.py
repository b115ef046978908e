"""Page contexts: the checked data, shaped for templates, each text knowing where it lives.

Templates read models through :class:`View`, which hands out every text as a
:class:`~inspections.render.Text` carrying its ``file:line:col``; the renderer escapes it and
records it. Helpers here do the wording that depends on data (dates, grades, trends), so
templates stay simple and every grade shown comes straight from the data.

Example::

    >>> date_text(DateInfo(value="2017-03"))
    'March 2017'
    >>> date_range(DateInfo(value="2022-03-21"), DateInfo(value="2022-03-25"))
    '21 to 25 March 2022'
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from inspections import citing
from inspections.load import Document
from inspections.models import DateInfo, Framework, Inspection, parse_partial_date
from inspections.national import _memo, inspection_national, newer_than
from inspections.render import Safe, Text
from inspections.site import UNKNOWN, Entry, Site
from inspections.urls import area_path, inspection_path


class View:
    """Read-only view of a model, list or dict whose texts remember their place.

    Each child is wrapped once and kept: a view's children are stored as its own attributes
    (and items), so when many pages show the same entry (an inspection's two pages, its area's
    page, every page that names a framework's grades) the second read is a plain attribute
    lookup that never reaches ``__getattr__``, never raises and catches an ``AttributeError``,
    and never looks up the text's position again. :func:`view` hands out one view per entry.
    """

    def __init__(self, value: Any, doc: Document | None, loc: tuple = ()):
        self._value, self._doc, self._loc = value, doc, loc
        self._kids: dict[Any, Any] = {}  # wrapped items by key or index
        self._filled = False  # a model's fields all wrapped (see _fill)

    def __getattr__(self, name: str) -> Any:
        # Only called for a child not read before (see the class docstring).
        value = self._value
        if isinstance(value, BaseModel):
            if not self._filled:
                self._fill()
                if name in self.__dict__:
                    return self.__dict__[name]
            key = _keys(type(value)).get(name)
            if key is None:
                raise AttributeError(name)
            return wrap(getattr(value, name), self._doc, (*self._loc, key))
        if isinstance(value, dict) and name in value:
            child = wrap(value[name], self._doc, (*self._loc, name))
            if name not in _VIEW_NAMES:  # never hide a method of the view itself
                self.__dict__[name] = child
            return child
        raise AttributeError(name)

    def _fill(self) -> None:
        """Wrap all of a model's fields at the first read of any: pages read most of them,
        and one loop costs much less than a ``__getattr__`` call for each."""
        self._filled = True
        model, doc, loc, own = self._value, self._doc, self._loc, self.__dict__
        for name, key in _keys(type(model)).items():
            if name not in _VIEW_NAMES:  # never hide a method of the view itself
                own[name] = wrap(getattr(model, name), doc, (*loc, key))

    def __getitem__(self, key: Any) -> Any:
        kids = self._kids
        try:
            if key in kids:
                return kids[key]
        except TypeError:  # a key that cannot be kept (a slice): wrapped each time
            return wrap(self._value[key], self._doc, (*self._loc, key))
        if isinstance(self._value, BaseModel):
            return getattr(self, key)
        child = kids[key] = wrap(self._value[key], self._doc, (*self._loc, key))
        return child

    def __contains__(self, key: Any) -> bool:
        return key in self._value

    def __iter__(self):
        if isinstance(self._value, list):
            return iter([self[i] for i in range(len(self._value))])
        return iter(self._value)

    def __len__(self) -> int:
        return len(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def items(self):
        return [(k, self[k]) for k in self._value]

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key] if key in self._value else default

    @property
    def raw(self) -> Any:
        """The plain value underneath (for comparisons in helpers, not for printing)."""
        return self._value


_VIEW_NAMES = frozenset(dir(View))


_KEYS: dict[type, dict[str, str]] = {}


def _keys(model: type[BaseModel]) -> dict[str, str]:
    """A model's field names -> the keys they are written as in data files (worked out once
    per class: pydantic's ``model_fields`` is slow to ask thousands of times per build)."""
    keys = _KEYS.get(model)
    if keys is None:
        keys = _KEYS[model] = {n: f.alias or n for n, f in model.model_fields.items()}
    return keys


def wrap(value: Any, doc: Document | None, loc: tuple) -> Any:
    """Wrap ``value`` for templates: texts become :class:`Text`, containers become views."""
    if isinstance(value, str):
        if doc is None:
            return Text(value)
        # Document.text_start, without its calls for the usual case (a value on its own line).
        pos = doc.positions.get(loc)
        if pos is None or loc in doc.blocks:
            pos = doc.text_start(loc)
        return Text(value, doc.path, pos[0], pos[1])
    if isinstance(value, _CONTAINERS):
        return View(value, doc, loc)
    return value


_CONTAINERS = (BaseModel, list, dict)


def view(entry: Entry) -> View:
    """The :class:`View` of a checked data file: one per entry, so what pages read from it is
    wrapped once per build, not once per page."""
    hit = _VIEWS.get(id(entry))
    if hit is None or hit[0] is not entry:
        if len(_VIEWS) >= _MAX_VIEWS:  # a long preview session: forget earlier builds' views
            _VIEWS.clear()
        hit = _VIEWS[id(entry)] = (entry, View(entry.model, entry.doc))
    return hit[1]


# id(entry) -> (entry, its view). Holding the entry keeps its id from being reused.
_VIEWS: dict[int, tuple[Entry, View]] = {}
_MAX_VIEWS = 20_000


# ---------------------------------------------------------------------------- dates


def date_text(info: DateInfo | View | Text | str | None) -> str:
    """A date in words: ``21 March 2022``, ``March 2017``, ``2017`` or ``not known``."""
    if isinstance(info, View):
        info = info.raw
    if isinstance(info, str | Text):
        return _date_text_of(str(info))
    if info is None:
        return "not known"
    return _date_words(info.value, info.text)


@functools.lru_cache(maxsize=4096)
def _date_text_of(value: str) -> str:
    """:func:`date_text` of a date written as text, remembered (framework dates are shown on
    hundreds of pages, and reading one builds a model)."""
    return date_text(DateInfo(value=value))


@functools.lru_cache(maxsize=4096)
def _date_words(value: str, text: str | None) -> str:
    """:func:`date_text` of a date's ``value`` and ``text``, remembered (``calendar`` asks the
    operating system for each month's name)."""
    if value == UNKNOWN:
        return text or "not known"
    year, month, day = parse_partial_date(value)
    if day:
        return f"{day} {calendar.month_name[month]} {year}"
    if month:
        return f"{calendar.month_name[month]} {year}"
    return str(year)


def date_range(start: DateInfo | View, end: DateInfo | View) -> str:
    """Two dates as a range in words, sharing the month or year where they can."""
    start = start.raw if isinstance(start, View) else start
    end = end.raw if isinstance(end, View) else end
    if UNKNOWN in (start.value, end.value) or start.value == end.value:
        a, b = date_text(start), date_text(end)
        if end.value == UNKNOWN and (start.value != UNKNOWN or start.text):
            return a  # "late 2013 to not known" says no more than "late 2013"
        return a if a == b else f"{a} to {b}"
    (y1, m1, d1), (y2, m2, d2) = parse_partial_date(start.value), parse_partial_date(end.value)
    if d1 and d2 and (y1, m1) == (y2, m2):
        return f"{d1} to {d2} {calendar.month_name[m1]} {y1}"
    if d1 and d2 and y1 == y2:
        return f"{d1} {calendar.month_name[m1]} to {d2} {calendar.month_name[m2]} {y1}"
    return f"{date_text(start)} to {date_text(end)}"


def when_phrase(start: DateInfo | View, end: DateInfo | View) -> str:
    """``from 21 to 25 March 2022``, ``in March 2017``, or ``on a date we do not know``."""
    start = start.raw if isinstance(start, View) else start
    text = date_range(start, end)
    if start.value == UNKNOWN:
        if text == "not known":
            return "on dates we do not know"
        return f"on {text}" if text[:1].isdigit() else f"in {text}"
    return (
        f"from {text}"
        if " to " in text
        else f"on {text}"
        if start.value.count("-") == 2
        else f"in {text}"
    )


def year_of(insp: Inspection) -> str:
    """The year an inspection started, or ``year not known``.

    An unknown start whose limits fall in one year gives that year. The publication year is
    never used: a report can come out the year after the visit.
    """
    start = insp.dates.start
    if start.value != UNKNOWN:
        return start.value[:4]
    if start.not_before and start.not_after and start.not_before[:4] == start.not_after[:4]:
        return start.not_before[:4]
    return "year not known"


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


def date_caveat(info: DateInfo | View) -> str:
    """`` (not certain)`` after a date that was worked out rather than stated."""
    info = info.raw if isinstance(info, View) else info
    return " (not certain)" if info.inferred and info.value != UNKNOWN else ""


def probable_years(info: DateInfo | View) -> str | None:
    """For an unknown date with limits: ``probably between 2020 and 2023``."""
    info = info.raw if isinstance(info, View) else info
    if info.value != UNKNOWN or not (info.not_before or info.not_after):
        return None
    low = date_text(info.not_before) if info.not_before else None
    high = date_text(info.not_after) if info.not_after else None
    if low and high:
        return f"probably {low}" if low == high else f"probably between {low} and {high}"
    return f"probably not before {low}" if low else f"probably not after {high}"


def framework_years(fw: Framework | View) -> str:
    """``from January 2018 to December 2022``, or ``since April 2026``."""
    fw = fw.raw if isinstance(fw, View) else fw
    start = date_text(fw.in_use.from_)
    return f"from {start} to {date_text(fw.in_use.to)}" if fw.in_use.to else f"since {start}"


@dataclass
class DateNote:
    """Why a date is shown as it is: what we worked out, and how."""

    label: str  # "When inspectors visited", "When the report was published"
    shown: str  # the date as shown on the page
    reason: Text  # the data's `inferred` text


def date_notes(entry: Entry[Inspection]) -> list[DateNote]:
    """The dates of an inspection that were worked out, with the reasons from the data."""
    insp = entry.model
    labels = {
        "start": "When inspectors visited",
        "end": "When the visit ended",
        "published": "When the report was published",
    }
    out = []
    for name, label in labels.items():
        info: DateInfo = getattr(insp.dates, name)
        if info.inferred:
            shown = date_text(info)
            probable = probable_years(info)
            reason = wrap(info.inferred, entry.doc, ("dates", name, "inferred"))
            out.append(DateNote(label, f"{shown}, {probable}" if probable else shown, reason))
    return out


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
        date_caveat=date_caveat,
        framework_years=framework_years,
        year_of=year_of,
        probable_years=probable_years,
        cite=functools.partial(cite, renderer),
        source_list=functools.partial(citing.source_list, renderer),
        UNKNOWN=UNKNOWN,
    )
