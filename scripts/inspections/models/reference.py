"""The shape of the shared reference files: the glossary (``data/glossary.yaml``) and the
national helplines (``data/helplines.yaml``)."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    Field,
)

from inspections.models.fields import (
    ForAudience,
    FullDate,
    Slug,
    Strict,
    Text,
    Url,
    _phone,
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
