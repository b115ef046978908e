"""The text of the documents an inspection file cites, each read once per run.

Ofsted's reports are cited by their own address (``ofsted_url``); the PDF is found through
``../shared/ofsted/reports/index.csv``. Seeds are read from ``../shared/seeds/``. Text is read
with the importer's reader, so a change of PDF library there is followed here.

Example::

    >>> lib = Library(Path("/nowhere"), Path("/nowhere"))
    >>> lib.is_report({"url": "https://example.org/a"}, "press")
    False
"""

from __future__ import annotations

import csv
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspections.importer import ImportRefused
from inspections.importer.reading import read_report
from inspections.importer.structure import Structure, parse

REPORT_KEY = "ofsted-report"
INDEX = "index.csv"


def _read(path: Path) -> str | ImportRefused:
    """A document's text, or why it cannot be read (in a worker process)."""
    try:
        return read_report(path)
    except ImportRefused as exc:
        return exc


def default_shared(root: Path) -> Path:
    """``../shared`` beside the project (CI has it there too)."""
    return root.resolve().parent / "shared"


@dataclass
class Library:
    """Report PDFs by address, seeds by name, and the text of each, read at most once."""

    reports: Path  # ../shared/ofsted/reports
    seeds: Path  # ../shared/seeds
    _index: dict[str, Path] | None = None
    _texts: dict[Path, str | ImportRefused] = field(default_factory=dict)
    _structures: dict[Path, Structure] = field(default_factory=dict)
    _grams: dict[Path, frozenset[tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def beside(cls, root: Path, shared: Path | None = None) -> Library:
        shared = shared or default_shared(root)
        return cls(shared / "ofsted" / "reports", shared / "seeds")

    @property
    def index(self) -> dict[str, Path]:
        """Report address -> local PDF, from index.csv (empty if the folder is not there)."""
        if self._index is None:
            self._index = {}
            try:
                with open(self.reports / INDEX, newline="", encoding="utf-8") as f:
                    for row in csv.DictReader(f):
                        self._index[row["ofsted_url"].strip()] = self.reports / row["file"]
            except (OSError, KeyError):
                pass
        return self._index

    def path_of(self, source: Any) -> Path | None:
        """The local file of a source (a dict from a data file), or None."""
        if not isinstance(source, dict):
            return None
        url, seed = source.get("url"), source.get("seed")
        if isinstance(url, str) and url.strip() in self.index:
            return self.index[url.strip()]
        if isinstance(seed, str) and seed and "/" not in seed and "\\" not in seed:
            path = self.seeds / seed
            return path if path.is_file() else None
        return None

    def is_report(self, source: Any, key: str) -> bool:
        """Whether a source is Ofsted's report (cited by paragraph number)."""
        if key == REPORT_KEY:
            return True
        url = source.get("url") if isinstance(source, dict) else None
        return isinstance(url, str) and url.strip() in self.index

    def text(self, path: Path) -> str:
        """The document's text; raises ImportRefused (kept, so it is read once) if unreadable."""
        if path not in self._texts:
            try:
                self._texts[path] = read_report(path)
            except ImportRefused as exc:
                self._texts[path] = exc
        found = self._texts[path]
        if isinstance(found, ImportRefused):
            raise found
        return found

    def prefetch(self, paths: list[Path], jobs: int | None = None) -> None:
        """Read many documents at once, in ``jobs`` processes (default: the CPU count, at
        most 4): reading a PDF's text is most of a run's time, and each is read only here."""
        todo = [p for p in dict.fromkeys(paths) if p not in self._texts]
        jobs = min(jobs or os.cpu_count() or 1, 4, len(todo))
        if jobs < 2:
            return  # one at a time, when first needed
        with ProcessPoolExecutor(jobs) as pool:
            for path, text in zip(todo, pool.map(_read, todo), strict=True):
                self._texts[path] = text

    def grams(self, path: Path) -> frozenset[tuple[str, ...]]:
        """Every 8 words in a row of the document (see :mod:`.copying`)."""
        if path not in self._grams:
            from inspections.faithful.copying import source_grams

            self._grams[path] = source_grams(self.text(path))
        return self._grams[path]

    def structure(self, path: Path) -> Structure:
        """The report's headings and numbered paragraphs (the importer's parsing)."""
        if path not in self._structures:
            self._structures[path] = parse(self.text(path))
        return self._structures[path]
