"""Building blocks of the data models: the base model, the field types with their rules
(slug, text, https address, partial date, phone...), Ofsted's regions, and the parts every
kind of file shares (words for each audience, sources and citations).

Example::

    >>> parse_partial_date("2022-03")
    (2022, 3, None)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from inspections import phones

# Ofsted's eight regions, spelt as in its statistics (not the nine ONS regions).
REGIONS = (
    "East Midlands",
    "East of England",
    "London",
    "North East, Yorkshire and the Humber",
    "North West",
    "South East",
    "South West",
    "West Midlands",
)
AREA_KINDS = ("county", "unitary", "metropolitan-borough", "london-borough")
PLACEHOLDER = "Still to write"


class Strict(BaseModel):
    """Base for data models: unknown fields are errors, text must be text."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


# ---------------------------------------------------------------------------- simple types


# Compiled once: the checks below run for every value of every file.
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_HTTPS = re.compile(r"https://[^\s/]+\.[^\s/]+(/\S*)?")
_ONS_CODE = re.compile(r"E(06|08|09|10)[0-9]{6}")
_OFSTED_PAGE = re.compile(r"https://reports\.ofsted\.gov\.uk/provider/44/[0-9]+")


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise PydanticCustomError(
            "slug",
            "`{value}` is not a valid name: use lower-case letters, numbers and single hyphens",
            {"value": value},
        )
    return value


def _text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty_text", "This text is empty", {})
    return value


def _https(value: str) -> str:
    if not _HTTPS.fullmatch(value):
        raise PydanticCustomError(
            "https_url",
            "`{value}` is not a web address starting with https://",
            {"value": value},
        )
    return value


_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@functools.lru_cache(maxsize=4096)  # the same few thousand dates are read again and again
def parse_partial_date(value: str) -> tuple[int, int | None, int | None]:
    """Split ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, checking the date exists.

    >>> parse_partial_date("2022-03")
    (2022, 3, None)
    """
    m = _PARTIAL.fullmatch(value)
    if not m:
        raise PydanticCustomError(
            "partial_date",
            "`{value}` is not a date we can read: write it as YYYY-MM-DD (for example "
            "2022-03-21), YYYY-MM or YYYY when only the month or year is known, or `unknown`",
            {"value": value},
        )
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise PydanticCustomError(
            "real_date", "`{value}` is not a real date (check the day and month)", {"value": value}
        ) from None
    return year, month, day


def _partial_date(value: str) -> str:
    if value != "unknown":
        parse_partial_date(value)
    return value


def _full_date(value: str) -> str:
    year, month, day = parse_partial_date(value)
    if day is None:
        raise PydanticCustomError(
            "full_date", "`{value}` needs the day as well: write it as YYYY-MM-DD", {"value": value}
        )
    return value


def _phone(value: str, *, short: bool = False) -> str:
    """A valid UK number (Google's phonenumbers, see inspections.phones), in national format."""
    wrong = phones.problem(value, short=short)
    if wrong:
        raise PydanticCustomError("phone", wrong, {})  # no {placeholders}: shown as it is
    return phones.display(value)


def _ons_code(value: str) -> str:
    if not _ONS_CODE.fullmatch(value):
        raise PydanticCustomError(
            "ons_code",
            "`{value}` is not the ONS code of a council with children's services (E06, E08, "
            "E09 or E10 and six digits)",
            {"value": value},
        )
    return value


def _ofsted_page(value: str) -> str:
    if not _OFSTED_PAGE.fullmatch(value):
        raise PydanticCustomError(
            "ofsted_page",
            "`{value}` is not the address of a council's page on Ofsted's reports website",
            {"value": value},
        )
    return value


def _year_as_text(value: Any) -> Any:
    # `to: 2018` reads as a number in YAML; a year on its own is a fine partial date.
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    return value


Slug = Annotated[str, AfterValidator(_slug)]
Text = Annotated[str, AfterValidator(_text)]
Url = Annotated[str, AfterValidator(_https)]
PartialDate = Annotated[str, BeforeValidator(_year_as_text), AfterValidator(_partial_date)]
FullDate = Annotated[str, AfterValidator(_full_date)]
Phone = Annotated[str, AfterValidator(_phone)]
OnsCode = Annotated[str, AfterValidator(_ons_code)]
OfstedPage = Annotated[str, AfterValidator(_ofsted_page)]
Ref = Annotated[str, StringConstraints(min_length=1)]


class ForAudience(Strict):
    """Plain text written for each audience."""

    young_people: Text = Field(
        description="For young people: short sentences and everyday words (a 10-year-old "
        "should be able to read it)."
    )
    families: Text = Field(description="For families and the public: a fuller plain summary.")


class Names(Strict):
    """An official name and a plain name for each audience."""

    official: Text = Field(description="The name Ofsted uses.")
    young_people: Text = Field(description="A plain name for young people.")
    families: Text = Field(description="A plain name for families and the public.")


# ---------------------------------------------------------------------------- sources


class Source(Strict):
    """A document a fact comes from: a seed file or a public web address."""

    title: Text = Field(description="What the document is, in a few words.")
    seed: str | None = Field(
        None, description="File name in ../shared/seeds/ (the project's source documents)."
    )
    url: Url | None = Field(None, description="Public web address, starting https://.")
    date: PartialDate | None = Field(None, description="When the document was published.")

    @model_validator(mode="after")
    def _one_place(self) -> Source:
        if bool(self.seed) == bool(self.url):
            raise PydanticCustomError(
                "source_place",
                "A source needs exactly one of `seed:` (a file in ../shared/seeds/) or `url:` "
                "(a public web address)",
                {},
            )
        return self


class Cited(Strict):
    """Mixin fields for anything that must say where it comes from."""

    source: Slug = Field(description="The key of an entry under `sources:` in this file.")
    ref: Ref | None = Field(
        None, description="Where in the source: a paragraph or section, e.g. `paragraph 7`."
    )
