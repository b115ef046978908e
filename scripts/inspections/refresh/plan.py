"""What each inspection file should say: the statistics' record joined to its report.

A record and a report are the same inspection when they are about the same council and were
published within :data:`WINDOW_DAYS` of each other (the closest wins; a report is used once).
Where both give a fact, the report wins and the file's notes say what the statistics gave.
Reports with no record (for example those published after 31 March 2025) become inspections
from the report alone, when the importer can tell what they are.

Example::

    >>> month_words("2022-09-21")
    '21 September 2022'
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from inspections.refresh.reports import ReportFacts, ReportFile
from inspections.refresh.statistics import SOURCES, Record, ilacs_framework

WINDOW_DAYS = 60
LONGEST_ITEM = 600  # characters: longer "areas for improvement" are paragraphs read by mistake
REPORT = "ofsted-report"
GRADES_REF = {  # where a report gives its grades (the importer reads them there)
    None: "the judgements at the start of the report",
    "tlac-2013": "the 'Record of main findings' at the end of the report",
}
LSCB_REVIEW = "ofsted-lscb-review"  # a board review published apart from its inspection
GRADED = (
    "standard",
    "short",
    "inspection",
    "re-inspection",
    "re-inspection-safeguarding",
    "re-inspection-looked-after-children",
)
SUFFIX = {
    ("sif-2013", "standard"): "sif",
    ("sif-2013", "re-inspection"): "sif-re-inspection",
    ("slac-2009", "standard"): "slac",
    ("slac-2009", "re-inspection-safeguarding"): "slac-re-inspection-safeguarding",
    ("slac-2009", "re-inspection-looked-after-children"): "slac-re-inspection-looked-after",
    ("cpi-2012", "inspection"): "cpi",
    ("cpi-2012", "re-inspection"): "cpi-re-inspection",
    ("tlac-2013", "inspection"): "tlac",
}


@dataclass
class Planned:
    """One inspection file's facts, ready to write or to merge into an existing file."""

    area: str
    framework: str
    kind: str
    start: str | None
    end: str | None
    published: str | None
    data: dict  # the file's fields, in order
    notes: list[str] = field(default_factory=list)  # sentences for `notes:`
    undecided: list[str] = field(default_factory=list)  # for the person running refresh

    @property
    def name(self) -> str:
        """The file name's stem: start month (or publication month) and kind or framework."""
        day = self.start or self.published or "unknown"
        return f"{day[:7]}-{suffix(self.framework, self.kind)}"


def suffix(framework: str, kind: str) -> str:
    if framework.startswith("ilacs"):
        return "ilacs" if kind in ("standard", "short") else kind
    return SUFFIX.get((framework, kind), f"{framework}-{kind}")


def month_words(day: str) -> str:
    year, month, *rest = day.split("-")
    words = f"{calendar.month_name[int(month)]} {year}"
    return f"{int(rest[0])} {words}" if rest else words


def match_reports(
    records: list[Record], reports: list[ReportFile]
) -> tuple[dict[int, ReportFile], list[ReportFile]]:
    """Each graded record's report (by the record's index), and the reports left over."""
    free = list(reports)
    matched: dict[int, ReportFile] = {}
    pairs = []
    for i, rec in enumerate(records):
        if rec.kind not in GRADED or not rec.published:
            continue
        for rep in free:
            gap = abs(_days(rec.published) - _days(rep.published))
            if gap <= WINDOW_DAYS:
                pairs.append((gap, i, rep))
    used: set[str] = set()
    for _gap, i, rep in sorted(pairs, key=lambda p: (p[0], p[1], p[2].published)):
        if i not in matched and rep.published + rep.ofsted_url not in used:
            matched[i] = rep
            used.add(rep.published + rep.ofsted_url)
    left = [r for r in free if r.published + r.ofsted_url not in used]
    return matched, left


def _days(day: str) -> int:
    return dt.date.fromisoformat(day).toordinal()


