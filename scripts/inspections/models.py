"""The shape of every data file, with a rule and help text on each field.

Like MkDocs' config schema: the help text (``description``) is what a comms officer sees when a
field is missing, and it is published in the JSON Schema so VS Code shows it while typing.
Checks that need more than one file (does the area exist? is the grade on this framework's
scale?) live in :mod:`inspections.validate`.

Example::

    >>> Glossary.model_validate({"terms": {"iro": {
    ...     "term": "independent reviewing officer", "also": ["IRO"],
    ...     "young_people": "A person who checks your plan is right for you.",
    ...     "families": "A social worker who chairs reviews of a child's care plan."}}}).terms["iro"].also
    ['IRO']
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from typing import Annotated, Any, Literal

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


UK_TIME = zoneinfo.ZoneInfo("Europe/London")  # GMT in winter, BST in summer
_UK_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?")
UK_TIME_FORMS = (
    "write it as YYYY-MM-DD HH:MM in UK time (as UK clocks show it that day), for example "
    "`2027-01-14 09:30`, or with an offset from UTC, for example "
    "`2027-01-14T09:30:00+00:00`"
)


def parse_uk_time(value: str) -> dt.datetime:
    """A moment written in UK time (or with an offset from UTC), as a time that knows its zone.

    >>> parse_uk_time("2027-07-01 09:30").isoformat()
    '2027-07-01T09:30:00+01:00'
    """
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
UkTime = Annotated[str, AfterValidator(_uk_time)]
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


# ---------------------------------------------------------------------------- areas


class Contact(Strict):
    """A children's services phone number, with where it was found and when it was checked."""

    name: Text = Field(description="What the number is for, e.g. `Children's services (daytime)`.")
    when: Literal["daytime", "out-of-hours", "any-time"] = Field(
        description="When to use it: daytime, out-of-hours or any-time."
    )
    number: Phone = Field(description='The phone number, in quotes, e.g. "01332 641172".')
    hours: Text | None = Field(None, description="Opening hours in plain words.")
    source: Url = Field(description="The public page where this number is given.")
    checked: FullDate = Field(description="The date someone last checked the number (YYYY-MM-DD).")


class Partnership(Strict):
    """The local safeguarding children partnership the council belongs to."""

    name: Text = Field(description="The partnership's name.")
    source: Slug = Field(description="The key of an entry under `sources:` in this file.")
    ref: Ref | None = None


class LocalService(Strict):
    """A council service for children in care named by a source (its Children in Care Council,
    its local offer for care leavers), shown in "Who you can talk to" on young people's pages."""

    name: Text = Field(description="Its name, e.g. `Derby's Children in Care Council`.")
    url: Url | None = Field(None, description="Its public web page, if a source gives one.")
    source: Slug = Field(description="The key of an entry under `sources:` in this file.")
    ref: Ref | None = None


class Ended(Strict):
    """A council that no longer exists: when it ended and which councils took over."""

    date: PartialDate = Field(description="When it ended: YYYY-MM-DD, YYYY-MM or YYYY.")
    replaced_by: list[Slug] = Field(
        min_length=1, description="The area files of the councils that took over, e.g. `[dorset]`."
    )
    source: Slug = Field(description="The key of an entry under `sources:` in this file.")
    ref: Ref | None = Field(None, description="Where in the source, e.g. `sheet Notes`.")
    inferred: Text | None = Field(
        None, description="If the date or the councils are worked out rather than stated: how."
    )


class HeldReport(Strict):
    """A report Ofsted holds back for now (for example before local elections): the area page
    says inspectors came and when the report will come. Never grades: they are not public."""

    inspected: PartialDate = Field(description="When inspectors visited: YYYY-MM or YYYY-MM-DD.")
    reason: Slug = Field(
        description="Why it is held: a key in data/wording/held-report.yaml, e.g. `pre-election`."
    )
    source: Slug = Field(description="The key of an entry under `sources:` that says it is held.")
    ref: Ref | None = None


