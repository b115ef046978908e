"""Open data: every inspection and judgement as CSV and JSON, its JSON Schema, and an Atom feed.

The files are made from the checked data at build time and handed to MkDocs as generated
static files (never written into ``docs/``):

- ``data/inspections.csv``: one row per judgement (an inspection without grades has one row
  with the judgement columns empty). :data:`COLUMNS` is the single list of columns: the CSV
  header, the JSON fields and the column guide page all come from it.
- ``data/inspections.json``: the same inspections with their judgements nested, plus areas
  and frameworks; ``data/inspections.schema.json`` describes it.
- ``data/schema/*.schema.json``: the schemas of the data files themselves.
- ``feed.xml``: an Atom feed (RFC 4287) of inspection summaries, newest first. Dates come
  from the data (the report's publication date, else the best known date), never the clock,
  so the same data always gives the same feed.
- ``badges/<area>.svg`` and the share card: the comms kit (:mod:`inspections.commskit`).

Modules: :mod:`.columns`, :mod:`.records` (CSV, JSON and its schema), :mod:`.jsontext`,
:mod:`.atom` (the feed); :func:`static_files` gathers every file.

Example::

    >>> files = static_files(load_site(Path(".")), "https://example.org/")  # doctest: +SKIP
    >>> files["data/inspections.csv"].splitlines()[0][:40]  # doctest: +SKIP
    b'inspection_id,area_id,area_name,council,'
"""

from __future__ import annotations

import json

from inspections import commskit
from inspections.minify import minified
from inspections.opendata.atom import feed, stated_date
from inspections.opendata.columns import COLUMNS, DEFAULT_URL, FEED_ENTRIES, STATIC, Column
from inspections.opendata.jsontext import indented_json
from inspections.opendata.records import (
    export_schema,
    inspection_record,
    records,
    summary_written,
    to_csv,
    to_json,
)
from inspections.schema import schemas
from inspections.site import Site

__all__ = [
    "COLUMNS",
    "DEFAULT_URL",
    "FEED_ENTRIES",
    "Column",
    "export_schema",
    "feed",
    "indented_json",
    "inspection_record",
    "records",
    "stated_date",
    "static_files",
    "summary_written",
    "to_csv",
    "to_json",
]


def static_files(site: Site, site_url: str | None) -> dict[str, bytes]:
    """Every open-data file by its path in the built site."""
    base = site_url or DEFAULT_URL
    recs = records(site, base)
    files = {
        "data/inspections.csv": to_csv(recs),
        "data/inspections.json": to_json(site, recs, base),
        "data/inspections.schema.json": json.dumps(export_schema(), indent=2) + "\n",
        "feed.xml": feed(site, base),
    }
    for name, text in schemas().items():
        files[f"data/schema/{name}"] = text
    # The compare and find-your-area pages' enhancement scripts travel with the other
    # generated static files, minified like the theme's.
    for name in ("compare.js", "find.js"):
        files[f"assets/javascripts/{name}"] = minified(name, (STATIC / name).read_text("utf-8"))
    return {path: text.encode("utf-8") for path, text in files.items()} | commskit.files(site)
