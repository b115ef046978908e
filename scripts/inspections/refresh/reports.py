"""Ofsted's reports in ``../shared/ofsted/reports``: the index, and the facts in one report.

:func:`report_facts` is the one place the refresh asks the importer for a report's facts, so
the importer's library function can replace today's calls without touching anything else.
Each report is read against a small reference folder (the frameworks and the one area), so
matching does not load every area file for every report.

Example (with ``../shared`` beside the project)::

    index = read_index(Path("../shared/ofsted/reports"))
    index["derby"][0].ofsted_url      # 'https://files.ofsted.gov.uk/v1/file/50004376'
"""

from __future__ import annotations

import csv
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

_BULLET = re.compile(r"^[^\w\"'(]+")


@dataclass(frozen=True)
class ReportFile:
    """One row of ``index.csv``: a report, its publication date and its own address."""

    area: str  # the folder name, which is the area's slug
    name: str  # the council's name as Ofsted's reports site lists it
    urn: str
    published: str  # YYYY-MM-DD
    ofsted_url: str
    path: Path


@dataclass
class ReportFacts:
    """What the importer read in a report. Missing facts are None or empty."""

    framework: str | None
    kind: str | None
    start: str | None
    end: str | None
    judgements: dict[str, str] = field(default_factory=dict)  # only grades found
    improvements: list[str] = field(default_factory=list)
    improvements_heading: str | None = None


def read_index(folder: Path) -> dict[str, list[ReportFile]]:
    """Every report in ``folder/index.csv``, by area, oldest first."""
    found: dict[str, list[ReportFile]] = {}
    with open(folder / "index.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            area = row["file"].split("/")[0]
            found.setdefault(area, []).append(
                ReportFile(
                    area,
                    row["local_authority"],
                    row["ofsted_urn"],
                    row["published"],
                    row["ofsted_url"],
                    folder / row["file"],
                )
            )
    for reports in found.values():
        reports.sort(key=lambda r: r.published)
    return found


class Reader:
    """Reads reports with the importer against a small reference copy of ``data/``.

    Use as a context manager: the copy lives in a temporary folder until the end.
    """

    def __init__(self, root: Path):
        self.root = root
        self._tmp: tempfile.TemporaryDirectory | None = None

    def __enter__(self) -> Reader:
        self._tmp = tempfile.TemporaryDirectory(prefix="refresh-")
        ref = Path(self._tmp.name)
        shutil.copytree(self.root / "data" / "frameworks", ref / "data" / "frameworks")
        (ref / "data" / "areas").mkdir(parents=True)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()

    def facts(self, report: ReportFile, area_name: str) -> tuple[ReportFacts | None, str]:
        """:func:`report_facts` for one report; (None, why) when it cannot be read."""
        assert self._tmp is not None, "use Reader as a context manager"
        ref = Path(self._tmp.name)
        area_file = ref / "data" / "areas" / f"{report.area}.yaml"
        if not area_file.exists():
            for old in (ref / "data" / "areas").glob("*.yaml"):
                old.unlink()
            area_file.write_text(
                f"name: {_yaml_text(area_name)}\nregion: London\n", encoding="utf-8"
            )
        return report_facts(report.path, ref, report.area)


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def report_facts(pdf: Path, root: Path, area: str) -> tuple[ReportFacts | None, str]:
    """The facts the importer finds in one report; (None, why) when it finds none.

    Today this calls the importer's pipeline (text, then draft facts); swap it for the
    importer's library function when that exists.
    """
    from inspections.importer import ImportRefused
    from inspections.importer.pipeline import draft_report
    from inspections.importer.reading import read_report

    try:
        text = read_report(pdf)
        draft, _found, _missing = draft_report(text, root, pdf.name, area=area)
    except ImportRefused as exc:
        return None, str(exc)
    except Exception as exc:  # a report the importer cannot read is a fact to report, not a crash
        return None, f"the importer could not read it ({type(exc).__name__}: {exc})"
    grades = {k: g for k, g in draft.judgements.items() if g and g != "unknown"}
    improvements = tidy(draft.structure.improvements)
    return ReportFacts(
        framework=draft.framework,
        kind=draft.kind,
        start=draft.dates.get("start"),
        end=draft.dates.get("end"),
        judgements=grades,
        improvements=[t for t in improvements if t],
        improvements_heading=draft.structure.improvements_heading,
    ), ""


_SPLIT = re.compile("\\s*[\u25fc\u25aa\u25cf\u2022\uf06e\uf0a7\uf0b7]\\s*")


def tidy(items: list[str]) -> list[str]:
    """Areas for improvement as the report lists them: a bullet left inside an item starts a
    new one, and a fragment (lower-case start, a bracket, a number) belongs to the item
    before it; a short fragment before the first item is dropped.

    >>> tidy(["\u25fc One thing. \u25fc Another thing that must improve", "(paragraph 7)."])
    ['One thing.', 'Another thing that must improve (paragraph 7).']
    """
    out: list[str] = []
    for raw in items:
        for part in _SPLIT.split(raw):
            text = _clean(part)
            if not text:
                continue
            fragment = text[0].islower() or text[0] in "(0123456789" or len(text) < 20
            if fragment and out:
                out[-1] = f"{out[-1]} {text}"
            elif fragment and text[0] in "(abcdefghijklmnopqrstuvwxyz" and len(text) < 40:
                continue  # the end of something before the list: nothing to join it to
            else:
                out.append(text)
    return out


def _clean(text: str) -> str:
    """An area for improvement without the bullet the PDF left in front of it."""
    return " ".join(_BULLET.sub("", text).split())
