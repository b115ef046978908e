"""Open data records: one per inspection (with its judgements), as CSV and as JSON, and the
JSON Schema of ``data/inspections.json``."""

from __future__ import annotations

import csv
import io
from typing import Any

from inspections import licence
from inspections.audiences import FAMILIES, YOUNG_PEOPLE
from inspections.opendata.columns import COLUMNS
from inspections.opendata.jsontext import indented_json
from inspections.site import Entry, Site, sort_key
from inspections.urls import absolute_url, area_path, inspection_path


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
        "page_url": absolute_url(base, inspection_path(entry.key, FAMILIES.slug)),
        "young_people_url": absolute_url(base, inspection_path(entry.key, YOUNG_PEOPLE.slug)),
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
        "page_url": absolute_url(base, area_path(key)),
    }


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
