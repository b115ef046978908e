"""Check no phone number in data/ was last checked too long ago (run weekly, not in the build).

Every phone number (an area's contacts, the national helplines) records the day someone last
checked it, as `checked: YYYY-MM-DD`. A young person may ring the number on the page, so a
number nobody has looked at for six months should be checked again. This command reads every
`checked:` date in every file under data/ and fails, naming file:line, when one is older than
--max-age-days (183 days: about six months).

The site build never runs this check, so a build gives the same site whatever today's date is.
A scheduled GitHub workflow runs it every week (`make check-contacts`).

Example:

  python -m inspections contacts --max-age-days 183
  All 2 phone numbers were checked in the last 183 days (the oldest on 2026-11-23).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from inspections.annotations import add_format_argument, annotations
from inspections.commands._options import add_root
from inspections.load import Document, load_file
from inspections.problems import DataError, Problem

FIELD = "checked"
TODAY_VARIABLE = "INSPECTIONS_TODAY"


@dataclass(frozen=True)
class Checked:
    """One ``checked:`` date and what it is about."""

    path: str
    line: int
    col: int
    what: str  # e.g. `Children's services (daytime)` (01332 641172)
    value: str
    source: str | None  # where to check it again


def _date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{value}` is not a date: write YYYY-MM-DD") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-age-days",
        type=int,
        default=183,
        help="how old a check may be, in days (default: 183, about six months)",
    )
    parser.add_argument(
        "--today",
        type=_date,
        default=os.environ.get(TODAY_VARIABLE),
        help="the date to count from, YYYY-MM-DD (default: today, or "
        f"{TODAY_VARIABLE} when set; tests use a fixed date)",
    )
    add_root(parser)
    add_format_argument(parser)


def find_checked(root: Path) -> tuple[list[Checked], list[Problem]]:
    """Every ``checked:`` value under ``root/data``, and problems reading the files."""
    found: list[Checked] = []
    problems: list[Problem] = []
    data = Path(root) / "data"
    for path in sorted(data.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        try:
            doc = load_file(path, rel)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        found.extend(_walk(doc, doc.data, ()))
    return found, problems


def _walk(doc: Document, data: object, loc: tuple) -> Iterator[Checked]:
    if isinstance(data, dict):
        if FIELD in data:
            line, col = doc.where((*loc, FIELD))
            yield Checked(
                doc.path,
                line,
                col,
                _describe(data),
                str(data[FIELD]),
                data.get("source") if isinstance(data.get("source"), str) else None,
            )
        for key, value in data.items():
            yield from _walk(doc, value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk(doc, value, (*loc, i))


def _describe(entry: dict) -> str:
    name, number = entry.get("name"), entry.get("number")
    if name and number:
        return f"`{name}` ({number})"
    return f"`{name or number or 'this entry'}`"


def check(found: list[Checked], today: dt.date, max_age_days: int) -> list[Problem]:
    """A problem for every check that is too old, in the future, or not a date."""
    problems = []
    for c in found:
        try:
            day = dt.date.fromisoformat(c.value)
        except ValueError:
            problems.append(
                Problem(
                    c.path,
                    c.line,
                    c.col,
                    f"`{c.value}` is not a date we can read",
                    "Write the day the number was checked as YYYY-MM-DD",
                )
            )
            continue
        age = (today - day).days
        where = f" on {c.source}" if c.source else ""
        if age > max_age_days:
            problems.append(
                Problem(
                    c.path,
                    c.line,
                    c.col,
                    f"The number for {c.what} was last checked on {c.value}, {age} days ago "
                    f"(the limit is {max_age_days} days)",
                    f"Check it is still right{where}, then change `checked:` to the day you "
                    "checked it",
                )
            )
        elif age < 0:
            problems.append(
                Problem(
                    c.path,
                    c.line,
                    c.col,
                    f"The date {c.value} for {c.what} is in the future",
                    "Write the day the number was really checked",
                )
            )
    return problems


def run(args: argparse.Namespace) -> int:
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    found, problems = find_checked(args.root)
    problems = sorted(set(problems + check(found, today, args.max_age_days)))
    if problems:
        if args.format == "github":
            print(annotations(problems, title="Phone number to check"))
        n = len(problems)
        print(
            "\n".join(str(p) for p in problems)
            + f"\n\n{n} phone number{'s' if n != 1 else ''} to check (counting from "
            f"{today.isoformat()}). Young people may ring these numbers: please check them "
            "now.",
            file=sys.stderr,
        )
        return 1
    if not found:
        print("No `checked:` dates found under data/.")
        return 0
    oldest = min(c.value for c in found)
    print(
        f"All {len(found)} phone numbers were checked in the last {args.max_age_days} days "
        f"(the oldest on {oldest})."
    )
    return 0
