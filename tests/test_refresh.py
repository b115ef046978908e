"""``python -m inspections refresh``: repeatable, keeps what people wrote, and stops with a
plain message on a broken statistics file (changing nothing).

Runs on a copy of the project for Derby and Derbyshire only (their reports are read), so each
run takes a few seconds. Needs ``../shared/ofsted`` beside the project, as CI has.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from inspections import cli
from inspections.refresh.merge import PERSON
from inspections.site import load_site

ROOT = Path(__file__).resolve().parent.parent
OFSTED = ROOT.parent / "shared" / "ofsted"
pytestmark = pytest.mark.skipif(
    not (OFSTED / "statistics").is_dir(), reason="needs ../shared/ofsted beside the project"
)
AREAS = "derby,derbyshire"
MADE = "# Made by `python -m inspections refresh`"


def run_refresh(
    project: Path, capsys, *extra: str, areas: str | None = AREAS
) -> tuple[int, str, str]:
    """Refresh the copy from ../shared/ofsted: AREAS only, or every council (``areas=None``)."""
    code = cli.main(
        [
            "refresh",
            "--root",
            str(project),
            "--statistics",
            str(OFSTED / "statistics"),
            "--reports",
            str(OFSTED / "reports"),
            *(["--areas", areas] if areas else []),
            *extra,
        ]
    )
    out, err = capsys.readouterr()
    return code, out, err


def machine_made(project: Path) -> Path:
    """A refresh-made file for AREAS with nothing a person wrote in it (no summary, findings
    or notes): refresh makes all of it, so it can come back byte for byte. One with areas for
    improvement read from Ofsted's report is preferred, so reading reports is covered too."""
    person = tuple(f"{key}:" for key in (*PERSON, "notes"))
    found: list[tuple[bool, Path]] = []
    for area in AREAS.split(","):
        for path in sorted((project / "data/inspections" / area).glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            if MADE in text and not any(line.startswith(person) for line in text.splitlines()):
                found.append(("\nareas_for_improvement:\n" in text, path))
    assert found, f"no refresh-made file without people's text for {AREAS}"
    return max(found)[1]


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.yaml"))
    }


def test_a_second_run_changes_nothing(project: Path, capsys) -> None:
    run_refresh(project, capsys)  # the shipped data may be older than the code
    before = snapshot(project / "data")
    code, out, err = run_refresh(project, capsys)
    assert code == 0, out + err
    assert "0 files added, 0 changed" in out
    assert not [line for line in out.splitlines() if line.startswith(("Added", "Changed"))]
    assert snapshot(project / "data") == before


def test_a_deleted_file_comes_back_the_same(project: Path, capsys) -> None:
    path = machine_made(project)
    text = path.read_text(encoding="utf-8")
    path.unlink()
    code, out, _ = run_refresh(project, capsys)
    assert code == 0
    assert f"Added {path.relative_to(project).as_posix()}" in out
    assert path.read_text(encoding="utf-8") == text


def test_text_people_wrote_is_kept(project: Path, capsys) -> None:
    # A person's file: its summary, findings and grades stay, even where the report differs.
    derby = project / "data/inspections/derby/2022-03-ilacs.yaml"
    text = derby.read_text(encoding="utf-8").replace(
        "  leaders: outstanding\n", "  leaders: good\n"
    )
    derby.write_text(text, encoding="utf-8")
    # A refresh-made file with a summary and a note a person added.
    made = machine_made(project)
    made.write_text(
        made.read_text(encoding="utf-8").replace(
            "\nsources:\n",
            "\nsummary:\n  young_people: A person wrote this for young people.\n"
            "  families: A person wrote this summary for families.\n"
            "notes: A person wrote this note.\nsources:\n",
            1,
        ),
        encoding="utf-8",
    )
    made_text = made.read_text(encoding="utf-8")
    code, out, _ = run_refresh(project, capsys)
    assert code == 0
    assert derby.read_text(encoding="utf-8") == text
    assert made.read_text(encoding="utf-8") == made_text
    assert (
        "Could not decide: data/inspections/derby/2022-03-ilacs.yaml: `leaders` is `good` "
        "in the file"
    ) in out
    site = load_site(project)
    key = f"{made.parent.name}/{made.stem}"
    assert site.inspections[key].model.summary.families == (
        "A person wrote this summary for families."
    )


