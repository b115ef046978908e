"""Build or update every area and inspection file from Ofsted's statistics and reports.

One pass: read the statistics, join each council's records to its reports, then for each
planned file either write it (new), update its facts (made by refresh) or fill its gaps
(written by a person). Files are written only when something changed, so a second run with
the same inputs changes nothing. :class:`Log` says what was added, changed and not decided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from inspections.refresh import merge
from inspections.refresh.plan import (
    WINDOW_DAYS,
    Planned,
    join_lscb_review,
    match_reports,
    month_words,
    plan,
)
from inspections.refresh.reports import Reader, ReportFile, read_index
from inspections.refresh.statistics import S2023, S2025, SOURCES, AreaRecord, read_statistics
from inspections.refresh.yamlfiles import MARKER, dump, is_generated, plain, read, to_yaml

INSPECTION_HEADER = [
    "yaml-language-server: $schema=../../schema/inspection.schema.json",
    f"{MARKER} from Ofsted's statistics and reports.",
    "Refresh updates the facts here; summaries and findings people add are kept. To take the",
    "facts over by hand, delete these lines: refresh then only fills gaps.",
]
AREA_HEADER = [
    "yaml-language-server: $schema=../schema/area.schema.json",
    f"{MARKER} from Ofsted's statistics.",
    "Refresh updates the facts here; contacts and other facts people add are kept.",
]
AREA_SOURCE_TITLES = {
    S2025: "; sheets Inspections_as_at_31_March and ILACS_inspection_history: the name, ONS "
    "code, Ofsted region and reports page; the kind of council follows from the ONS "
    "code",
    S2023: "; sheet LA_inspections_2009-2023: the name, region and kind of council",
}
# Councils that no longer exist: what Ofsted's reports say replaced them.
ENDED = {
    "northamptonshire": (
        "2021-04-01",
        ["north-northamptonshire", "west-northamptonshire"],
        "north-northamptonshire",
        "2022-11-25",
        "the paragraph that says the two unitary authorities came into being on 1 April 2021",
        None,
    ),
    "cumbria": (
        "2023-04-01",
        ["cumberland", "westmorland-and-furness"],
        "cumberland",
        "2024-11-26",
        "the paragraph that says the two unitary authorities came into being on 1 April 2023",
        None,
    ),
    "dorset-county": (
        "2019",
        ["dorset"],
        "dorset",
        "2021-11-19",
        "the paragraph on the local "
        "government reorganisation in 2019 and the creation of Dorset unitary "
        "authority",
        None,
    ),
    "bournemouth": (
        "2019",
        ["bournemouth-christchurch-and-poole"],
        None,
        None,
        None,
        "Ofsted's statistics say Bournemouth no longer exists, but not when or "
        "what took over. Ofsted's 2021 report on Dorset speaks of the local "
        "government reorganisation in 2019. Bournemouth, Christchurch and Poole "
        "is the council Ofsted inspects there now. So we read it as replaced by "
        "that council in 2019.",
    ),
    "poole": (
        "2019",
        ["bournemouth-christchurch-and-poole"],
        None,
        None,
        None,
        "Ofsted's statistics list Poole among councils that existed before a "
        "restructure, but not when or what took over. Ofsted's 2021 report on Dorset "
        "speaks of the local government reorganisation in 2019. Bournemouth, "
        "Christchurch and Poole is the council Ofsted inspects there now. So we read "
        "it as replaced by that council in 2019.",
    ),
}


@dataclass
class Log:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    undecided: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"Added {x}" for x in self.added] + [f"Changed {x}" for x in self.changed]
        out += [f"Could not decide: {x}" for x in self.undecided]
        out.append(
            f"{len(self.added)} files added, {len(self.changed)} changed, "
            f"{len(self.undecided)} things left for a person to decide."
        )
        return out


def refresh(
    root: Path,
    statistics: Path,
    reports: Path,
    only: set[str] | None = None,
    read_pdfs: bool = True,
) -> Log:
    """Bring ``root/data`` up to date; raises StatisticsUnreadable before writing anything."""
    stats = read_statistics(statistics)
    index = read_index(reports) if (reports / "index.csv").is_file() else {}
    frameworks = _frameworks(root)
    log = Log()
    slugs = sorted(s for s in stats.areas if only is None or s in only)
    for slug in slugs:
        _write_area(root, stats.areas[slug], index, log)
    with Reader(root) as reader:
        for slug in slugs:
            _refresh_area(
                root,
                slug,
                stats,
                index.get(slug, []),
                frameworks,
                reader if read_pdfs else None,
                log,
            )
    return log


def _frameworks(root: Path) -> dict:
    from inspections.load import load_file
    from inspections.validate import check_model

    found = {}
    for path in sorted((root / "data" / "frameworks").glob("*.yaml")):
        model, _ = check_model(load_file(path), "framework")
        if model is not None:
            found[path.stem] = model
    return found


def everyday_name(area: AreaRecord) -> str:
    if area.slug == "dorset-county":
        return "Dorset (before 2019)"
    return area.ofsted_name.replace(" & ", " and ")


def area_want(area: AreaRecord, index: dict[str, list[ReportFile]]) -> dict:
    want: dict = {"name": everyday_name(area), "ofsted_name": area.ofsted_name}
    for key in ("ons_code", "ofsted_page", "kind"):
        if getattr(area, key):
            want[key] = getattr(area, key)
    want["region"] = area.region
    sources = {
        k: {
            **SOURCES[k],
            "title": SOURCES[k]["title"].removesuffix(")") + AREA_SOURCE_TITLES[k] + ")",
        }
        for k in (S2025, S2023)
        if k in area.sources
    }
    if area.slug in ENDED:
        date, replaced, by, published, ref, inferred = ENDED[area.slug]
        ended: dict = {"date": date, "replaced_by": replaced}
        report = next((r for r in index.get(by or "", []) if r.published == published), None)
        if report is not None:
            key = f"ofsted-report-{by}-{published[:4]}"
            sources[key] = {
                "url": report.ofsted_url,
                "title": f"Ofsted's report on "
                f"{report.name.title()}'s children's services, published "
                f"{month_words(published)}",
                "date": published,
            }
            ended.update(source=key, ref=ref)
        else:
            key = S2025 if area.no_longer_exists and "ILACS" in area.no_longer_exists else S2023
            ended.update(source=key, ref=area.no_longer_exists or "")
        if inferred:
            ended["inferred"] = inferred
        want["ended"] = ended
    want["sources"] = sources
    return want


def _write_area(root: Path, area: AreaRecord, index: dict, log: Log) -> None:
    path = root / "data" / "areas" / f"{area.slug}.yaml"
    want = area_want(area, index)
    shown = f"data/areas/{area.slug}.yaml"
    if not path.exists():
        path.write_text(dump(to_yaml(want), AREA_HEADER), encoding="utf-8")
        log.added.append(shown)
        return
    data = read(path)
    changed, undecided = merge.merge_area(data, want, is_generated(path))
    log.undecided += [f"{shown}: {x}" for x in undecided]
    if changed:
        path.write_text(dump(data), encoding="utf-8")
        log.changed.append(f"{shown}: {', '.join(changed)}")


@dataclass
class Existing:
    key: str
    path: Path
    data: object
    generated: bool


def _existing(root: Path, slug: str) -> list[Existing]:
    folder = root / "data" / "inspections" / slug
    return (
        [
            Existing(f"{slug}/{p.stem}", p, read(p), is_generated(p))
            for p in sorted(folder.glob("*.yaml"))
        ]
        if folder.is_dir()
        else []
    )


def _refresh_area(
    root: Path,
    slug: str,
    stats,
    reports: list[ReportFile],
    frameworks: dict,
    reader: Reader | None,
    log: Log,
) -> None:
    area = stats.areas[slug]
    name = everyday_name(area)
    page = area.ofsted_page or "https://reports.ofsted.gov.uk/"
    records = [r for r in stats.records if r.area == slug]
    matched, left = match_reports(records, reports)
    planned: list[Planned] = []
    for i, rec in enumerate(records):
        report = matched.get(i)
        facts, why = reader.facts(report, name) if reader and report else (None, "")
        if report and facts is None and reader:
            log.undecided.append(
                f"{report.path.name} of {slug}: read from the statistics "
                f"only, as the report could not be read: {why}"
            )
        p = plan(rec, report, facts, frameworks, page, name)
        if p is not None:
            planned.append(p)
    for report in left:
        facts, why = reader.facts(report, name) if reader else (None, "reports not read")
        if join_lscb_review(planned, report, facts, frameworks.get("sif-2013"), name):
            continue
        p = plan(None, report, facts, frameworks, page, name)
        if p is None:
            log.undecided.append(
                f"{slug}/{report.published}.pdf ({report.ofsted_url}): not "
                "in the statistics, and we could not tell what kind of "
                f"inspection it is{': ' + why if why else ''}"
            )
        else:
            planned.append(p)
    existing = _existing(root, slug)
    keys = _assign(planned, existing)
    _set_previous(planned, keys, existing, frameworks)
    folder = root / "data" / "inspections" / slug
    for p, key in zip(planned, keys, strict=True):
        _write_inspection(folder, key, p, existing, log)


def _assign(planned: list[Planned], existing: list[Existing]) -> list[str]:
    """Each planned file's key: the existing file it matches, or a new free name."""
    taken = {e.key for e in existing}
    used: set[str] = set()
    keys = []
    for p in planned:
        match = next((e.key for e in existing if e.key not in used and _same(p, e.data)), None)
        if match is None:
            base = f"{p.area}/{p.name}"
            match, n = base, 2
            while match in taken or match in used:
                match, n = f"{base}-{n}", n + 1
        used.add(match)
        keys.append(match)
    return keys