def plan(
    rec: Record | None,
    report: ReportFile | None,
    facts: ReportFacts | None,
    frameworks: dict,
    page: str,
    area_name: str,
) -> Planned | None:
    """The planned file for a record and/or a report; None if a report alone says too little."""
    undecided: list[str] = []
    if rec is None:
        assert report is not None
        if facts is None or not facts.framework or not facts.kind:
            return None
        framework, kind = facts.framework, facts.kind
        if framework.startswith("ilacs"):
            framework = ilacs_framework(facts.start, report.published)
        fw = frameworks.get(framework)
        if fw is None or kind not in fw.kinds:
            return None
        rec = Record(
            report.area,
            framework,
            kind,
            None,
            report.published,
            REPORT,
            "the date Ofsted's reports website gives for the report",
        )
    fw = frameworks[rec.framework]
    notes: list[str] = []
    sources: dict[str, dict] = {}
    if rec.source != REPORT:
        sources[rec.source] = dict(SOURCES[rec.source])
    if report is not None:
        sources[REPORT] = {
            "url": report.ofsted_url,
            "title": f"Ofsted's report on "
            f"{area_name}'s children's services, published "
            f"{month_words(report.published)}",
            "date": report.published,
        }
    start, end = rec.start, None
    start_source = None
    if facts is not None and facts.start and not _plausible(facts, report, rec):
        undecided.append(
            f"the report's dates ({facts.start} to {facts.end}) do not fit its "
            f"publication on {rec.published or report.published}, so they are "
            "not used; check the report"
        )
        facts.start = facts.end = None
    if facts is not None and facts.start:
        if rec.start and facts.start != rec.start:
            notes.append(
                f"Ofsted's statistics give the inspection date as "
                f"{month_words(rec.start)}. The report says inspectors started on "
                f"{month_words(facts.start)}. We use the report's date."
            )
        start, start_source = facts.start, REPORT
        end = facts.end
    published = rec.published or (report.published if report else None)
    dates: dict = {
        "start": _start(start, start_source, published),
        "end": _end(end, start, published, start_source),
        "published": published or "unknown",
        "source": rec.source,
        "ref": rec.ref,
    }
    data: dict = {"area": rec.area, "framework": rec.framework, "kind": rec.kind}
    if rec.theme:
        data["theme"] = rec.theme
    data["dates"] = dates
    if report is not None:
        data["report"] = {
            "url": report.ofsted_url,
            "title": f"Ofsted's report on {area_name} (PDF)",
        }
    else:
        data["report"] = {
            "url": page,
            "title": f"Ofsted's page for {area_name}, with its reports and letters",
        }
        if rec.kind not in GRADED:
            data["report"]["note"] = "Ofsted's letter about this visit is listed there"
    graded = fw.kinds[rec.kind].graded
    if graded:
        grades, source, ref = _grades(rec, facts, fw, notes, undecided)
        data["judgements"] = grades
        data["judgements_source"] = source
        data["judgements_ref"] = ref
        data["_names"] = {k: j.official for k, j in fw.judgements.items()}
        if rec.inferred and any(g == "adequate" for g in grades.values()):
            data["judgements_inferred"] = rec.inferred
    if facts is not None and any(len(t) > LONGEST_ITEM for t in facts.improvements):
        undecided.append(
            "the areas for improvement the importer found do not look like a "
            f"list (an item is over {LONGEST_ITEM} characters), so they are left out"
        )
        facts.improvements = []
    if facts is not None and facts.improvements and graded:
        heading = facts.improvements_heading or "What needs to improve"
        data["areas_for_improvement"] = [
            {"text": text, "source": REPORT, "ref": f"the list under '{heading}'"}
            for text in facts.improvements
        ]
    data["sources"] = sources
    return Planned(rec.area, rec.framework, rec.kind, start, end, published, data, notes, undecided)


def _plausible(facts: ReportFacts, report: ReportFile | None, rec: Record) -> bool:
    """Dates on site end before publication, within nine months, and last at most 8 weeks."""
    published = rec.published or (report.published if report else None)
    try:
        start = _days(facts.start or "")
        end = _days(facts.end) if facts.end else start
    except ValueError:
        return False
    if published and not (0 <= _days(published) - end <= 270):
        return False
    return 0 <= end - start <= 56


def _start(start: str | None, source: str | None, published: str | None) -> object:
    if start:
        return {"value": start, "source": source} if source else start
    info: dict = {"value": "unknown"}
    if published:
        info["not_after"] = published
    return info


