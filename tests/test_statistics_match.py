"""The data agrees with Ofsted's own: every council's latest inspection in the official
statistics (as at 31 March 2025) is in data/ with the same grades, or with the difference
recorded where the report wins; and every ILACS inspection links its own report.

The statistics are read here directly with python-calamine, not through the refresh code,
so a mistake in refresh's reading cannot hide itself.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OFSTED = ROOT.parent / "shared" / "ofsted"
STATS = OFSTED / "statistics" / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
pytestmark = pytest.mark.skipif(not STATS.is_file(), reason="needs ../shared/ofsted")
WORDS = {
    "Outstanding": "outstanding",
    "Good": "good",
    "Inadequate": "inadequate",
    "Requires improvement to be good": "requires-improvement",
}
# Column (from 0) of each judgement in sheet Inspections_as_at_31_March.
COLUMNS = {
    "overall-effectiveness": 6,
    "leaders": 7,
    "help-and-protection": 8,
    "children-in-care": 9,
    "care-leavers": 10,
}


def latest_rows() -> list[list]:
    from python_calamine import CalamineWorkbook

    rows = (
        CalamineWorkbook.from_path(str(STATS))
        .get_sheet_by_name("Inspections_as_at_31_March")
        .to_python()
    )
    assert rows[2][:3] == ["Web link", "Local authority area code", "Local authority name"]
    return [r for r in rows[3:] if r[1]]


def test_there_are_153_councils_and_each_has_an_area_file(site_data) -> None:
    rows = latest_rows()
    assert len(rows) == 153
    by_code = {e.model.ons_code: e.model for e in site_data.areas.values() if e.model.ons_code}
    missing = [r[2] for r in rows if r[1] not in by_code]
    assert not missing
    for r in rows:
        area = by_code[r[1]]
        assert area.ofsted_name == r[2] and area.region == r[3] and area.ended is None


def test_each_council_latest_inspection_is_there_with_the_same_grades(site_data) -> None:
    by_code = {e.model.ons_code: k for k, e in site_data.areas.items() if e.model.ons_code}
    problems = []
    for r in latest_rows():
        area = by_code[r[1]]
        start = r[4].date().isoformat() if isinstance(r[4], dt.datetime) else None
        found = [
            e
            for e in site_data.inspections_of(area)
            if e.model.framework.startswith("ilacs")
            and e.model.judgements
            and _near(e.model.dates.start.value, start)
        ]
        if len(found) != 1:
            problems.append(f"{area}: {len(found)} inspections starting near {start}")
            continue
        insp = found[0].model
        fw = site_data.frameworks[insp.framework].model
        for key, column in COLUMNS.items():
            if not r[column]:
                continue
            want = WORDS[r[column]]
            key = (
                "children-in-care-and-care-leavers"
                if (key == "children-in-care" and insp.framework == "ilacs-2018")
                else key
            )
            have = insp.judgements.get(key)
            if have != want and fw.grades[want].official not in (insp.notes or ""):
                problems.append(
                    f"{found[0].key}: {key} is {have}, the statistics say {want}, "
                    "and the notes do not record the difference"
                )
    assert not problems, "\n".join(problems)


def _near(value: str, start: str | None) -> bool:
    if not start or len(value) != 10:
        return False
    gap = dt.date.fromisoformat(value) - dt.date.fromisoformat(start)
    return abs(gap.days) <= 14


def test_every_ilacs_inspection_links_its_own_report(site_data) -> None:
    with open(OFSTED / "reports" / "index.csv", encoding="utf-8", newline="") as handle:
        index = {(row["file"].split("/")[0], row["ofsted_url"]) for row in csv.DictReader(handle)}
    problems = []
    for key, entry in site_data.inspections.items():
        insp = entry.model
        fw = site_data.frameworks[insp.framework].model
        if not insp.framework.startswith("ilacs") or not fw.kinds[insp.kind].graded:
            continue
        if (insp.area, insp.report.url) in index:
            continue
        # Councils that no longer exist have no reports in the shared folder (Bournemouth,
        # Cumbria, Northamptonshire): their inspections link the council's page on Ofsted's
        # reports website, where the report is, until the report's own address is added.
        if (
            any(area == insp.area for area, _ in index)
            or insp.report.url != site_data.areas[insp.area].model.ofsted_page
        ):
            problems.append(f"{key}: links {insp.report.url}")
    assert not problems, "\n".join(problems)
