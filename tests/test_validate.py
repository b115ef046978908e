"""Validation: one test per kind of error, each asserting the exact message with file:line:col.

Each test copies the shipped data to a temporary project, breaks one thing, and checks the
problems reported. The messages are the product here: a comms officer reads them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from inspections.problems import DataError
from inspections.site import load_site
from project_copy import edit

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DERBY_2022 = "data/inspections/derby/2022-03-ilacs.yaml"


def line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_site(project, seeds=SEEDS)
    return [str(p) for p in info.value.problems]


def test_shipped_data_is_valid() -> None:
    site = load_site(ROOT, seeds=SEEDS)
    assert "derby/2022-03-ilacs" in site.inspections


def test_misspelt_grade(project: Path) -> None:
    edit(project, DERBY_2022, "  leaders: outstanding", "  leaders: outstandng")
    n = line_of(project, DERBY_2022, "leaders: outstandng")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:12: `outstandng` is not a grade on the ILACS (ilacs-2018) scale. "
        "Did you mean `outstanding`? Write the grade the report gives. Use one of: "
        "`outstanding`, `good`, `requires-improvement`, `inadequate`, `unknown`."
    ]


def test_grade_word_from_another_scale(project: Path) -> None:
    edit(project, DERBY_2022, "  leaders: outstanding", "  leaders: adequate")
    n = line_of(project, DERBY_2022, "leaders: adequate")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:12: `adequate` is not a grade on the ILACS (ilacs-2018) scale: "
        "`adequate` is a grade on the scale of cpi-2012, slac-2009 and tlac-2013, and grades are never turned from one "
        "scale into another. Write the grade the report gives. Use one of: `outstanding`, "
        "`good`, `requires-improvement`, `inadequate`, `unknown`."
    ]


def test_judgement_from_another_framework(project: Path) -> None:
    edit(project, DERBY_2022, "  leaders: outstanding", "  leadership: outstanding")
    n = line_of(project, DERBY_2022, "leadership: outstanding")
    j = line_of(project, DERBY_2022, "judgements:")
    assert problems(project) == [
        f"{DERBY_2022}:{j}:1: The judgement `leaders` (The impact of leaders on social work "
        "practice with children and families) is missing. Add `leaders:` with its grade, or "
        "`leaders: unknown` if the sources do not give it.",
        f"{DERBY_2022}:{n}:3: `leadership` is not a judgement under ILACS (ilacs-2018): it is "
        "a judgement of sif-2013. Did you mean `leaders`? Check `framework:` is right for this "
        "inspection's date. Use one of: "
        "`overall-effectiveness`, `leaders`, `help-and-protection`, "
        "`children-in-care-and-care-leavers`.",
    ]


def test_grades_on_an_ungraded_visit(project: Path) -> None:
    edit(project, DERBY_2022, "kind: short", "kind: focused-visit")
    j = line_of(project, DERBY_2022, "judgements:")
    assert problems(project) == [
        f"{DERBY_2022}:{j}:1: A focused visit gives no grades, so it cannot have judgements. "
        "Remove `judgements:` and put what inspectors found under `going_well:` and "
        "`must_improve:`.",
        f"{DERBY_2022}:{j + 5}:1: A focused visit gives no grades, so there is no source for "
        "grades. Remove `judgements_source:`.",
    ]


def test_missing_field(project: Path) -> None:
    edit(
        project,
        DERBY_2022,
        "  young_people: |\n    Ofsted gave Derby",
        "  yp_text: |\n    Ofsted gave Derby",
    )
    s = line_of(project, DERBY_2022, "summary:")
    k = line_of(project, DERBY_2022, "yp_text:")
    assert problems(project) == [
        f"{DERBY_2022}:{s + 1}:3: `young_people` is missing from `summary`. Add "
        "`young_people:` here: For young people: short sentences and everyday words (a "
        "10-year-old should be able to read it).",
        f"{DERBY_2022}:{k}:3: `yp_text` is not a field we know here. Check the spelling, or "
        "remove it. Fields allowed here: `young_people`, `families`.",
    ]


def test_unknown_key_did_you_mean(project: Path) -> None:
    edit(project, DERBY_2022, "must_improve:", "must_improv:")
    n = line_of(project, DERBY_2022, "must_improv:")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:1: `must_improv` is not a field we know here. "
        "Did you mean `must_improve`?"
    ]


def test_date_that_does_not_exist(project: Path) -> None:
    edit(project, DERBY_2022, "published: 2022-05-11", "published: 2022-02-30")
    n = line_of(project, DERBY_2022, "published: 2022-02-30")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:14: `2022-02-30` is not a real date (check the day and month). "
        "Check the day exists in that month."
    ]


def test_date_in_a_format_we_cannot_read(project: Path) -> None:
    edit(project, DERBY_2022, "start: 2022-03-21", "start: 21/03/2022")
    n = line_of(project, DERBY_2022, "start: 21/03/2022")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:10: `21/03/2022` is not a date we can read: write it as "
        "YYYY-MM-DD (for example 2022-03-21), YYYY-MM or YYYY when only the month or year is "
        "known, or `unknown`."
    ]


def test_dates_in_the_wrong_order(project: Path) -> None:
    edit(project, DERBY_2022, "end: 2022-03-25", "end: 2022-03-20")
    n = line_of(project, DERBY_2022, "end: 2022-03-20")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:8: The end date is before the start date. Check both dates: the "
        "order is start, end, then published."
    ]


def test_text_expected_number_given(project: Path) -> None:
    edit(project, "data/areas/derby.yaml", "council: Derby City Council", "council: 1234")
    n = line_of(project, "data/areas/derby.yaml", "council: 1234")
    assert problems(project) == [
        f"data/areas/derby.yaml:{n}:10: `council` should be text, but it reads as the number "
        '`1234`. Put the value in double quotes, like `council: "1234"`.'
    ]


def test_unknown_area(project: Path) -> None:
    edit(project, DERBY_2022, "area: derby", "area: derbey")
    assert problems(project) == [
        f"{DERBY_2022}:3:7: There is no area `derbey` in data/areas/. Did you mean `derby`?"
    ]


def test_previous_inspection_that_does_not_exist(project: Path) -> None:
    edit(project, DERBY_2022, "previous: derby/2017-03-sif", "previous: derby/2016-sif")
    n = line_of(project, DERBY_2022, "previous:")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:11: There is no inspection `derby/2016-sif`. "
        "Did you mean `derby/2017-03-sif`?"
    ]


def test_source_not_listed(project: Path) -> None:
    edit(
        project,
        DERBY_2022,
        "    ref: paragraph 5\n",
        "    ref: paragraph 5\n",
    )
    edit(project, DERBY_2022, "judgements_source: ofsted-2022", "judgements_source: ofsted-2021")
    n = line_of(project, DERBY_2022, "judgements_source:")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:20: The source `ofsted-2021` is not listed under `sources:`. "
        "Did you mean `ofsted-2022`?"
    ]


def test_glossary_link_that_does_not_resolve(project: Path) -> None:
    edit(
        project,
        DERBY_2022,
        "(glossary:virtual-school) helps them",
        "(glossary:virtual-skool) helps them",
    )
    n = line_of(project, DERBY_2022, "glossary:virtual-skool")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:19: The glossary has no entry `virtual-skool`. "
        "Did you mean `virtual-school`?"
    ]


def test_duplicate_key(project: Path) -> None:
    edit(project, DERBY_2022, "kind: short\n", "kind: short\nkind: standard\n")
    assert problems(project) == [
        f"{DERBY_2022}:6:1: `kind` appears twice in the same place (first on line 5). "
        "Keep one of them and delete the other."
    ]


def test_placeholder_is_refused(project: Path) -> None:
    edit(
        project,
        DERBY_2022,
        "  young_people: |\n    Ofsted gave Derby the top grade, outstanding."
        " Leaders care a lot about children. Social workers know the children they help. "
        "When a child is not safe, workers act fast. Children in care do well at school. "
        "Care leavers get good help. Two things still need to get better.\n",
        '  young_people: "Still to write: young people\'s summary"\n',
    )
    n = line_of(project, DERBY_2022, "Still to write")
    assert problems(project) == [
        f"{DERBY_2022}:{n}:17: Still to write: young people's summary. Replace this "
        "placeholder with the real text before publishing."
    ]


def test_every_problem_in_every_file_at_once(project: Path) -> None:
    edit(project, DERBY_2022, "  leaders: outstanding", "  leaders: outstandng")
    edit(project, "data/areas/derby.yaml", "region: East Midlands", "region: East Midland")
    edit(
        project, "data/glossary.yaml", "  ofsted:\n    term: Ofsted", "  ofsted:\n    trem: Ofsted"
    )
    found = problems(project)
    assert [p.split(":")[0] for p in found] == [
        "data/areas/derby.yaml",
        "data/glossary.yaml",
        "data/glossary.yaml",
        DERBY_2022,
    ]
    assert "`East Midland` is not allowed for `region`. Did you mean `East Midlands`?" in found[0]


def test_cli_prints_problems_exits_1_and_writes_nothing(project: Path) -> None:
    edit(project, DERBY_2022, "published: 2022-05-11", "published: 2022-13-01")
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    result = subprocess.run(
        [sys.executable, "-m", "inspections", "validate", "--root", str(project)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    n = line_of(project, DERBY_2022, "published: 2022-13-01")
    assert result.stderr.startswith(f"{DERBY_2022}:{n}:14: `2022-13-01` is not a real date")
    assert result.stderr.rstrip().endswith("Found 1 problem. Nothing was built.")
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_schema_files_are_up_to_date() -> None:
    from inspections.commands.schema import schemas

    for name, text in schemas().items():
        assert (ROOT / "data" / "schema" / name).read_text(encoding="utf-8") == text, (
            f"data/schema/{name} is out of date: run `python -m inspections schema`"
        )


@pytest.mark.parametrize(
    "kind,pattern",
    [
        ("area", "data/areas/*.yaml"),
        ("framework", "data/frameworks/*.yaml"),
        ("inspection", "data/inspections/*/*.yaml"),
        ("glossary", "data/glossary.yaml"),
    ],
)
def test_data_files_point_editors_at_their_schema(kind: str, pattern: str) -> None:
    files = sorted(ROOT.glob(pattern))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target == (ROOT / "data" / "schema" / f"{kind}.schema.json").resolve()


# ---------------------------------------------------------------------------- phone numbers

DERBY = "data/areas/derby.yaml"
PHONE_FIX = 'Copy the number exactly from its source page, in quotes, e.g. "01332 641172".'


@pytest.mark.parametrize(
    ("number", "wrong"),
    [
        ("01332 64117", "`01332 64117` is not a whole UK phone number: it looks one digit short"),
        ("12345", "`12345` is not a UK phone number"),
        (
            "07700 900123",
            "`07700 900123` is one of the numbers Ofcom keeps for TV and radio drama, "
            "not a real phone number",
        ),
        (
            "020 7946 0123",
            "`020 7946 0123` is one of the numbers Ofcom keeps for TV and radio "
            "drama, not a real phone number",
        ),  # a drama number phonenumbers accepts
        ("0800-1111", "`0800-1111` is not a UK phone number (write digits and spaces only)"),
    ],
)
def test_wrong_phone_numbers_are_refused(project: Path, number: str, wrong: str) -> None:
    edit(project, DERBY, 'number: "01332 641172"', f'number: "{number}"')
    n = line_of(project, DERBY, f'number: "{number}"')
    assert problems(project) == [f"{DERBY}:{n}:13: {wrong}. {PHONE_FIX}"]


def test_a_council_number_cannot_be_a_short_number(project: Path) -> None:
    edit(project, DERBY, 'number: "01332 641172"', 'number: "999"')
    n = line_of(project, DERBY, 'number: "999"')
    assert problems(project) == [f"{DERBY}:{n}:13: `999` is not a UK phone number. {PHONE_FIX}"]


def test_helplines_may_be_short_numbers_phonenumbers_knows(project: Path) -> None:
    edit(project, "data/helplines.yaml", 'number: "0800 1111"', 'number: "116 123"')
    site = load_site(project, seeds=SEEDS)
    assert site.helplines.model.helplines["childline"].number == "116 123"
    edit(project, "data/helplines.yaml", 'number: "116 123"', 'number: "116 999"')
    n = line_of(project, "data/helplines.yaml", 'number: "116 999"')
    assert problems(project) == [
        f"data/helplines.yaml:{n}:13: `116 999` is not a UK phone number. {PHONE_FIX}"
    ]


def test_numbers_are_shown_in_the_national_format(project: Path) -> None:
    edit(project, DERBY, 'number: "01332 641172"', 'number: "+44 1332 641172"')
    site = load_site(project, seeds=SEEDS)
    assert site.areas["derby"].model.contacts[0].number == "01332 641172"
    assert site.helplines.model.helplines["emergency"].number == "999"
