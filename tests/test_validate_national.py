"""Validation of the fields added for every council: codes, Ofsted's page, councils that
ended, and kinds of inspection that judge only some things. Exact messages, as comms officers
read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspections.problems import DataError
from inspections.site import load_site
from project_copy import edit

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DERBY = "data/areas/derby.yaml"


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_site(project, seeds=SEEDS)
    return [str(p) for p in info.value.problems]


def line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def add_to_derby(project: Path, text: str) -> None:
    path = project / DERBY
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_ons_code_and_ofsted_page_must_look_right(project: Path) -> None:
    edit(project, DERBY, "ons_code: E06000015", "ons_code: E0600001")
    edit(
        project,
        DERBY,
        "ofsted_page: https://reports.ofsted.gov.uk/provider/44/831",
        "ofsted_page: https://reports.ofsted.gov.uk/x",
    )
    n = line_of(project, DERBY, "ons_code:")
    assert problems(project) == [
        f"{DERBY}:{n}:11: `E0600001` is not the ONS code of a council with children's services "
        "(E06, E08, E09 or E10 and six digits). Copy the code from Ofsted's statistics "
        "(column B), e.g. `E06000015`.",
        f"{DERBY}:{n + 1}:14: `https://reports.ofsted.gov.uk/x` is not the address of a "
        "council's page on Ofsted's reports website. Copy the address from Ofsted's statistics "
        "(column A), e.g. `https://reports.ofsted.gov.uk/provider/44/829`.",
    ]


def test_an_ended_council_names_areas_that_exist_and_a_listed_source(project: Path) -> None:
    add_to_derby(
        project, "ended:\n  date: 2019-04\n  replaced_by: [derbyshir]\n  source: statistics\n"
    )
    n = line_of(project, DERBY, "replaced_by:")
    assert problems(project) == [
        f"{DERBY}:{n}:17: There is no area `derbyshir` in data/areas/. Did you mean `derbyshire`?",
        f"{DERBY}:{n + 1}:11: The source `statistics` is not listed under `sources:`. Did you "
        "mean `ofsted-statistics-2025`?",
    ]


def test_optional_facts_may_be_left_out(project: Path) -> None:
    for line in (
        "council: Derby City Council\n",
        "kind: unitary\n",
        "website: https://www.derby.gov.uk/\n",
    ):
        edit(project, DERBY, line, "")
    text = (project / "data/inspections/derby/2022-03-ilacs.yaml").read_text(encoding="utf-8")
    start, end = text.index("\nsummary:\n"), text.index("\ngoing_well:")
    (project / "data/inspections/derby/2022-03-ilacs.yaml").write_text(
        text[:start] + text[end:], encoding="utf-8"
    )
    site = load_site(project, seeds=SEEDS)
    assert site.areas["derby"].model.council is None
    assert site.inspections["derby/2022-03-ilacs"].model.summary is None


def test_a_kind_that_judges_one_thing_needs_only_that_grade(project: Path) -> None:
    rel = "data/inspections/derby/2011-02-slac.yaml"
    (project / rel).write_text(
        "area: derby\nframework: slac-2009\nkind: re-inspection-safeguarding\n"
        "dates: {start: unknown, end: unknown, published: 2011-02-25, source: s}\n"
        "report: {url: https://reports.ofsted.gov.uk/, title: Ofsted's reports}\n"
        "judgements: {safeguarding: adequate, looked-after-children: good}\n"
        "judgements_source: s\n"
        "sources: {s: {url: https://reports.ofsted.gov.uk/, title: Ofsted}}\n",
        encoding="utf-8",
    )
    assert problems(project) == [
        f"{rel}:6:38: A re-inspection of safeguarding services does not judge "
        "`looked-after-children`. Remove this line, or check `kind:`.",
    ]