def test_a_person_file_gains_a_missing_grade_with_its_source(project: Path, capsys) -> None:
    path = project / "data/inspections/derbyshire/2013-sif.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  lscb-review: requires-improvement\n" in text
    path.write_text(text.replace("  lscb-review: requires-improvement\n", ""), encoding="utf-8")
    code, out, _ = run_refresh(project, capsys)
    assert code == 0
    assert "Changed data/inspections/derbyshire/2013-sif.yaml: judgements: lscb-review" in out
    entry = load_site(project).inspections["derbyshire/2013-sif"]
    assert entry.model.judgements["lscb-review"] == "requires-improvement"
    assert entry.model.summary.families.startswith("Ofsted judged Derbyshire's children's")


def test_a_broken_statistics_file_stops_with_a_plain_message(
    project: Path, capsys, tmp_path: Path
) -> None:
    stats = tmp_path / "statistics"
    stats.mkdir()
    for name in (
        "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
        "Childrens_social_care_in_England_2023_underlying_data.ods",
    ):
        (stats / name).write_text("not a spreadsheet", encoding="utf-8")
    before = snapshot(project / "data")
    code = cli.main(
        [
            "refresh",
            "--root",
            str(project),
            "--statistics",
            str(stats),
            "--reports",
            str(OFSTED / "reports"),
            "--areas",
            AREAS,
        ]
    )
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    assert err.startswith(
        f"{stats / 'LA_Inspection_Outcomes_as_at_31_March_2025.ods'}: "
        "not an .ods spreadsheet we can read"
    )
    assert "Nothing was changed." in err
    assert snapshot(project / "data") == before


def test_a_sheet_missing_from_a_real_spreadsheet_is_named(
    project: Path, capsys, tmp_path: Path
) -> None:
    stats = tmp_path / "statistics"
    stats.mkdir()
    real = OFSTED / "statistics" / "Childrens_social_care_in_England_2023_underlying_data.ods"
    (stats / "LA_Inspection_Outcomes_as_at_31_March_2025.ods").write_bytes(real.read_bytes())
    (stats / real.name).write_bytes(real.read_bytes())
    code = cli.main(
        ["refresh", "--root", str(project), "--statistics", str(stats), "--areas", AREAS]
    )
    _, err = capsys.readouterr()
    assert code == 1
    assert "could not read the sheet `Inspections_as_at_31_March`" in err
    assert "Nothing was changed." in err


def test_a_missing_statistics_folder_names_it(project: Path, capsys, tmp_path: Path) -> None:
    code = cli.main(
        [
            "refresh",
            "--root",
            str(project),
            "--statistics",
            str(tmp_path / "nowhere"),
            "--areas",
            AREAS,
        ]
    )
    _, err = capsys.readouterr()
    assert code == 1
    assert "nowhere/LA_Inspection_Outcomes_as_at_31_March_2025.ods: there is no such file" in err


def test_the_shipped_data_is_what_refresh_makes(project: Path, capsys) -> None:
    """Every council, every report: refresh over the data as shipped changes nothing, and every
    report in Ofsted's index is used (none left as "could not tell what kind"). So a fix to the
    importer reaches the data: before this test, Devon 2020, Norfolk 2017 and Milton Keynes 2016
    showed 1 of 8, 4 of 7 and 7 of 13 of their areas for improvement, well after the importer
    had learned to read them all."""
    before = snapshot(project / "data")
    code, out, err = run_refresh(project, capsys, areas=None)
    assert code == 0, out + err
    assert [line for line in out.splitlines() if line.startswith(("Added", "Changed"))] == []
    assert "could not tell what kind" not in out
    assert snapshot(project / "data") == before
