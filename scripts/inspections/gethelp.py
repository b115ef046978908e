"""The "Get help" box at the top of every page: national helplines, and on an area's pages that
council's children's services numbers.

Its numbers are data (``data/helplines.yaml``, ``data/areas/<slug>.yaml``), so the box is made
here, when the content is generated, as one theme partial per area and audience
(``partials/get-help/<name>.html``); the theme includes the one a page names in its front
matter (``help_area``), so no engine needs a hook or a custom filter to show it.

Example::

    >>> area_slug("data/inspections/derby/2022-03-ilacs.yaml"), area_slug("data/areas/derby.yaml")
    ('derby', 'derby')
    >>> area_slug("data/glossary.yaml") is None and area_slug(None) is None
    True
    >>> partial_name("derby", "young-people"), partial_name(None, "families")
    ('derby-young-people', 'national')
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from inspections import phones
from inspections.context import date_text
from inspections.site import Site

TEMPLATE = Path(__file__).parent / "templates" / "get-help.html"
FOLDER = "partials/get-help"


def area_slug(source: str | None) -> str | None:
    """The area a page is about, from the data file it is made from."""
    parts = (source or "").split("/")
    if len(parts) >= 3 and parts[0] == "data" and parts[1] in ("areas", "inspections"):
        return parts[2].removesuffix(".yaml")
    return None


def partial_name(slug: str | None, audience: str) -> str:
    """The partial's name: the area (or ``national``), and ``-young-people`` for their pages."""
    return (slug or "national") + ("-young-people" if audience == "young-people" else "")


def help_context(site: Site, slug: str | None) -> dict:
    """What the box shows: national helplines, the area's council (if any) and the oldest check
    date of the numbers shown."""
    area = site.areas.get(slug) if slug else None
    helplines = site.helplines.model.helplines if site.helplines else {}
    checked = [h.checked for h in helplines.values()]
    checked += [c.checked for c in area.model.contacts] if area else []
    oldest = min(checked) if checked else None
    return {
        "helplines": helplines,
        "help_area": area.model if area else None,
        "help_checked": date_text(oldest) if oldest else None,
    }


def partials(site: Site) -> dict[str, bytes]:
    """Every area's box for each audience, and the national one, by path in the theme."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE.parent), autoescape=False)
    env.filters["tel"] = phones.tel
    template = env.get_template(TEMPLATE.name)
    out: dict[str, bytes] = {}
    for slug in [None, *sorted(site.areas)]:
        context = help_context(site, slug)
        for young in (False, True):
            name = partial_name(slug, "young-people" if young else "everyone")
            # Jinja drops one newline at the end of an included file: add it, keep the box's own.
            html = template.render(context, young=young) + "\n"
            out[f"{FOLDER}/{name}.html"] = html.encode("utf-8")
    return out
