"""Write a draft inspection file: the facts found, and placeholders for everything else.

The draft is YAML text written line by line (not dumped by a library) so it can carry
comments: Ofsted's own words for each area for improvement, what was inferred and why, and
the report's structure (headings and numbered paragraphs) to cite in ``ref:`` fields.
Every plain-language field is ``"Still to write: ..."``, which ``validate`` refuses with its
line number, so a draft cannot be published by accident.

Example::

    >>> print(quote('He said "no"'))
    "He said \\"no\\""
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field

from inspections.importer.structure import Structure
from inspections.models import PLACEHOLDER

SOURCE = "ofsted-report"  # the source key for Ofsted's report (the shared data contract)


def quote(text: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def todo(what: str) -> str:
    return quote(f"{PLACEHOLDER}: {what}")


def comment(text: str, indent: int = 0, width: int = 96) -> list[str]:
    """``text`` as YAML comment lines."""
    pad = " " * indent
    lines = textwrap.wrap(" ".join(text.split()), width - indent - 2, subsequent_indent="  ") or [
        ""
    ]
    return [f"{pad}# {line}".rstrip() for line in lines]


@dataclass
class DraftFacts:
    """Everything the draft says, found or not."""

    area: str
    area_name: str
    framework: str
    framework_short: str
    kind: str
    kind_note: str | None
    graded: bool
    kind_name: str
    dates: dict[str, str | None]  # start, end, published (ISO) or None
    date_notes: dict[str, str]  # what to write when a date is missing
    judgements: dict[str, str]  # key -> grade key or "unknown"
    judgement_names: dict[str, str]  # key -> official name (for comments)
    source_name: str
    seed: str | None
    structure: Structure
    notes: list[str] = field(default_factory=list)
    ofsted_url: str | None = None  # the report's own address (from index.csv)
    improvements: list[str] = field(default_factory=list)  # Ofsted's words, one item each


def _date(name: str, facts: DraftFacts) -> list[str]:
    value = facts.dates.get(name)
    if value:
        return [f"  {name}: {value}"]
    return [f"  {name}:", "    value: unknown", f"    text: {todo(facts.date_notes[name])}"]


def render(facts: DraftFacts) -> str:
    """The draft file's text."""
    s = facts.structure
    out = [
        "# yaml-language-server: $schema=../../schema/inspection.schema.json",
        f"# DRAFT imported from {facts.source_name} by `python -m inspections import`.",
        '# Replace every "Still to write" before publishing: `make validate` lists them by line.',
        f"area: {facts.area}",
        f"framework: {facts.framework}",
        f"kind: {facts.kind}",
    ]
    if facts.kind_note:
        out[-1] += "  # check this: " + facts.kind_note
    if not facts.graded:
        out += [
            "topic:",
            f"  young_people: {todo('what the visit looked at, for young people')}",
            f"  families: {todo('what the visit looked at, for families')}",
        ]
    url = facts.ofsted_url or "https://reports.ofsted.gov.uk/"
    out += [
        "dates:",
        *_date("start", facts),
        *_date("end", facts),
        *_date("published", facts),
        f"  source: {SOURCE}",
        "report:",
        f"  url: {url}",
        f"  title: {todo(f'the link text, e.g. Ofsted full report on {facts.area_name}')}",
    ]
    if facts.graded:
        out.append("judgements:")
        for key, grade in facts.judgements.items():
            line = f"  {key}: {grade}"
            if grade == "unknown":
                line += "  # not found in the report: write the grade, or leave `unknown`"
            out.append(line)
        out += [
            f"judgements_source: {SOURCE}",
            "judgements_ref: the table of judgements at the start of the report",
        ]
    out += [
        "summary:",
        f"  young_people: {todo('what inspectors found, in short sentences for young people')}",
        f"  families: {todo('what inspectors found, in a few plain sentences for families')}",
    ]
    improvements = facts.improvements or s.improvements
    heading = quote(s.improvements_heading or "What needs to improve?")
    if improvements:
        out.append("areas_for_improvement:")
        for item in improvements:
            out += [f"  - text: {quote(item)}", f"    source: {SOURCE}", f"    ref: {heading}"]
        out.append("must_improve:")
        for n, item in enumerate(improvements, 1):
            out += comment(f"Ofsted's words ({s.improvements_heading}, point {n}): {item}", 2)
            families = todo(f"area for improvement {n} in plain words for families")
            out += [
                f"  - families: {families}",
                f"    young_people: {todo(f'area for improvement {n} for young people')}",
                f"    source: {SOURCE}",
                f"    ref: {heading}",
            ]
    else:
        out.append("must_improve: []  # the report lists no areas for improvement we could find")
    out.append("going_well: []  # add what inspectors found going well, citing paragraphs")
    out += ["sources:", f"  {SOURCE}:"]
    if facts.seed:
        out.append(f"    seed: {facts.seed}")
        out.append(f"    title: {quote(f'Ofsted report on {facts.area_name} (imported)')}")
    elif facts.ofsted_url:
        out.append(f"    url: {facts.ofsted_url}")
        out.append(f"    title: {quote(f'Ofsted report on {facts.area_name}')}")
    else:
        out.append("    url: https://reports.ofsted.gov.uk/")
        what = "the title and full address of the report (files.ofsted.gov.uk/...)"
        out.append(f"    title: {todo(what)}")
    for note in facts.notes:
        out += comment(note)
    out += _structure_comments(s)
    return "\n".join(out) + "\n"


def _structure_comments(s: Structure) -> list[str]:
    out = ["", "# The report's structure, to cite in `ref:` fields."]
    if s.numbered:
        out.append(
            "# Numbers marked (inferred) were lost in the PDF and counted from the "
            "ones around them."
        )
    elif s.paragraphs:
        out.append(
            "# This report does not number its paragraphs: the numbers below are our "
            "count, from the first paragraph."
        )
    for section in s.sections:
        out += comment(f"## {section.heading}")
        for p in section.paragraphs:
            first = " ".join(p.text.split()[:8])
            flag = " (inferred)" if p.inferred else ""
            out += comment(f"- {p.ref}{flag}: {first} ...")
    for warning in s.warnings:
        out += comment(f"Note: {warning}")
    return out
