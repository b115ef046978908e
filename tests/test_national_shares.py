"""Comparison lines give counts, and percentages only from enough areas to mean something.

(Pages built from a handful of areas are tested in ``test_latest_pages``.)"""

from __future__ import annotations

from inspections.national import MIN_FOR_PERCENT, Tally


def tally(counts: dict[str, int]) -> Tally:
    return Tally("f", "overall-effectiveness", counts, 0, sum(counts.values()), 153)


def test_no_percentage_from_a_small_sample():
    small = tally({"good": 1, "outstanding": 1})
    assert small.percentages is False
    just_under = tally({"good": MIN_FOR_PERCENT - 1})
    assert just_under.percentages is False
    large = tally({"good": MIN_FOR_PERCENT - 3, "outstanding": 3})
    assert large.percentages is True
    assert large.share("outstanding") == round(100 * 3 / MIN_FOR_PERCENT)
