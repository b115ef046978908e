"""The small list of councils the search box looks in first (``pagefind/places.json``).

Why: what readers search for first is their council. Pagefind's full-text search needs its
code, WebAssembly and index chunks (about 125 KB compressed at national scale, and over half a
second on a slow phone) before it shows anything. This list is a few KB: every council's name,
its full name, the name Ofsted uses and, for a council that no longer exists, the councils
that replaced it; with its area page and its newest inspection's pages for young people and for
families. The search box (``scripts/theme/assets/javascripts/site-search.js``) fetches it when
a reader first touches the box, and loads Pagefind only when the reader asks to search every
page, or when no council matches.

It is made from the same data as the pages (``Site``), so it names exactly the pages built.

Example::

    >>> page_url("areas/derby/2022-03-ilacs/young-people.md")
    'areas/derby/2022-03-ilacs/young-people/'
    >>> page_url("areas/derby/index.md")
    'areas/derby/'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from inspections.audiences import FAMILIES, YOUNG_PEOPLE
from inspections.site import Site
from inspections.urls import area_path, inspection_path, page_url

FILE = "places.json"  # written into the search folder (inspections.search.BUNDLE)


def places(site: Site) -> list[dict[str, Any]]:
    """One entry per council, A to Z: its names and its pages' addresses.

    ``n``: everyday name; ``also``: other names a reader may type (the council's full name,
    Ofsted's name, the names of the councils that replaced it); ``ended``: the councils that
    replaced it, by name (empty while it exists); ``area``, ``yp``, ``fam``: addresses of its
    area page and of its newest inspection's pages (``yp`` and ``fam`` are absent when it has
    no inspection yet).
    """
    out = []
    for key, entry in sorted(site.areas.items(), key=lambda kv: kv[1].model.name.casefold()):
        area = entry.model
        ended = getattr(area, "ended", None)  # optional field; older data has no such field
        replaced = (
            [
                site.areas[k].model.name if k in site.areas else k
                for k in (getattr(ended, "replaced_by", None) or [])
            ]
            if ended
            else []
        )
        also = [area.council, getattr(area, "ofsted_name", None) or "", *replaced]
        place: dict[str, Any] = {
            "n": area.name,
            "also": [a for i, a in enumerate(also) if a and a != area.name and a not in also[:i]],
            "area": page_url(area_path(key)),
        }
        if ended:
            place["ended"] = replaced
        newest = site.inspections_of(key)
        if newest:
            place["yp"] = page_url(inspection_path(newest[0].key, YOUNG_PEOPLE.slug))
            place["fam"] = page_url(inspection_path(newest[0].key, FAMILIES.slug))
        out.append(place)
    return out


def write_places(listed: list[dict[str, Any]], target: Path) -> Path:
    """Write a list made by :func:`places` to ``target`` (compact: every byte is fetched)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(listed, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return target


def read_places(source: Path) -> list[dict[str, Any]]:
    """A list written by :func:`write_places` (``generate --places``), for the search index."""
    return json.loads(source.read_text(encoding="utf-8"))
