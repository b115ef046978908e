"""The people the site writes for: one home, so a new audience means changing this file (and
adding its templates folder and its words to the data models).

Each audience has a ``slug`` (front matter ``audience:``, the templates folder, the words
check's rules), a ``field`` (the data files' key holding the words it reads: everyone reads the
families' words, as pages for families are for the public too), a ``label`` for people, and
``page``: the file name of its page in a folder (an inspection's, the about pages).

Example::

    >>> by_slug("young-people").field, by_field("families").slug
    ('young_people', 'families')
    >>> YOUNG_PEOPLE.template("inspection.md.j2")
    'young-people/inspection.md.j2'
    >>> [a.slug for a in READERS], EVERYONE.field
    (['young-people', 'families'], 'families')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Audience:
    """One audience: how it is named in pages, templates, data files and URLs."""

    slug: str
    field: str
    label: str
    page: str

    def words(self, model: object) -> object:
        """The words ``model`` (a data object with one field per audience) has for this one."""
        return getattr(model, self.field)

    def template(self, name: str) -> str:
        """The template ``name`` written for this audience."""
        return f"{self.slug}/{name}"


YOUNG_PEOPLE = Audience("young-people", "young_people", "Young people", "young-people.md")
FAMILIES = Audience("families", "families", "Families", "index.md")
EVERYONE = Audience("everyone", "families", "Everyone", "index.md")

AUDIENCES: tuple[Audience, ...] = (YOUNG_PEOPLE, FAMILIES, EVERYONE)
"""Every audience, in the order reports list them."""

READERS: tuple[Audience, ...] = (YOUNG_PEOPLE, FAMILIES)
"""Audiences with their own words in the data files and their own inspection pages."""

SLUGS: tuple[str, ...] = tuple(a.slug for a in AUDIENCES)
DEFAULT = EVERYONE  # a hand-written page that names no audience (or an unknown one)


def by_slug(slug: str) -> Audience:
    """The audience a page's front matter names (``KeyError`` for an unknown one)."""
    for audience in AUDIENCES:
        if audience.slug == slug:
            return audience
    raise KeyError(slug)


def by_field(field: str) -> Audience:
    """The audience whose words a data file's ``field`` holds (``KeyError`` if none)."""
    for audience in READERS:
        if audience.field == field:
            return audience
    raise KeyError(field)
