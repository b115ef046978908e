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

Example::

    >>> files = static_files(load_site(Path(".")), "https://example.org/")  # doctest: +SKIP
    >>> files["data/inspections.csv"].splitlines()[0][:40]  # doctest: +SKIP
    b'inspection_id,area_id,area_name,council,'
"""

from __future__ import annotations

import csv
import functools
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from inspections import commskit, licence, validate
from inspections.commands.schema import schemas
from inspections.context import inspection_path
from inspections.site import UNKNOWN, Entry, Site, sort_key

ATOM = "http://www.w3.org/2005/Atom"
STATIC = Path(__file__).parent / "static"
FEED_ENTRIES: int | None = None  # every inspection and visit (the open data covers everything)
DEFAULT_URL = "https://example.org/"


@dataclass(frozen=True)
class Column:
    name: str
    about: str
    per: str = "inspection"  # "inspection" or "judgement"


COLUMNS = [
    Column(
        "inspection_id",
        "The inspection's identifier: `area/file-name`, e.g. "
        "`derby/2022-03-ilacs`. The same in every file and on the site.",
    ),
    Column("area_id", "The area's identifier, e.g. `derby`."),
    Column("area_name", "The area's everyday name."),
    Column("council", "The council's full name (empty where our sources do not give it)."),
    Column(
        "ons_code",
        "The council's code from the Office for National Statistics, e.g. "
        "`E06000015` (empty if not known).",
    ),
    Column("region", "The Ofsted region the area is in, as Ofsted spells it."),
    Column(
        "area_ended",
        "For a council that no longer exists: when it ended (`YYYY-MM-DD`, "
        "`YYYY-MM` or `YYYY`). Empty for a council that still exists.",
    ),
    Column(
        "replaced_by",
        "For a council that no longer exists: the identifiers of the areas "
        "that took over, separated by spaces. Empty otherwise.",
    ),
    Column(
        "framework_id",
        "Which inspection framework was used, e.g. `ilacs-2018`. Grades "
        "from different frameworks are on different scales: never mix them.",
    ),
    Column("framework_name", "The framework's official name."),
    Column(
        "kind_id",
        "The kind of inspection or visit under that framework, e.g. `standard`, "
        "`short`, `focused-visit`.",
    ),
    Column("kind_name", "The kind's official name."),
    Column("graded", "`true` if this kind gives grades, `false` for visits without grades."),
    Column(
        "start_date",
        "First day inspectors were there. `YYYY-MM-DD`, or `YYYY-MM` or "
        "`YYYY` when only the month or year is known, or `unknown`.",
    ),
    Column(
        "start_date_inferred",
        "Empty when a source states the start date; otherwise how "
        "and why it was worked out (then the date is not certain).",
    ),
    Column("end_date", "Last day inspectors were there (same format)."),
    Column(
        "end_date_inferred",
        "Empty when a source states the end date; otherwise how and why it was worked out.",
    ),
    Column("published_date", "When Ofsted published the report (same format)."),
    Column(
        "published_date_inferred",
        "Empty when a source states the publication date; otherwise how and why it was worked out.",
    ),
    Column(
        "summary_written",
        "`true` if this site has written a plain summary of what Ofsted "
        "found, `false` if not yet. Without one, the pages show the grades and the report.",
    ),
    Column(
        "previous_inspection_id",
        "The previous graded inspection of the same area, if known (empty if not).",
    ),
    Column(
        "theme",
        "For a visit without grades: its theme, in the words of Ofsted's "
        "statistics (empty if not given).",
    ),
    Column(
        "areas_for_improvement_count",
        "How many areas for improvement the report lists, "
        "as recorded on this site (`0` when none are recorded). The JSON file has their "
        "words.",
    ),
    Column(
        "grades_read_across",
        "If grades were read across from the words the source uses "
        "(for example an older scale): how, and why. Empty otherwise.",
    ),
    Column("report_url", "Where to read Ofsted's report."),
    Column("page_url", "This site's page about the inspection, for families."),
    Column("young_people_url", "This site's page about the inspection, for young people."),
    Column(
        "judgement_id",
        "What was judged, e.g. `overall-effectiveness`. Empty for an inspection without grades.",
        "judgement",
    ),
    Column("judgement_name", "The judgement's official name.", "judgement"),
    Column(
        "part_of",
        "For a sub-judgement: the judgement it is part of (empty otherwise).",
        "judgement",
    ),
    Column(
        "grade_id",
        "The grade, from the framework's own scale (e.g. `good`), or "
        "`unknown` when our sources do not give it.",
        "judgement",
    ),
    Column("grade_name", "The grade as Ofsted writes it, or `Not known`.", "judgement"),
]


def _url(base: str, path: str) -> str:
    """The absolute address of a docs path (directory URLs)."""
    if path.endswith("index.md"):
        path = path[: -len("index.md")]
    elif path.endswith(".md"):
        path = path[: -len(".md")] + "/"
    return base.rstrip("/") + "/" + path


def inspection_record(site: Site, entry: Entry, base: str) -> dict[str, Any]:
    """One inspection's fields (the ``inspection`` columns) plus its judgements."""
    insp = entry.model
    area = site.areas[insp.area].model
    fw = site.frameworks[insp.framework].model
    kind = fw.kinds[insp.kind]
    ended = getattr(area, "ended", None)
    afi = getattr(insp, "areas_for_improvement", None) or []
    record: dict[str, Any] = {
        "inspection_id": entry.key,
        "area_id": insp.area,
        "area_name": area.name,
        "council": area.council or "",
        "ons_code": getattr(area, "ons_code", None) or "",
        "region": area.region,
        "area_ended": ended.date if ended else "",
        "replaced_by": " ".join(ended.replaced_by) if ended else "",
        "framework_id": insp.framework,
        "framework_name": fw.name,
        "kind_id": insp.kind,
        "kind_name": kind.name.official,
        "graded": kind.graded,
        "start_date": insp.dates.start.value,
        "end_date": insp.dates.end.value,
        "published_date": insp.dates.published.value,
        "start_date_inferred": _inferred(insp.dates.start),
        "end_date_inferred": _inferred(insp.dates.end),
        "published_date_inferred": _inferred(insp.dates.published),
        "summary_written": summary_written(insp),
        "previous_inspection_id": insp.previous or "",
        "theme": getattr(insp, "theme", None) or "",
        "areas_for_improvement_count": str(len(afi)),
        "grades_read_across": getattr(insp, "judgements_inferred", None) or "",
        "report_url": insp.report.url,
        "page_url": _url(base, inspection_path(entry.key, "families")),
        "young_people_url": _url(base, inspection_path(entry.key, "young-people")),
    }
    judgements = []
    for key, judgement in fw.judgements.items():  # the framework's order
        if key not in insp.judgements:
            continue
        grade = insp.judgements[key]
        judgements.append(
            {
                "judgement_id": key,
                "judgement_name": judgement.official,
                "part_of": judgement.part_of or "",
                "grade_id": grade,
                "grade_name": fw.grades[grade].official if grade in fw.grades else "Not known",
            }
        )
    record["judgements"] = judgements
    record["areas_for_improvement"] = [
        {"text": a.text, "source_url": _source_url(insp, a.source), "ref": a.ref or ""} for a in afi
    ]
    return record


