"""A review of the Local Safeguarding Children Board that Ofsted published apart from its
inspection (Surrey's, August 2015) joins that inspection as a source, with a note; refresh no
longer leaves it unread (``refresh.plan.join_lscb_review``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspections.refresh.plan import LSCB_REVIEW, Planned, join_lscb_review
from inspections.refresh.reports import ReportFacts, ReportFile

URL = "https://files.ofsted.gov.uk/v1/file/50004302"


def inspection(lscb: str = "requires-improvement", published: str = "2015-06-03") -> Planned:
    data = {
        "area": "surrey",
        "judgements": {"overall-effectiveness": "inadequate", "lscb-review": lscb},
        "sources": {"ofsted-report": {"url": "https://files.ofsted.gov.uk/v1/file/1"}},
    }
    return Planned("surrey", "sif-2013", "standard", None, None, published, data)


REVIEW = ReportFile("surrey", "surrey", "80567", "2015-08-03", URL, Path("surrey/2015-08-03.pdf"))


def review(grade: str | None = "requires-improvement", kind: str = "lscb-review") -> ReportFacts:
    found = {"lscb-review": grade} if grade else {}
    return ReportFacts("sif-2013", kind, "2015-06-15", "2015-06-17", found)


@pytest.fixture(scope="module")
def sif(site_data):
    return site_data.frameworks["sif-2013"].model


def test_a_review_with_the_same_grade_becomes_a_source_with_a_note(sif) -> None:
    planned = [inspection()]
    assert join_lscb_review(planned, REVIEW, review(), sif, "Surrey")
    into = planned[0]
    assert into.data["sources"][LSCB_REVIEW]["url"] == URL
    assert into.data["judgements"]["lscb-review"] == "requires-improvement"
    assert into.notes == [
        "Ofsted reviewed the [Local Safeguarding Children Board](glossary:lscb) on its own from "
        "15 June 2015 to 17 June 2015. It published that review on 3 August 2015 (see the "
        'sources below). The review gives the board "Requires improvement", as Ofsted\'s '
        "statistics do."
    ]
    assert into.undecided == []


def test_a_review_fills_an_unknown_grade(sif) -> None:
    planned = [inspection(lscb="unknown")]
    assert join_lscb_review(planned, REVIEW, review("good"), sif, "Surrey")
    assert planned[0].data["judgements"]["lscb-review"] == "good"
    assert planned[0].notes[0].endswith("the grade we show.")


def test_a_review_that_differs_from_the_statistics_is_left_for_a_person(sif) -> None:
    planned = [inspection()]
    assert join_lscb_review(planned, REVIEW, review("good"), sif, "Surrey")
    assert planned[0].data["judgements"]["lscb-review"] == "requires-improvement"
    assert len(planned[0].undecided) == 1 and URL in planned[0].undecided[0]


@pytest.mark.parametrize(
    ("planned", "facts"),
    [
        ([inspection()], review(kind="standard")),  # not a board review
        ([inspection()], None),  # a report the importer could not read
        ([inspection(published="2015-09-01")], review()),  # no inspection before it
        ([], review()),
    ],
)
def test_nothing_else_is_joined(sif, planned, facts) -> None:
    before = [p.data["sources"].copy() for p in planned]
    assert not join_lscb_review(planned, REVIEW, facts, sif, "Surrey")
    assert [p.data["sources"] for p in planned] == before
    assert all(p.notes == [] for p in planned)
