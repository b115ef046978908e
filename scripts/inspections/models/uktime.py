"""A moment in UK time (Europe/London), for ``embargo_until``: GMT in winter, BST in summer.

Example::

    >>> parse_uk_time("2027-07-01 09:30").isoformat()
    '2027-07-01T09:30:00+01:00'
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

UK_TIME = zoneinfo.ZoneInfo("Europe/London")
_UK_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?")
UK_TIME_FORMS = (
    "write it as YYYY-MM-DD HH:MM in UK time (as UK clocks show it that day), for example "
    "`2027-01-14 09:30`, or with an offset from UTC, for example "
    "`2027-01-14T09:30:00+00:00`"
)


def parse_uk_time(value: str) -> dt.datetime:
    """A moment written in UK time (or with an offset from UTC), as a time that knows its zone."""
    if not _UK_MOMENT.fullmatch(value):
        raise PydanticCustomError(
            "uk_time",
            "`{value}` is not a date and time we can read: " + UK_TIME_FORMS,
            {"value": value},
        )
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "real_time",
            "`{value}` is not a real date and time (check the day, month and hour)",
            {"value": value},
        ) from None
    if moment.tzinfo is not None:
        return moment
    uk = moment.replace(tzinfo=UK_TIME)
    if uk.astimezone(dt.UTC).astimezone(UK_TIME).replace(tzinfo=None) != moment:
        raise PydanticCustomError(
            "missing_time",
            "`{value}` never happens in the UK: the clocks go forward from 1am to 2am that day. "
            "Write 02:00 or later",
            {"value": value},
        )
    return uk


def _uk_time(value: str) -> str:
    parse_uk_time(value)
    return value


UkTime = Annotated[str, AfterValidator(_uk_time)]