class Area(Strict):
    """A council with children's services (file: data/areas/<slug>.yaml)."""

    name: Text = Field(description="The area's everyday name, e.g. `Derby`.")
    ofsted_name: Text | None = Field(
        None, description="The council's name as Ofsted's statistics list it, e.g. `Derby`."
    )
    ons_code: OnsCode | None = Field(None, description="The ONS code, e.g. `E06000015`.")
    ofsted_page: OfstedPage | None = Field(
        None,
        description="The council's page on Ofsted's reports website, "
        "`https://reports.ofsted.gov.uk/provider/44/<number>`.",
    )
    council: Text | None = Field(
        None,
        description="The council's full name, e.g. `Derby City Council` (if a source gives it).",
    )
    kind: Literal["county", "unitary", "metropolitan-borough", "london-borough"] | None = Field(
        None, description="The kind of council (if a source gives it)."
    )
    region: Literal[REGIONS] = Field(description="Ofsted's region, as Ofsted spells it.")  # type: ignore[valid-type]
    website: Url | None = Field(None, description="The council's website (if a source gives it).")
    ended: Ended | None = Field(
        None, description="Only for a council that no longer exists: when, and who took over."
    )
    held_report: HeldReport | None = Field(
        None,
        description="Only while Ofsted holds back a report it has not published (for example "
        "before local elections); remove it when the inspection is added.",
    )
    partnership: Partnership | None = Field(
        None, description="The safeguarding children partnership the council belongs to."
    )
    contacts: list[Contact] = Field(
        default_factory=list, description="Children's services phone numbers."
    )
    children_in_care_council: LocalService | None = Field(
        None,
        description="Optional: the council's Children in Care Council, where a source names it.",
    )
    local_offer: LocalService | None = Field(
        None,
        description="Optional: the council's local offer for care leavers, where a source "
        "gives it.",
    )
    sources: dict[Slug, Source] = Field(
        default_factory=dict, description="Where the facts in this file come from."
    )


# ---------------------------------------------------------------------------- frameworks


class Grade(Strict):
    """One word on a framework's grade scale."""

    official: Text = Field(description="The grade as Ofsted writes it.")
    young_people: Text = Field(description="The grade in plain words for young people.")
    families: Text = Field(description="The grade in plain words for families.")
    meaning: ForAudience = Field(description="What this grade means, for each audience.")


class Judgement(Strict):
    """One thing inspectors judge under a framework."""

    official: Text = Field(description="The judgement's official name.")
    young_people: Text = Field(description="A plain name for young people.")
    families: Text = Field(description="A plain name for families.")
    covers: ForAudience = Field(description="What this judgement looks at, in plain words.")
    part_of: Slug | None = Field(
        None, description="For a sub-judgement: the key of the judgement it belongs to."
    )
    separate: bool = Field(
        False,
        description="True for a separate review with its own grade (such as the LSCB review), "
        "which an inspection may not include.",
    )


class Kind(Strict):
    """A kind of inspection or visit under a framework."""

    name: Names = Field(description="What this kind is called.")
    graded: bool = Field(description="Whether this kind gives grades (visits do not).")
    judgements: list[Slug] | None = Field(
        None,
        description="Only if this kind judges some of the framework's judgements (for example "
        "a re-inspection of safeguarding only): their keys. Leave out when it judges them all.",
    )
    about: ForAudience | None = Field(None, description="What happens in this kind, plainly.")


class InUse(Strict):
    """When a framework was used."""

    from_: PartialDate = Field(alias="from", description="When it started (YYYY-MM).")
    to: PartialDate | None = Field(None, description="When it stopped; leave out if still in use.")


class SourceLink(Strict):
    """A public document (for frameworks: the published framework)."""

    title: Text
    url: Url
    date: PartialDate | None = None


class NextInspection(Strict):
    """When the next graded inspection is usually expected: a published rule, kept as data so
    the site can show an estimated window (never a promise) with its basis."""

    after_months: int = Field(
        description="Usual months from the end of the last graded "
        "inspection to the next one, e.g. 36."
    )
    give_or_take_months: int = Field(
        0, description="How many months earlier or later it can be, e.g. 6."
    )
    judgement: Slug | None = Field(
        None,
        description="The judgement whose grade decides whether "
        "the rule applies, e.g. `overall-effectiveness`.",
    )
    grades: list[Slug] = Field(
        default_factory=list,
        description="The grades of that judgement the rule applies to (empty: every grade).",
    )
    basis: ForAudience = Field(description="The rule and where it comes from, in plain words.")
    uncertainty: Text = Field(description="Why the window may be wrong, in plain words.")
    source: SourceLink = Field(description="The public document that states the rule.")


