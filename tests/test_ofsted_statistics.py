"""inspections.ofsted_statistics: Ofsted's official statistics (.ods) read as rows and links.

Reads the real releases in ../shared/ofsted/statistics (skips, saying why, without them).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from inspections.ofsted_statistics import (
    FILE_2023,
    FILE_2025,
    SHEET_2009_2023,
    ilacs_history,
    inspections_2009_2023,
    read_tables,
    web_links,
)

FOLDER = Path(__file__).resolve().parent.parent.parent / "shared" / "ofsted" / "statistics"
pytestmark = pytest.mark.skipif(
    not (FOLDER / FILE_2025).is_file(), reason=f"Ofsted's statistics are not at {FOLDER}"
)


def test_ilacs_history_rows_keep_their_sheet_row_and_types() -> None:
    rows = ilacs_history(FOLDER)
    assert len(rows) == 271
    first = rows[0]
    assert first.cite == "sheet ILACS_inspection_history, row 4"  # the table starts at A3
    assert first.get("Local authority area code") == "E09000002"
    assert isinstance(first.get("Publication date"), dt.date)
    assert first.get("Overall effectiveness") == "Requires improvement to be good"
    assert first.get("The experiences and progress of care leavers") is None  # before 2023
    assert {r.get("Inspection type") for r in rows} == {
        "ILACS Standard Inspection",
        "ILACS Short Inspection",
    }


def test_2009_2023_sheet_has_both_tables_and_headers_with_line_breaks() -> None:
    rows = inspections_2009_2023(FOLDER)
    assert {r.table for r in rows} == {1, 2}
    surrey = next(r for r in rows if r.get("Local authority name") == "Surrey")
    assert surrey.get(" First SIF Overall Judgement\n(OE)") == "Inadequate"
    assert surrey.get("LSCB Overall Effectiveness") == "Requires improvement to be good"
    assert len(read_tables(FOLDER / FILE_2023, SHEET_2009_2023)) == 2


def test_web_links_give_each_councils_page() -> None:
    links = web_links(FOLDER / FILE_2025, "Inspections_as_at_31_March")
    assert len(links) == 153
    assert links["E09000002"] == "https://reports.ofsted.gov.uk/provider/44/301"
    with pytest.raises(KeyError):
        web_links(FOLDER / FILE_2025, "No such sheet")
