"""Comparison lines give counts, and percentages only from enough areas to mean something."""

from __future__ import annotations

import re

from inspections.national import PERCENT_FROM, Tally
from inspections.pages import build_pages


def tally(counts: dict[str, int]) -> Tally:
    return Tally("f", "overall-effectiveness", counts, 0, sum(counts.values()), 153)


def test_no_percentage_from_a_small_sample():
    small = tally({"good": 1, "outstanding": 1})
    assert small.percentages is False
    large = tally({"good": PERCENT_FROM - 3, "outstanding": 3})
    assert large.percentages is True and large.share("outstanding") == 30


def test_shipped_pages_give_counts_without_percentages(site_data):
    pages = build_pages(site_data)
    page = pages["areas/derby/2017-03-sif/index.md"].markdown
    assert re.search(r"- Good: 2 areas\n", page), page.split("## How this compares")[1][:400]
    assert not re.search(r"\(\d+%\)", page)
    for path, p in pages.items():
        assert not re.search(r"\(\d+%\)", p.markdown), path
