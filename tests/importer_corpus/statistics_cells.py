"""Ofsted's statistics as cells to check the importer against: one per report and judgement.

Why here: the corpus test (tests/test_import_corpus.py) and its bench row both need the
same joining of a report (council, publication date) to its statistics row, and the same
reading of column headers as judgement keys. Statistics are read with
:mod:`inspections.ofsted_statistics`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from inspections.ofsted_statistics import FILE_2023, FILE_2025, ilacs_history, inspections_2009_2023

# Column header (after the prefix for SIF) -> judgement key, per framework family.
ILACS_COLUMNS = {
    "Overall effectiveness": "overall-effectiveness",
    "The impact of leaders on social work practice with children and families": "leaders",
    "The experiences and progress of children who need help and protection": "help-and-protection",
    "The experiences and progress of children in care": "children-in-care",
    "The experiences and progress of care leavers": "care-leavers",
}
SIF_COLUMNS = {
    "Overall Judgement (OE)": "overall-effectiveness",
    "children who need help and protection": "help-and-protection",
    "children looked after and achieving permanence": "children-looked-after",
    "CLA Sub: Adoption Performance": "adoption",
    "CLA Sub: Experiences and progress of care leavers": "care-leavers",
    "leadership, management and governance": "leadership",
}
SIF_DATES = {
    "First SIF": "Single Inspection of LA Children's Services (SIF) First SIF publication date",
    "SIF Re-inspection": "Single Inspection of LA Children's Services (SIF) SIF Re-inspection "
    "publication date",
}
GRADES = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement to be good": "requires-improvement",
    "requires improvement": "requires-improvement",
    "inadequate": "inadequate",
    "adequate": "adequate",
}


def council_key(name: str) -> str:
    """A council's name as a join key: lower case, '&' as 'and', no punctuation."""
    name = name.lower().replace("&", " and ").replace("city of ", "").replace(", city of", "")
    # The reports site says "london corporation" and "bedford", the statistics "City of
    # London" and "Bedford Borough".
    return " ".join(w for w in re.findall(r"[a-z]+", name) if w not in ("corporation", "borough"))


@dataclass(frozen=True)
class Cell:
    """One judgement of one inspection as the statistics give it."""

    council: str  # join key
    published: str  # ISO day
    what: str  # "ilacs", "sif", "sif-reinspection", "lscb", "lac-2013"
    judgement: str  # judgement key, or "kind"
    value: str  # grade key, or the kind ("short", "standard")
    cite: str  # file, sheet and row


def match(cell: Cell, reports: dict[str, list[tuple[str, str]]], days: int = 21) -> str | None:
    """The report (file) a cell is about: the council's report published closest to the
    cell's publication date, within ``days`` (the statistics and the reports site sometimes
    differ by a few days). ``reports``: council key -> [(published, file)]."""
    when = dt.date.fromisoformat(cell.published)
    near = [
        (abs((dt.date.fromisoformat(day) - when).days), name)
        for day, name in reports.get(cell.council, [])
    ]
    near = [x for x in near if x[0] <= days]
    return min(near)[1] if near else None


def grade_key(words: object) -> str | None:
    return GRADES.get(" ".join(str(words).lower().split())) if words else None


def cells(folder: Path) -> list[Cell]:
    """Every graded cell in the ILACS history (2025) and the 2009-2023 table (SIF, LSCB)."""
    out: list[Cell] = []
    for row in ilacs_history(folder):
        council = council_key(str(row.get("Local authority name")))
        published = row.get("Publication date")
        if not published:
            continue
        day = published.isoformat()
        cite = f"{FILE_2025}, {row.cite}"
        kind = str(row.get("Inspection type") or "").lower()
        out.append(
            Cell(council, day, "ilacs", "kind", "short" if "short" in kind else "standard", cite)
        )
        for header, key in ILACS_COLUMNS.items():
            grade = grade_key(row.get(header))
            if grade:
                out.append(Cell(council, day, "ilacs", key, grade, cite))
    for row in inspections_2009_2023(folder):
        council = council_key(str(row.get("Local authority name")))
        cite = f"{FILE_2023}, {row.cite}"
        for prefix, date_header in SIF_DATES.items():
            published = row.get(date_header)
            if not published:
                continue
            what = "sif" if prefix == "First SIF" else "sif-reinspection"
            kind = "standard" if prefix == "First SIF" else "re-inspection"
            out.append(Cell(council, published.isoformat(), what, "kind", kind, cite))
            for header, key in SIF_COLUMNS.items():
                grade = grade_key(row.get(f"{prefix} {header}"))
                if grade:
                    out.append(Cell(council, published.isoformat(), what, key, grade, cite))
            if prefix == "First SIF":
                grade = grade_key(row.get("LSCB Overall Effectiveness"))
                if grade:
                    out.append(
                        Cell(council, published.isoformat(), "lscb", "lscb-review", grade, cite)
                    )
        published = row.get("Targeted Looked After Children (TLAC) inspection publication date")
        grade = grade_key(row.get("TLAC Overall Effectiveness (OE)"))
        if published and grade:
            out.append(
                Cell(
                    council, published.isoformat(), "lac-2013", "overall-effectiveness", grade, cite
                )
            )
    return out