def _family(framework: str) -> str:
    return "ilacs" if framework.startswith("ilacs") else framework


def _same(p: Planned, data) -> bool:
    if (
        _family(plain(data.get("framework")) or "") != _family(p.framework)
        or plain(data.get("kind")) != p.kind
    ):
        return False
    dates = plain(data.get("dates")) or {}
    for name, mine in (("start", p.start), ("published", p.published)):
        theirs = dates.get(name)
        info = theirs if isinstance(theirs, dict) else {"value": theirs}
        value = info.get("value")
        if mine and value and value != "unknown" and len(value) == 10:
            if abs(_ord(value) - _ord(mine)) <= (14 if name == "start" else WINDOW_DAYS):
                return True
        elif mine and name == "start" and info.get("not_before") and info.get("not_after"):
            if str(info["not_before"]) <= mine[: len(str(info["not_before"]))] and mine[
                : len(str(info["not_after"]))
            ] <= str(info["not_after"]):
                return True
    return False


def _ord(day: str) -> int:
    return dt.date.fromisoformat(day).toordinal()


def _set_previous(
    planned: list[Planned], keys: list[str], existing: list[Existing], frameworks: dict
) -> None:
    """``previous``: the graded inspection before each graded one, across all the files."""
    when: dict[str, str] = {}
    for e in existing:
        d = plain(e.data.get("dates")) or {}
        fw, kind = plain(e.data.get("framework")), plain(e.data.get("kind"))
        if fw in frameworks and kind in frameworks[fw].kinds and frameworks[fw].kinds[kind].graded:
            when[e.key] = _day(d.get("start")) or _day(d.get("published")) or ""
    for p, key in zip(planned, keys, strict=True):
        if frameworks[p.framework].kinds[p.kind].graded:
            when[key] = p.start or p.published or ""
    order = sorted((d, k) for k, d in when.items() if d)
    before = {}
    for day, key in order:
        earlier = [k for d, k in order if d < day]
        if earlier:
            before[key] = earlier[-1]
    for p, key in zip(planned, keys, strict=True):
        if key in before:
            p.data["previous"] = before[key]


