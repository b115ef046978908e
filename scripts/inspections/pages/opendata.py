"""The open data page: what the downloads are, and what every column means.

The column list comes from :data:`inspections.opendata.COLUMNS`, the same list that writes the
CSV header, so the guide cannot drift from the files.
"""

from __future__ import annotations

from collections.abc import Iterator

from inspections import licence
from inspections.audiences import EVERYONE
from inspections.opendata import COLUMNS, FEED_ENTRIES
from inspections.page import Page, render_page
from inspections.render import Renderer
from inspections.site import Site
from inspections.urls import DATA_PAGE


def pages(site: Site, renderer: Renderer) -> Iterator[Page]:
    yield render_page(
        renderer,
        EVERYONE.template("opendata.md.j2"),
        {
            "columns": COLUMNS,
            "inspections": len(site.inspections),
            "areas": len(site.areas),
            "feed_entries": FEED_ENTRIES,
            "licence": licence,
        },
        path=DATA_PAGE,
        audience=EVERYONE.slug,
        title="Open data: every inspection and grade",
    )
