"""The facts of one Ofsted report as data, without writing anything: the library entry point.

Why: the command (``python -m inspections import``) writes one draft for a person to finish,
but building the whole country's data needs the same facts for hundreds of reports, as
plain Python values. :func:`read_facts` is that: framework, kind, dates, grades (each with
the words it was read from), areas for improvement in Ofsted's words, the paragraphs, and
every "check this" warning. It needs no area file in ``data/areas/``.

When the report sits in a folder with an ``index.csv`` like ``../shared/ofsted/reports``
(columns ``file``, ``ofsted_url``, ``published``, ``local_authority``), the report's own
address, its publication date and the council's name come from there.

Example::

    frameworks = load_frameworks(Path("."))
    facts = read_facts(Path("../shared/ofsted/reports/rotherham/2018-01-29.pdf"), frameworks)
    facts.framework, facts.kind, facts.judgements["overall-effectiveness"]
    # ('sif-2013', 're-inspection', 'good')
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from inspections.importer import facts, judgements
from inspections.importer.reading import read_report
from inspections.importer.reference import graded_kind, load_reference
from inspections.importer.structure import Paragraph, Structure, parse_lines
from inspections.importer.text import PAGE, clean, normalise
from inspections.models import Framework

LAC_2013 = "looked-after-children-2013"  # the 2013 inspections, when no framework fits
LAC_FRAMEWORK = "tlac-2013"  # data/frameworks/tlac-2013.yaml: their own framework
LAC_KIND = "inspection"  # its one kind
LAC_WARNING = (
    "Check this: a 2013 inspection of looked after children services (Ofsted's statistics call "
    "it a 'Targeted Looked After Children (TLAC) inspection'), drafted under tlac-2013. Only "
    "overall effectiveness is carried over, from the report's 'Record of main findings'; its "
    "other judgements (capacity to improve, outcomes, quality of provision, leadership and "
    "management) have no place in tlac-2013 and are not"
)


@dataclass
class ReportFacts:
    """What one report says about its inspection (see the module docstring)."""

    source: str  # the file name
    family: str | None  # sif, sif-reinspection, lscb-review, lac-2013, ilacs
    framework: str | None  # a key of data/frameworks/, or None
    kind: str | None  # a kind key of that framework
    graded: bool
    dates: dict[str, str | None]  # start, end, published (ISO days) or None
    judgements: dict[str, str]  # judgement key -> grade key, or "unknown"
    judgement_lines: dict[str, str]  # judgement key -> the report's words it was read from
    judgement_page: int  # the page the grades were read from (1 = first)
    areas_for_improvement: list[str]  # Ofsted's words, one item each
    improvements_heading: str | None
    paragraphs: list[Paragraph]
    warnings: list[str] = field(default_factory=list)  # "check this" notes for a person
    ofsted_url: str | None = None  # the report's own address, from index.csv
    council: str | None = None  # the council's name, from index.csv or the title
    text: str = ""  # the text as extracted (for the draft's notes)
    structure: Structure | None = None


def load_frameworks(root: Path) -> dict[str, Framework]:
    """The valid framework files in ``root``/data/frameworks."""
    return load_reference(root)[1]


@cache
def _index(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "index.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle) if row.get("file")}


def index_entry(report: Path) -> dict[str, str] | None:
    """The report's row in an ``index.csv`` in its folder or the folder above, if any."""
    report = report.resolve()
    for folder in (report.parent, report.parent.parent):
        rel = report.relative_to(folder).as_posix()
        row = _index(folder).get(rel)
        if row:
            return row
    return None


def read_facts(report: Path, frameworks: dict[str, Framework]) -> ReportFacts:
    """The facts of the report at ``report`` (PDF or text); raises ImportRefused."""
    return facts_from_text(read_report(report), frameworks, report.name, index_entry(report))


def _choose_ilacs(frameworks: dict[str, Framework], day: str | None) -> str | None:
    keys = sorted(k for k, fw in frameworks.items() if fw.short_name == "ILACS" and fw.judgements)
    in_use = [k for k in keys if facts._in_use(frameworks[k], day)]
    return in_use[-1] if in_use else (keys[-1] if keys else None)


