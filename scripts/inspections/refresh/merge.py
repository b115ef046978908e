"""Merge planned facts into a file that already exists, without touching what people wrote.

Two kinds of file:

- made by refresh (their header says so): refresh owns the facts (dates, report link, grades,
  areas for improvement, theme, sources it names, previous) and updates them; it adds new
  sentences to ``notes`` and never changes the plain-language text people add;
- written by a person (no header): refresh only fills gaps (a missing grade, an unknown date,
  a missing source or link) and reports every other difference for a person to decide.

Each function returns what it changed (for the log) and what it could not decide.
"""

from __future__ import annotations

from typing import Any

from inspections.refresh.yamlfiles import plain, put, to_yaml

# Fields a person writes: refresh never changes them in any file.
PERSON = ("summary", "going_well", "must_improve", "next_steps", "how_inspected", "topic")
FACTS = (
    "theme",
    "dates",
    "report",
    "previous",
    "judgements",
    "judgements_source",
    "judgements_ref",
    "judgements_inferred",
    "areas_for_improvement",
)
ORDER = (
    "area",
    "framework",
    "kind",
    "theme",
    "topic",
    "dates",
    "report",
    "previous",
    "judgements",
    "judgements_source",
    "judgements_ref",
    "judgements_inferred",
    "areas_for_improvement",
    "how_inspected",
    "summary",
    "going_well",
    "must_improve",
    "next_steps",
    "notes",
    "sources",
)
GENERIC_REPORT = "https://reports.ofsted.gov.uk/"


def _after(key: str) -> tuple[str, ...]:
    return ORDER[: ORDER.index(key)] if key in ORDER else ()


def merge_generated(data: Any, want: dict, notes: list[str]) -> list[str]:
    """Update a refresh-made file to ``want``; returns the fields changed."""
    changed = []
    for key in FACTS:
        if key in want and plain(data.get(key)) != plain(want[key]):
            put(data, key, want[key], _after(key))
            changed.append(key)
        elif key not in want and key in data and key != "previous":
            del data[key]
            changed.append(key)
    changed += _sources(data, want.get("sources", {}), update=True)
    if _add_notes(data, notes):
        changed.append("notes")
    return changed


def merge_person(data: Any, want: dict, where: str) -> tuple[list[str], list[str]]:
    """Fill the gaps in a person's file; returns (fields filled, differences left alone)."""
    changed: list[str] = []
    undecided: list[str] = []
    for key in ("theme", "previous", "areas_for_improvement"):
        if key in want and key not in data:
            put(data, key, want[key], _after(key))
            changed.append(key)
    changed += _fill_dates(data, want, where, undecided)
    changed += _fill_report(data, want)
    changed += _fill_judgements(data, want, where, undecided)
    if "areas_for_improvement" in changed:
        _need_source(data, want, "ofsted-report")
    return changed, undecided


def _fill_dates(data: Any, want: dict, where: str, undecided: list[str]) -> list[str]:
    changed = []
    dates = data.get("dates")
    planned = want.get("dates", {})
    if dates is None:
        return changed
    for name in ("start", "end", "published"):
        new = planned.get(name)
        new_value = new.get("value") if isinstance(new, dict) else new
        if not new_value or new_value == "unknown":
            continue
        old = dates.get(name)
        old_value = old.get("value") if hasattr(old, "get") else old
        old_value = plain(old_value)
        if old_value == "unknown" or (
            old_value and len(old_value) < 10 and plain(new_value).startswith(old_value)
        ):
            source = new.get("source") if isinstance(new, dict) else planned.get("source")
            if not hasattr(old, "get"):
                put(dates, name, {"value": new_value, "source": source})
                _need_source(data, want, source)
                changed.append(f"dates: {name}")
                continue
            old["value"] = to_yaml(plain(new_value))
            if source:
                put(old, "source", source, ("value", "text", "not_before", "not_after", "inferred"))
                _need_source(data, want, source)
            changed.append(f"dates: {name}")
            if "text" in old or "inferred" in old:
                undecided.append(
                    f"{where}: the {name} date is now {new_value} from "
                    f"`{source}`; check its `text:` and `inferred:`, which a "
                    "person wrote when the date was not known"
                )
        elif old_value and old_value != plain(new_value) and name != "published":
            undecided.append(
                f"{where}: the file gives the {name} date as {old_value}; "
                f"our sources give {new_value}. Left as it is"
            )
    return changed


