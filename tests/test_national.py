"""National context, next inspection window, and the loader on the national data: computed from data only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.synthetic import make_project
from inspections import national
from inspections.load import load_text
from inspections.pages import build_pages
from inspections.problems import DataError
from inspections.site import load_site
from readers import no_bel, reference


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory, root) -> Path:
    """A small fictional project (12 areas) made by the benchmark's generator."""
    out = tmp_path_factory.mktemp("synthetic") / "project"
    make_project(out, root, areas=12, seed=7)
    return out


@pytest.fixture(scope="module")
def synthetic_site(synthetic):
    return load_site(synthetic)


def test_synthetic_project_is_valid_and_realistic(synthetic_site):
    site = synthetic_site
    assert len(site.areas) == 12
    for area in site.areas:
        assert 3 <= len(site.inspections_of(area)) <= 6


def test_tally_counts_each_areas_latest_inspection_under_one_framework(synthetic_site):
    site = synthetic_site
    for fw in national.graded_frameworks(site):
        lead = national.lead_judgement(site.frameworks[fw].model)
        t = national.tally(site, fw, lead)
        # Recount by hand: for each area, its newest graded inspection under fw.
        expected = dict.fromkeys(site.frameworks[fw].model.grades, 0)
        for area in site.areas:
            # A re-inspection may judge only part: the newest that judged the lead counts.
            mine = [
                e
                for e in site.inspections_of(area)
                if e.model.framework == fw and lead in e.model.judgements
            ]
            if mine:
                expected[mine[0].model.judgements[lead]] += 1
        assert t.counts == expected
        assert t.areas == sum(expected.values()) + t.unknown


def test_never_mixes_frameworks(synthetic_site):
    site = synthetic_site
    for fw in national.graded_frameworks(site):
        for entry in national.latest_under(site, fw).values():
            assert entry.model.framework == fw


def test_context_line_on_shipped_page_says_it_covers_this_site_only(site_data):
    pages = build_pages(site_data)
    page = pages["areas/derby/2022-03-ilacs/index.md"].markdown
    assert "## How this compares" in page
    assert "on this site only" in page
    n = national.tally(site_data, "ilacs-2018", "overall-effectiveness")
    count = n.counts["outstanding"]
    assert (
        "No other area on this site has that grade"
        if count == 1
        else f"On this site, {count} areas have that grade"
    ) in page


def test_context_line_counts_match_data(synthetic_site):
    pages = build_pages(synthetic_site)
    checked = 0
    for key, entry in synthetic_site.inspections.items():
        facts = national.inspection_national(synthetic_site, entry)
        if not facts or not facts.is_latest or facts.national.areas < 2:
            continue
        grade = synthetic_site.frameworks[entry.model.framework].model.grades[facts.grade]
        md = pages[f"areas/{key}/index.md"].markdown
        count = facts.national.counts[facts.grade]
        assert f"was rated **{grade.families}**" in md
        assert (
            "No other area on this site has that grade"
            if count == 1
            else f"On this site, {count} areas have that grade"
        ) in md
        checked += 1
    assert checked > 5


def test_next_window_from_ilacs_rule(root, tmp_path, monkeypatch):
    # Derby's March 2022 inspection, built as if in January 2024 (before a newer report).
    project = tmp_path / "p"
    shutil.copytree(root / "data", project / "data")
    for path in (project / "data/inspections/derby").glob("*.yaml"):
        if path.name > "2022-03-ilacs.yaml":
            path.unlink()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")  # 1 January 2024
    site = load_site(project, seeds=root.parent / "shared" / "seeds")
    window = national.next_window(site, "derby")
    assert window is not None and window.after == "derby/2022-03-ilacs"
    assert (window.start, window.end) == ("2024-09", "2025-09")  # March 2022 + 36 months ± 6
    md = build_pages(site)["areas/derby/2022-03-ilacs/index.md"].markdown
    assert "an estimate" in md and "between September 2024 and September 2025" in md
    assert "kirkleessafeguardingchildren.co.uk" in md  # the basis is cited


def test_passed_window_is_never_shown(root, tmp_path, monkeypatch):
    project = tmp_path / "p"
    shutil.copytree(root / "data", project / "data")
    for path in (project / "data/inspections/derby").glob("*.yaml"):
        if path.name > "2022-03-ilacs.yaml":
            path.unlink()
    assert national.next_window(load_site(project), "derby", today="2025-09") is not None
    assert national.next_window(load_site(project), "derby", today="2025-10") is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1760000000")  # 9 October 2025: window passed
    site = load_site(project, seeds=root.parent / "shared" / "seeds")
    pages = build_pages(site)
    for audience in ("index", "young-people"):
        md = pages[f"areas/derby/2022-03-ilacs/{audience}.md"].markdown
        assert "September 2025" not in md and "an estimate" not in md


def test_build_month_follows_source_date_epoch():
    assert national.build_month({"SOURCE_DATE_EPOCH": "1704067200"}) == "2024-01"
    assert national.build_month({}) >= "2026-01"  # today, when the variable is not set


def test_no_window_when_rule_does_not_cover_the_grade(site_data, tmp_path, root):
    project = tmp_path / "p"
    shutil.copytree(root / "data", project / "data")
    path = project / "data/inspections/derby/2022-03-ilacs.yaml"
    path.write_text(
        path.read_text().replace(
            "overall-effectiveness: outstanding", "overall-effectiveness: inadequate"
        )
    )
    site = load_site(project, seeds=root.parent / "shared" / "seeds")
    assert national.next_window(site, "derby") is None


@pytest.mark.parametrize(
    "months, expected",
    [(0, "2022-03"), (9, "2022-12"), (10, "2023-01"), (-3, "2021-12"), (36, "2025-03")],
)
def test_add_months(months, expected):
    assert national.add_months("2022-03", months) == expected


def test_loader_reads_every_data_file_as_yaml_1_2_does(root, synthetic):
    paths = [*(root / "data").rglob("*.yaml"), *list((synthetic / "data").rglob("*.yaml"))[:80]]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        doc, other = load_text(text, "x.yaml"), reference(text)
        assert doc.data == no_bel(other.data), path
        assert doc.positions == other.positions, path
        assert doc.key_positions == other.key_positions, path
        assert doc.blocks == other.blocks, path


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !tag x\n",
        "a: 1\na: 2\n",
        "a: [1\n",
        "- 1\n",
        "a:\n\tb: 1\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: !!str 1\n",
    ],
)
def test_loader_refuses_unusual_files_with_a_located_message(text):
    with pytest.raises(DataError) as caught:
        load_text(text, "x.yaml")
    assert all(p.line >= 1 and p.col >= 1 and p.fix for p in caught.value.problems)


@pytest.mark.parametrize(
    "text, value",
    [
        ("a: no\n", "no"),
        ("a: 010\n", 10),
        ("a: yes\n", "yes"),
        ("a: 2022-03-21\n", "2022-03-21"),
        ("a: ~\n", None),
        ("a: 0o17\n", 15),
        ("a: true\n", True),
    ],
)
def test_loader_reads_values_as_yaml_1_2(text, value):
    assert load_text(text, "x.yaml").data == {"a": value} == reference(text).data
