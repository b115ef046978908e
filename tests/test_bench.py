"""The benchmark's own logic (scripts/bench): its targets, the rule that a missed or unmeasured
target fails the run, the edits it makes to data files, and that it is not installed.

No timing here: speed is measured by ``make bench`` only.
"""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import setuptools

from bench import targets
from bench.preview import BAD_WORD, add_to_summary, grade_edit
from bench.run import pages_to_load, with_grade, with_summary
from bench.targets import TARGETS, check, exit_status, judge, note, table

ROOT = Path(__file__).resolve().parent.parent


def test_issue_17_targets_and_limits():
    limits = {key: (t.limit, t.unit) for key, t in TARGETS.items()}
    assert limits == {
        "site": (15, "s"),
        "validate": (1, "s"),
        "preview": (2, "s"),
        "words": (1, "s"),
        "first-load": (50, "KB"),
        "search-bytes": (100, "KB"),
        "search-time": (0.3, "s"),
        "import": (120, "s"),
    }
    assert not any("10%" in t.what for t in TARGETS.values())  # the dropped target


def test_a_figure_within_its_limit_is_met_and_one_over_is_missed():
    assert judge(TARGETS["site"], "real", 15.0).met
    assert not judge(TARGETS["site"], "real", 15.01).met
    assert judge(TARGETS["first-load"], "real", 49.9).met
    assert not judge(TARGETS["first-load"], "real", 50.1).met


def test_every_target_is_printed_beside_its_figure():
    row = judge(TARGETS["validate"], "synthetic", 1.234, "best of 5")
    assert row.target == "`make validate`: at most 1.00 s"
    assert row.figure == "1.23 s (best of 5)"
    assert "| synthetic | `make validate`: at most 1.00 s | 1.23 s (best of 5) | NO |" in table(
        [row]
    )


def test_a_figure_that_could_not_be_measured_is_missed():
    row = judge(TARGETS["site"], "real", None, "make site failed")
    assert row.met is False
    assert row.figure == "not measured: make site failed"


def test_one_missed_target_fails_the_run_and_notes_never_do():
    met = judge(TARGETS["validate"], "real", 0.5)
    info = note("real", "Search of every page", "150 KB")
    assert exit_status([met, info]) == 0
    assert exit_status([met, info, check("real", "Search not on first load", False, "x")]) == 1
    assert exit_status([met, judge(TARGETS["site"], "synthetic", 44.0)]) == 1
    assert "| no target |" in table([info])


def test_summary_edit_in_a_block_and_inline():
    block = "area: a\nsummary:\n  young_people: |\n    Hi.\n  families: |\n    Old words.\n"
    assert add_to_summary(block, "New.") == block.replace("    Old words.", "    New. Old words.")
    inline = "summary:\n  families: Old words.\n  young_people: Hi.\n"
    assert add_to_summary(inline, "New.") == inline.replace(": Old", ": New. Old")
    # a findings item's "families:" (deeper indent, after the summary) is never the one edited
    findings = "summary:\n  young_people: Hi.\ngoing_well:\n  - families: Theirs.\n"
    assert add_to_summary(findings, "New.") == findings


def test_grade_edit_changes_only_the_overall_grade_and_is_seen_on_the_page():
    text = "judgements:\n  overall-effectiveness: good\n  leaders: good\n"
    edit = grade_edit(Path("x.yaml"), "areas/a/b/", "a/b", "good", "outstanding")
    assert edit.change(text, "") == text.replace(
        "effectiveness: good", "effectiveness: outstanding"
    )
    shown = '<span class="grade grade--outstanding" data-inspection="a/b" '
    assert edit.shown(shown + 'data-judgement="overall-effectiveness">', "")
    assert not edit.shown(
        shown.replace("a/b", "a/c") + 'data-judgement="overall-effectiveness">', ""
    )
    assert not edit.shown(shown + 'data-judgement="leaders">', "")


def test_the_shipped_data_has_what_the_preview_edits_need():
    folder = ROOT / "data" / "inspections"
    files = [
        (p.relative_to(folder).with_suffix("").as_posix(), p)
        for p in sorted(folder.glob("*/*.yaml"))
    ]
    key, path = with_summary(files)
    assert add_to_summary(path.read_text(encoding="utf-8"), "Marker.") != path.read_text(
        encoding="utf-8"
    )
    key, path, grade = with_grade(files)
    assert f"\n  overall-effectiveness: {grade}\n" in path.read_text(encoding="utf-8")


def test_the_word_to_avoid_is_one_the_rules_list():
    rules = (ROOT / "data" / "rules" / "plain-language.yaml").read_text(encoding="utf-8")
    assert f" {BAD_WORD}," in rules or f" {BAD_WORD}]" in rules


def test_pages_to_load_cover_each_kind_and_the_heaviest(tmp_path):
    for rel, size in [
        ("", 10),
        ("compare", 10),
        ("areas", 10),
        ("areas/a", 10),
        ("areas/a/2020-01-x", 10),
        ("areas/a/2020-01-x/young-people", 10),
        ("areas/b/2021-02-y", 5000),
        ("areas/c", 20),
    ]:
        (tmp_path / rel).mkdir(parents=True, exist_ok=True)
        (tmp_path / rel / "index.html").write_text(
            "".join(str(i * 7919 % 10007) for i in range(size)), encoding="utf-8"
        )
    urls = pages_to_load(tmp_path, "a/2020-01-x", heaviest=1)
    assert {"", "compare/", "areas/", "areas/a/"} <= set(urls)
    assert "areas/a/2020-01-x/young-people/" in urls and "404.html" in urls
    assert "areas/b/2021-02-y/" in urls and "areas/c/" not in urls


def test_the_benchmark_is_not_in_the_installed_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    find = config["tool"]["setuptools"]["packages"]["find"]
    packages = setuptools.find_packages(
        str(ROOT / find["where"][0]), include=find.get("include", ["*"])
    )
    assert "inspections" in packages
    assert not [p for p in packages if p.split(".")[0] == "bench"]
    assert Path(targets.__file__).resolve().is_relative_to(ROOT / "scripts" / "bench")
    installed = importlib.util.find_spec("inspections")
    assert not (Path(installed.origin).parent / "bench").exists()
