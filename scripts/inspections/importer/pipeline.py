"""Import one report: read it, find its facts, write the draft, and say what was found.

:func:`import_report` is what ``python -m inspections import`` runs. It never overwrites a
file, and returns the lines to print: what was found, and what was not, with the line of the
draft where to add it.

Example (in the project folder)::

    result = import_report(Path("../shared/seeds/002_ac570c76320a66fd.txt"), Path("."))
    result.path   # data/inspections/derby/draft-ilacs.yaml (no dates in that text)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from inspections.importer import ImportRefused, facts
from inspections.importer.draft import DraftFacts, render
from inspections.importer.reading import read_report
from inspections.importer.reference import load_reference
from inspections.importer.structure import Structure, parse_lines
from inspections.importer.text import PAGE, clean, normalise
from inspections.load import load_text
from inspections.validate import check_placeholders


@dataclass
class ImportResult:
    """What was written, and the report for the person running the import."""

    path: Path
    text: str
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    structure: Structure | None = None


def draft_report(
    text: str,
    root: Path,
    source_name: str,
    seed: str | None = None,
    area: str | None = None,
    entry: dict[str, str] | None = None,
) -> tuple[DraftFacts, list[str], list[str]]:
    """The facts for a draft from report text, with what was found and what was missing."""
    areas, frameworks = load_reference(root)
    lines = clean(text)
    # Facts are read from every line, page headers included: the title is often repeated as
    # a page header, which cleaning removes from the structure.
    flat = "\n".join(line.strip() for line in normalise(text).replace(PAGE, "\n").split("\n"))
    structure = parse_lines(lines)
    found: list[str] = []
    missing: list[str] = []

    # Area
    if area:
        if area not in areas:
            match = facts.find_area(flat, areas)
            close = facts.difflib.get_close_matches(area, list(areas), n=5, cutoff=0.4)
            hint = ", ".join(close or match.closest or list(areas)[:10])
            raise ImportRefused(
                f"There is no area `{area}` in data/areas/. "
                f"Closest: {hint or 'none'}. Add the area's file first, or "
                "give one of those with --area"
            )
        area_slug = area
        found.append(f"Area: {area} (given with --area)")
    elif entry and entry.get("file") and "/" in entry["file"]:
        area_slug = entry["file"].split("/")[0]
        if area_slug not in areas:
            name = " ".join(
                w if w in ("and", "of", "the", "upon", "on") else w.capitalize()
                for w in (entry.get("local_authority") or area_slug).split()
            )
            raise ImportRefused(
                f"{entry['file']} is a report on {name}, which has no file in "
                f"data/areas/. Add data/areas/{area_slug}.yaml first (copy "
                "data/areas/derby.yaml and change its name, council, kind and "
                "region), then import again; or give --area"
            )
        found.append(f"Area: {area_slug} (the report's folder in index.csv)")
    else:
        match = facts.find_area(flat, areas)
        if match.slug is None:
            named = f" It names {match.named}." if match.named else ""
            close = ", ".join(match.closest) if match.closest else "none"
            raise ImportRefused(
                f"Could not tell which area in data/areas/ this report is about."
                f"{named} Closest areas: {close}. Run again with --area SLUG "
                "(the area's file name), or, if the council has no file yet, "
                "add data/areas/<slug>.yaml first (copy data/areas/derby.yaml "
                "and change its name, council, kind and region)"
            )
        area_slug = match.slug
        found.append(f"Area: {area_slug} ({match.how}; use --area to choose another)")
    area_name = areas[area_slug].name

    # Framework, kind, dates and grades: the same reading as the library's read_facts.
    from inspections.importer.extract import LAC_2013, facts_from_text

    report = facts_from_text(text, frameworks, source_name, entry)
    dates = facts.find_dates(flat, structure.front)
    dates.published = report.dates["published"] or dates.published
    if entry and entry.get("published"):
        dates.where["published"] = "index.csv beside the report"
    notes: list[str] = list(report.warnings)
    kind_note = None
    if report.framework == LAC_2013:  # only when data/frameworks/ has no tlac-2013
        raise ImportRefused(
            f"{source_name}: this is a 2013 inspection of services for looked "
            "after children, graded on its own scale (adequate, not requires "
            "improvement). data/frameworks/ has no framework for it, so it "
            "cannot be drafted: add data/frameworks/tlac-2013.yaml first"
        )
    if report.framework not in frameworks:
        raise ImportRefused(
            f"{source_name}: found no judgements or grades from any framework "
            "in data/frameworks/, and it is not a focused or monitoring "
            "visit letter. Check it is an Ofsted report on a council's "
            "children's services"
        )
    fw_key, fw, graded, kind = (
        report.framework,
        frameworks[report.framework],
        report.graded,
        report.kind,
    )
    grades = dict(report.judgements)
    if kind not in fw.kinds:
        notes.append(
            f"Check this: `{kind}` is not a kind in {fw_key}; add it to the framework "
            "file or choose one of: " + ", ".join(fw.kinds)
        )
    if not graded:
        found.append(
            f"Kind: {fw.kinds[kind].name.official.lower()} under {fw.short_name} "
            f"({fw_key}): a letter with no grades, so no judgements are written"
        )
    else:
        found.append(
            f"Framework: {fw_key} ({fw.short_name}), chosen by the report's title and "
            f"inspection dates; grades read from page {report.judgement_page}"
        )
        for key, grade in grades.items():
            if grade == "unknown":
                missing.append(f"No grade found for `{key}` ({fw.judgements[key].official})")
            else:
                found.append(f'Judgement: {key}: {grade} ("{report.judgement_lines.get(key, "")}")')
        kind_notes = [w for w in notes if w.startswith("Check this: kind")]
        if kind_notes:
            kind_note = kind_notes[0].split(": ", 2)[-1]
            notes.remove(kind_notes[0])
    date_notes = {
        "start": "the first day inspectors were on site (YYYY-MM-DD)",
        "end": "the last day inspectors were on site (YYYY-MM-DD)",
        "published": "the day Ofsted published the report (YYYY-MM-DD), from Ofsted's website",
    }
    if dates.letter:
        date_notes["published"] = (
            f"the day Ofsted published the letter (YYYY-MM-DD); the letter is dated {dates.letter}"
        )
    for name in ("start", "end", "published"):
        value = getattr(dates, name)
        if value:
            found.append(f"Date {name}: {value} (from {dates.where[name]})")
    n_par = len([p for p in structure.paragraphs if p.number is not None])
    inferred = [p.number for p in structure.paragraphs if p.inferred]
    found.append(
        f"Structure: {len(structure.sections)} sections, {n_par} "
        f"{'numbered' if structure.numbered else 'counted'} paragraphs"
        + (f" ({len(inferred)} numbers inferred)" if inferred else "")
    )
    if structure.improvements:
        found.append(
            f"Areas for improvement: {len(structure.improvements)} "
            f"(under '{structure.improvements_heading}')"
        )
    elif graded:
        missing.append("No areas for improvement found (no 'What needs to improve?' list)")
    draft = DraftFacts(
        area=area_slug,
        area_name=area_name,
        framework=fw_key,
        framework_short=fw.short_name,
        kind=kind,
        kind_note=kind_note,
        graded=graded,
        kind_name=fw.kinds[kind].name.official if kind in fw.kinds else kind,
        judgements=grades,
        ofsted_url=report.ofsted_url,
        improvements=report.areas_for_improvement,
        judgement_names={k: j.official for k, j in fw.judgements.items()},
        dates={"start": dates.start, "end": dates.end, "published": dates.published},
        date_notes=date_notes,
        source_name=source_name,
        seed=seed,
        structure=structure,
        notes=notes,
    )
    return draft, found, missing


def target_path(root: Path, draft: DraftFacts) -> Path:
    """data/inspections/<area>/<YYYY-MM>-<framework or kind>.yaml (``draft-...`` undated):
    ``2025-05-ilacs``, ``2014-02-sif``, ``2013-07-slac``, ``2015-06-lscb-review``."""
    what = re.sub(r"[^a-z0-9]+", "-", draft.framework_short.lower()).strip("-")
    if len(what) > 12:  # a long short name ("Safeguarding and looked after ..."): the key
        what = re.sub(r"-\d{4}$", "", draft.framework)
    if not draft.graded or draft.kind == "lscb-review":
        what = draft.kind
    when = draft.dates["start"][:7] if draft.dates["start"] else "draft"
    return root / "data" / "inspections" / draft.area / f"{when}-{what}.yaml"


def import_report(
    report: Path,
    root: Path,
    area: str | None = None,
    out: Path | None = None,
    seeds: Path | None = None,
) -> ImportResult:
    """Import ``report`` into a new draft file under ``root``; never overwrites."""
    root = Path(root)
    seeds = seeds if seeds is not None else root.resolve().parent / "shared" / "seeds"
    text = read_report(report)
    seed = None
    try:
        folder = report.resolve().parent
        # A source document: in ../shared/seeds/ beside the project (or any shared/seeds).
        if folder == seeds.resolve() or (folder.name, folder.parent.name) == ("seeds", "shared"):
            seed = report.name
    except OSError:
        seed = None
    from inspections.importer.extract import index_entry

    draft, found, missing = draft_report(text, root, report.name, seed, area, index_entry(report))
    path = out or target_path(root, draft)
    yaml_text = render(draft)
    shown = _shown(path, root)
    doc = load_text(yaml_text, shown)  # the draft must always be valid YAML
    for name in ("start", "end", "published"):
        if not draft.dates[name]:
            line = doc.where(("dates", name, "text"))[0]
            label = "publication date" if name == "published" else f"inspection {name} date"
            missing.append(f"No {label} found: add it at line {line}")
    if not draft.graded:
        found.append("No grades: this kind of visit is not graded")
    for key, grade in draft.judgements.items():
        if grade == "unknown":
            line = doc.where(("judgements", key))[0]
            missing.append(f"Grade for `{key}` not found: add it at line {line}")
    missing = [m for m in missing if not m.startswith("No grade found")]
    if path.exists():
        raise ImportRefused(
            f"{shown} already exists, and import never overwrites a file. "
            "Move or rename it, or give another file name with --out"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(yaml_text)
    except FileExistsError:
        raise ImportRefused(
            f"{shown} already exists, and import never overwrites a file. "
            "Give another file name with --out"
        ) from None
    except OSError as exc:
        raise ImportRefused(f"{shown}: could not write the draft ({exc.strerror})") from None
    placeholders = [str(p) for p in check_placeholders(doc)]
    return ImportResult(path, yaml_text, found, missing, placeholders, draft.structure)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
