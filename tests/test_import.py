"""``python -m inspections import``: Ofsted's report (PDF or text) to a draft inspection file.

Every test works on a temporary copy of the project's data (with invented areas added, never
in the real data/), offline. Fixtures are invented reports in Ofsted's layouts with the noise
PDF extraction leaves (tests/fixtures/import/README.md); the seed report is the real one.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from inspections.cli import main
from inspections.importer.facts import parse_range
from inspections.importer.pipeline import import_report
from inspections.importer.structure import parse
from inspections.importer.text import clean, join_lines
from inspections.load import load_file, load_text
from inspections.problems import DataError
from inspections.site import load_site

sys.path.insert(0, str(Path(__file__).parent))
from pdf_from_text import pdf_bytes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
SEEDS = ROOT.parent / "shared" / "seeds"
SEED = SEEDS / "002_ac570c76320a66fd.txt"
AREAS = {
    "exampleshire": ("Exampleshire", "Exampleshire County Council", "county"),
    "sampleton": ("Sampleton", "Sampleton City Council", "unitary"),
    "testborough": ("Testborough", "Testborough Council", "metropolitan-borough"),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's data, plus invented areas and any missing test frameworks."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    for slug, (name, council, kind) in AREAS.items():
        (root / "data" / "areas" / f"{slug}.yaml").write_text(
            f"name: {name}\ncouncil: {council}\nkind: {kind}\nregion: East Midlands\n"
            f"website: https://www.{slug}.example/\n",
            encoding="utf-8",
        )
    for framework in (FIXTURES / "frameworks").glob("*.yaml"):
        target = root / "data" / "frameworks" / framework.name
        if not target.exists():
            shutil.copy(framework, target)
    return root


def keys_by_name(project: Path, framework: str) -> dict[str, str]:
    """Judgement official name -> key, read from the framework file (never hard-coded)."""
    data = load_file(project / "data" / "frameworks" / f"{framework}.yaml").data
    return {j["official"]: key for key, j in data.get("judgements", {}).items()}


def framework_with(project: Path, *names: str) -> str:
    """The one framework whose judgements include every one of ``names``."""
    found = [
        p.stem
        for p in (project / "data" / "frameworks").glob("*.yaml")
        if set(names) <= set(keys_by_name(project, p.stem))
    ]
    assert len(found) >= 1, names
    return found[0] if len(found) == 1 else min(found)


def problems_in(project: Path, path: Path) -> list[str]:
    """What `validate` says about the project: every problem, as printed."""
    try:
        load_site(project, seeds=SEEDS)
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return []


def assert_only_placeholders(project: Path, path: Path) -> None:
    shown = path.relative_to(project).as_posix()
    problems = problems_in(project, path)
    assert problems, "validate must refuse a draft"
    for problem in problems:
        assert problem.startswith(shown + ":"), problem
        assert ": Still to write: " in problem, problem


# ---------------------------------------------------------------------------- the seed report


def test_seed_report_gives_derby_2022(project: Path, capsys) -> None:
    assert main(["import", str(SEED), "--root", str(project)]) == 0
    out = capsys.readouterr().out
    path = project / "data" / "inspections" / "derby" / "draft-ilacs.yaml"
    draft = load_file(path).data
    real = load_file(ROOT / "data" / "inspections" / "derby" / "2022-03-ilacs.yaml").data
    assert (draft["area"], draft["framework"]) == (real["area"], real["framework"])
    assert draft["judgements"] == real["judgements"]
    assert draft["sources"]["ofsted-report"]["seed"] == SEED.name
    # The two areas for improvement, with Ofsted's words kept only as comments.
    text = path.read_text(encoding="utf-8")
    assert len(draft["must_improve"]) == 2
    assert all(f["ref"] == "What needs to improve?" for f in draft["must_improve"])
    assert re.search(
        r"# Ofsted's words \(What needs to improve\?, point 1\): Access for all "
        r"children to life-story work",
        text,
    )
    assert "point 2): Sufficiency of placement choice" in text
    # No dates in this text: the draft says so, with the line to fix.
    line = (
        text.splitlines().index(
            '    text: "Still to write: the day Ofsted published the report (YYYY-MM-DD), from '
            "Ofsted's website\""
        )
        + 1
    )
    assert f"No publication date found: add it at line {line}" in out
    assert "names Derby" in out
    assert_only_placeholders(project, path)


def test_seed_report_paragraphs_are_numbered_as_derby_data_cites_them() -> None:
    doc = parse(SEED.read_text(encoding="utf-8"))
    numbers = [p.number for p in doc.paragraphs if p.number is not None]
    assert numbers == list(range(1, 51))
    by_number = {p.number: p.text for p in doc.paragraphs}
    # Paragraphs data/inspections/derby/2022-03-ilacs.yaml cites, with words from each.
    cited = {
        1: "consistently high-quality service",
        5: "significant harm",
        6: "go missing",
        7: "passionate and knowledgeable",
        8: "creative tools",
        22: "too many changes of social worker",
        25: "virtual school",
        26: "emotional health and well-being service",
        29: "not enough options",
        34: "life-story work",
        35: "personal advisers",
        44: "Derby and Derbyshire Safeguarding Children Partnership",
        45: "corporate parenting committee",
        46: "new model of social work",
    }
    for number, words in cited.items():
        assert words in by_number[number], (number, by_number[number][:80])
    assert doc.improvements == [
        "Access for all children to life-story work that helps them to understand their histories.",
        "Sufficiency of placement choice and location for children in care.",
    ]
    headings = [s.heading for s in doc.sections]
    assert headings[2:] == [
        "The experiences and progress of children who need help and protection: outstanding",
        "The experiences and progress of children in care and care leavers: good",
        "The impact of leaders on social work practice with children and families: outstanding",
    ]


# ---------------------------------------------------------------------------- fixture kinds

LEADERS = "The impact of leaders on social work practice with children and families"
HELP = "The experiences and progress of children who need help and protection"
CARE_2018 = "The experiences and progress of children in care and care leavers"
CARE = "The experiences and progress of children in care"
LEAVERS = "The experiences and progress of care leavers"
OVERALL = "Overall effectiveness"

CASES = {
    "ilacs-2018-exampleshire.txt": dict(
        area="exampleshire",
        path="exampleshire/2022-03-ilacs.yaml",
        grades={
            OVERALL: "requires-improvement",
            LEADERS: "good",
            HELP: "requires-improvement",
            CARE_2018: "good",
        },
        dates={"start": "2022-03-07", "end": "2022-03-18"},
        improvements=3,
        paragraphs=12,
    ),
    "ilacs-2023-sampleton.txt": dict(
        area="sampleton",
        path="sampleton/2023-10-ilacs.yaml",
        grades={
            OVERALL: "good",
            LEADERS: "outstanding",
            HELP: "good",
            CARE: "good",
            LEAVERS: "requires-improvement",
        },
        dates={"start": "2023-10-30", "end": "2023-11-10"},
        improvements=2,
        paragraphs=7,
    ),
    "sif-testborough.txt": dict(
        area="testborough",
        path="testborough/2017-01-sif.yaml",
        grades={
            OVERALL: "requires-improvement",
            "Children who need help and protection": "requires-improvement",
            "Children looked after and achieving permanence": "good",
            "Adoption performance": "good",
            "Experiences and progress of care leavers": "requires-improvement",
            "Leadership, management and governance": "good",
            "Review of the effectiveness of the Local Safeguarding Children Board": "good",
        },
        dates={"start": "2017-01-09", "end": "2017-02-02", "published": "2017-03-15"},
        improvements=2,
        paragraphs=7,
    ),
    "focused-visit-exampleshire.txt": dict(
        area="exampleshire",
        path="exampleshire/2022-09-focused-visit.yaml",
        grades=None,
        kind="focused-visit",
        dates={"start": "2022-09-21", "end": "2022-09-22"},
        improvements=1,
        paragraphs=6,
    ),
    "monitoring-visit-sampleton.txt": dict(
        area="sampleton",
        path="sampleton/2024-05-monitoring-visit.yaml",
        grades=None,
        kind="monitoring-visit",
        dates={"start": "2024-05-14", "end": "2024-05-15"},
        improvements=0,
        paragraphs=4,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_kinds_import_correctly(project: Path, name: str) -> None:
    case = CASES[name]
    result = import_report(FIXTURES / name, project)
    path = project / "data" / "inspections" / case["path"]
    assert result.path == path
    draft = load_file(path).data
    assert draft["area"] == case["area"]
    if case["grades"]:
        framework = framework_with(project, *case["grades"])
        keys = keys_by_name(project, framework)
        assert draft["framework"] == framework
        assert draft["judgements"] == {keys[n]: g for n, g in case["grades"].items()}
    else:
        assert "judgements" not in draft  # letters have no grades: none are invented
        assert draft["kind"] == case["kind"]
        assert "topic" in draft
    for name_, value in case["dates"].items():
        assert draft["dates"][name_] == value
    if "published" not in case["dates"]:
        assert draft["dates"]["published"]["text"].startswith("Still to write")
    assert len(draft.get("must_improve", [])) == case["improvements"]
    numbers = [p.number for p in result.structure.paragraphs if p.number is not None]
    assert numbers == list(range(1, case["paragraphs"] + 1))
    assert_only_placeholders(project, path)


def test_letter_keeps_its_date_as_a_hint_not_a_publication_date(project: Path) -> None:
    result = import_report(FIXTURES / "focused-visit-exampleshire.txt", project)
    published = load_text(result.text, "x").data["dates"]["published"]
    assert published["value"] == "unknown"
    assert "the letter is dated 2022-10-13" in published["text"]


def test_noise_is_mended_in_fixture_paragraphs() -> None:
    doc = parse((FIXTURES / "ilacs-2018-exampleshire.txt").read_text(encoding="utf-8"))
    text = {p.number: p.text for p in doc.paragraphs}
    assert "make a referral and" in text[1]  # refer- / ral over a line break
    assert "acted on the recommendations" in text[11]  # recom- / mendations
    assert "take up a chance" in text[5]  # @ for a
    assert text[9].startswith("The virtual school")  # "9," for "9."
    assert not any("Inspection of Exampleshire" in t for t in text.values())  # page footers
    assert doc.improvements[1] == (
        "The consistency of management oversight in the front door service."
    )  # "®" read for a bullet


# ---------------------------------------------------------------------------- the PDF path


@pytest.mark.parametrize(
    "name", ["ilacs-2018-exampleshire.txt", "sif-testborough.txt", "ilacs-2023-sampleton.txt"]
)
def test_pdf_gives_the_same_draft_as_text(project: Path, tmp_path: Path, name: str) -> None:
    source = FIXTURES / name
    pdf = tmp_path / (source.stem + ".pdf")
    pdf.write_bytes(pdf_bytes(source.read_text(encoding="utf-8")))
    from_text = import_report(source, project, out=tmp_path / "from-text.yaml")
    from_pdf = import_report(pdf, project, out=tmp_path / "from-pdf.yaml")
    assert from_pdf.text.replace(pdf.name, source.name) == from_text.text


# ---------------------------------------------------------------------------- never overwrite


def test_never_overwrites(project: Path, capsys) -> None:
    source = str(FIXTURES / "ilacs-2023-sampleton.txt")
    assert main(["import", source, "--root", str(project)]) == 0
    path = project / "data" / "inspections" / "sampleton" / "2023-10-ilacs.yaml"
    path.write_text("mine\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", source, "--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert "data/inspections/sampleton/2023-10-ilacs.yaml already exists" in out
    assert "never overwrites" in out
    assert path.read_text(encoding="utf-8") == "mine\n"


# ---------------------------------------------------------------------------- refusals


def _encrypted_pdf(tmp_path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    plain.write_bytes(pdf_bytes((FIXTURES / "ilacs-2023-sampleton.txt").read_text()))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _scanned_pdf(tmp_path: Path) -> Path:
    """A page with no text on it, as a scan of paper pages gives."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


