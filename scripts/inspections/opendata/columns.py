"""The open data's columns: one list (:data:`COLUMNS`) gives the CSV header, the JSON
fields and the column guide page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ATOM = "http://www.w3.org/2005/Atom"
STATIC = Path(__file__).parent.parent / "static"
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
