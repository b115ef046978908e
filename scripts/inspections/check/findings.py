"""What the plain-language check finds: one problem (:class:`Finding`), one page's figures
(:class:`PageReport`), the whole result (:class:`Result`), and where words are (:class:`Places`).

Example::

    >>> f = Finding("words-to-avoid", "error", Place("docs/x.md", 3, 5), "Avoid it.", "Say it.")
    >>> str(f)
    'docs/x.md:3:5: error [words-to-avoid] Avoid it. Say it.'
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from inspections.check.places import Place
from inspections.check.rules import Rule, Rules
from inspections.check.text import line_col
from inspections.problems import Problem


class Places(Protocol):
    def place(self, offset: int) -> Place: ...
    def loc_at(self, offset: int) -> tuple | None: ...

    # Optional, to judge a sentence in one go: ``regions() -> [(start, end, loc), ...]``, every
    # stretch where loc_at gives a field, in order (see :meth:`.places.PagePlaces.regions`).


class FilePlaces:
    """Places in a hand-written Markdown file: its own lines."""

    def __init__(self, path: str, markdown: str):
        self.path, self.markdown = path, markdown

    def place(self, offset: int) -> Place:
        line, col = line_col(self.markdown, offset)
        return Place(self.path, line, col)

    def loc_at(self, offset: int) -> tuple | None:
        return None

    def regions(self) -> list[tuple[int, int, tuple | None]]:
        return []


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, how serious, where, and what to do."""

    rule: str
    level: str
    place: Place
    message: str
    fix: str
    found: str = ""
    page: str = ""

    def key(self) -> tuple:
        return (self.place.path, self.place.line, self.place.col, self.rule, self.found)

    def problem(self) -> Problem:
        found = f": “{self.found}”" if self.found and self.found not in self.message else ""
        where = " (words from the page template)" if self.place.template else ""
        return Problem(
            self.place.path,
            self.place.line,
            self.place.col,
            f"{self.level} [{self.rule}] {self.message.rstrip('.')}{found}{where}",
            self.fix,
        )

    def __str__(self) -> str:
        return str(self.problem())


@dataclass
class PageReport:
    """The figures and problems of one page."""

    path: str
    audience: str
    words: int = 0
    sentences: int = 0
    average: float = 0.0
    longest: int = 0  # words in the longest sentence, not counting official names and titles
    longest_text: str = ""
    grade: float | None = None
    flagged: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Result:
    """Everything the check found."""

    pages: list[PageReport] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # deduplicated, all pages and site

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]


class _Fill(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def finding(
    rules: Rules,
    rule_id: str,
    place: Place,
    *,
    page: str,
    found: str = "",
    level: str | None = None,
    **values: object,
) -> Finding:
    rule: Rule = rules.rule(rule_id)
    fill = _Fill({k: _num(v) if isinstance(v, float) else v for k, v in values.items()})
    fill["found"] = found
    if "audience" in fill:
        fill["audience"] = rules.audiences.get(fill["audience"], fill["audience"])  # type: ignore[call-overload]
    return Finding(
        rule_id,
        level or rule.level,
        place,
        rule.message.format_map(fill),
        rule.suggestion.format_map(fill),
        found,
        page,
    )


def finish(pages: list[PageReport], rules: Rules, extra: Iterable[Finding] = ()) -> Result:
    """Gather page findings (each place once) and add the site-wide aim."""
    result = Result(pages=pages)
    seen: dict[tuple, Finding] = {}
    for f in [*(f for page in pages for f in page.findings), *extra]:
        seen.setdefault(f.key(), f)
    median_rule = rules.rule("median-reading-level")
    for aud, limit in median_rule.limits.items():
        grades = [pg.grade for pg in pages if pg.audience == aud and pg.grade is not None]
        if grades and statistics.median(grades) > limit:
            f = finding(
                rules,
                "median-reading-level",
                Place(str(Path("data/rules/plain-language.yaml")), 1, 1),
                page="",
                value=round(statistics.median(grades), 1),
                limit=limit,
                audience=aud,
            )
            seen.setdefault(f.key(), f)
    result.findings = sorted(
        seen.values(),
        key=lambda f: (f.level != "error", f.place.path, f.place.line, f.place.col, f.rule),
    )
    return result
