"""Dates in words for pages: ``21 March 2022``, ``21 to 25 March 2022``, ``in March 2017``,
``probably between 2020 and 2023``, and why a date was worked out rather than stated.

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

from inspections.models import DateInfo, Framework, Inspection, parse_partial_date
from inspections.render import Text
from inspections.site import UNKNOWN, Entry
from inspections.views import View, wrap


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