class Framework(Strict):
    """An inspection framework (file: data/frameworks/<key>.yaml)."""

    name: Text = Field(description="The framework's official name.")
    short_name: Text = Field(description="A short name, e.g. `ILACS`.")
    plain_name: ForAudience = Field(description="What to call it for each audience.")
    in_use: InUse = Field(description="When the framework was used.")
    older: bool = Field(
        False, description="True for older frameworks whose grades were a bit different."
    )
    sources: list[SourceLink] = Field(
        min_length=1, description="The public framework documents this file comes from."
    )
    notes: Text | None = Field(None, description="What is not known, and why.")
    grades: dict[Slug, Grade] = Field(
        default_factory=dict, description="The grade scale, best first (empty if no grades)."
    )
    judgements: dict[Slug, Judgement] = Field(
        default_factory=dict, description="What inspectors judge."
    )
    kinds: dict[Slug, Kind] = Field(min_length=1, description="The kinds of inspection and visit.")
    next_inspection: NextInspection | None = Field(
        None, description="Optional: when the next graded inspection is usually expected."
    )

    @model_validator(mode="after")
    def _kinds_judge_known_things(self) -> Framework:
        for key, kind in self.kinds.items():
            for judged in kind.judgements or ():
                if judged not in self.judgements:
                    raise PydanticCustomError(
                        "kind_judgement",
                        "The kind `{kind}` lists `{judged}`, which is not under `judgements:`",
                        {"kind": key, "judged": judged},
                    )
        return self


# ---------------------------------------------------------------------------- inspections


