"""Frameworks and the checks that keep grades honest across them.

Each test writes one realistic mistake into a copy of the shipped data and checks the exact
``file:line:col`` message a comms officer would see. Line numbers are found in the edited
file, so a test fails if the message points at the wrong place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inspections.problems import DataError
from inspections.site import load_site
from project_copy import edit

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
VISIT = "data/inspections/derbyshire/focused-visit-september.yaml"
DERBY_2017 = "data/inspections/derby/2017-03-sif.yaml"
DERBY_2022 = "data/inspections/derby/2022-03-ilacs.yaml"


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which ``needle`` starts."""
    return text[: text.index(needle)].count("\n") + 1


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(project, seeds=SEEDS)
    return [str(p) for p in caught.value.problems]


def test_shipped_data_is_valid():
    site = load_site(ROOT, seeds=SEEDS)
    assert {"ilacs-2018", "ilacs-2023", "ilacs-2026", "sif-2013", "slac-2009", "jtai"} <= set(
        site.frameworks
    )


def test_grades_on_a_visit_are_rejected(project: Path):
    text = edit(
        project,
        VISIT,
        "\nsummary:",
        "\njudgements:\n  help-and-protection: good\njudgements_source: news\n\nsummary:",
    )
    n = line_of(text, "judgements:")
    assert problems(project) == [
        f"{VISIT}:{n}:1: A focused visit gives no grades, so it cannot have judgements. "
        "Remove `judgements:` and put what inspectors found under `going_well:` and "
        "`must_improve:`.",
        f"{VISIT}:{n + 2}:1: A focused visit gives no grades, so there is no source for grades. "
        "Remove `judgements_source:`.",
    ]


def test_judgement_from_an_older_framework_names_that_framework(project: Path):
    text = edit(
        project, DERBY_2017, "  leadership: good\n", "  leadership: good\n  safeguarding: good\n"
    )
    n = line_of(text, "  safeguarding")
    assert problems(project) == [
        f"{DERBY_2017}:{n}:3: `safeguarding` is not a judgement under SIF (sif-2013): it "
        "is a judgement of slac-2009. Check `framework:` is right for this inspection's date. "
        "Use one of: `overall-effectiveness`, `help-and-protection`, `children-looked-after`, "
        "`adoption`, `care-leavers`, `leadership`, `lscb-review`.",
    ]


def test_overall_effectiveness_is_rejected_from_april_2026(project: Path):
    new = project / "data/inspections/derby/2026-05-ilacs.yaml"
    new.write_text(
        "area: derby\nframework: ilacs-2026\nkind: short\n"
        "dates: {start: 2026-05-11, end: 2026-05-15, published: unknown, source: s}\n"
        "report: {url: https://reports.ofsted.gov.uk/, title: Ofsted's reports}\n"
        "judgements:\n"
        "  overall-effectiveness: good\n"
        "  leaders: good\n  help-and-protection: good\n  children-in-care: good\n"
        "  care-leavers: good\n"
        "judgements_source: s\n"
        "summary: {young_people: Good., families: Good.}\n"
        "sources: {s: {url: https://reports.ofsted.gov.uk/, title: Ofsted}}\n",
        encoding="utf-8",
    )
    assert problems(project) == [
        "data/inspections/derby/2026-05-ilacs.yaml:7:3: `overall-effectiveness` is not a "
        "judgement under ILACS (ilacs-2026): it is a judgement of cpi-2012, ilacs-2018, "
        "ilacs-2023, sif-2013 and tlac-2013. Check `framework:` is right for this inspection's date. "
        "Use one of: `leaders`, `help-and-protection`, `children-in-care`, `care-leavers`.",
    ]


