"""The weekly phone-number check, counted from a fixed "today", and GitHub annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspections.annotations import annotation
from inspections.problems import Problem
from project_copy import copy_project, run_inspections

AREA = """\
name: Testshire
council: Testshire County Council
kind: county
region: East Midlands
website: https://www.testshire.gov.uk/
contacts:
  - name: Children's services (daytime)
    when: daytime
    number: "01234 567890"
    source: https://www.testshire.gov.uk/children
    checked: 2026-01-10
  - name: Out of hours
    when: out-of-hours
    number: "01234 000000"
    source: https://www.testshire.gov.uk/emergency
    checked: 2026-06-01
"""

HELPLINES = """\
helplines:
  - name: A national helpline
    number: "0800 000 000"
    checked: 2025-12-01
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A data folder with only our own numbers, so real `checked:` dates cannot interfere."""
    (tmp_path / "data/areas").mkdir(parents=True)
    (tmp_path / "data/areas/testshire.yaml").write_text(AREA, encoding="utf-8")
    (tmp_path / "data/helplines.yaml").write_text(HELPLINES, encoding="utf-8")
    return tmp_path


def test_recent_checks_pass(project: Path) -> None:
    result = run_inspections(project, "contacts", "--today", "2026-06-01", "--max-age-days", "183")
    assert result.returncode == 0, result.stderr
    # Testshire's two numbers and the national helpline.
    assert result.stdout == (
        "All 3 phone numbers were checked in the last 183 days (the oldest on 2025-12-01).\n"
    )


def test_old_checks_fail_loudly_naming_file_and_line(project: Path) -> None:
    result = run_inspections(project, "contacts", "--today", "2026-07-20", "--max-age-days", "183")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "data/areas/testshire.yaml:11:14: The number for `Children's services (daytime)` "
        "(01234 567890) was last checked on 2026-01-10, 191 days ago (the limit is 183 days). "
        "Check it is still right on https://www.testshire.gov.uk/children, then change "
        "`checked:` to the day you checked it."
    )
    assert lines[1].startswith(
        "data/helplines.yaml:4:14: The number for `A national "
        "helpline` (0800 000 000) was last checked on 2025-12-01, "
        "231 days ago"
    )
    assert lines[-1] == (
        "2 phone numbers to check (counting from 2026-07-20). Young people "
        "may ring these numbers: please check them now."
    )
    # The June check is recent enough.
    assert "01234 000000" not in result.stderr


def test_the_limit_is_inclusive(project: Path) -> None:
    # 2026-01-10 + 183 days = 2026-07-12: still fine that day, too old the day after.
    # (The helpline, checked on 2025-12-01, is old by then: only Testshire's lines matter.)
    edge = run_inspections(project, "contacts", "--today", "2026-07-12")
    assert "data/areas/testshire.yaml" not in edge.stderr
    after = run_inspections(project, "contacts", "--today", "2026-07-13")
    assert "data/areas/testshire.yaml:11:14" in after.stderr
    assert "183 days ago" not in after.stderr and "184 days ago" in after.stderr


def test_future_and_unreadable_dates_are_reported(project: Path) -> None:
    path = project / "data/areas/testshire.yaml"
    path.write_text(AREA.replace("2026-01-10", "2026-13-01").replace("2026-06-01", "2027-01-01"))
    result = run_inspections(project, "contacts", "--today", "2026-06-15")
    assert result.returncode == 1
    assert (
        "data/areas/testshire.yaml:11:14: `2026-13-01` is not a date we can read. Write the "
        "day the number was checked as YYYY-MM-DD."
    ) in result.stderr
    assert (
        "data/areas/testshire.yaml:16:14: The date 2027-01-01 for `Out of hours` "
        "(01234 000000) is in the future."
    ) in result.stderr


def test_github_format_prints_annotations(project: Path) -> None:
    result = run_inspections(
        project, "contacts", "--today", "2026-07-20", env={"GITHUB_ACTIONS": "true"}
    )
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(
        "::error file=data/areas/testshire.yaml,line=11,col=14,"
        "title=Phone number to check::The number for `Children's"
    )
    # The plain lines are still in the log for people.
    assert "data/areas/testshire.yaml:11:14:" in result.stderr


def test_validate_prints_annotations_on_the_line_with_the_problem(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project / "data/inspections/derby/2022-03-ilacs.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  leaders: outstanding", "  leaders: outstandng"), encoding="utf-8"
    )
    line = text.splitlines().index("  leaders: outstanding") + 1
    plain = run_inspections(project, "validate")
    assert plain.returncode == 1 and "::error" not in plain.stdout
    github = run_inspections(project, "validate", "--format", "github")
    assert github.returncode == 1
    assert github.stdout.startswith(
        f"::error file=data/inspections/derby/2022-03-ilacs.yaml,line={line},col=12,"
        "title=Data problem::`outstandng` is not a grade on the ILACS"
    )
    assert f"data/inspections/derby/2022-03-ilacs.yaml:{line}:12:" in github.stderr


def test_annotation_escapes_what_github_would_misread() -> None:
    problem = Problem("data/a,b.yaml", 2, 3, "100% sure: line one\nline two", "Fix it")
    assert annotation(problem) == (
        "::error file=data/a%2Cb.yaml,line=2,col=3,title=Data "
        "problem::100%25 sure: line one%0Aline two. Fix it."
    )
