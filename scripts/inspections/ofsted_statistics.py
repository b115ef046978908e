"""Read Ofsted's official statistics (the .ods releases in ``../shared/ofsted/statistics``).

Why a module of its own: the importer's corpus test checks reports against these tables, and
the national data is built from them, so both read them the same way. Spreadsheets are read
with python-calamine (fast, no LibreOffice needed). Nothing is cached between calls.

A sheet may hold several tables, each starting at a header row whose first cell is
``Web link``; every data row becomes a :class:`StatRow` keeping its sheet row number, so a
fact can cite the sheet and row it came from. Dates become ``datetime.date``; grades stay in
Ofsted's table words ("Requires improvement to be good"); empty cells are left out.

API::

    read_tables(path, sheet) -> list[Table]           # any sheet, every table in it
    ilacs_history(folder) -> list[StatRow]            # 2025 release, ILACS_inspection_history
    inspections_2009_2023(folder) -> list[StatRow]    # 2023 release, LA_inspections_2009-2023
    RELEASES: dict[file name, release page to cite]

Example (with ``../shared`` beside the project)::

    rows = ilacs_history(Path("../shared/ofsted/statistics"))
    rows[0].values["Inspection type"]      # 'ILACS Standard Inspection'
    rows[0].cite                           # 'sheet ILACS_inspection_history, row 4'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

FILE_2025 = "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
FILE_2023 = "Childrens_social_care_in_England_2023_underlying_data.ods"
RELEASES = {
    FILE_2025: "https://www.gov.uk/government/statistics/"
    "local-authority-inspection-outcomes-as-at-31-march-2025",
    FILE_2023: "https://www.gov.uk/government/statistics/childrens-social-care-data-in-england-2023",
}
SHEET_ILACS = "ILACS_inspection_history"
SHEET_2009_2023 = "LA_inspections_2009-2023"


@dataclass(frozen=True)
class StatRow:
    """One data row: its header -> cell value (str or date), and where it was read."""

    sheet: str
    row: int  # the spreadsheet's own row number (1 = the first row)
    table: int  # 1 for the sheet's first table, 2 for the next...
    values: dict[str, object] = field(default_factory=dict)

    @property
    def cite(self) -> str:
        return f"sheet {self.sheet}, row {self.row}"

    def get(self, header: str) -> object | None:
        """The cell under ``header`` (spaces and line breaks in headers ignored), or None."""
        want = " ".join(header.split()).lower()
        for key, value in self.values.items():
            if " ".join(key.split()).lower() == want:
                return value
        return None


@dataclass(frozen=True)
class Table:
    sheet: str
    headers: list[str]
    rows: list[StatRow]


def _cell(value: object) -> object | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    if value is None or value == "":
        return None
    return value


def read_tables(path: Path, sheet: str) -> list[Table]:
    """Every table in ``sheet`` of the spreadsheet at ``path``."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    tables: list[Table] = []
    headers: list[str] | None = None
    for number, raw in enumerate(rows, 1):
        first = raw[0] if raw else ""
        if isinstance(first, str) and first.strip().lower() == "web link":
            headers = [" ".join(str(h).split()) for h in raw]
            tables.append(Table(sheet, headers, []))
            continue
        if headers is None or not any(c not in ("", None) for c in raw):
            if headers is not None and tables[-1].rows:
                headers = None  # a blank row ends a table
            continue
        values = {
            h: v for h, c in zip(headers, raw, strict=False) if h and (v := _cell(c)) is not None
        }
        tables[-1].rows.append(StatRow(sheet, number, len(tables), values))
    return tables


def ilacs_history(folder: Path) -> list[StatRow]:
    """Every short and standard ILACS inspection since 2018 (the 2025 release)."""
    return [r for t in read_tables(folder / FILE_2025, SHEET_ILACS) for r in t.rows]


def inspections_2009_2023(folder: Path) -> list[StatRow]:
    """Each council's inspections 2009-2023, one row a council (the 2023 release).

    Table 2 of the sheet holds councils that no longer exist (before restructures).
    """
    return [r for t in read_tables(folder / FILE_2023, SHEET_2009_2023) for r in t.rows]
