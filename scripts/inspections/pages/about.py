""" "What is an Ofsted inspection?", one page per audience: who Ofsted are, the kinds of
inspection and visit, how often they happen, and what happens afterwards.

The kinds of inspection and visit, and the older frameworks, are read from ``data/frameworks``,
so a new framework file shows up here without touching this page. The general facts (how
often, what happens after) are in the templates with links to their public sources.

URLs: ``/about/`` (families and the public) and ``/about/young-people/``.

Example::

    >>> [p.path for p in pages(load_site(Path(".")), Renderer())]     # doctest: +SKIP
    ['about/index.md', 'about/young-people.md']
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from inspections.audiences import FAMILIES, YOUNG_PEOPLE
from inspections.page import Page, render_page
from inspections.render import Renderer
from inspections.site import Site
from inspections.talkto import talk_to
from inspections.urls import about_path
from inspections.views import View, view

FAMILIES_PATH = about_path(FAMILIES.slug)
YOUNG_PEOPLE_PATH = about_path(YOUNG_PEOPLE.slug)
ACTION_PLAN_EXAMPLE = "derby/2022-03-ilacs"  # its action plan date is in seed 003


def about_context(site: Site) -> dict[str, Any]:
    """Frameworks in use now (no end date) with their kinds, and older ones, newest first."""
    frameworks = sorted(
        site.frameworks.items(), key=lambda kv: kv[1].model.in_use.from_, reverse=True
    )
    current = [(k, view(e)) for k, e in frameworks if e.model.in_use.to is None]
    kinds: list[tuple[str, View, View]] = []  # (framework key, framework, kind)
    for key, fw in current:
        for kind_key in fw.raw.kinds:
            kinds.append((key, fw, fw.kinds[kind_key]))
    # Graded kinds first, so readers see the full inspections before the visits.
    kinds.sort(key=lambda t: not t[2].raw.graded)
    past = [(k, view(e)) for k, e in frameworks if e.model.in_use.to is not None]
    # The worked example of an action plan date, shown only while that inspection is on the site.
    example = ACTION_PLAN_EXAMPLE if ACTION_PLAN_EXAMPLE in site.inspections else None
    return {
        "current": current,
        "kinds": kinds,
        "past": past,
        "example": example,
        "families_path": FAMILIES_PATH,
        "young_people_path": YOUNG_PEOPLE_PATH,
        "talk_to": talk_to(site),
    }


def pages(site: Site, renderer: Renderer) -> Iterator[Page]:
    ctx = about_context(site)
    yield render_page(
        renderer,
        FAMILIES.template("about.md.j2"),
        ctx,
        path=FAMILIES_PATH,
        audience=FAMILIES.slug,
        title="What is an Ofsted inspection?",
    )
    yield render_page(
        renderer,
        YOUNG_PEOPLE.template("about.md.j2"),
        ctx,
        path=YOUNG_PEOPLE_PATH,
        audience=YOUNG_PEOPLE.slug,
        title="What is an Ofsted check?",
    )