def _inferred(info: Any) -> str:
    """The reason a date was worked out, on one line ("" when a source states it)."""
    return " ".join(info.inferred.split()) if info.inferred else ""


def summary_written(insp: Any) -> bool:
    """Whether a plain summary of the inspection has been written (``summary:`` is there)."""
    return getattr(insp, "summary", None) is not None


def _source_url(insp: Any, key: str) -> str:
    """The web address of an inspection's source ``key`` (empty for a seed document)."""
    source = insp.sources.get(key)
    return source.url or "" if source else ""


def records(site: Site, base: str) -> list[dict[str, Any]]:
    """Every inspection, by area then date."""
    entries = sorted(
        site.inspections.values(), key=lambda e: (e.model.area, sort_key(e.model), e.key)
    )
    return [inspection_record(site, e, base) for e in entries]


def to_csv(recs: list[dict[str, Any]]) -> str:
    """One row per judgement; an inspection without judgements gets one row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS])
    own = [c.name for c in COLUMNS if c.per == "inspection"]
    per_judgement = [c.name for c in COLUMNS if c.per == "judgement"]
    rows = []
    for rec in recs:
        base = [_cell(rec[name]) for name in own]
        for j in rec["judgements"] or [{}]:
            rows.append(base + [j.get(name, "") for name in per_judgement])
    writer.writerows(rows)
    return out.getvalue()


def _cell(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def to_json(site: Site, recs: list[dict[str, Any]], base: str) -> str:
    doc = {
        "about": (
            "Ofsted inspections of councils' children's services on the site "
            "Inspections explained. Grades are on each framework's own scale: never "
            "compare grades from different frameworks. Covers only the areas on this "
            "site."
        ),
        "licence": licence.as_json(),
        "columns": {c.name: c.about for c in COLUMNS},
        "areas": [_area_record(k, a.model, base) for k, a in sorted(site.areas.items())],
        "frameworks": [
            {
                "framework_id": k,
                "framework_name": f.model.name,
                "short_name": f.model.short_name,
                "in_use_from": f.model.in_use.from_,
                "in_use_to": f.model.in_use.to or "",
                "grades": [
                    {"grade_id": g, "grade_name": v.official} for g, v in f.model.grades.items()
                ],
                "judgements": [
                    {"judgement_id": j, "judgement_name": v.official, "part_of": v.part_of or ""}
                    for j, v in f.model.judgements.items()
                ],
            }
            for k, f in sorted(site.frameworks.items())
        ],
        "inspections": recs,
    }
    return indented_json(doc) + "\n"


def _area_record(key: str, area: Any, base: str) -> dict[str, Any]:
    """One area in ``inspections.json``: its names, codes and, if it has ended, what
    replaced it."""
    ended = getattr(area, "ended", None)
    return {
        "area_id": key,
        "area_name": area.name,
        "council": area.council or "",
        "ofsted_name": getattr(area, "ofsted_name", None) or "",
        "ons_code": getattr(area, "ons_code", None) or "",
        "ofsted_page": getattr(area, "ofsted_page", None) or "",
        "region": area.region,
        "kind": area.kind or "",
        "ended": ({"date": ended.date, "replaced_by": list(ended.replaced_by)} if ended else None),
        "page_url": _url(base, f"areas/{key}/index.md"),
    }


def indented_json(value: Any) -> str:
    """``json.dumps(value, indent=1, ensure_ascii=False)``, written about three times faster.

    With ``indent``, the standard library encodes in Python, not C (about a third of the open
    data's time at national scale). Here each level's items are joined directly and every
    flat object or list (most of the file) is encoded by the C encoder, whose separators put
    each item on its own line. Anything unusual (keys that are not text, numbers that are not
    finite) goes to ``json.dumps`` itself, so the output is always the same.

    >>> doc = {"a": [1, {"b": "x\\n", "c": []}], "d": {}, "e": True}
    >>> indented_json(doc) == json.dumps(doc, indent=1, ensure_ascii=False)
    True
    """
    try:
        return _indented(value, "\n")
    except _Unusual:
        return json.dumps(value, indent=1, ensure_ascii=False)


class _Unusual(Exception):
    """A value :func:`indented_json` leaves to ``json.dumps``."""


_SCALARS = (str, int, bool, type(None))  # float is left out: nan and inf need care


def _indented(value: Any, newline: str) -> str:
    inner = newline + " "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items, run = [], {}  # run: neighbouring items with plain values, encoded in one go
        for k, v in value.items():
            if type(k) is not str:
                raise _Unusual
            if isinstance(v, _SCALARS):
                run[k] = v
                continue
            if run:
                items.append(_flat_encoder(inner)(run)[1:-1])
                run = {}
            items.append(json.encoder.encode_basestring(k) + ": " + _indented(v, inner))
        if run:
            items.append(_flat_encoder(inner)(run)[1:-1])
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        if all(isinstance(v, _SCALARS) for v in value):
            return "[" + inner + _flat_encoder(inner)(value)[1:-1] + newline + "]"
        items = [_indented(v, inner) for v in value]
        return "[" + inner + ("," + inner).join(items) + newline + "]"
    if isinstance(value, _SCALARS):
        return _flat_encoder(inner)(value)
    raise _Unusual


@functools.lru_cache(maxsize=64)
def _flat_encoder(separator: str) -> Any:
    """An encoder of flat objects and lists putting ``separator`` between items: the standard
    library's C encoder, made once (``json.dumps`` sets one up on every call)."""
    item_separator = "," + separator
    make = json.encoder.c_make_encoder
    if make is None:  # a Python without the C accelerator
        return functools.partial(json.dumps, ensure_ascii=False, separators=(item_separator, ": "))
    encode = make(
        None,
        _not_json,
        json.encoder.encode_basestring,
        None,
        ": ",
        item_separator,
        False,
        False,
        True,
    )
    return lambda value: "".join(encode(value, 0))


def _not_json(value: Any) -> Any:
    raise _Unusual


def export_schema() -> dict[str, Any]:
    """The JSON Schema of ``inspections.json``."""
    text = {"type": "string"}
    props: dict[str, Any] = {
        c.name: {**text, "description": c.about} for c in COLUMNS if c.per == "inspection"
    }
    for name in ("graded", "summary_written"):
        props[name] = {"type": "boolean", "description": props[name]["description"]}
    judgement = {
        "type": "object",
        "additionalProperties": False,
        "required": [c.name for c in COLUMNS if c.per == "judgement"],
        "properties": {
            c.name: {**text, "description": c.about} for c in COLUMNS if c.per == "judgement"
        },
    }
    props["judgements"] = {
        "type": "array",
        "items": judgement,
        "description": "The grades, in the framework's order.",
    }
    props["areas_for_improvement"] = {
        "type": "array",
        "description": "Ofsted's areas for improvement, in Ofsted's own words.",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["text", "source_url", "ref"],
            "properties": {
                "text": {**text, "description": "Ofsted's words."},
                "source_url": {**text, "description": "Where they come from."},
                "ref": {**text, "description": "Where in the source."},
            },
        },
    }
    named = {"type": "object", "additionalProperties": True}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "inspections.schema.json",
        "title": "Inspections explained: open data",
        "type": "object",
        "additionalProperties": False,
        "required": ["about", "licence", "columns", "areas", "frameworks", "inspections"],
        "properties": {
            "about": text,
            "licence": {
                "type": "object",
                "additionalProperties": False,
                "required": sorted(licence.as_json()),
                "properties": {k: text for k in sorted(licence.as_json())},
                "description": "The licence of this data and the attribution to keep with it.",
            },
            "columns": {"type": "object"},
            "areas": {"type": "array", "items": named},
            "frameworks": {"type": "array", "items": named},
            "inspections": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": list(props),
                    "properties": props,
                },
            },
        },
    }