class DateInfo(Strict):
    """A date that may be known only to the month or year, or not at all."""

    value: PartialDate = Field(description="YYYY-MM-DD, YYYY-MM, YYYY, or `unknown`.")
    text: Text | None = Field(
        None, description="What the source says, when it is not a whole date (e.g. no year)."
    )
    not_before: PartialDate | None = Field(None, description="The earliest it can be.")
    not_after: PartialDate | None = Field(None, description="The latest it can be.")
    inferred: Text | None = Field(
        None, description="If any part is worked out rather than stated: how, and why."
    )
    source: Slug | None = Field(None, description="Source key, if not the one under `dates`.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return {"value": data} if isinstance(data, str) else data


class Dates(Strict):
    """When the inspection happened and when the report came out."""

    start: DateInfo = Field(description="First day inspectors were on site.")
    end: DateInfo = Field(description="Last day inspectors were on site.")
    published: DateInfo = Field(description="The day Ofsted published the report.")
    source: Slug = Field(description="The key of the source that gives these dates.")
    ref: Ref | None = None


class Report(Strict):
    """Ofsted's full report."""

    url: Url = Field(description="Where to read Ofsted's report.")
    title: Text = Field(description="The link text, e.g. `Ofsted's full report on Derby`.")
    note: Text | None = Field(None, description="Anything readers should know about the link.")


class HowInspected(Cited):
    """How the inspectors found things out."""

    families: Text = Field(description="In plain words for families.")
    young_people: Text = Field(description="In short sentences for young people.")
    days_on_site: int | None = Field(None, description="Days inspectors spent with the council.")
    inspectors: int | None = Field(None, description="How many inspectors.")
    cases: int | None = Field(None, description="How many children's cases they looked at.")


class Finding(Cited):
    """Something inspectors found, citing the part of the source it comes from."""

    families: Text = Field(description="The finding in plain words for families.")
    young_people: Text | None = Field(
        None, description="The finding for young people (left off their page if missing)."
    )


class NextSteps(Cited):
    """What happens after the inspection."""

    families: Text
    young_people: Text
    action_plan_due: FullDate | None = Field(
        None, description="When the council must send Ofsted its action plan (YYYY-MM-DD)."
    )


class AreaForImprovement(Cited):
    """One of Ofsted's areas for improvement, in Ofsted's own words (shown in quotation marks)."""

    text: Text = Field(description="Ofsted's words, copied exactly from the report.")


class Inspection(Strict):
    """One inspection or visit (file: data/inspections/<area>/<slug>.yaml)."""

    area: Slug = Field(description="The area's file name in data/areas/, e.g. `derby`.")
    framework: Slug = Field(description="The framework's file name in data/frameworks/.")
    kind: Slug = Field(description="A kind from the framework, e.g. `standard`, `focused-visit`.")
    topic: ForAudience | None = Field(None, description="For a focused visit: what it looked at.")
    theme: Text | None = Field(
        None, description="For a visit: its theme as Ofsted's statistics give it."
    )
    embargo_until: UkTime | None = Field(
        None,
        description="Optional: leave the inspection off the site until this moment (Ofsted's "
        "publication time). UK time as YYYY-MM-DD HH:MM, e.g. `2027-01-14 09:30`, or with an "
        "offset from UTC, e.g. `2027-01-14T09:30:00+00:00`. Remove it once it has passed.",
    )
    dates: Dates
    report: Report
    previous: str | None = Field(
        None,
        description="The previous judged inspection, as `area/slug`, e.g. `derby/2017-03-sif`.",
    )
    judgements: dict[Slug, Slug] = Field(
        default_factory=dict,
        description="Judgement key: grade key, from the framework (`unknown` if not known).",
    )
    judgements_source: Slug | None = Field(None, description="Source key for the grades.")
    judgements_ref: Ref | None = None
    judgements_inferred: Text | None = Field(
        None,
        description="If a grade is read across from the words the source uses (for example "
        "an older scale): how, and why.",
    )
    how_inspected: HowInspected | None = None
    summary: ForAudience | None = Field(
        None,
        description="What inspectors found, in a few sentences (leave out until a person has "
        "written it: pages then say a plain summary has not been written yet).",
    )
    areas_for_improvement: list[AreaForImprovement] = Field(
        default_factory=list, description="Ofsted's areas for improvement, in its own words."
    )
    going_well: list[Finding] = Field(default_factory=list, description="What is going well.")
    must_improve: list[Finding] = Field(default_factory=list, description="What must get better.")
    next_steps: NextSteps | None = None
    notes: Text | None = Field(None, description="What is not known, or inferred, and why.")
    sources: dict[Slug, Source] = Field(
        min_length=1, description="Every document the facts in this file come from."
    )


# ---------------------------------------------------------------------------- glossary


class Term(Strict):
    """A glossary entry."""

    term: Text = Field(description="The word or phrase, as it is usually written.")
    also: list[Text] = Field(
        default_factory=list, description="Other forms: abbreviations, plurals."
    )
    young_people: Text = Field(description="What it means, for young people.")
    families: Text = Field(description="What it means, for families.")
    see: list[Slug] = Field(default_factory=list, description="Related glossary entries.")


class Glossary(Strict):
    """The glossary (file: data/glossary.yaml)."""

    terms: dict[Slug, Term] = Field(min_length=1)


# ---------------------------------------------------------------------------- helplines


def _helpline_number(value: str) -> str:
    # Helplines may be short numbers (999, 116 123) that phonenumbers knows are valid in the UK.
    return _phone(value, short=True)


class Helpline(Strict):
    """A national phone number shown in "Get help" on every page, with its source and check date."""

    name: Text = Field(description="Who answers, e.g. `Childline`.")
    number: Annotated[str, AfterValidator(_helpline_number)] = Field(
        description='The phone number, in quotes, e.g. "0800 1111".'
    )
    young_people: Text = Field(description="When to call, in a few words for young people.")
    families: Text = Field(description="When to call, in a few words for families and adults.")
    hours: Text | None = Field(None, description="Opening hours in plain words.")
    source: Url = Field(description="The public page where this number is given.")
    checked: FullDate = Field(description="The date someone last checked the number (YYYY-MM-DD).")


class Person(Strict):
    """Someone a young person can talk to (no number: who they are and how they help)."""

    who: Text = Field(description="Who, e.g. `Your social worker or personal adviser`.")
    young_people: Text = Field(description="How they can help, in a few short sentences.")
    glossary: Slug | None = Field(None, description="A glossary entry that explains the word.")


class TalkTo(Strict):
    """ "Who you can talk to", near the top of every young people's page. The wording is here so
    comms teams can change it; every number has a source and a check date."""

    heading: Text = Field(description="The heading, e.g. `Who you can talk to`.")
    intro: Text = Field(description="One or two short sentences before the list.")
    people: list[Person] = Field(min_length=1, description="People to talk to, in order.")
    helplines: list[Slug] = Field(
        default_factory=list, description="Keys of helplines above to list here, e.g. `childline`."
    )
    numbers: dict[Slug, Helpline] = Field(
        default_factory=dict,
        description='Numbers shown only here (not in "Get help"), each '
        "with its source and check date.",
    )
    local: ForAudience | None = Field(
        None,
        description="Words before the council's Children in Care Council and local offer, "
        "when the area's file gives them (young_people is used).",
    )
    closing: Text = Field(
        description="The last words, e.g. `If this is not how it feels for you, tell someone.`"
    )


class Helplines(Strict):
    """National helplines (file: data/helplines.yaml), most urgent first."""

    helplines: dict[Slug, Helpline] = Field(min_length=1)
    talk_to: TalkTo | None = Field(
        None, description='Optional: "Who you can talk to" on young people\'s pages.'
    )


MODELS: dict[str, type[Strict]] = {
    "area": Area,
    "framework": Framework,
    "inspection": Inspection,
    "glossary": Glossary,
    "helplines": Helplines,
}