def _day(info) -> str | None:
    value = info.get("value") if isinstance(info, dict) else info
    return (
        value
        if value and value != "unknown"
        else (info.get("not_before") if isinstance(info, dict) else None)
    )


def _write_inspection(
    folder: Path, key: str, p: Planned, existing: list[Existing], log: Log
) -> None:
    shown = f"data/inspections/{key}.yaml"
    want = _ordered(p)
    found = next((e for e in existing if e.key == key), None)
    if found is None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{key.split('/')[1]}.yaml").write_text(
            dump(to_yaml(want), INSPECTION_HEADER), encoding="utf-8"
        )
        log.added.append(shown)
        log.undecided += [f"{shown}: {x}" for x in p.undecided]
        return
    log.undecided += [f"{shown}: {x}" for x in p.undecided]
    if found.generated:
        changed, undecided = merge.merge_generated(found.data, want, p.notes), []
    else:
        changed, undecided = merge.merge_person(
            found.data, {**want, "_names": p.data.get("_names", {})}, shown
        )
    log.undecided += undecided
    if changed:
        found.path.write_text(dump(found.data), encoding="utf-8")
        log.changed.append(f"{shown}: {', '.join(changed)}")


def _ordered(p: Planned) -> dict:
    data = dict(p.data)
    if p.notes:
        data["notes"] = " ".join(p.notes)
    return {k: data[k] for k in merge.ORDER if k in data}