def test_care_leavers_judgement_from_2018_is_rejected_under_2023(project: Path):
    # A 2023 inspection copied from a 2022 file keeps the old combined judgement.
    text = edit(project, DERBY_2022, "framework: ilacs-2018", "framework: ilacs-2023")
    text = edit(
        project,
        DERBY_2022,
        "  start: 2022-03-21\n  end: 2022-03-25\n  published: 2022-05-11\n",
        "  start: 2023-03-20\n  end: 2023-03-24\n  published: 2023-05-11\n",
    )
    text = edit(project, DERBY_2022, "  action_plan_due: 2022-08-19\n", "")
    first = line_of(text, "  children-in-care-and-care-leavers")
    judgements = line_of(text, "judgements:\n")
    assert problems(project) == [
        f"{DERBY_2022}:{judgements}:1: The judgement `care-leavers` (The experiences and "
        "progress of care leavers) is missing. Add `care-leavers:` with its grade, or "
        "`care-leavers: unknown` if the sources do not give it.",
        f"{DERBY_2022}:{judgements}:1: The judgement `children-in-care` (The experiences and "
        "progress of children in care) is missing. Add `children-in-care:` with its grade, or "
        "`children-in-care: unknown` if the sources do not give it.",
        f"{DERBY_2022}:{first}:3: `children-in-care-and-care-leavers` is not a judgement under "
        "ILACS (ilacs-2023): it is a judgement of ilacs-2018. Did you mean `children-in-care`? "
        "Check `framework:` is right for this inspection's date. Use one of: "
        "`overall-effectiveness`, `leaders`, `help-and-protection`, `children-in-care`, "
        "`care-leavers`.",
    ]


def test_grade_word_from_another_scale_is_rejected_without_a_look_alike(project: Path):
    text = edit(
        project,
        DERBY_2017,
        "  overall-effectiveness: good\n",
        "  overall-effectiveness: adequate\n",
    )
    n = line_of(text, "  overall-effectiveness: adequate")
    # "adequate" is the 2009-2013 word; suggesting "inadequate" would change the meaning.
    assert problems(project) == [
        f"{DERBY_2017}:{n}:26: `adequate` is not a grade on the SIF (sif-2013) scale: "
        "`adequate` is a grade on the scale of cpi-2012, slac-2009 and tlac-2013, and grades are never turned from one "
        "scale into another. Write the grade the report gives. Use one of: `outstanding`, "
        "`good`, `requires-improvement`, `inadequate`, `unknown`.",
    ]


def test_official_grade_wording_points_to_the_key(project: Path):
    text = edit(
        project,
        DERBY_2022,
        "  leaders: outstanding\n",
        "  leaders: requires-improvement-to-be-good\n",
    )
    n = line_of(text, "  leaders: requires")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:12: `requires-improvement-to-be-good` is not a grade on the ILACS "
        "(ilacs-2018) scale. Did you mean `requires-improvement`? Write the grade the report "
        "gives. Use one of: `outstanding`, `good`, `requires-improvement`, `inadequate`, "
        "`unknown`.",
    ]


def test_framework_not_in_use_on_the_inspection_date(project: Path):
    text = edit(project, DERBY_2017, "framework: sif-2013", "framework: ilacs-2018")
    edit(
        project,
        DERBY_2017,
        "  help-and-protection: requires-improvement\n"
        "  children-looked-after: good\n  adoption: good\n  care-leavers: good\n"
        "  leadership: good\n  lscb-review: outstanding\n",
        "  help-and-protection: requires-improvement\n"
        "  children-in-care-and-care-leavers: unknown\n  leaders: unknown\n",
    )
    n = line_of(text, "framework:")
    assert problems(project) == [
        f"{DERBY_2017}:{n}:12: This inspection started on 6 March 2017, but ILACS (ilacs-2018) "
        "was used from January 2018 to December 2022. Check `framework:` and the start date. "
        "For that date, use `sif-2013`.",
    ]


VISIT_START = "  start:\n    value: 2022-09-21\n    source: ofsted-statistics-2023\n"


def unknown_year(project: Path, not_before: str) -> str:
    """The Derbyshire visit as it was before its year was known: only its limits."""
    return edit(
        project,
        VISIT,
        VISIT_START,
        f"  start:\n    value: unknown\n    not_before: {not_before}\n    not_after: 2023\n",
    )


