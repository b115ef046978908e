"""Every broken file in tests/corpus/ gets exactly its expected messages, never a traceback.

Each case is placed where it would really live, in a temporary copy of the project (with
``../shared/seeds`` beside it, as in a real clone), then checked the way a comms officer
would meet it: through :func:`inspections.site.load_site` and through
``python -m inspections validate``. The cases and their messages are in
tests/corpus/expected.toml.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import tracemalloc
from pathlib import Path

import pytest

from inspections import cli
from inspections.load import MAX_BYTES, load_bytes
from inspections.problems import DataError
from inspections.site import load_site
from inspections.yamlread import MAX_VALUES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
CASES: dict[str, dict] = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
BROKEN = sorted(name for name, case in CASES.items() if case["expect"])
CATEGORIES = sorted({case["category"] for case in CASES.values()})


def make_project(tmp_path: Path, place: str, content: bytes) -> Path:
    """A copy of the project with ``content`` at ``place`` and the seeds beside it."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(CORPUS / "base", project, dirs_exist_ok=True)
    (tmp_path / "shared").mkdir()
    if SEEDS.is_dir():
        (tmp_path / "shared" / "seeds").symlink_to(SEEDS)
    target = project / place
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return project


def case_project(tmp_path: Path, name: str) -> Path:
    return make_project(
        tmp_path, CASES[name]["place"], (CORPUS / "cases" / f"{name}.yaml").read_bytes()
    )


def problems_of(project: Path) -> list[str]:
    try:
        load_site(project, seeds=project.parent / "shared" / "seeds")
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return []


def report_lines(stderr: str) -> list[str]:
    """The problem lines of a validate report (everything before the closing count)."""
    return [line for line in stderr.split("\n\nFound ")[0].splitlines() if line]


# ---------------------------------------------------------------------------- the corpus


def test_the_corpus_has_at_least_50_broken_files_each_with_a_file():
    files = {p.stem for p in (CORPUS / "cases").glob("*.yaml")}
    assert len(BROKEN) >= 50
    assert files == set(CASES), "every case needs a file in cases/ and an entry in expected.toml"


@pytest.mark.parametrize("name", BROKEN)
def test_every_expected_message_names_the_file_and_a_line(name):
    place = CASES[name]["place"]
    for line in CASES[name]["expect"]:
        assert re.match(rf"{re.escape(place)}:\d+:\d+: [A-Z`]", line), line


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_gives_exactly_its_messages(name, tmp_path, capsys):
    """Through the command comms officers run (in this process, so it is quick): ``validate``
    calls ``load_site(root)``, which finds the seeds at ``root/../shared/seeds``."""
    project = case_project(tmp_path, name)
    expected = CASES[name]["expect"]
    code = cli.main(["validate", "--root", str(project)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if expected:
        assert code == 1
        assert report_lines(err) == expected
        assert err.rstrip().endswith("Nothing was built.")
    else:
        assert code == 0, err
        assert "are valid" in out


@pytest.mark.parametrize("category", CATEGORIES)
def test_command_line_stops_with_a_message_for_each_category(category, tmp_path):
    name = next(n for n in BROKEN if CASES[n]["category"] == category)
    project = case_project(tmp_path, name)
    assert problems_of(project) == CASES[name]["expect"]  # the library call, seeds named
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    result = subprocess.run(
        [sys.executable, "-m", "inspections", "validate", "--root", str(project)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 1, (name, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    assert report_lines(result.stderr) == CASES[name]["expect"]


# ---------------------------------------------------------------------------- made on the fly


def test_a_file_over_1_mb_is_refused_before_it_is_read_as_yaml(tmp_path):
    big = b"name: Testshire\n" + b"# padding\n" * (MAX_BYTES // 10)
    project = make_project(tmp_path, "data/areas/testshire.yaml", big)
    assert problems_of(project) == [
        f"data/areas/testshire.yaml:1:1: This file is {len(big):,} bytes, too large to be a "
        "data file (the limit is 1,000,000 bytes). Check it is the right file; long text "
        "belongs in several shorter fields."
    ]


def test_a_file_with_more_values_than_data_needs_is_refused(tmp_path):
    many = b"also:\n" + b"  - x\n" * (MAX_VALUES + 1)
    project = make_project(tmp_path, "data/areas/testshire.yaml", many)
    assert len(many) < MAX_BYTES
    assert problems_of(project) == [
        "data/areas/testshire.yaml:19999:5: This file has more than 20,000 values, far more "
        "than a data file needs. Check it is the right file."
    ]


def test_billion_laughs_is_refused_before_anything_is_expanded():
    """The classic bomb (10**9 copies of "lol" if expanded) costs almost no memory."""
    bomb = 'lol0: &lol0 "lol"\n' + "".join(
        f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 10) + "]\n" for i in range(1, 10)
    )
    tracemalloc.start()
    try:
        with pytest.raises(DataError) as caught:
            load_bytes(bomb.encode(), "data/areas/bomb.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [str(p) for p in caught.value.problems] == [
        "data/areas/bomb.yaml:1:7: Anchors and aliases (`&name` and `*name`) are not allowed "
        "in data files. Write the value out in full where it is needed."
    ]
    assert peak < 5_000_000


@pytest.mark.parametrize("opening,closing", [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_stops_at_the_limit_without_exhausting_the_stack(opening, closing):
    text = "name: " + opening * 100_000 + closing * 100_000
    with pytest.raises(DataError) as caught:
        load_bytes(text.encode(), "x.yaml")
    assert "nested more than 20 levels deep" in str(caught.value)


def test_a_linked_file_is_refused_without_reading_it(tmp_path):
    """A pull request can add a symlink: its target's contents must never reach a message."""
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n")
    project = make_project(tmp_path, "data/areas/testshire.yaml", b"")
    (project / "data" / "areas" / "testshire.yaml").unlink()
    (project / "data" / "areas" / "testshire.yaml").symlink_to(secret)
    (project / "data" / "areas" / "zero.yaml").symlink_to("/dev/zero")

    found = problems_of(project)

    assert found == [
        "data/areas/testshire.yaml:1:1: This is a link to another file (a symlink), and data "
        "files cannot be links. Replace it with the file itself.",
        "data/areas/zero.yaml:1:1: This is a link to another file (a symlink), and data files "
        "cannot be links. Replace it with the file itself.",
    ]
    assert "hunter2" not in "".join(found)


def test_a_linked_folder_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "2023-06-visit.yaml").write_text("password: hunter2\n")
    project = make_project(
        tmp_path,
        "data/areas/testshire.yaml",
        (CORPUS / "base" / "data" / "areas" / "testshire.yaml").read_bytes(),
    )
    (project / "data" / "inspections" / "testshire").symlink_to(outside)

    assert problems_of(project) == [
        "data/inspections/testshire/2023-06-visit.yaml:1:1: This file is reached through a link "
        "to a folder outside data/. Replace the linked folder with a real one."
    ]
