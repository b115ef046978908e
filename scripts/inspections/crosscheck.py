"""Checks that need more than one data file: does the area exist, is the grade on the
framework's scale, do the dates agree, is every cited source listed?

Run by :func:`inspections.site.load_site` after every file passed its own checks; every
problem is collected, then reported at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from inspections import embargo, held, kitwords, validate
from inspections.load import Document
from inspections.models import Area, DateInfo, Framework, Glossary, Inspection, parse_partial_date
from inspections.problems import Problem, did_you_mean, one_of
from inspections.sitedata import UNKNOWN, Entry, Site, sort_key


def cross_check(site: Site, seeds: Path) -> Iterator[Problem]:
    """Checks that need more than one file. Each yields problems; none stops the others."""
    terms = list(site.glossary.model.terms) if site.glossary else []
    seeds_there = seeds.is_dir()  # asked once, not for every file
    for entry in [*site.areas.values(), *site.inspections.values()]:
        yield from _check_sources(entry, seeds, seeds_there)
    all_entries = [*site.areas.values(), *site.frameworks.values(), *site.inspections.values()]
    if site.glossary:
        all_entries.append(site.glossary)
        yield from _check_glossary(site.glossary)
    for entry in all_entries if site.glossary else []:  # a broken glossary is reported once,
        yield from validate.check_glossary_links(entry.doc, terms)  # not at every link to it
    for entry in site.areas.values():
        yield from validate.check_area_links(entry.doc, entry.model, site.areas)
    for entry in site.inspections.values():
        yield from _check_inspection(site, entry)
    yield from embargo.check(site)
    yield from held.check(site)
    yield from kitwords.check(site)


def _check_sources(entry: Entry, seeds: Path, seeds_there: bool) -> Iterator[Problem]:
    doc, model = entry.doc, entry.model
    keys = list(model.sources)
    fields = validate.doc_fields(doc)
    for loc, value in [*fields.get("source", ()), *fields.get("judgements_source", ())]:
        if loc[0] != "sources":
            if entry.model.__class__ is Area and loc[0] == "contacts":
                continue  # contact sources are web addresses
            if value not in keys:
                hint = did_you_mean(value, keys)
                yield doc.problem(
                    loc,
                    f"The source `{value}` is not listed under `sources:`",
                    hint
                    or (
                        "Add it under `sources:` at the end of the file"
                        + (f", or {one_of(keys).lower()}" if keys else "")
                    ),
                )
    if seeds_there:
        for key, source in model.sources.items():
            if source.seed and not (seeds / source.seed).is_file():
                yield doc.problem(
                    ("sources", key, "seed"),
                    f"There is no source document `{source.seed}` in ../shared/seeds/",
                    did_you_mean(source.seed, [p.name for p in seeds.iterdir()])
                    or "Check the file name",
                )


def _check_glossary(entry: Entry[Glossary]) -> Iterator[Problem]:
    doc, terms = entry.doc, entry.model.terms
    forms: dict[str, str] = {}
    for key, term in terms.items():
        for i, form in enumerate([term.term, *term.also]):
            loc = ("terms", key, "term") if i == 0 else ("terms", key, "also", i - 1)
            folded = form.casefold()
            if folded in forms and forms[folded] != key:
                yield doc.problem(
                    loc,
                    f"`{form}` is already used by the glossary entry `{forms[folded]}`",
                    "Each word or abbreviation may belong to one entry only",
                )
            forms.setdefault(folded, key)
        for i, other in enumerate(term.see):
            if other not in terms:
                yield doc.problem(
                    ("terms", key, "see", i),
                    f"The glossary has no entry `{other}`",
                    did_you_mean(other, terms) or "Check the spelling",
                )


def _check_inspection(site: Site, entry: Entry[Inspection]) -> Iterator[Problem]:
    doc, insp = entry.doc, entry.model
    folder = entry.key.split("/")[0]
    # A broken area or framework file has its own problems reported; don't add knock-on ones.
    if f"area:{insp.area}" in site.broken:
        pass
    elif insp.area not in site.areas:
        hint = did_you_mean(insp.area, site.areas)
        yield doc.problem(
            ("area",),
            f"There is no area `{insp.area}` in data/areas/",
            hint or "Add the area first, or " + one_of(site.areas).lower(),
        )
    elif insp.area != folder:
        yield doc.problem(
            ("area",),
            f"This file is in the folder `{folder}` but says `area: {insp.area}`",
            f"Move the file to data/inspections/{insp.area}/, or fix the area",
        )
    fw_entry = site.frameworks.get(insp.framework)
    if f"framework:{insp.framework}" in site.broken:
        return
    if fw_entry is None:
        yield doc.problem(
            ("framework",),
            f"There is no framework `{insp.framework}`",
            did_you_mean(insp.framework, site.frameworks) or one_of(site.frameworks),
        )
        return
    fw = fw_entry.model
    kind = fw.kinds.get(insp.kind)
    if kind is None:
        yield doc.problem(
            ("kind",),
            f"`{insp.kind}` is not a kind of inspection under {fw.short_name}",
            " ".join(x for x in (did_you_mean(insp.kind, fw.kinds), one_of(fw.kinds)) if x),
        )
        return
    yield from _check_judgements(site, entry, fw_entry, kind.graded)
    yield from _check_dates(doc, insp)
    if insp.previous:
        prev = site.inspections.get(insp.previous)
        if prev is None and f"inspection:{insp.previous}" in site.broken:
            pass
        elif prev is None:
            yield doc.problem(
                ("previous",),
                f"There is no inspection `{insp.previous}`",
                did_you_mean(
                    insp.previous, [k for k in site.inspections if k.startswith(folder + "/")]
                )
                or "Write it as `area/file-name`, e.g. `derby/2017-03-sif`",
            )
        elif sort_key(prev.model) >= sort_key(insp):
            yield doc.problem(
                ("previous",),
                f"`{insp.previous}` is not earlier than this inspection",
                "Name the inspection before this one",
            )
        elif insp.previous.split("/")[0] != folder:
            yield doc.problem(
                ("previous",),
                f"`{insp.previous}` is about another area",
                "Name an earlier inspection of the same area",
            )


def _check_judgements(
    site: Site, entry: Entry[Inspection], fw_entry: Entry[Framework], graded: bool
) -> Iterator[Problem]:
    """Grades only where the kind gives grades, and only this framework's judgements and words.

    Frameworks judge different things on different scales (``adequate`` before 2013,
    ``requires improvement`` after), so a judgement or grade copied from another framework is
    named with the framework it really belongs to: the usual cause is a wrong ``framework:``.
    """
    doc, insp, fw = entry.doc, entry.model, fw_entry.model
    kind_name = fw.kinds[insp.kind].name.official
    yield from _check_framework_in_use(site, entry, fw_entry)
    if not graded:
        if insp.judgements:
            yield doc.problem(
                ("judgements",),
                f"A {kind_name.lower()} gives no grades, so it cannot have judgements",
                "Remove `judgements:` and put what inspectors found under "
                "`going_well:` and `must_improve:`",
                key=True,
            )
        if insp.judgements_source:
            yield doc.problem(
                ("judgements_source",),
                f"A {kind_name.lower()} gives no grades, so there is no source for grades",
                "Remove `judgements_source:`",
                key=True,
            )
        return
    for key, grade in insp.judgements.items():
        if key not in fw.judgements:
            owners = _owners(site, key, lambda f: f.judgements)
            where = f": it is a judgement of {owners}" if owners else ""
            fix = " ".join(
                x
                for x in (
                    did_you_mean(key, fw.judgements),
                    "Check `framework:` is right for this inspection's date." if owners else "",
                    one_of(fw.judgements),
                )
                if x
            )
            yield doc.problem(
                ("judgements", key),
                f"`{key}` is not a judgement under {fw.short_name} ({insp.framework}){where}",
                fix,
                key=True,
            )
            continue
        if grade != UNKNOWN and grade not in fw.grades:
            owners = _owners(site, grade, lambda f: f.grades)
            where = (
                f": `{grade}` is a grade on the scale of {owners}, and grades are never "
                "turned from one scale into another"
                if owners
                else ""
            )
            # `adequate` is a word from an older scale, not a typo of `inadequate`.
            fix = " ".join(
                x
                for x in (
                    "" if owners else did_you_mean(grade, fw.grades),
                    "Write the grade the report gives.",
                    one_of([*fw.grades, UNKNOWN]),
                )
                if x
            )
            yield doc.problem(
                ("judgements", key),
                f"`{grade}` is not a grade on the {fw.short_name} ({insp.framework}) scale{where}",
                fix,
            )
    judged = fw.kinds[insp.kind].judgements
    for key, judgement in fw.judgements.items():
        if judged is not None and key not in judged:
            if key in insp.judgements:
                yield doc.problem(
                    ("judgements", key),
                    f"A {kind_name.lower()} does not judge `{key}`",
                    "Remove this line, or check `kind:`",
                    key=True,
                )
            continue
        if key not in insp.judgements and not judgement.separate:
            yield doc.problem(
                ("judgements",),
                f"The judgement `{key}` ({judgement.official}) is missing",
                f"Add `{key}:` with its grade, or `{key}: unknown` if the sources do not give it",
                key=True,
            )
    if insp.judgements and not insp.judgements_source:
        yield doc.problem(
            ("judgements",),
            "The grades do not say where they come from",
            "Add `judgements_source:` naming a source key",
            key=True,
        )


def _owners(site: Site, name: str, part: Callable[[Framework], dict]) -> str:
    """``"ilacs-2018 and sif-2013"``: the frameworks whose judgements or grades include name."""
    keys = [k for k, f in sorted(site.frameworks.items()) if name in part(f.model)]
    return f"{', '.join(keys[:-1])} and {keys[-1]}" if len(keys) > 1 else "".join(keys)


def _check_framework_in_use(
    site: Site, entry: Entry[Inspection], fw_entry: Entry[Framework]
) -> Iterator[Problem]:
    """An inspection must fall inside the years its framework was used (when both are known).

    Unknown dates use their ``not_before``/``not_after`` range, so a visit whose year is not
    known is only reported when even its widest range misses the framework.
    """
    insp, fw = entry.model, fw_entry.model
    earliest, latest = _date_range(insp.dates.start)
    if earliest is None and latest is None:
        return
    if earliest and latest and earliest > latest:
        return  # the range itself is wrong, and reported on its own
    if _in_use(fw, earliest, latest):
        return
    start = insp.dates.start
    when = (
        f"{'on' if start.value.count('-') == 2 else 'in'} {_words(start.value)}"
        if start.value != UNKNOWN
        else f"between {_words(start.not_before or '')} and {_words(start.not_after or '')}"
    )
    span = f"from {_words(fw.in_use.from_)}" + (
        f" to {_words(fw.in_use.to)}" if fw.in_use.to else ""
    )
    fits = [
        k
        for k, f in sorted(site.frameworks.items())
        if insp.kind in f.model.kinds and _in_use(f.model, earliest, latest)
    ]
    yield entry.doc.problem(
        ("framework",),
        f"This inspection started {when}, but {fw.short_name} ({insp.framework}) was used {span}",
        "Check `framework:` and the start date"
        + (f". For that date, use {' or '.join(f'`{k}`' for k in fits)}" if fits else ""),
    )


def _in_use(fw: Framework, earliest: str | None, latest: str | None) -> bool:
    """Whether the days ``earliest``..``latest`` (either may be open) overlap the framework."""
    used_from = validate.date_bounds(fw.in_use.from_)
    used_to = validate.date_bounds(fw.in_use.to) if fw.in_use.to else None
    too_early = bool(used_from and latest and latest < used_from[0])
    too_late = bool(used_to and earliest and earliest > used_to[1])
    return not (too_early or too_late)


def _date_range(info: DateInfo) -> tuple[str | None, str | None]:
    """Earliest and latest day a start date can be, from its value or its limits."""
    bounds = validate.date_bounds(info.value)
    if bounds:
        return bounds
    low = validate.date_bounds(info.not_before) if info.not_before else None
    high = validate.date_bounds(info.not_after) if info.not_after else None
    return (low[0] if low else None, high[1] if high else None)


def _words(value: str) -> str:
    """``2022-03-21`` as ``21 March 2022``, ``2023-01`` as ``January 2023`` (for messages)."""
    import calendar

    if not value or value == UNKNOWN:
        return "a date not known"
    year, month, day = parse_partial_date(value)
    month_name = calendar.month_name[month] if month else ""
    return " ".join(str(x) for x in (day, month_name, year) if x)


def _check_dates(doc: Document, insp: Inspection) -> Iterator[Problem]:
    order = [
        ("start", insp.dates.start),
        ("end", insp.dates.end),
        ("published", insp.dates.published),
    ]
    known = [(name, validate.date_bounds(d.value), d) for name, d in order]
    for i, (name, bounds, _) in enumerate(known):
        for later_name, later_bounds, _ in known[i + 1 :]:
            if bounds and later_bounds and bounds[0] > later_bounds[1]:
                yield doc.problem(
                    ("dates", later_name),
                    f"The {later_name} date is before the {name} date",
                    "Check both dates: the order is start, end, then published",
                )
    for name, _, info in known:
        # Compare as days: as text, "2023-01" sorts after "2023" though it is inside it.
        if (
            info.not_before
            and info.not_after
            and validate.date_bounds(info.not_before)[0] > validate.date_bounds(info.not_after)[1]
        ):
            yield doc.problem(
                ("dates", name, "not_after"),
                "`not_after` is earlier than `not_before`",
                "Swap them",
            )
    if insp.next_steps and insp.next_steps.action_plan_due:
        pub = validate.date_bounds(insp.dates.published.value)
        if pub and insp.next_steps.action_plan_due < pub[0]:
            yield doc.problem(
                ("next_steps", "action_plan_due"),
                "The action plan is due before the report was published",
                "Check the date",
            )
