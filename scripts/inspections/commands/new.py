"""Start a new inspection file, with every field and a note on what goes where.

Example:

  python -m inspections new --area derby --kind ilacs --start 2025-06-09

writes data/inspections/derby/2025-06-ilacs.yaml. Every place you must fill in says
"Still to write", and `make validate` lists each one with its line number until it is replaced,
so an unfinished file can never be published. An existing file is never overwritten.

--kind is either a kind of framework or a kind of inspection or visit:

  ilacs, sif         a graded inspection under the framework of that kind in use on the start
                     date (for ILACS: a standard inspection; the file says how to change it to a
                     short one)
  focused-visit,     that kind of inspection or visit, under the framework in use on the start
  monitoring-visit,  date
  standard, short

The framework is the file in data/frameworks/ whose `in_use` dates include the start date.
Use --framework ilacs-2018 (a file name) to choose it yourself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspections.load import load_file
from inspections.models import PLACEHOLDER
from inspections.problems import DataError, did_you_mean
from inspections.validate import date_bounds

TODO = PLACEHOLDER + ": "


class NewFileError(Exception):
    """Something the person asked for cannot be done; the message says what to do instead."""


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


# ---------------------------------------------------------------------------- arguments


def _start_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"`{value}` is not a date we can read: write the first day inspectors were on site "
            "as YYYY-MM-DD, for example 2025-06-09"
        ) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--area", required=True, help="the area's file name in data/areas/, e.g. derby"
    )
    parser.add_argument(
        "--kind",
        required=True,
        help="ilacs (or another kind of framework), or a kind of inspection or "
        "visit such as focused-visit: see above",
    )
    parser.add_argument(
        "--start",
        required=True,
        type=_start_date,
        help="the first day inspectors were on site, YYYY-MM-DD",
    )
    parser.add_argument(
        "--framework",
        help="the framework's file name in data/frameworks/, if you want to "
        "choose it yourself (e.g. ilacs-2018)",
    )
    parser.add_argument(
        "--name",
        help="the new file's name without .yaml (default: the start month and "
        "the kind, e.g. 2025-06-ilacs)",
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder")


def run(args: argparse.Namespace) -> int:
    try:
        path, count = create(
            args.root,
            area=args.area,
            kind=args.kind,
            start=args.start,
            framework=args.framework,
            name=args.name,
        )
    except NewFileError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    rel = path.relative_to(args.root.resolve()).as_posix()
    print(
        f"Wrote {rel}.\n"
        f'Fill in the {count} places marked "{PLACEHOLDER}" (and check the rest), then run '
        "`make validate`: it lists every place still to fill in, with its line number."
    )
    return 0


# ---------------------------------------------------------------------------- choosing


def _load(path: Path, root: Path) -> dict[str, Any] | None:
    """A data file's values, or None if it has problems (``validate`` reports those)."""
    try:
        data = load_file(path, path.relative_to(root).as_posix()).data
    except DataError:
        return None
    return data if isinstance(data, dict) else None


def frameworks(root: Path) -> dict[str, FrameworkInfo]:
    """Every readable framework file, by key."""
    found = {}
    for path in sorted((root / "data" / "frameworks").glob("*.yaml")):
        data = _load(path, root)
        if not data or not isinstance(data.get("in_use"), dict):
            continue
        try:
            first = date_bounds(str(data["in_use"]["from"]))
            last = date_bounds(str(data["in_use"].get("to") or "9999"))
        except Exception:  # a bad date: validate reports it; skip the file here
            continue
        if not first or not last:
            continue
        family = re.sub(r"-\d{4}$", "", path.stem)
        found[path.stem] = FrameworkInfo(
            key=path.stem,
            family=family,
            short_name=str(data.get("short_name") or family),
            in_use=(first[0], last[1]),
            kinds={k: v for k, v in (data.get("kinds") or {}).items() if isinstance(v, dict)},
            judgements={
                k: v for k, v in (data.get("judgements") or {}).items() if isinstance(v, dict)
            },
            grades=list(data.get("grades") or {}),
        )
    return found


