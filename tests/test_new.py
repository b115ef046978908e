"""``python -m inspections new``: a complete file that validate refuses until it is filled in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inspections.load import load_text
from inspections.models import PLACEHOLDER, Dates, HowInspected, Inspection, NextSteps, Report
from project_copy import copy_project, ensure_framework, run_inspections

PROBLEM = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.*)$")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def placeholder_lines(text: str) -> dict[int, str]:
    """Line number -> line, for every line of data (not a # note) holding a placeholder."""
    return {
        n: line
        for n, line in enumerate(text.splitlines(), 1)
        if PLACEHOLDER in line and not line.lstrip().startswith("#")
    }


def problems(output: str) -> list[re.Match]:
    return [m for m in map(PROBLEM.match, output.splitlines()) if m]


def test_new_then_validate_lists_every_placeholder_with_its_line(project: Path) -> None:
    framework = ensure_framework(project, "ilacs", "2025-06-09")
    made = run_inspections(
        project, "new", "--area", "derby", "--kind", "ilacs", "--start", "2025-06-09"
    )
    assert made.returncode == 0, made.stderr
    path = "data/inspections/derby/2025-06-ilacs.yaml"
    assert made.stdout.startswith(f"Wrote {path}.\n")
    text = (project / path).read_text(encoding="utf-8")
    assert f"framework: {framework}" in text
    expected = placeholder_lines(text)
    assert len(expected) >= 15

    checked = run_inspections(project, "validate")
    assert checked.returncode == 1
    found = problems(checked.stderr)
    # Every problem is a placeholder in the new file, and every placeholder is reported once.
    assert {m["path"] for m in found} == {path}
    assert sorted(int(m["line"]) for m in found) == sorted(expected)
    for m in found:
        line = expected[int(m["line"])]
        assert m["message"].startswith(f"{PLACEHOLDER}: ")
        assert m["message"].endswith(
            "Replace this placeholder with the real text before publishing."
        )
        # The column points at the placeholder itself.
        assert line[int(m["col"]) - 1 :].startswith(f'"{PLACEHOLDER}')
    assert f"Fill in the {len(expected)} places" in made.stdout


def test_young_peoples_summary_placeholder_says_what_it_is(project: Path) -> None:
    run_inspections(project, "new", "--area", "derby", "--kind", "ilacs", "--start", "2022-06-13")
    out = run_inspections(project, "validate").stderr
    line = next(
        n
        for n, text in placeholder_lines(
            (project / "data/inspections/derby/2022-06-ilacs.yaml").read_text()
        ).items()
        if text.strip().startswith("young_people:") and "summary" in text
    )
    assert (
        f"data/inspections/derby/2022-06-ilacs.yaml:{line}:17: Still to write: the summary "
        "for young people. Replace this placeholder"
    ) in out


def _fill(text: str) -> str:
    """Replace each placeholder with a value that passes validation (as a person would)."""

    def value(match: re.Match) -> str:
        key, what = match["key"], match["what"]
        if key == "end":
            return "2022-06-17"
        if key == "published":
            return "2022-08-01"
        if key == "url":
            return "https://reports.ofsted.gov.uk/"
        if key == "ref":
            return "paragraph 1"
        if "grade" in what:
            return "good"
        return "Plain words written by the comms team."

    return re.sub(
        r'(?P<key>[a-z_-]+): "Still to write: (?P<what>[^"]*)"',
        lambda m: f"{m['key']}: {value(m)}",
        text,
    )


def test_a_filled_in_file_is_valid_and_has_every_field(project: Path) -> None:
    made = run_inspections(
        project, "new", "--area", "derby", "--kind", "ilacs", "--start", "2022-06-13"
    )
    assert made.returncode == 0, made.stderr
    path = project / "data/inspections/derby/2022-06-ilacs.yaml"
    text = path.read_text(encoding="utf-8")
    data = load_text(text, "new.yaml").data
    # Every field of the model is written out (a visit's `topic:` only for visits).
    # theme, areas for improvement and grades read across are filled by `refresh` from
    # Ofsted's own data, not typed by people.
    refresh_only = {"theme", "areas_for_improvement", "judgements_inferred"}
    assert set(Inspection.model_fields) - {"topic"} - refresh_only <= set(data)
    for key, model in (
        ("dates", Dates),
        ("report", Report),
        ("how_inspected", HowInspected),
        ("next_steps", NextSteps),
    ):
        assert set(model.model_fields) <= set(data[key]), key
    assert data["previous"] == "derby/2022-03-ilacs"
    assert data["judgements"].keys() == {
        "overall-effectiveness",
        "leaders",
        "help-and-protection",
        "children-in-care-and-care-leavers",
    }
    path.write_text(_fill(text), encoding="utf-8")
    checked = run_inspections(project, "validate")
    assert checked.returncode == 0, checked.stderr
    assert run_inspections(project, "generate", "--out", "build/content").returncode == 0


def test_a_focused_visit_has_a_topic_and_no_grades(project: Path) -> None:
    made = run_inspections(
        project, "new", "--area", "derby", "--kind", "focused-visit", "--start", "2021-06-14"
    )
    assert made.returncode == 0, made.stderr
    path = project / "data/inspections/derby/2021-06-focused-visit.yaml"
    data = load_text(path.read_text(encoding="utf-8"), "new.yaml").data
    assert data["framework"] == "ilacs-2018" and data["kind"] == "focused-visit"
    assert "judgements" not in data and "topic" in data
    path.write_text(
        _fill(path.read_text(encoding="utf-8"))
        .replace("2022-06-17", "2021-06-15")
        .replace("2022-08-01", "2021-07-20"),
        encoding="utf-8",
    )
    checked = run_inspections(project, "validate")
    assert checked.returncode == 0, checked.stderr


def test_it_never_overwrites_a_file(project: Path) -> None:
    path = project / "data/inspections/derby/2022-06-ilacs.yaml"
    path.write_text("area: derby\n# my work so far\n", encoding="utf-8")
    made = run_inspections(
        project, "new", "--area", "derby", "--kind", "ilacs", "--start", "2022-06-13"
    )
    assert made.returncode == 2
    assert made.stderr.startswith(
        "data/inspections/derby/2022-06-ilacs.yaml already exists, so nothing was written"
    )
    assert "--name 2022-06-ilacs-2" in made.stderr
    assert path.read_text(encoding="utf-8") == "area: derby\n# my work so far\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--area", "derbi", "--kind", "ilacs", "--start", "2022-06-13"],
            "There is no area `derbi` in data/areas/. Did you mean `derby`?",
        ),
        (
            ["--area", "derby", "--kind", "ilac", "--start", "2022-06-13"],
            "`ilac` is not a kind we know. Did you mean `ilacs`?",
        ),
        (
            ["--area", "derby", "--kind", "ilacs", "--start", "2015-06-01"],
            "No ILACS framework in data/frameworks/ was in use on 2015-06-01. In use then: sif-2013 "
            "(use --kind sif).",
        ),
        (
            ["--area", "derby", "--kind", "focused-visit", "--start", "2015-06-01"],
            "No framework in use on 2015-06-01 has the kind `focused-visit` (it belongs to "
            "ilacs-2018, ilacs-2023, ilacs-2026).",
        ),
    ],
)
def test_mistakes_are_explained_and_nothing_is_written(
    project: Path, args: list[str], message: str
) -> None:
    before = sorted(p.name for p in (project / "data/inspections/derby").iterdir())
    made = run_inspections(project, "new", *args)
    assert made.returncode == 2
    assert made.stderr.startswith(message)
    assert "Traceback" not in made.stderr
    assert sorted(p.name for p in (project / "data/inspections/derby").iterdir()) == before


def test_framework_and_name_can_be_chosen(project: Path) -> None:
    made = run_inspections(
        project,
        "new",
        "--area",
        "derby",
        "--kind",
        "standard",
        "--start",
        "2017-03-06",
        "--framework",
        "sif-2013",
        "--name",
        "2017-03-sif-second",
    )
    assert made.returncode == 0, made.stderr
    text = (project / "data/inspections/derby/2017-03-sif-second.yaml").read_text()
    assert "framework: sif-2013" in text and "kind: standard" in text
    assert "lscb-review" in text  # a separate judgement: offered as a note, not required
    assert "  # lscb-review:" in text


def test_a_bad_start_date_is_explained() -> None:
    from inspections.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["new", "--area", "derby", "--kind", "ilacs", "--start", "9 June 2025"])
    assert exc.value.code == 2