# ---------------------------------------------------------------------------- Atom


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def stated_date(insp: Any) -> str | None:
    """The first day of the most precise date a source states for the report (published,
    else end, else start), as ``YYYY-MM-DD``; None when none is stated. Unlike
    :func:`~inspections.national.best_date` it never takes a bound we worked out
    (``not_before``): a feed entry must not carry a year nobody gave."""
    for info in (insp.dates.published, insp.dates.end, insp.dates.start):
        bounds = validate.date_bounds(info.value) if info.value else None
        if bounds:
            return bounds[0]
    return None


def feed(site: Site, base: str, limit: int | None = FEED_ENTRIES) -> str:
    """An Atom feed of inspection summaries for families, newest first. An inspection with no
    stated date is left out (Atom needs a date for each entry, and we do not invent one)."""
    ET.register_namespace("", ATOM)
    dated = [(stated_date(e.model), e) for e in site.inspections.values()]
    dated = sorted(
        ((d, e) for d, e in dated if d), key=lambda de: (de[0], de[1].key), reverse=True
    )[:limit]
    root = ET.Element(f"{{{ATOM}}}feed")
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en-GB")
    _sub(root, "id", base)
    _sub(root, "title", "Inspections explained: new and updated summaries")
    _sub(
        root,
        "subtitle",
        "What Ofsted found when it inspected councils' children's services, in plain words.",
    )
    _sub(root, "updated", _stamp(dated[0][0]) if dated else "1970-01-01T00:00:00Z")
    _sub(root, "rights", licence.STATEMENT, type="text")
    author = _sub(root, "author", None)
    _sub(author, "name", "Inspections explained")
    _sub(
        root,
        "link",
        None,
        rel="self",
        href=base.rstrip("/") + "/feed.xml",
        type="application/atom+xml",
    )
    _sub(root, "link", None, rel="alternate", href=base, type="text/html")
    _sub(root, "link", None, rel="license", href=licence.URL, type="text/html")  # RFC 4946
    for day, entry in dated:
        insp = entry.model
        area = site.areas[insp.area].model
        fw = site.frameworks[insp.framework].model
        kind = fw.kinds[insp.kind]
        url = _url(base, inspection_path(entry.key, "families"))
        item = _sub(root, "entry", None)
        _sub(item, "id", url)
        start = insp.dates.start.value
        _sub(
            item,
            "title",
            f"{area.name}: {kind.name.families} ({fw.short_name}), "
            f"{start[:4] if start != UNKNOWN else 'year not known'}",
        )
        _sub(item, "updated", _stamp(day))
        _sub(item, "link", None, rel="alternate", href=url, type="text/html")
        _sub(
            item,
            "link",
            None,
            rel="related",
            href=_url(base, inspection_path(entry.key, "young-people")),
            type="text/html",
            title="For young people",
        )
        _sub(item, "summary", _feed_summary(site, entry), type="text")
        _sub(item, "category", None, term=insp.framework, label=fw.short_name)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _feed_summary(site: Site, entry: Entry) -> str:
    """The families' summary, or, before a person has written one, the grades in words."""
    insp = entry.model
    if insp.summary is not None:
        return " ".join(insp.summary.families.split())
    fw = site.frameworks[insp.framework].model
    grades = [
        f"{fw.judgements[j].official}: {fw.grades[g].official if g in fw.grades else 'not known'}"
        for j, g in insp.judgements.items()
        if j in fw.judgements
    ]
    theme = getattr(insp, "theme", None)
    said = (
        ("Grades: " + "; ".join(grades) + ". ")
        if grades
        else (f"Theme: {theme}. " if theme else "")
    )
    return said + "A plain summary has not been written yet."


def _sub(parent: ET.Element, tag: str, text: str | None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


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
    # generated static files.
    for name in ("compare.js", "find.js"):
        files[f"assets/javascripts/{name}"] = (STATIC / name).read_text(encoding="utf-8")
    return {path: text.encode("utf-8") for path, text in files.items()} | commskit.files(site)