BAD = {
    "encrypted": (_encrypted_pdf, "protected by a password"),
    "scanned": (_scanned_pdf, "no text we can read (it may be a scan"),
    "damaged": (
        lambda t: _write(t, "broken.pdf", b"%PDF-1.7\n1 0 obj << /Pages 9 0 R\n%%EOF"),
        "damaged or not a PDF we can read",
    ),
    "not-ofsted": (
        lambda t: _write(
            t, "minutes.pdf", pdf_bytes("Parish council minutes\n\nThe meeting opened at 7pm.")
        ),
        "does not look like an Ofsted report",
    ),
    "empty": (lambda t: _write(t, "empty.txt", b""), "there is no text in this file"),
    "binary": (
        lambda t: _write(t, "photo.jpg", b"\xff\xd8\xff\x00\x00JFIF"),
        "neither a PDF nor a text file",
    ),
    "missing": (lambda t: t / "nowhere.pdf", "could not be read"),
    "folder": (lambda t: t, "this is a folder"),
    "no-grades": (
        lambda t: _write(t, "odd.txt", b"Ofsted visited Derby. Derby was fine.\n"),
        "found no judgements or grades",
    ),
}


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_refused_plainly(project: Path, tmp_path: Path, capsys, case: str) -> None:
    make, message = BAD[case]
    before = sorted(p.as_posix() for p in project.rglob("*"))
    assert main(["import", str(make(tmp_path)), "--root", str(project)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("Nothing was written.") and message in out, out
    assert "Traceback" not in out + err
    assert sorted(p.as_posix() for p in project.rglob("*")) == before


def test_unknown_area_lists_the_closest(project: Path, tmp_path: Path, capsys) -> None:
    text = (FIXTURES / "ilacs-2023-sampleton.txt").read_text().replace("Sampleton", "Sampletown")
    assert (
        main(["import", str(_write(tmp_path, "r.txt", text.encode())), "--root", str(project)]) == 1
    )
    out = capsys.readouterr().out
    assert "It names Sampletown City Council" in out
    assert "sampleton (Sampleton (Sampleton City Council))" in out
    assert "--area" in out


def test_area_option_must_name_an_area(project: Path, capsys) -> None:
    assert main(["import", str(SEED), "--root", str(project), "--area", "derbyy"]) == 1
    out = capsys.readouterr().out
    assert "There is no area `derbyy` in data/areas/" in out and "derby" in out


def test_area_option_overrides_the_text(project: Path) -> None:
    result = import_report(SEED, project, area="exampleshire")
    assert load_text(result.text, "x").data["area"] == "exampleshire"
    assert result.path.parent.name == "exampleshire"


# ---------------------------------------------------------------------------- small pieces


def test_clean_mends_extraction_noise() -> None:
    raw = (
        "B Access to work.\n\nm Homes near by.\n\n17.\n18. 19,\n44, Text here\nin @ home\n"
        "Inspection of X children's services\n2\n\fInspection of X children's services\n3\n"
        "\fInspection of X children's services\nPage 4 of 9\n"
    )
    assert [line for line in clean(raw) if line] == [
        "• Access to work.",
        "• Homes near by.",
        "17.",
        "18.",
        "19.",
        "44. Text here",
        "in a home",
        "\f",
        "\f",
    ]


def test_join_lines_keeps_real_hyphens_and_drops_split_ones() -> None:
    assert (
        join_lines(["a well-", "being service and high-", "quality help"])
        == "a well-being service and high-quality help"
    )
    assert join_lines(["the recom-", "mendations were met"]) == "the recommendations were met"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Inspection dates: 7 to 18 March 2022", ("2022-03-07", "2022-03-18")),
        ("on 21 and 22 September 2022.", ("2022-09-21", "2022-09-22")),
        ("12 January 2015 – 4 February 2015", ("2015-01-12", "2015-02-04")),
        ("7 March 2022 to 18 March 2022", ("2022-03-07", "2022-03-18")),
        ("30 December to 3 January 2022", ("2021-12-30", "2022-01-03")),
        ("31 February to 2 March 2022", None),
    ],
)
def test_date_ranges(text: str, expected) -> None:
    assert parse_range(text) == expected