def facts_from_text(
    text: str, frameworks: dict[str, Framework], source: str, entry: dict[str, str] | None = None
) -> ReportFacts:
    """The facts of report text (pages separated by form feeds)."""
    pages = normalise(text).split(PAGE)
    flat = "\n".join(line.strip() for line in "\n".join(pages).split("\n"))
    structure = parse_lines(clean(text))
    dates = facts.find_dates(flat, structure.front)
    warnings: list[str] = []
    fam = judgements.family(flat)
    zone_text, zone_page = judgements.zone(pages)
    framework = kind = None
    graded = bool(zone_text)
    if fam in ("sif", "sif-reinspection", "lscb-review"):
        framework = "sif-2013" if "sif-2013" in frameworks else None
        kind = {"sif": "standard", "sif-reinspection": "re-inspection"}.get(fam, "lscb-review")
    elif fam == "lac-2013":
        framework, kind, graded = LAC_2013, LAC_KIND, True
        if LAC_FRAMEWORK in frameworks:
            framework = LAC_FRAMEWORK
            warnings.append(LAC_WARNING)
        else:
            warnings.append(
                "Check this: a 2013 inspection of services for looked after "
                "children, graded on its own scale (adequate, not requires "
                "improvement); data/frameworks/ has no framework for it, so no "
                "grade is taken"
            )
    elif (fam == "ilacs" or graded) and dates.start:
        framework = _choose_ilacs(frameworks, dates.start)
    elif fam == "ilacs" or graded:
        ilacs = {k: f for k, f in frameworks.items() if f.short_name == "ILACS"}
        ranked = facts.match_frameworks(zone_text, ilacs or frameworks, None)
        framework = ranked[0].key if ranked else None
        warnings.append(
            "Check this: no inspection dates found, so the framework was chosen "
            "by the judgements in the table, not by the dates"
        )
    visits = [] if graded else facts.find_kind(flat, frameworks, dates.start)
    if visits:
        framework, kind = visits[0]
        graded = False
    found = judgements.Grades()
    fw = frameworks.get(framework or "")
    if fw is not None and fam == "lac-2013":
        zone_text, zone_page = judgements.main_findings(pages)
        found = judgements.read_grades(zone_text, fw)
    elif fw is not None and graded and framework != LAC_2013:
        found = judgements.read_grades(zone_text, fw, pages[zone_page - 1], flat)
        if kind is None:
            kind, note = _ilacs_kind(flat, fw, dates)
            if note:
                warnings.append(f"Check this: kind `{kind}`: {note}")
        warnings += found.warnings
        _check_other_frameworks(zone_text, fw, frameworks, found, warnings)
    grades: dict[str, str] = {}
    if fw is not None and graded:
        wanted = [
            k
            for k, j in fw.judgements.items()
            if not j.separate or k in found.judgements or kind == "lscb-review"
        ]
        if kind == "lscb-review":
            wanted = [k for k, j in fw.judgements.items() if j.separate]
        for key in wanted:
            grades[key] = found.judgements.get(key, "unknown")
            if grades[key] == "unknown" and not any(
                fw.judgements[key].official in w for w in found.warnings
            ):
                seen = _line_seen(zone_text, fw.judgements[key].official)
                warnings.append(
                    f"Check this: no grade for `{key}` "
                    f"({fw.judgements[key].official}) on page {zone_page or 1}"
                    + (
                        f'; the line there reads "{seen}"'
                        if seen
                        else "; the judgement is not named there"
                    )
                    + "; left `unknown`"
                )
    elif graded and framework is None:
        warnings.append(
            "Check this: the report has grades but its framework was not "
            "recognised from its title and dates"
        )
    published = dates.published
    if entry and entry.get("published"):
        if published and published != entry["published"]:
            warnings.append(
                f"Check this: the report says it was published {published}; "
                f"index.csv says {entry['published']} (index.csv used)"
            )
        published = entry["published"]
    return ReportFacts(
        source=source,
        family=fam,
        framework=framework,
        kind=kind,
        graded=graded,
        dates={"start": dates.start, "end": dates.end, "published": published},
        judgements=grades,
        judgement_lines=found.lines,
        judgement_page=zone_page,
        areas_for_improvement=list(structure.improvements),
        improvements_heading=structure.improvements_heading,
        paragraphs=structure.paragraphs,
        warnings=warnings + list(structure.warnings),
        ofsted_url=(entry or {}).get("ofsted_url") or None,
        council=(entry or {}).get("local_authority") or None,
        text=text,
        structure=structure,
    )


def _line_seen(zone_text: str, official: str) -> str | None:
    """The zone's line that starts like the judgement's name, to quote in a warning."""
    head = facts.words(official)[:3]
    for line in zone_text.split("\n"):
        if head and facts.words(line)[: len(head)] == head:
            return " ".join(line.split())
    return None


def _ilacs_kind(text: str, fw: Framework, dates: facts.Dates) -> tuple[str, str | None]:
    return graded_kind(text, fw, dates)


def _check_other_frameworks(
    zone_text: str,
    fw: Framework,
    frameworks: dict[str, Framework],
    found: judgements.Grades,
    warnings: list[str],
) -> None:
    """Warn when the table names a judgement the chosen framework does not have."""
    own = {" ".join(facts.words(j.official)) for j in fw.judgements.values()}
    flat = " ".join(facts.words(zone_text))
    for key, other in frameworks.items():
        if other.short_name != fw.short_name or other is fw:
            continue
        for j in other.judgements.values():
            name = " ".join(facts.words(j.official))
            if (
                name not in own
                and re.search(rf"\b{name}\b(?! and care leavers)", flat)
                and not any(name in o for o in own)
            ):
                warnings.append(
                    f'Check this: the judgement table names "{j.official}", '
                    f"which {key} has and {fw.short_name} by these dates does not"
                )
                return


def _read_one(args: tuple[Path, dict[str, Framework]]) -> ReportFacts | str:
    from inspections.importer import ImportRefused

    path, frameworks = args
    try:
        found = read_facts(path, frameworks)
    except ImportRefused as exc:
        return str(exc)
    found.text, found.structure = "", None  # light to send between processes
    return found


def read_folder(
    folder: Path, frameworks: dict[str, Framework], workers: int = 2
) -> dict[str, ReportFacts | str]:
    """Facts for every report listed in ``folder``/index.csv (its ``file`` column), read in
    ``workers`` processes; a report that cannot be read gives its refusal message instead.

    Keys are the ``file`` values (``rotherham/2018-01-29.pdf``). ``text`` and ``structure``
    are left empty to keep the result small; ``paragraphs`` are kept.
    """
    files = list(_index(folder.resolve()))
    jobs = [(folder / name, frameworks) for name in files]
    if workers <= 1:
        return dict(zip(files, map(_read_one, jobs), strict=True))
    from concurrent.futures import ProcessPoolExecutor

    from inspections.importer.text import _words

    _words()  # the word list, loaded once before the worker processes are forked
    with ProcessPoolExecutor(workers) as pool:
        return dict(zip(files, pool.map(_read_one, jobs, chunksize=8), strict=True))
