"""Inspections under embargo: left out of the site until Ofsted publishes the report.

A council sees Ofsted's report before Ofsted publishes it. Its inspection file may say
``embargo_until: 2027-01-14 09:30`` (UK time); until that moment :func:`published` drops the
inspection from the loaded :class:`~inspections.site.Site`, so no page, list, figure, open
data file, feed, sitemap or search index is ever made from it: everything downstream simply
never sees it. ``validate`` and ``check`` still check the file in full
(``load_site(..., keep_embargoed=True)``).

The build's idea of "now" is the real clock, or ``INSPECTIONS_NOW`` when set (to preview the
site as it will be at a given moment, and for tests). It is never ``SOURCE_DATE_EPOCH``: that
is the last commit's time, and a scheduled rebuild with no new commit must still lift an
embargo.

Example::

    INSPECTIONS_NOW="2027-01-14 09:30" make preview
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from pydantic_core import PydanticCustomError

from inspections.models import UK_TIME_FORMS, parse_uk_time
from inspections.problems import DataError, Problem

if TYPE_CHECKING:  # only for type hints: site.py imports this module
    from inspections.sitedata import Site

NOW = "INSPECTIONS_NOW"


def now(environ: Mapping[str, str] | None = None) -> dt.datetime:
    """The build's "now": ``INSPECTIONS_NOW`` (UK time, or with an offset) or the real clock.

    >>> now({"INSPECTIONS_NOW": "2027-01-14T09:30:00+00:00"}).isoformat()
    '2027-01-14T09:30:00+00:00'
    """
    environ = os.environ if environ is None else environ
    value = environ.get(NOW, "").strip()
    if not value:
        return dt.datetime.now(dt.UTC)
    try:
        return parse_uk_time(value)
    except PydanticCustomError:
        raise DataError(
            [
                Problem(
                    NOW,
                    1,
                    1,
                    f"The setting {NOW}={value} is not a date and time we can read",
                    UK_TIME_FORMS[0].upper() + UK_TIME_FORMS[1:] + ", or leave it unset to use "
                    "the real clock",
                )
            ]
        ) from None


def under_embargo(embargo_until: str | None, when: dt.datetime) -> bool:
    """Whether an inspection with this ``embargo_until`` must stay off the site at ``when``.

    >>> at = parse_uk_time("2027-01-14 09:29")
    >>> under_embargo("2027-01-14 09:30", at), under_embargo(None, at)
    (True, False)
    """
    return bool(embargo_until) and when < parse_uk_time(embargo_until)


def next_end(embargoes: Iterable[str | None], when: dt.datetime) -> dt.datetime | None:
    """The soonest of these ``embargo_until`` values still to come at ``when`` (None: none),
    so a preview that is left running can show the inspection the moment its embargo ends.

    >>> at = parse_uk_time("2027-01-14 09:29")
    >>> ends = ["2027-01-14 09:30", None, "2027-01-14 09:00", "2027-02-01 09:30"]
    >>> next_end(ends, at).isoformat()
    '2027-01-14T09:30:00+00:00'
    >>> next_end(["2027-01-14 09:00"], at) is None
    True
    """
    ends = [parse_uk_time(e) for e in embargoes if e]
    return min((end for end in ends if end > when), default=None)


def published(site: Site, when: dt.datetime) -> Site:
    """The site as readers may see it at ``when``: without inspections still under embargo.

    The same site is returned when nothing is under embargo (the usual case), so callers that
    keep track of entries by identity (the preview) see no change.
    """
    kept = {
        key: entry
        for key, entry in site.inspections.items()
        if not under_embargo(getattr(entry.model, "embargo_until", None), when)
    }
    if len(kept) == len(site.inspections):
        return site
    return dataclasses.replace(site, inspections=kept)


def check(site: Site) -> Iterator[Problem]:
    """An inspection published before the one it names as ``previous`` would point at a page
    that is not there yet: its embargo must last at least as long."""
    for entry in site.inspections.values():
        insp = entry.model
        prev = site.inspections.get(insp.previous or "")
        if prev is None or not prev.model.embargo_until:
            continue
        mine = parse_uk_time(insp.embargo_until) if insp.embargo_until else None
        if mine is None or mine < parse_uk_time(prev.model.embargo_until):
            yield entry.doc.problem(
                ("previous",),
                f"`{insp.previous}` is under embargo until {prev.model.embargo_until}, "
                "so this inspection would name a page that is not published yet",
                f"Add `embargo_until: {prev.model.embargo_until}` (or later) to this file",
            )