# ---------------------------------------------------------------------------- index.csv


def _indexed_report(tmp_path: Path, slug: str) -> Path:
    """A report in a folder like ../shared/ofsted/reports: <slug>/<date>.pdf and index.csv."""
    folder = tmp_path / "reports"
    (folder / slug).mkdir(parents=True)
    pdf = folder / slug / "2024-01-30.pdf"
    pdf.write_bytes(pdf_bytes((FIXTURES / "ilacs-2023-sampleton.txt").read_text()))
    (folder / "index.csv").write_text(
        "local_authority,ofsted_urn,published,ofsted_url,file\n"
        f"{slug.replace('-', ' ')},99999,2024-01-30,https://files.ofsted.gov.uk/v1/file/123,"
        f"{slug}/2024-01-30.pdf\n",
        encoding="utf-8",
    )
    return pdf


def test_index_csv_gives_the_report_address_area_and_publication(
    project: Path, tmp_path: Path
) -> None:
    result = import_report(_indexed_report(tmp_path, "sampleton"), project)
    draft = load_file(result.path).data
    assert draft["area"] == "sampleton"
    assert draft["report"]["url"] == "https://files.ofsted.gov.uk/v1/file/123"
    assert draft["sources"]["ofsted-report"]["url"] == "https://files.ofsted.gov.uk/v1/file/123"
    assert str(draft["dates"]["published"]) == "2024-01-30"
    assert [a["source"] for a in draft["areas_for_improvement"]] == ["ofsted-report"] * 2


