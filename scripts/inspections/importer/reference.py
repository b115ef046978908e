"""The project's own areas and frameworks as the importer sees them, and the rules for which
kind of inspection a report is: shared by :mod:`.extract` and :mod:`.pipeline`, so neither
imports the other.
"""

from __future__ import annotations

import re
from pathlib import Path

from inspections.importer import ImportRefused, facts
from inspections.load import load_file
from inspections.models import Framework
from inspections.problems import DataError
from inspections.site import data_files
from inspections.validate import check_model


def load_reference(root: Path) -> tuple[dict, dict]:
    """The project's areas and frameworks (just the files that are valid)."""
    files = data_files(root)
    out: tuple[dict, dict] = ({}, {})
    for kind, table in (("area", out[0]), ("framework", out[1])):
        for path in files[kind]:
            try:
                model, problems = check_model(load_file(path), kind)
            except DataError:
                continue
            if model is not None:
                table[path.stem] = model
    if not out[1]:
        raise ImportRefused(
            f"{root / 'data' / 'frameworks'}: there are no framework files, so "
            "the report cannot be matched. Run this in the project folder, or "
            "give --root"
        )
    return out


def graded_kind(text: str, fw: Framework, dates: facts.Dates) -> tuple[str, str | None]:
    """The graded kind of inspection ``text`` reports on, and a note for a person when the
    report does not name it (the kind is then inferred from days on site)."""
    graded = [k for k, kind in fw.kinds.items() if kind.graded]
    for key in graded:
        if re.search(rf"\b{re.escape(fw.kinds[key].name.official)}\b", text, re.IGNORECASE):
            return key, None
    if len(graded) == 1:
        return graded[0], None
    if "short" in graded and dates.start and dates.end:
        days = (
            facts.dt.date.fromisoformat(dates.end) - facts.dt.date.fromisoformat(dates.start)
        ).days + 1
        if days <= 7:
            return "short", (
                f"the report does not name its kind; {days} days on site fits a short inspection"
            )
        if "standard" in graded:
            return "standard", (
                f"the report does not name its kind; {days} days on site fits "
                "a standard inspection (two weeks)"
            )
    return graded[0], (
        f"the report does not say which kind of inspection this was ({', '.join(graded)})"
    )
