"""The checked data as one object: :class:`Site` holds an :class:`Entry` per data file.

Its own module so that what reads a site (cross-checks, the embargo, pages) can name these
types without importing the loader that makes them.

Example::

    >>> site = Site(root=Path("."))
    >>> site.inspections_of("derby")
    []
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from inspections import validate
from inspections.load import Document
from inspections.models import Area, Framework, Glossary, Helplines, Inspection, Strict

M = TypeVar("M", bound=Strict)
UNKNOWN = "unknown"


@dataclass
class Entry(Generic[M]):
    """A checked model with the document it came from (for positions)."""

    key: str
    model: M
    doc: Document

    @property
    def path(self) -> str:
        return self.doc.path


@dataclass
class Site:
    """Everything in ``data/``, checked."""

    root: Path
    areas: dict[str, Entry[Area]] = field(default_factory=dict)
    frameworks: dict[str, Entry[Framework]] = field(default_factory=dict)
    inspections: dict[str, Entry[Inspection]] = field(default_factory=dict)
    glossary: Entry[Glossary] | None = None
    helplines: Entry[Helplines] | None = None  # national numbers for "Get help" on every page
    broken: set[str] = field(default_factory=set)  # "kind:key" of files that failed checks

    @property
    def data_files(self) -> list[str]:
        entries = [*self.areas.values(), *self.frameworks.values(), *self.inspections.values()]
        if self.glossary:
            entries.append(self.glossary)
        if self.helplines:
            entries.append(self.helplines)
        return sorted(e.path for e in entries)

    def inspections_of(self, area: str) -> list[Entry[Inspection]]:
        """An area's inspections, newest first.

        Every area's list is worked out in one pass and kept while ``inspections`` holds the
        same entries (153 areas each asking for theirs would otherwise walk all of them).
        """
        snapshot = tuple(map(id, self.inspections.values()))
        cached = self.__dict__.get("_by_area")
        if cached is None or cached[0] != snapshot:
            by_area: dict[str, list[Entry[Inspection]]] = {}
            for e in self.inspections.values():
                by_area.setdefault(e.model.area, []).append(e)
            for found in by_area.values():
                found.sort(key=lambda e: sort_key(e.model), reverse=True)
            cached = self.__dict__["_by_area"] = (snapshot, by_area)
        return list(cached[1].get(area, []))


def sort_key(insp: Inspection) -> str:
    """The earliest day an inspection can have started, for ordering a timeline."""
    start = insp.dates.start
    for value in (start.value, start.not_before, insp.dates.published.value):
        bounds = validate.date_bounds(value) if value else None
        if bounds:
            return bounds[0]
    return "0000"