def test_council_missing_from_data_areas_is_named(project: Path, tmp_path: Path, capsys) -> None:
    pdf = _indexed_report(tmp_path, "new-town")
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    assert main(["import", str(pdf), "--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "Nothing was written. new-town/2024-01-30.pdf is a report on New "
        "Town, which has no file in data/areas/. Add data/areas/new-town.yaml"
    )
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


# ---------------------------------------------------------------------------- this inspection only

TABLE_2023 = """Inspection of Sampleton City Council children's services
Inspection dates: {dates}
Lead inspector: Sam Sample, His Majesty's Inspector

Judgement Grade

The impact of leaders on social work practice with children and families Good

The experiences and progress of children who need help and protection Good

The experiences and progress of children in care Good

The experiences and progress of care leavers Good
{overall}
At the last inspection in 2021, overall effectiveness was judged to be inadequate, and an
Ofsted focused visit of front door services in 2022 found serious weaknesses in services.
"""


def _grades(project: Path, text: str):
    from inspections.importer.extract import facts_from_text, load_frameworks

    return facts_from_text(text, load_frameworks(project), "test.txt")


def test_grades_come_from_the_table_never_from_earlier_inspections(project: Path) -> None:
    found = _grades(
        project,
        TABLE_2023.format(dates="6 to 17 November 2023", overall="\nOverall effectiveness Good\n"),
    )
    assert (found.framework, found.graded) == ("ilacs-2023", True)
    assert set(found.judgements.values()) == {"good"}  # not the 2021 "inadequate"


def test_from_april_2026_there_is_no_overall_grade(project: Path) -> None:
    found = _grades(project, TABLE_2023.format(dates="11 to 22 May 2026", overall=""))
    assert found.framework == "ilacs-2026"
    assert "overall-effectiveness" not in found.judgements
    assert set(found.judgements.values()) == {"good"}


def test_board_review_and_headline_grades_of_the_single_framework(project: Path) -> None:
    text = (FIXTURES / "sif-testborough.txt").read_text(encoding="utf-8")
    found = _grades(project, text)
    assert (found.framework, found.kind) == ("sif-2013", "standard")
    assert found.judgements["overall-effectiveness"] == "requires-improvement"  # headline
    assert found.judgements["lscb-review"] == "good"  # "The Local Safeguarding ... is good."
    reinspection = _grades(
        project,
        "Testborough Council\nRe-inspection of services for "
        "children in need of help and protection" + text.split("\n", 3)[3],
    )
    assert reinspection.kind == "re-inspection"
    assert reinspection.judgements == found.judgements
