"""The shape of a framework file (``data/frameworks/<framework>.yaml``): an inspection
framework's grades, judgements, kinds and when it was in use."""

from __future__ import annotations

from pydantic import (
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from inspections.models.fields import (
    ForAudience,
    Names,
    PartialDate,
    Slug,
    Strict,
    Text,
    Url,
)


class Grade(Strict):
    """One word on a framework's grade scale."""

    official: Text = Field(description="The grade as Ofsted writes it.")
    young_people: Text = Field(description="The grade in plain words for young people.")
    families: Text = Field(description="The grade in plain words for families.")
    meaning: ForAudience = Field(
        description="What this grade means, for each audience. Pages show it after the grade's "
        "name, so do not start by repeating it (not `Not good enough yet. Some things...`)."
    )


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
