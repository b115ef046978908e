"""The text of a new inspection file: every field, with "Still to write" where a person must
fill in and a note on what goes where (``python -m inspections new`` writes it).

Example::

    >>> _q('Say "hi"')
    '"Say \\\\"hi\\\\""'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from inspections.models import PLACEHOLDER

TODO = PLACEHOLDER + ": "


@dataclass
class FrameworkInfo:
    """What ``new`` needs to know about one framework file."""

    key: str
    family: str  # "ilacs" for ilacs-2018: the kind of framework, without its year
    short_name: str
    in_use: tuple[str, str]  # first and last day, ISO
    kinds: dict[str, dict[str, Any]]
    judgements: dict[str, dict[str, Any]]
    grades: list[str]

    def graded_kinds(self) -> list[str]:
        return [k for k, v in self.kinds.items() if v.get("graded")]


def _q(text: str) -> str:
    """A double-quoted YAML text."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _todo(what: str) -> str:
    return _q(TODO + what)


def _long_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%B %Y')}"


def template(
    *, area: str, area_name: str, fw: FrameworkInfo, kind: str, start: str, previous: str | None
) -> str:
    """The text of a new inspection file (see the module docstring)."""
    info = fw.kinds[kind]
    graded = bool(info.get("graded"))
    kind_name = str((info.get("name") or {}).get("official") or kind)
    others = [k for k in fw.kinds if k != kind]
    what = "inspection" if graded else "visit"
    lines = [
        "# yaml-language-server: $schema=../../schema/inspection.schema.json",
        f"# {area_name}: {fw.short_name} {kind_name.lower()}, starting {_long_date(start)}.",
        "# Made by `python -m inspections new`. Replace every text that starts with",
        f'# "{PLACEHOLDER}" with the real words, then run `make validate`: it lists every',
        "# place still to fill in, with its line number. Lines starting with # are notes for",
        "# you: they never appear on the site, and you can delete them when you are done.",
        "#",
        "# Longer text: replace the quotes with | and write the text on the next lines,",
        "# indented by two more spaces, like this:",
        "#   families: |",
        "#     Ofsted judged the council's children's services good overall.",
        "",
        "# Filled in for you: check them.",
        f"area: {area}",
        f"framework: {fw.key}  # the framework in use on the start date (data/frameworks/)",
        f"kind: {kind}" + (f"  # or: {', '.join(others)}" if others else ""),
    ]
    if not graded:
        lines += [
            "",
            f"# What the {what} looked at, in a few words for each audience.",
            "topic:",
            f"  young_people: {_todo(f'what the {what} looked at, for young people')}",
            f"  families: {_todo(f'what the {what} looked at, for families')}",
        ]
    lines += [
        "",
        "# Dates as YYYY-MM-DD (or YYYY-MM if only the month is known).",
        "dates:",
        f"  start: {start}",
        f"  end: {_todo('the last day inspectors were on site, as YYYY-MM-DD')}",
        f"  published: {_todo('the day Ofsted published the report, as YYYY-MM-DD')}",
        "  source: report  # the document under `sources:` (at the end) that gives the dates",
        "  ref:  # optional: where in it, e.g. the first page",
        "",
        "# The link to Ofsted's full report.",
        "report:",
        f"  url: {_todo('the address of the report, starting https://')}",
        "  title: " + _q(f"Ofsted's full report on {area_name}"),
        "  note:  # optional: anything readers should know about the link",
        "",
        "# The last graded inspection before this one (folder/file name), or leave empty.",
        f"previous: {previous or ''}",
        "",
        "# Optional, for publication day: the site leaves this inspection out until Ofsted",
        "# publishes the report. UK time, e.g. 2027-01-14 09:30 (the guide's Publishing day page).",
        "embargo_until:",
    ]
    if graded:
        judgements = [(k, v) for k, v in fw.judgements.items() if not v.get("separate")]
        separate = [(k, v) for k, v in fw.judgements.items() if v.get("separate")]
        scale = ", ".join([*fw.grades, "unknown"])
        lines += ["", "# The grades, each one of: " + scale + ".", "judgements:"]
        for key, j in judgements:
            plain = str(j.get("official") or key)  # data text may hold Markdown links
            lines.append(f"  {key}: {_todo('the grade for ' + plain)}")
        for key, j in separate:
            lines.append(f"  # {key}:  # only if the report gives {j.get('official', key)}")
        lines += [
            "judgements_source: report",
            "judgements_ref:  # optional: where the grades are, e.g. the table on page 1",
        ]
    else:
        lines += ["", f"# A {kind_name.lower()} gives no grades, so there is no `judgements:`."]
    lines += [
        "",
        "# What inspectors found, in a few sentences for each audience.",
        "# young_people: short sentences and everyday words. Link hard words to the glossary,",
        "# like [IRO](glossary:independent-reviewing-officer). families: fuller plain English.",
        "summary:",
        f"  young_people: {_todo('the summary for young people')}",
        f"  families: {_todo('the summary for families')}",
        "",
        "# One item for each thing going well. To add one, copy the four lines starting with -",
        "going_well:",
        f"  - families: {_todo('something going well, for families')}",
        f"    young_people: {_todo('the same for young people (or delete this line)')}",
        "    source: report",
        f"    ref: {_todo('the paragraph it comes from, e.g. paragraph 3')}",
        "",
        "# One item for each thing that must get better, the same way.",
        "must_improve:",
        f"  - families: {_todo('something that must get better, for families')}",
        f"    young_people: {_todo('the same for young people (or delete this line)')}",
        "    source: report",
        f"    ref: {_todo('the paragraph it comes from, e.g. paragraph 12')}",
        "",
        "# What happens next.",
        "next_steps:",
        f"  families: {_todo('what happens next, for families')}",
        f"  young_people: {_todo('what happens next, for young people')}",
        "  action_plan_due:  # optional: when the council must send its plan, YYYY-MM-DD",
        "  source: report",
        "  ref:  # optional",
        "",
        "# How inspectors found things out.",
        "how_inspected:",
        f"  families: {_todo('how inspectors found things out, for families')}",
        f"  young_people: {_todo('how inspectors found things out, for young people')}",
        "  days_on_site:  # optional: a number, e.g. 5",
        "  inspectors:  # optional: how many inspectors",
        "  cases:  # optional: how many children's cases they looked at",
        "  source: report",
        "  ref:  # optional",
        "",
        "# Optional: anything not known or worked out, and why.",
        "notes:",
        "",
        "# Every document the facts come from. Each `source:` above names one of these.",
        "sources:",
        "  report:",
        "    title: " + _q(f"Ofsted's report on {area_name}'s children's services"),
        f"    url: {_todo('the address of the report, starting https://')}",
    ]
    return "\n".join(lines) + "\n"