def test_unknown_year_is_checked_against_its_limits(project: Path):
    text = unknown_year(project, "2023-01")
    n = line_of(text, "framework:")
    assert problems(project) == [
        f"{VISIT}:{n}:12: This inspection started between January 2023 and 2023, but ILACS "
        "(ilacs-2018) was used from January 2018 to December 2022. Check `framework:` and the "
        "start date. For that date, use `ilacs-2023`.",
    ]


def test_unknown_year_inside_the_framework_is_accepted(project: Path):
    unknown_year(project, "2020")
    visit = load_site(project, seeds=SEEDS).inspections["derbyshire/focused-visit-september"]
    assert visit.model.dates.start.value == "unknown"
    assert visit.model.framework == "ilacs-2018" and not visit.model.judgements


# ------------------------------------------------------------------- the frameworks' shape


def test_frameworks_have_their_own_judgements(site_data):
    fw = {k: e.model for k, e in site_data.frameworks.items()}
    assert list(fw["ilacs-2018"].judgements) == [
        "overall-effectiveness",
        "leaders",
        "help-and-protection",
        "children-in-care-and-care-leavers",
    ]
    assert list(fw["ilacs-2023"].judgements) == [
        "overall-effectiveness",
        "leaders",
        "help-and-protection",
        "children-in-care",
        "care-leavers",
    ]
    assert list(fw["ilacs-2026"].judgements) == [
        "leaders",
        "help-and-protection",
        "children-in-care",
        "care-leavers",
    ]
    sif = fw["sif-2013"].judgements
    assert {k: j.part_of for k, j in sif.items() if j.part_of} == {
        "adoption": "children-looked-after",
        "care-leavers": "children-looked-after",
    }
    assert [k for k, j in sif.items() if j.separate] == ["lscb-review"]
    assert list(fw["slac-2009"].judgements) == ["safeguarding", "looked-after-children"]
    assert fw["slac-2009"].kinds["re-inspection-safeguarding"].judgements == ["safeguarding"]


def test_scales_keep_their_own_words(site_data):
    fw = {k: e.model for k, e in site_data.frameworks.items()}
    assert list(fw["slac-2009"].grades) == ["outstanding", "good", "adequate", "inadequate"]
    assert fw["sif-2013"].grades["requires-improvement"].official == "Requires improvement"
    assert (
        fw["ilacs-2018"].grades["requires-improvement"].official
        == "Requires improvement to be good"
    )
    assert not fw["jtai"].grades and not fw["jtai"].judgements
    assert all(not k.graded for k in fw["jtai"].kinds.values())
    for key in ("ilacs-2018", "ilacs-2023", "ilacs-2026"):
        kinds = fw[key].kinds
        assert not kinds["focused-visit"].graded and not kinds["monitoring-visit"].graded
    assert {k for k, f in fw.items() if f.older} == {
        "sif-2013",
        "slac-2009",
        "cpi-2012",
        "tlac-2013",
    }


def test_frameworks_follow_each_other_without_gaps(site_data):
    fw = {k: e.model.in_use for k, e in site_data.frameworks.items()}
    order = ["slac-2009", "sif-2013", "ilacs-2018", "ilacs-2023", "ilacs-2026"]
    assert [(fw[k].from_, fw[k].to) for k in order] == [
        ("2009-04", "2013"),
        ("2013-11", "2018"),
        ("2018-01", "2022-12"),
        ("2023-01", "2026-03"),
        ("2026-04", None),
    ]


def test_every_finding_cites_a_source_and_where_in_it(site_data):
    missing = []
    for key, entry in site_data.inspections.items():
        insp = entry.model
        cited = [*insp.going_well, *insp.must_improve]
        cited += [x for x in (insp.how_inspected, insp.next_steps) if x]
        for item in cited:
            if item.source not in insp.sources or not item.ref:
                missing.append((key, item.families[:40]))
    assert missing == []


def test_frameworks_cite_public_addresses_and_say_what_is_secondary(site_data):
    for key, entry in site_data.frameworks.items():
        urls = [s.url for s in entry.model.sources]
        assert all(u.startswith("https://") for u in urls), key
        if any("gov.uk" not in u for u in urls):
            # Anything not on GOV.UK is explained in the notes.
            assert entry.model.notes, key
