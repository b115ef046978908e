"""Problems point at the data file line and column where a comms officer wrote the words."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inspections.check import RULES_FILE, check_pages, check_site, load_rules
from inspections.check.places import align
from inspections.check.rules import Word
from inspections.pages import build_pages
from sitebuild import build_site
from tests_check_support import ROOT

INSPECTION = "data/inspections/derby/2022-03-ilacs.yaml"
LONG = (
    "When a child might be hurt, the council and the police and the doctors and the "
    "school all act very fast to keep the child safe."
)  # 26 words


def make_project(tmp_path: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    """A copy of the project's data, with some text replaced."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(
        ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__")
    )
    (project / "docs").mkdir()
    apply_edits(project, edits)
    return project


def apply_edits(project: Path, edits: dict[str, list[tuple[str, str]]]) -> None:
    """Replace text in files of a copy; each old text must appear exactly once."""
    for rel, pairs in edits.items():
        path = project / rel
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")


def position(project: Path, rel: str, words: str) -> tuple[int, int]:
    """1-based line and column of ``words`` in a file."""
    text = (project / rel).read_text(encoding="utf-8")
    i = text.index(words)
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> tuple[Path, list[str], list[str]]:
    """A copy checked before and after three mistakes are written into it: what it found
    before (the shipped data as it is) and after."""
    project = make_project(tmp_path_factory.mktemp("broken"), {})
    before = [str(f) for f in check_site(project).findings]
    apply_edits(
        project,
        {
            INSPECTION: [
                # a second line in a | block: the problem must be on that line, not the block's first
                (
                    "Leaders care a lot about children. ",
                    "Leaders care a lot about children.\n    " + LONG + "\n    ",
                ),
                # a plain one-line text
                (
                    "Leaders brought in a new way of doing social work",
                    "Leaders facilitate a new way of doing social work",
                ),
                # an abbreviation nobody explained, in a quoted text
                (
                    '"Not every child in care gets',
                    '"Each child has an IRO. Not every child in care gets',
                ),
            ]
        },
    )
    return project, before, [str(f) for f in check_site(project).findings]


@pytest.fixture(scope="module")
def broken(checked) -> tuple[Path, list[str]]:
    project, _, found = checked
    return project, found


def test_long_sentence_points_at_its_line_in_the_block(broken) -> None:
    project, found = broken
    line, col = position(project, INSPECTION, "When a child might be hurt, the council")
    assert (
        f"{INSPECTION}:{line}:{col}: error [sentence-length] This sentence has 26 words. "
        "For young people the limit is 20: “When a child might be hurt, the council…”. "
        "Split it into shorter sentences, or take out words that are not needed."
    ) in found


def test_word_to_avoid_points_at_the_word(broken) -> None:
    project, found = broken
    line, col = position(project, INSPECTION, "facilitate a new way")
    assert (
        f"{INSPECTION}:{line}:{col}: error [words-to-avoid] “facilitate” is a word to "
        "avoid. Use “help” instead, or other everyday words."
    ) in found


def test_unexplained_abbreviation_points_at_it(broken) -> None:
    project, found = broken
    line, col = position(project, INSPECTION, "IRO. Not every")
    assert (
        f"{INSPECTION}:{line}:{col}: error [abbreviations] “IRO” is an abbreviation that "
        "is not explained the first time it is used on this page. Write it out in full the "
        "first time, with the short form in brackets after it, such as “independent "
        "reviewing officer (IRO)”, or link it to the glossary."
    ) in found


def test_nothing_else_is_reported(checked) -> None:
    """The three mistakes give three problems and nothing else: whatever the shipped data
    already gives (the shipped-pages tests' business) is the same before and after."""
    _, before, found = checked
    new = [f for f in found if f not in before]
    assert len(new) == 3, new
    assert [f for f in before if f not in found] == [], "problems vanished or moved"


def test_cli_exits_1_and_writes_the_report(broken, tmp_path) -> None:
    project, _ = broken
    report = tmp_path / "report.md"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "inspections",
            "check",
            "--root",
            str(project),
            "--report",
            str(report),
            "--problems-only",
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert f"{INSPECTION}:" in run.stdout and "[words-to-avoid]" in run.stdout
    assert "Traceback" not in run.stderr
    text = report.read_text(encoding="utf-8")
    assert "| areas/derby/2022-03-ilacs/young-people.md ⚠ | young-people |" in text


def test_site_build_stops_on_an_error(broken, tmp_path) -> None:
    project, _ = broken
    out = tmp_path / "site"
    run = build_site(project, out)
    said = run.stdout + run.stderr
    assert run.returncode != 0
    assert "Some words are not plain enough, so the site was not built" in said
    assert f"{INSPECTION}:" in said
    assert not (out / "index.html").exists()
    assert (project / "build" / "plain-language-report.md").is_file()


def test_template_words_point_at_the_template(site_data) -> None:
    """Words from a template are reported at the template's line."""
    rules = load_rules(ROOT / RULES_FILE)
    words = rules.rule("words-to-avoid").words
    words.append(Word.model_validate({"avoid": ["runs"], "use": "test"}))
    pages = build_pages(site_data)
    try:
        found = [str(f) for f in check_pages(site_data, pages, ROOT, rules).findings]
    finally:
        words.pop()
    rel = "scripts/inspections/templates/young-people/inspection.md.j2"
    line, col = position(ROOT, rel, "runs local services")
    assert (
        f"{rel}:{line}:{col}: error [words-to-avoid] “runs” is a word to avoid "
        "(words from the page template). Use “test” instead, or other everyday words."
    ) in found


@pytest.mark.parametrize(
    ("yaml", "value", "word", "expected"),
    [
        ("a: |\n  One two.\n  Three four.\n", "One two.\nThree four.\n", "Three", (3, 3)),
        ("a: >\n  One two\n  three.\n", "One two three.\n", "three", (3, 3)),
        ('a: "One \\"two\\"\n  three."\n', 'One "two" three.', "three", (2, 3)),
        ("a: 'It''s one\n  two.'\n", "It's one two.", "two", (2, 3)),
        ("a: One two\n  three.\n", "One two three.", "three", (2, 3)),
    ],
)
def test_align_finds_words_in_every_yaml_style(yaml, value, word, expected) -> None:
    start_line, start_col = (2, 3) if yaml.startswith(("a: |", "a: >")) else (1, 4)
    positions = align(value, yaml, start_line, start_col)
    assert positions is not None
    assert positions[value.index(word)] == expected


def test_docs_pages_are_checked_at_their_own_lines(tmp_path) -> None:
    project = make_project(tmp_path, {})
    (project / "docs" / "help.md").write_text(
        "---\naudience: young-people\n---\n\n# Help\n\nShort one.\n" + LONG + "\n", encoding="utf-8"
    )
    found = [str(f) for f in check_site(project).findings]
    assert any(
        f.startswith(
            "docs/help.md:8:1: error [sentence-length] This sentence has 26 "
            "words. For young people the limit is 20"
        )
        for f in found
    ), found
