"""Ofsted's statistics as records: one per council, one per inspection or visit.

The sheets are read with :mod:`inspections.ofsted_statistics` (values) and
:mod:`inspections.ofsted_links` (column A's links). Every record says which release and sheet
row it comes from. Grades become the framework's own keys: the 2009-2013 inspections'
"Requires improvement to be good" is read as "adequate", and the record says so.

Example (with ``../shared`` beside the project)::

    stats = read_statistics(Path("../shared/ofsted/statistics"))
    stats.areas["derby"].ons_code         # 'E06000015'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from inspections.models import REGIONS
from inspections.ofsted_links import column_a_links
from inspections.ofsted_statistics import FILE_2023, FILE_2025, StatRow, read_tables

S2025, S2023 = "ofsted-statistics-2025", "ofsted-statistics-2023"
SOURCES = {
    S2025: {
        "url": "https://www.gov.uk/government/statistics/local-authority-inspection-outcomes-"
        "as-at-31-march-2025",
        "title": "Ofsted: Local authority inspection outcomes as at 31 March 2025 (official "
        "statistics)",
        "date": "2025-09-25",
    },
    S2023: {
        "url": "https://www.gov.uk/government/statistics/childrens-social-care-data-in-england-"
        "2023",
        "title": "Ofsted: Children's social care data in England 2023 (official statistics)",
        "date": "2023-07-06",
    },
}
GRADES = {
    "outstanding": "outstanding",
    "good": "good",
    "inadequate": "inadequate",
    "requires improvement to be good": "requires-improvement",
}
OLD_SCALE = ("slac-2009", "cpi-2012", "tlac-2013")  # frameworks whose third grade was adequate
READ_ACROSS = (
    'Ofsted\'s statistics write this grade as "requires improvement to be good". '
    "Ofsted began to use those words in November 2013, after this inspection. "
    'Inspections of this kind used "adequate", so we show adequate.'
)
KINDS = {"E06": "unitary", "E08": "metropolitan-borough", "E09": "london-borough", "E10": "county"}
TYPES_2023 = {
    "unitary": "unitary",
    "metropolitan district": "metropolitan-borough",
    "london borough": "london-borough",
    "shire county": "county",
}
SPECIAL_SLUGS = {"city of london": "london-corporation", "bedford borough": "bedford"}
# Councils in the 2023 table of councils that existed before a restructure.
OLD_SLUGS = {"dorset": "dorset-county"}


class StatisticsUnreadable(Exception):
    """A statistics file is missing or not the table we expect; the message says why."""


@dataclass
class AreaRecord:
    """What the statistics say about one council."""

    slug: str
    ofsted_name: str
    region: str
    ons_code: str | None = None
    ofsted_page: str | None = None
    kind: str | None = None
    sources: set[str] = field(default_factory=set)
    no_longer_exists: str | None = None  # where the statistics say so


@dataclass
class Record:
    """One inspection or visit, as the statistics give it."""

    area: str
    framework: str
    kind: str
    start: str | None
    published: str | None
    source: str
    ref: str
    judgements: dict[str, str] = field(default_factory=dict)
    inferred: str | None = None
    theme: str | None = None


@dataclass
class Statistics:
    areas: dict[str, AreaRecord] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)
    latest: dict[str, Record] = field(default_factory=dict)  # Inspections_as_at_31_March


def slug_of(name: str, table: int = 1) -> str:
    """The area slug (the report folder's name) for a council's name in the statistics.

    >>> slug_of("Bournemouth, Christchurch & Poole"), slug_of("Kingston Upon Hull")
    ('bournemouth-christchurch-and-poole', 'kingston-upon-hull')
    """
    key = " ".join(name.lower().split())
    if table == 2 and key in OLD_SLUGS:
        return OLD_SLUGS[key]
    if key in SPECIAL_SLUGS:
        return SPECIAL_SLUGS[key]
    return re.sub(r"[^a-z0-9]+", "-", key.replace("&", " and ")).strip("-")


def region_of(text: str) -> str:
    for region in REGIONS:
        if region.lower() == " ".join(text.lower().split()):
            return region
    raise StatisticsUnreadable(f"`{text}` is not one of Ofsted's regions")


def iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def grade(value: object, framework: str) -> tuple[str, bool]:
    """The framework's grade key for a table word, and whether it was read across."""
    word = " ".join(str(value or "").lower().split()).strip(" -")
    if not word:
        return "unknown", False
    key = GRADES.get(word)
    if key is None:
        raise StatisticsUnreadable(f"`{value}` is not a grade we know")
    if key == "requires-improvement" and framework in OLD_SCALE:
        return "adequate", True
    return key, False


def ilacs_framework(start: str | None, published: str | None) -> str:
    day = start or published or ""
    if day < "2023-01-01":
        return "ilacs-2018"
    return "ilacs-2023" if day < "2026-04-01" else "ilacs-2026"


ILACS_COLUMNS = {
    "overall-effectiveness": "Overall effectiveness",
    "leaders": "The impact of leaders on social work practice with children and families",
    "help-and-protection": "The experiences and progress of children who need help and protection",
    "children-in-care": "The experiences and progress of children in care",
    "care-leavers": "The experiences and progress of care leavers",
}
VISITS = {"ilacs focused visit": "focused-visit", "la monitoring visit": "monitoring-visit"}
ILACS_KINDS = {"ilacs standard inspection": "standard", "ilacs short inspection": "short"}


def ilacs_grades(row: StatRow, framework: str) -> dict[str, str]:
    grades = {k: grade(row.get(col), framework)[0] for k, col in ILACS_COLUMNS.items()}
    if framework == "ilacs-2018":
        grades["children-in-care-and-care-leavers"] = grades.pop("children-in-care")
        grades.pop("care-leavers")
    return grades


def _table(path: Path, sheet: str) -> list[StatRow]:
    try:
        tables = read_tables(path, sheet)
    except FileNotFoundError:
        raise StatisticsUnreadable(f"{path}: there is no such file") from None
    except Exception as exc:  # calamine's own errors: not a spreadsheet, no such sheet
        raise StatisticsUnreadable(f"{path}: could not read the sheet `{sheet}` ({exc})") from None
    rows = [r for t in tables for r in t.rows]
    if not rows:
        raise StatisticsUnreadable(
            f"{path}: the sheet `{sheet}` has no table starting with a `Web link` column"
        )
    return rows


def _need(row: StatRow, header: str) -> object:
    value = row.get(header)
    if value is None:
        raise StatisticsUnreadable(f"{row.cite}: the column `{header}` is empty or missing")
    return value


def read_statistics(folder: Path) -> Statistics:
    """Every council and every inspection or visit in the two releases."""
    for name in (FILE_2025, FILE_2023):
        if not (folder / name).is_file():
            raise StatisticsUnreadable(f"{folder / name}: there is no such file")
    stats = Statistics()
    _read_2025(folder / FILE_2025, stats)
    _read_2023(folder / FILE_2023, stats)
    return stats


def _area(
    stats: Statistics, row: StatRow, link: str | None, source: str, table: int = 1
) -> AreaRecord:
    name = str(_need(row, "Local authority name"))
    slug = slug_of(name, table)
    region = row.get("Ofsted region") or row.get("Region") or row.get("LA region")
    area = stats.areas.get(slug)
    if area is None:
        area = stats.areas[slug] = AreaRecord(slug, name, region_of(str(region)))
    code = row.get("Local authority area code")
    if code and not area.ons_code:
        area.ons_code = str(code)
        area.kind = KINDS.get(str(code)[:3])
    if link and "/provider/44/" in link and not area.ofsted_page:
        area.ofsted_page = link.replace("http://", "https://")
    area.sources.add(source)
    return area


def _read_2025(path: Path, stats: Statistics) -> None:
    sheet = "Inspections_as_at_31_March"
    links = _links(path, sheet)
    for row in _table(path, sheet):
        area = _area(stats, row, links.get(row.row), S2025)
        start, published = iso(row.get("Inspection date")), iso(row.get("Publication date"))
        fw = ilacs_framework(start, published)
        stats.latest[area.slug] = Record(
            area.slug, fw, "", start, published, S2025, row.cite, ilacs_grades(row, fw)
        )
    sheet = "ILACS_inspection_history"
    links = _links(path, sheet)
    for row in _table(path, sheet):
        area = _area(stats, row, links.get(row.row), S2025)
        if str(row.get("Local authority status") or "").lower() == "no longer exists":
            area.no_longer_exists = f"sheet {sheet}, column Local authority status"
        kind = ILACS_KINDS.get(str(_need(row, "Inspection type")).lower())
        if kind is None:
            raise StatisticsUnreadable(
                f"{row.cite}: `{row.get('Inspection type')}` is not an inspection type we know"
            )
        start, published = iso(row.get("Inspection date")), iso(row.get("Publication date"))
        fw = ilacs_framework(start, published)
        stats.records.append(
            Record(area.slug, fw, kind, start, published, S2025, row.cite, ilacs_grades(row, fw))
        )
    sheet = "In-year_inspections"
    links = _links(path, sheet)
    for row in _table(path, sheet):
        area = _area(stats, row, links.get(row.row), S2025)
        _visit(stats, row, area, "Inspection/Visit type", S2025)


def _visit(
    stats: Statistics, row: StatRow, area: AreaRecord, type_column: str, source: str
) -> None:
    kind = VISITS.get(str(_need(row, type_column)).lower())
    if kind is None:
        return  # graded inspections come from the ILACS history
    start = iso(row.get("Inspection/Visit date"))
    published = iso(row.get("Publication date"))
    theme = row.get("Visit Theme")
    stats.records.append(
        Record(
            area.slug,
            ilacs_framework(start, published),
            kind,
            start,
            published,
            source,
            row.cite,
            theme=str(theme) if theme else None,
        )
    )


# The 2009-2023 table: (framework, kind, publication date column, {judgement: column}).
OLD = [
    (
        "slac-2009",
        "standard",
        "Safeguarding & Looked After Children (SLAC) Inspection publication date",
        {
            "safeguarding": "SLAC Safeguarding Overall effectiveness (OE)",
            "looked-after-children": "SLAC Looked After Children Overall Effectiveness (OE)",
        },
    ),
    (
        "slac-2009",
        "re-inspection-safeguarding",
        "SLAC re-inspection of Safeguarding publication date",
        {"safeguarding": "SLAC re-inspection Safeguarding OE"},
    ),
    (
        "slac-2009",
        "re-inspection-looked-after-children",
        "SLAC re-inspection of services for Children Looked After publication date",
        {"looked-after-children": "SLAC re-inspection of services Children Looked After OE"},
    ),
    (
        "cpi-2012",
        "inspection",
        "Child Protection Inspections (CPI) publication date",
        {"overall-effectiveness": "CPI Overall Effectiveness (OE)"},
    ),
    (
        "cpi-2012",
        "re-inspection",
        "Child Protection Re-Inspection (CPRI) publication date",
        {"overall-effectiveness": "CPRI Overall Effectiveness (OE)"},
    ),
    (
        "tlac-2013",
        "inspection",
        "Targeted Looked After Children (TLAC) inspection publication date",
        {"overall-effectiveness": "TLAC Overall Effectiveness (OE)"},
    ),
    (
        "sif-2013",
        "standard",
        "Single Inspection of LA Children's Services (SIF) First SIF publication date",
        {
            "overall-effectiveness": "First SIF Overall Judgement (OE)",
            "help-and-protection": "First SIF children who need help and protection",
            "children-looked-after": "First SIF children looked after and achieving permanence",
            "adoption": "First SIF CLA Sub: Adoption Performance",
            "care-leavers": "First SIF CLA Sub: Experiences and progress of care leavers",
            "leadership": "First SIF leadership, management and governance",
            "lscb-review": "LSCB Overall Effectiveness",
        },
    ),
    (
        "sif-2013",
        "re-inspection",
        "Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date",
        {
            "overall-effectiveness": "SIF Re-inspection Overall Judgement (OE)",
            "help-and-protection": "SIF Re-inspection children who need help and protection",
            "children-looked-after": "SIF Re-inspection children looked after and achieving "
            "permanence",
            "adoption": "SIF Re-inspection CLA Sub: Adoption Performance",
            "care-leavers": "SIF Re-inspection CLA Sub: Experiences and progress of care leavers",
            "leadership": "SIF Re-inspection leadership, management and governance",
        },
    ),
]


def _read_2023(path: Path, stats: Statistics) -> None:
    sheet = "LA_inspections_2009-2023"
    for row in _table(path, sheet):
        area = _area(stats, row, None, S2023, row.table)
        if row.table == 2:
            area.no_longer_exists = (
                f"sheet {sheet}, table 11 (councils that existed before the restructure)"
            )
        kind_2023 = TYPES_2023.get(str(row.get("LA Authority Type") or "").lower())
        if area.kind is None:
            area.kind = kind_2023
        for framework, kind, date_column, columns in OLD:
            published = iso(row.get(date_column))
            if published is None:
                continue
            grades, read_across = {}, False
            for key, column in columns.items():
                grades[key], across = grade(row.get(column), framework)
                read_across = read_across or across
            stats.records.append(
                Record(
                    area.slug,
                    framework,
                    kind,
                    None,
                    published,
                    S2023,
                    row.cite,
                    grades,
                    inferred=READ_ACROSS if read_across else None,
                )
            )
    sheet = "LA_level_in_year_2022-23"
    for row in _table(path, sheet):
        name = str(_need(row, "Local authority name"))
        area = stats.areas.get(slug_of(name)) or _area(stats, row, None, S2023)
        area.sources.add(S2023)
        _visit(stats, row, area, "Inspection/Visit type", S2023)


def _links(path: Path, sheet: str) -> dict[int, str]:
    from inspections.ofsted_links import LinksUnreadable

    try:
        return column_a_links(path, sheet)
    except LinksUnreadable as exc:
        raise StatisticsUnreadable(str(exc)) from None
