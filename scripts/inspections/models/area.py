"""The shape of an area file (``data/areas/<area>.yaml``): a council and its contacts."""

from __future__ import annotations

from typing import Literal

from pydantic import (
    Field,
)

from inspections.models.fields import (
    REGIONS,
    FullDate,
    OfstedPage,
    OnsCode,
    PartialDate,
    Phone,
    Ref,
    Slug,
    Source,
    Strict,
    Text,
    Url,
)


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
