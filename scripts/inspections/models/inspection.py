"""The shape of an inspection file (``data/inspections/<area>/<slug>.yaml``): one report's
facts and the words written about it for each audience."""

from __future__ import annotations

from typing import Any

from pydantic import (
    Field,
    model_validator,
)

from inspections.models.fields import (
    Cited,
    ForAudience,
    FullDate,
    PartialDate,
    Ref,
    Slug,
    Source,
    Strict,
    Text,
    Url,
)


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
