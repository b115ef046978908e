"""Pages for everyone: the home page, what the grades mean, and the glossary."""

from __future__ import annotations

from collections.abc import Iterator

from inspections.audiences import EVERYONE
from inspections.page import Page, render_page
from inspections.render import Renderer
from inspections.site import Site
from inspections.urls import GLOSSARY_PAGE, GRADES_PAGE, HOME
from inspections.views import view


def pages(site: Site, renderer: Renderer) -> Iterator[Page]:
    frameworks = sorted(
        site.frameworks.items(), key=lambda kv: kv[1].model.in_use.from_, reverse=True
    )
    fw_views = [(k, view(e)) for k, e in frameworks]
    yield render_page(
        renderer,
        EVERYONE.template("home.md.j2"),
        {"area_count": len(site.areas), "inspection_count": len(site.inspections)},
        path=HOME,
        audience=EVERYONE.slug,
        title="Inspections explained",
    )
    yield render_page(
        renderer,
        EVERYONE.template("grades.md.j2"),
        {"frameworks": fw_views},
        path=GRADES_PAGE,
        audience=EVERYONE.slug,
        title="What the grades mean",
    )
    glossary = site.glossary
    terms = sorted(view(glossary).terms.items(), key=lambda kv: str(kv[1].term).casefold())
    yield render_page(
        renderer,
        EVERYONE.template("glossary.md.j2"),
        {"terms": terms},
        path=GLOSSARY_PAGE,
        audience=EVERYONE.slug,
        source=glossary.path,
        title="Glossary: words explained",
    )