def choose(
    fws: dict[str, FrameworkInfo], kind: str, start: str, framework: str | None = None
) -> tuple[FrameworkInfo, str]:
    """The framework and the kind of inspection for ``--kind`` on ``start``."""
    families = sorted({f.family for f in fws.values()})
    kinds = sorted({k for f in fws.values() for k in f.kinds})
    if framework:
        if framework not in fws:
            raise NewFileError(
                f"There is no framework `{framework}` in data/frameworks/. "
                + (did_you_mean(framework, fws) or "Use one of: " + ", ".join(sorted(fws)))
            )
        candidates = [fws[framework]]
    else:
        candidates = [f for f in fws.values() if f.in_use[0] <= start <= f.in_use[1]]
    if kind in families or kind in fws:
        wanted = [f for f in candidates if kind in (f.family, f.key)]
        if not wanted:
            in_use = ", ".join(f"{f.key} (use --kind {f.family})" for f in candidates)
            raise NewFileError(
                f"No {kind.upper()} framework in data/frameworks/ was in use on {start}. "
                + (
                    f"In use then: {in_use}."
                    if in_use
                    else "Check the start date, or add the framework first."
                )
            )
        fw = max(wanted, key=lambda f: f.in_use[0])
        graded = fw.graded_kinds()
        if not graded:
            raise NewFileError(
                f"{fw.key} has no graded kind of inspection. Use --kind with one "
                "of: " + ", ".join(fw.kinds)
            )
        return fw, graded[0]
    if kind in kinds:
        wanted = [f for f in candidates if kind in f.kinds]
        if not wanted:
            others = sorted(f.key for f in fws.values() if kind in f.kinds)
            raise NewFileError(
                f"No framework in use on {start} has the kind `{kind}` (it belongs to "
                f"{', '.join(others)}). Check the start date, or choose the framework with "
                "--framework."
            )
        return max(wanted, key=lambda f: f.in_use[0]), kind
    hint = did_you_mean(kind, [*families, *kinds])
    raise NewFileError(
        f"`{kind}` is not a kind we know. "
        + (hint + " " if hint else "")
        + "Use a kind of framework ("
        + ", ".join(families)
        + ") or a kind of inspection or "
        "visit (" + ", ".join(kinds) + ")."
    )


def previous_inspection(
    root: Path, area: str, start: str, fws: dict[str, FrameworkInfo]
) -> str | None:
    """The area's latest graded inspection that started before ``start``, as ``area/slug``."""
    best: tuple[str, str] | None = None
    for path in sorted((root / "data" / "inspections" / area).glob("*.yaml")):
        data = _load(path, root)
        if not data:
            continue
        fw = fws.get(str(data.get("framework")))
        if not fw or not fw.kinds.get(str(data.get("kind")), {}).get("graded"):
            continue
        began = (data.get("dates") or {}).get("start")
        value = began.get("value") if isinstance(began, dict) else began
        try:
            bounds = date_bounds(str(value))
        except Exception:
            continue
        if bounds and bounds[0] < start and (best is None or bounds[0] > best[0]):
            best = (bounds[0], f"{area}/{path.stem}")
    return best[1] if best else None


# ---------------------------------------------------------------------------- writing


def create(
    root: Path,
    *,
    area: str,
    kind: str,
    start: str,
    framework: str | None = None,
    name: str | None = None,
) -> tuple[Path, int]:
    """Write the new file; return its path and how many placeholders it has."""
    root = Path(root).resolve()
    area_file = root / "data" / "areas" / f"{area}.yaml"
    if not area_file.is_file():
        known = sorted(p.stem for p in (root / "data" / "areas").glob("*.yaml"))
        raise NewFileError(
            f"There is no area `{area}` in data/areas/. "
            + (
                did_you_mean(area, known)
                or "Add the area first, or use one of: " + ", ".join(known)
            )
        )
    area_data = _load(area_file, root) or {}
    area_name = str(area_data.get("name") or area)
    fws = frameworks(root)
    fw, inspection_kind = choose(fws, kind, start, framework)
    graded = bool(fw.kinds[inspection_kind].get("graded"))
    slug = name or f"{start[:7]}-{fw.family if graded else inspection_kind}"
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise NewFileError(
            f"`{slug}` cannot be a file name: use lower-case letters, numbers "
            "and single hyphens, e.g. 2025-06-ilacs"
        )
    target = root / "data" / "inspections" / area / f"{slug}.yaml"
    text = template(
        area=area,
        area_name=area_name,
        fw=fw,
        kind=inspection_kind,
        start=start,
        previous=previous_inspection(root, area, start, fws),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
            out.write(text)
    except FileExistsError:
        rel = target.relative_to(root).as_posix()
        raise NewFileError(
            f"{rel} already exists, so nothing was written (it is never overwritten). Open "
            "that file to carry on, or choose another file name with --name, e.g. --name "
            f"{slug}-2"
        ) from None
    count = sum(
        1 for line in text.splitlines() if not line.lstrip().startswith("#") and PLACEHOLDER in line
    )
    return target, count


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
