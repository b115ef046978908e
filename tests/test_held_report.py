"""A report Ofsted holds back (for example before local elections): a plain line on the area
page, in words from data/wording/held-report.yaml, and never a grade."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspections import context
from inspections.pages.areas import area_page
from inspections.problems import DataError
from inspections.render import Renderer
from inspections.site import load_site
from project_copy import copy_project, edit

AREA = "data/areas/derby.yaml"
HELD = """held_report:
  inspected: 2027-03
  reason: pre-election
  source: ofsted-notice
"""
NOTICE = """sources:
  ofsted-notice:
    url: https://www.gov.uk/government/news/ofsted-pre-election-period
    title: "Ofsted: reports held back before the local elections"
"""
LINE = (
    "Ofsted inspected children's services in Derby in March 2027. Ofsted will publish the "
    "report after the local elections."
)


def hold(project: Path, held: str = HELD) -> None:
    edit(project, AREA, "partnership:\n", held + "partnership:\n")
    edit(project, AREA, "sources:\n", NOTICE)


def derby_page(project: Path) -> str:
    site = load_site(project)
    renderer = Renderer()
    context.install(renderer)  # as build_pages does
    return area_page(site, renderer, "derby", site.areas["derby"]).markdown


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def test_a_held_report_gives_one_plain_line_and_no_grade(project: Path) -> None:
    before = derby_page(project)
    assert "A report still to come" not in before and "local elections" not in before
    hold(project)
    after = derby_page(project)
    assert '!!! note "A report still to come"' in after
    assert " ".join(after.split()).count(LINE) == 1
    # Nothing else on the page changes: no grade, no new inspection.
    assert after.count("Overall:") == before.count("Overall:")
    assert after.count("### ") == before.count("### ")


def test_comms_teams_change_the_words_in_the_wording_file(project: Path) -> None:
    hold(project)
    edit(
        project,
        "data/wording/held-report.yaml",
        "after the local elections.",
        "once the elections are over.",
    )
    assert "Ofsted will publish the report once the elections are over." in " ".join(
        derby_page(project).split()
    )


def test_a_held_report_can_never_carry_grades(project: Path) -> None:
    hold(project, HELD + "  judgements:\n    leaders: good\n")
    with pytest.raises(DataError) as caught:
        load_site(project)
    assert any(p.path == AREA and "judgements" in str(p) for p in caught.value.problems)


def test_an_unknown_reason_names_its_line_and_the_reasons_there_are(project: Path) -> None:
    hold(project, HELD.replace("pre-election", "pre-elections"))
    with pytest.raises(DataError) as caught:
        load_site(project)
    (problem,) = [p for p in caught.value.problems if p.path == AREA]
    line = (
        (project / AREA).read_text(encoding="utf-8").splitlines().index("  reason: pre-elections")
    )
    assert (problem.line, problem.col) == (line + 1, 11)
    assert "Did you mean `pre-election`?" in str(problem)


def test_a_wrong_name_in_braces_in_the_wording_is_found(project: Path) -> None:
    edit(project, "data/wording/held-report.yaml", "in {month}", "in {when}")
    with pytest.raises(DataError) as caught:
        load_site(project)
    (problem,) = caught.value.problems
    assert problem.path == "data/wording/held-report.yaml"
    assert "`{when}` is not something this line can name" in str(problem)
    assert "Use only {area} and {month}" in str(problem)
