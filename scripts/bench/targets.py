"""The speed and weight targets of ``make bench``, and the rule that a missed one fails the run.

Why one table: each target is written once, with its limit, and every data set (the real data
and the synthetic national data) is judged by the same rows, so a figure can never be printed
without its target, nor a target quietly skipped. A figure that could not be measured (a
command failed, nothing appeared) counts as missed: the run never passes on a missing figure.

Example::

    >>> row = judge(TARGETS["validate"], "real", 0.8, "best of 5")
    >>> row.met, row.figure
    (True, '0.80 s (best of 5)')
    >>> exit_status([row, judge(TARGETS["site"], "real", None, "make site failed")])
    1
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """One limit a figure must stay within (``figure <= limit``)."""

    key: str
    what: str
    limit: float
    unit: str  # "s" or "KB"

    def words(self) -> str:
        return f"{self.what}: at most {_number(self.limit, self.unit)}"


# Issue #17's targets (national scale, 2 cores) and the two kept from before (importer, search).
TARGETS: dict[str, Target] = {
    t.key: t
    for t in (
        Target("site", "Full `make site`", 15, "s"),
        Target("validate", "`make validate`", 1, "s"),
        Target("preview", "`make preview` shows an edit to a data file in the served page", 2, "s"),
        Target("words", "`make preview` reports a word to avoid in an edit (words check)", 1, "s"),
        Target("first-load", "First load of any page, everything it fetches (gzip)", 50, "KB"),
        Target(
            "search-bytes", "First search for a council, everything it fetches (gzip)", 100, "KB"
        ),
        Target("search-time", "First search for a council: results at 4x CPU slowdown", 0.3, "s"),
        Target("import", "`python -m inspections refresh` over all 493 real reports", 120, "s"),
    )
}


@dataclass(frozen=True)
class Row:
    """One line of the results table: which data, what was asked, what was measured."""

    data: str  # "real", "synthetic" or "reports"
    target: str
    figure: str
    met: bool | None  # None: shown for information, no target


def _number(value: float, unit: str) -> str:
    if unit == "KB":
        return f"{value:.1f} KB"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def judge(target: Target, data: str, value: float | None, detail: str = "") -> Row:
    """The row for ``value`` measured against ``target``; ``None`` (not measured) is missed."""
    if value is None:
        return Row(data, target.words(), f"not measured: {detail}", False)
    figure = _number(value, target.unit) + (f" ({detail})" if detail else "")
    return Row(data, target.words(), figure, value <= target.limit)


def check(data: str, what: str, ok: bool, figure: str) -> Row:
    """A yes-or-no target (for example: search is not fetched on first load)."""
    return Row(data, what, figure, ok)


def note(data: str, what: str, figure: str) -> Row:
    """A figure shown with no target."""
    return Row(data, what, figure, None)


def table(rows: Iterable[Row]) -> str:
    """The results as a Markdown table, ready for docs/performance.md."""
    lines = ["| Data | Target | Figure | Met |", "|---|---|---|---|"]
    for r in rows:
        met = "no target" if r.met is None else ("yes" if r.met else "NO")
        lines.append(f"| {r.data} | {r.target} | {r.figure} | {met} |")
    return "\n".join(lines)


def missed(rows: Iterable[Row]) -> list[Row]:
    return [r for r in rows if r.met is False]


def exit_status(rows: Iterable[Row]) -> int:
    """1 when any target is missed (or could not be measured), else 0."""
    return 1 if missed(rows) else 0