def _end(end: str | None, start: str | None, published: str | None, source: str | None) -> object:
    if end:
        return {"value": end, "source": source} if source else end
    info: dict = {"value": "unknown"}
    if start:
        info["not_before"] = start
    if published:
        info["not_after"] = published
    return info


def join_lscb_review(
    planned: list[Planned], report: ReportFile, facts: ReportFacts | None, fw, area_name: str
) -> bool:
    """A review of the Local Safeguarding Children Board that Ofsted published on its own
    (Surrey's, two months after its 2015 inspection), joined to the last SIF inspection before
    it that has the board's grade: the review becomes one of its sources, and a note says what
    the review found. The review's grade fills an unknown one; one that differs from the
    statistics is left for a person, as with other older reports. False when no inspection fits.
    """
    if facts is None or facts.kind != "lscb-review" or fw is None:
        return False
    fits = [
        p
        for p in planned
        if p.framework == "sif-2013"
        and "lscb-review" in p.data.get("judgements", {})
        and (p.published or "") <= report.published
    ]
    if not fits:
        return False
    into = max(fits, key=lambda p: p.published or "")
    into.data["sources"][LSCB_REVIEW] = {
        "url": report.ofsted_url,
        "title": f"Ofsted's review of the Local Safeguarding Children Board in {area_name}, "
        f"published {month_words(report.published)}",
        "date": report.published,
    }
    when = (
        f" from {month_words(facts.start)} to {month_words(facts.end)}"
        if facts.start and facts.end
        else ""
    )
    note = (
        f"Ofsted reviewed the [Local Safeguarding Children Board](glossary:lscb) on its own{when}. "
        f"It published that review on {month_words(report.published)} (see the sources below)."
    )
    found, given = facts.judgements.get("lscb-review"), into.data["judgements"]["lscb-review"]
    if found in fw.grades and given == found:
        note += (
            f' The review gives the board "{fw.grades[found].official}", as Ofsted\'s '
            "statistics do."
        )
    elif found in fw.grades and given == "unknown":
        into.data["judgements"]["lscb-review"] = found
        note += f' The review gives the board "{fw.grades[found].official}", the grade we show.'
    elif found in fw.grades:
        into.undecided.append(
            f'`lscb-review`: the importer read "{fw.grades[found].official}" in the review '
            f'({report.ofsted_url}), the statistics give "{fw.grades[given].official}". Kept '
            "the statistics' grade: check the review"
        )
    into.notes.append(note)
    return True


def _grades(
    rec: Record, facts: ReportFacts | None, fw, notes: list[str], undecided: list[str]
) -> tuple[dict[str, str], str, str]:
    """The grades, with the report winning where it gives one; notes say what differed.

    The importer reads ILACS reports' judgement tables reliably, but in older reports it can
    read the previous inspection's grades (quoted in the report's background section). So an
    older report's grade that differs from the statistics is not used: a person decides.
    """
    wanted = [
        k
        for k, j in fw.judgements.items()
        if (fw.kinds[rec.kind].judgements is None or k in fw.kinds[rec.kind].judgements)
    ]
    grades = {
        k: rec.judgements.get(k, "unknown")
        for k in wanted
        if k in rec.judgements or not fw.judgements[k].separate
    }
    if facts is None or not facts.judgements:
        return grades, rec.source, rec.ref
    from_report = {k: g for k, g in facts.judgements.items() if k in wanted and g in fw.grades}
    for key, word in list(from_report.items()):
        before = grades.get(key, "unknown")
        if before not in ("unknown", word) and not rec.framework.startswith("ilacs"):
            undecided.append(
                f'`{key}`: the importer read "{fw.grades[word].official}" in '
                f'the report, the statistics give "{fw.grades[before].official}'
                "\". Kept the statistics' grade: check the report"
            )
            del from_report[key]
            continue
        if before not in ("unknown", word):
            notes.append(
                f'For "{fw.judgements[key].official}", Ofsted\'s statistics give '
                f'"{fw.grades[before].official}" but the report gives '
                f'"{fw.grades[word].official}". The report is the first source, '
                "so we show the report's grade."
            )
        grades[key] = word
    if rec.source == REPORT or all(k in from_report for k, g in grades.items() if g != "unknown"):
        return grades, REPORT, GRADES_REF.get(rec.framework, GRADES_REF[None])
    return grades, rec.source, rec.ref