def _fill_report(data: Any, want: dict) -> list[str]:
    report, planned = data.get("report"), want.get("report")
    if not planned or report is None:
        return []
    if (
        plain(report.get("url")) == GENERIC_REPORT
        and planned["url"] != GENERIC_REPORT
        and "files.ofsted.gov.uk" in planned["url"]
    ):
        report["url"] = planned["url"]
        report["title"] = planned["title"]
        if "note" in report:
            del report["note"]
        return ["report"]
    return []


def _fill_judgements(data: Any, want: dict, where: str, undecided: list[str]) -> list[str]:
    planned = want.get("judgements")
    if not planned:
        return []
    if "judgements" not in data:
        for key in ("judgements", "judgements_source", "judgements_ref"):
            put(data, key, want[key], _after(key))
        return ["judgements"]
    grades = data["judgements"]
    added = []
    for key, grade in planned.items():
        old = plain(grades.get(key))
        if old in (None, "unknown") and grade != "unknown":
            grades[key] = grade
            added.append(key)
        elif old not in (None, "unknown", grade) and grade != "unknown":
            undecided.append(
                f"{where}: `{key}` is `{old}` in the file; "
                f"`{want['judgements_source']}` gives `{grade}`. Left as it is"
            )
    if not added:
        return []
    source = want["judgements_source"]
    _need_source(data, want, source)
    names = want.get("_names", {})
    where_from = "Ofsted's report" if source == "ofsted-report" else "Ofsted's statistics"
    ref = (
        f"{', '.join(names.get(k, k) for k in added)}: from {where_from} ({want['judgements_ref']})"
    )
    old_ref = plain(data.get("judgements_ref"))
    put(data, "judgements_ref", f"{old_ref}; {ref}" if old_ref else ref, _after("judgements_ref"))
    if "judgements_inferred" in want and "judgements_inferred" not in data:
        put(data, "judgements_inferred", want["judgements_inferred"], _after("judgements_inferred"))
    return [f"judgements: {key}" for key in added]


def _need_source(data: Any, want: dict, key: str) -> None:
    if key in want.get("sources", {}) and key not in data.get("sources", {}):
        put(data["sources"], key, want["sources"][key])


def _sources(data: Any, planned: dict, update: bool) -> list[str]:
    changed = []
    if "sources" not in data:
        put(data, "sources", {}, _after("sources"))
    for key, value in planned.items():
        have = data["sources"].get(key)
        if have is None or (update and plain(have) != plain(value)):
            put(data["sources"], key, value)
            changed.append(f"sources: {key}")
    return changed


def _add_notes(data: Any, notes: list[str]) -> bool:
    old = plain(data.get("notes")) or ""
    new = [n for n in notes if n not in old]
    if not new:
        return False
    text = " ".join([old.strip(), *new]).strip() if old else " ".join(new)
    put(data, "notes", text, _after("notes"))
    return True


def merge_area(data: Any, want: dict, generated: bool) -> tuple[list[str], list[str]]:
    """Update (refresh-made) or fill (person's) an area file."""
    changed, undecided = [], []
    owned = ("ofsted_name", "ons_code", "ofsted_page", "kind", "region", "ended")
    order = (
        "name",
        "ofsted_name",
        "ons_code",
        "ofsted_page",
        "council",
        "kind",
        "region",
        "website",
        "ended",
    )
    for key in owned:
        if key not in want:
            continue
        after = order[: order.index(key)]
        if key not in data:
            put(data, key, want[key], after)
            changed.append(key)
        elif plain(data[key]) != plain(want[key]):
            if generated:
                put(data, key, want[key], after)
                changed.append(key)
            else:
                undecided.append(
                    f"`{key}` is `{plain(data[key])}` in the file; the "
                    f"statistics give `{plain(want[key])}`. Left as it is"
                )
    changed += _sources(data, want.get("sources", {}), update=generated)
    return changed, undecided
