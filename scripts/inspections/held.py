"""A report Ofsted holds back (for example before local elections): one plain line on the area.

The area file says what and why, and never any grade::

    held_report:
      inspected: 2027-03
      reason: pre-election
      source: ofsted-notice   # an entry under `sources:` that says the report is held

The words are data that comms teams may change (``data/wording/held-report.yaml``)::

    >>> Wording(heading="A report still to come", reasons={"pre-election":
    ...     "Ofsted inspected children's services in {area} in {month}."}).line(
    ...     "pre-election", "Derby", "March 2027")
    "Ofsted inspected children's services in Derby in March 2027."
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from inspections.load import Document, load_bytes
from inspections.models import Slug, Strict, Text
from inspections.problems import DataError, Problem, did_you_mean, one_of

if TYPE_CHECKING:  # only for type hints: site.py imports this module
    from inspections.sitedata import Site

WORDING = "data/wording/held-report.yaml"
FIELDS = ("area", "month")  # what a line may name, in {braces}


class Wording(Strict):
    """The words for held reports."""

    heading: Text
    reasons: dict[Slug, Text]

    def line(self, reason: str, area: str, month: str) -> str:
        return self.reasons[reason].format(area=area, month=month)


def load_wording(root: Path) -> tuple[Wording | None, list[Problem]]:
    """The wording file, checked: every problem names its line and the fix."""
    path = Path(root) / WORDING
    if not path.is_file():
        return None, [Problem(WORDING, 1, 1, "The file is missing", "Restore it from the project")]
    try:
        doc = load_bytes(path.read_bytes(), WORDING)
    except DataError as exc:
        return None, list(exc.problems)
    # Not safety.check_text: it refuses the {area} and {month} braces. The line is made safe
    # Markdown when the page prints it, as every value is (inspections.render).
    try:
        wording = Wording.model_validate(doc.data)
    except ValidationError as exc:
        return None, [_problem(doc, err) for err in exc.errors()]
    return wording, list(_check_fields(doc, wording))


def _problem(doc: Document, err: dict) -> Problem:
    loc = tuple(x for x in err["loc"] if isinstance(x, str | int))
    return doc.problem(loc, err["msg"], "Write `heading:` and, under `reasons:`, one line each")


def _check_fields(doc: Document, wording: Wording) -> Iterator[Problem]:
    for key, text in wording.reasons.items():
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
        except ValueError:
            names = ["{"]
        for name in names:
            if name not in FIELDS:
                yield doc.problem(
                    ("reasons", key),
                    f"`{{{name}}}` is not something this line can name",
                    "Use only {area} and {month}; write other words without braces",
                )


def check(site: Site) -> Iterator[Problem]:
    """The wording file, and each area's ``held_report`` reason, exist and fit."""
    held = {k: e for k, e in site.areas.items() if getattr(e.model, "held_report", None)}
    wording, problems = load_wording(site.root)
    if not held and not (site.root / WORDING).is_file():
        return  # a project without the file and without held reports needs neither
    yield from problems
    if wording is None:
        return
    for entry in held.values():
        reason = entry.model.held_report.reason
        if reason not in wording.reasons:
            yield entry.doc.problem(
                ("held_report", "reason"),
                f"`{reason}` is not a reason in {WORDING}",
                did_you_mean(reason, wording.reasons) or one_of(wording.reasons),
            )


def line(site: Site, area_key: str, words: Callable[[str], str]) -> tuple[str, str] | None:
    """``(heading, line)`` for an area whose report is held, else None; ``words`` writes the
    month inspectors came in words (the pages' ``date_text``)."""
    area = site.areas[area_key].model
    held = getattr(area, "held_report", None)
    if held is None:
        return None
    wording, _ = load_wording(site.root)  # checked when the site was loaded
    assert wording is not None
    return wording.heading, wording.line(held.reason, area.name, words(held.inspected[:7]))
