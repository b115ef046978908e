"""The copy check and the citation check: they read the real report, find what is copied or
cited wrongly, and pass what is quoted or right."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspections.cli import main
from inspections.faithful.check import run_checks
from inspections.faithful.citations import cited_numbers
from inspections.faithful.copying import copied_runs, source_grams
from inspections.faithful.sources import Library
from inspections.faithful.words import report_words, words

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DERBY = "data/inspections/derby/2022-03-ilacs.yaml"
FIRST = (
    "  - families: Children who need help and protection get a consistently high-quality "
    "service, and a quick, fitting response when concerns are raised."
)
# Paragraph 22 of Ofsted's 2022 report on Derby says: "Some children told inspectors that they
# have had too many changes of social worker, and this meant they had to repeat their story."
COPIED = (
    "Some children told inspectors that they have had too many changes of social worker, "
    "and this meant they had to repeat it."
)


@pytest.fixture(scope="module")
def library() -> Library:
    """One library for the module: each report is read once, as in one run of the checks."""
    return Library.beside(ROOT, SHARED)


def edit(project: Path, old: str, new: str, path: str = DERBY) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def problems(
    project: Path,
    library: Library,
    *,
    copies: bool = False,
    citations: bool = False,
    files=None,
    extra=(),
) -> list[str]:
    files = files or [project / DERBY]  # one report read, not all four
    return [
        str(p)
        for p in sorted(
            set(
                run_checks(
                    project,
                    files,
                    copies=copies,
                    citations=citations,
                    shared=SHARED,
                    extra=list(extra),
                    library=library,
                )
            )
        )
    ]


def line_of(project: Path, needle: str, path: str = DERBY) -> int:
    lines = (project / path).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# ---------------------------------------------------------------------------- words


def test_words_normalise_case_punctuation_ligatures_quotes_and_links():
    ours = [w.word for w in words("The ﬁrst [Caseloads](glossary:caseload) were TOO high’s.")]
    assert ours == ["the", "first", "caseloads", "were", "too", "highs"]
    # Report text: curly quotes, a word split over a line break, a page footer and number.
    raw = "Ofsted\n“Recom-\nmendations are well-being led.”\n"
    assert report_words(raw) == ["ofsted", "recommendations", "are", "well", "being", "led"]


def test_quoted_words_are_marked_but_apostrophes_are_not_quotes():
    text = "The children's workers said “stay safe” and 'come back' to parents' homes."
    quoted = [w.word for w in words(text) if w.quoted]
    assert quoted == ["stay", "safe", "come", "back"]


def test_a_copied_run_is_found_and_a_quoted_one_passes():
    grams = source_grams(
        "Ofsted. Some children told inspectors that they have had too many "
        "changes of social worker, and this meant they had to repeat their "
        "story."
    )
    runs = copied_runs("They have had too many changes of social worker, sadly.", grams)
    assert [(r.count, r.text) for r in runs] == [
        (9, "They have had too many changes of social worker")
    ]
    assert copied_runs('They "have had too many changes of social worker", sadly.', grams) == []
    # Seven words in a row are allowed.
    assert copied_runs("They had too many changes of social worker.", grams) == []


# ---------------------------------------------------------------------------- copy check


def test_the_shipped_data_copies_nothing_and_cites_only_paragraphs_its_reports_have(library):
    assert [
        str(p) for p in run_checks(ROOT, None, copies=True, citations=True, library=library)
    ] == []


def test_copy_check_fails_on_a_copied_run_from_the_real_report(project: Path, library: Library):
    edit(project, FIRST, f"  - families: {COPIED}")
    found = problems(project, library, copies=True)
    line = line_of(project, COPIED)
    assert len(found) == 1, found
    assert found[0].startswith(f"{DERBY}:{line}:15: 21 words in a row are the same as in Ofsted")
    assert (
        '"Some children told inspectors that they have had too many changes of social '
        'worker, and this meant they had to repeat"' in found[0]
    )
    assert found[0].endswith("Put Ofsted's words in quotation marks or say it in your own words.")


def test_a_report_cited_under_two_keys_gives_one_problem_per_copied_run(
    project: Path, library: Library
):
    file = project / DERBY
    file.write_text(
        file.read_text(encoding="utf-8")
        + "  same-report-again:\n    url: https://files.ofsted.gov.uk/v1/file/50183218\n"
        "    title: The same report under another key\n",
        encoding="utf-8",
    )
    edit(project, FIRST, f"  - families: {COPIED}")
    found = problems(project, library, copies=True)
    assert [f.split(": ")[0] for f in found] == [f"{DERBY}:{line_of(project, COPIED)}:15"]


def test_copy_check_passes_when_the_words_are_quoted(project: Path, library: Library):
    quoted = (
        'Some children told inspectors that "they have had too many changes of social '
        'worker", so they had to tell their story again.'
    )
    edit(project, FIRST, f"  - families: '{quoted}'")
    assert problems(project, library, copies=True) == []


def test_copy_check_points_at_the_line_inside_a_block(project: Path, library: Library):
    old = "Ofsted judged Derby's children's services outstanding overall."
    edit(project, old, f"{old}\n    {COPIED}")
    found = problems(project, library, copies=True)
    line = line_of(project, COPIED)
    assert [f.split(": ")[0] for f in found] == [f"{DERBY}:{line}:5"]


def test_report_option_checks_a_report_not_in_the_shared_folder(
    project: Path, tmp_path: Path, capsys
):
    new_report = tmp_path / "new-report.txt"
    new_report.write_text(
        "Ofsted inspection. When concerns are raised, a quick and fitting "
        "response follows for every child in the area.\n",
        encoding="utf-8",
    )
    edit(
        project,
        FIRST,
        "  - families: When concerns are raised, a quick and fitting response "
        "follows for every child.",
    )
    args = ["copies", str(project / DERBY), "--root", str(project), "--shared", str(SHARED)]
    assert main(args) == 0
    assert main([*args, "--report", str(new_report)]) == 1
    err = capsys.readouterr().err
    assert f"{DERBY}:{line_of(project, 'When concerns are raised')}:15: 13 words" in err
    assert "the report new-report.txt" in err and "Found 1 problem." in err


# ---------------------------------------------------------------------------- citation check


def test_refs_are_read_with_lists_and_ranges():
    assert cited_numbers("paragraph 7") == [7]
    assert cited_numbers("paragraphs 7 and 8") == [7, 8]
    assert cited_numbers("paragraphs 12 to 14") == [12, 13, 14]
    assert cited_numbers("What needs to improve? and paragraph 34") == [34]


def test_citation_check_names_a_missing_paragraph(project: Path, library: Library):
    edit(project, "    ref: paragraph 5\n", "    ref: paragraphs 5 to 7 and 99\n")
    found = problems(project, library, citations=True)
    line = line_of(project, "paragraphs 5 to 7 and 99")
    assert len(found) == 1, found
    assert found[0].startswith(
        f"{DERBY}:{line}:10: `paragraphs 5 to 7 and 99` cites paragraph 99, "
        "but Ofsted: Inspection of Derby"
    )
    assert "has no paragraph 99 (its paragraphs run from 1 to 50)" in found[0]


@pytest.mark.parametrize(
    "ref, ok",
    [
        ("paragraphs 12 to 14", True),
        ("What needs to improve?", True),
        ("what needs to improve and paragraph 2", True),
        ("the bit about cats", False),
    ],
)
def test_citation_check_accepts_headings_and_refuses_what_it_cannot_place(
    project: Path, library: Library, ref, ok
):
    edit(project, "    ref: paragraph 5\n", f'    ref: "{ref}"\n')
    found = problems(project, library, citations=True)
    assert (found == []) is ok, found
    if not ok:
        assert "does not say which paragraph" in found[0] and "`paragraph 7`" in found[0]


def test_a_report_not_in_the_index_is_reported(project: Path, library: Library):
    # The copy's sources become one report, under the report key, at an address that is not
    # in index.csv; every ref to Ofsted's report points at it.
    file = project / DERBY
    text = file.read_text(encoding="utf-8")
    head, sources = text.split("\nsources:\n")
    keys = [line.strip().rstrip(":") for line in sources.splitlines() if line[2:3] != " "]
    for key in keys:
        head = head.replace(f"source: {key}\n", "source: ofsted-report\n")
    file.write_text(
        head + "\nsources:\n  ofsted-report:\n    url: https://files.ofsted.gov.uk/v1/file/1\n"
        "    title: Ofsted's report on Derby\n",
        encoding="utf-8",
    )
    found = problems(project, library, citations=True, copies=True)
    line = line_of(project, "  ofsted-report:")
    assert len(found) == 1, found
    assert found[0].startswith(
        f"{DERBY}:{line + 1}:5: The report `ofsted-report` is not in {library.reports}/index.csv"
    ), found


def test_each_report_is_read_once_per_run(monkeypatch):
    import inspections.faithful.sources as sources

    calls = []
    real = sources.read_report
    monkeypatch.setattr(sources, "read_report", lambda p: calls.append(p) or real(p))
    library = Library.beside(ROOT, SHARED)
    path = library.index["https://files.ofsted.gov.uk/v1/file/50183218"]
    library.grams(path), library.structure(path), library.grams(path)
    assert calls == [path]


# ---------------------------------------------------------------------------- review


def test_review_prints_each_point_beside_the_paragraphs_it_cites(capsys):
    assert (
        main(
            [
                "review",
                str(ROOT / DERBY),
                "--width",
                "120",
                "--root",
                str(ROOT),
                "--shared",
                str(SHARED),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    line = line_of(ROOT, "young_people: When children need help, they get it quickly.")
    assert f"What is going well, point 1 (line {line})" in out
    block = out.split(f"What is going well, point 1 (line {line})")[1].split("=====")[0]
    rows = [line for line in block.splitlines() if " | " in line]
    assert rows, block
    ours = " ".join(r.split(" | ")[0].strip() for r in rows)
    theirs = " ".join(r.split(" | ")[1].strip() for r in rows)
    assert "When children need help, they get it quickly." in " ".join(ours.split())
    assert theirs.startswith("[Paragraph 1] Children who need help and protection in Derby")
    assert all(len(line) <= 120 for line in out.splitlines())
    assert "life-story work" in out and "](glossary:" not in out  # links shown as words


def test_review_in_a_narrow_terminal_puts_the_report_under_our_words(capsys):
    assert (
        main(
            [
                "review",
                str(ROOT / DERBY),
                "--width",
                "60",
                "--root",
                str(ROOT),
                "--shared",
                str(SHARED),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert " | " not in out
    assert "    [Paragraph 29] There are not enough options" in out
    assert all(len(line) <= 60 for line in out.splitlines())


def test_review_says_when_a_cited_paragraph_is_missing(project: Path, capsys):
    edit(project, "    ref: paragraph 5\n", "    ref: paragraph 99\n")
    assert (
        main(
            [
                "review",
                str(project / DERBY),
                "--width",
                "80",
                "--root",
                str(project),
                "--shared",
                str(SHARED),
            ]
        )
        == 0
    )
    assert "[Paragraph 99] NOT IN THE REPORT" in capsys.readouterr().out


def test_sources_runs_both_checks_and_reports_every_problem_at_once(project: Path, capsys):
    edit(project, FIRST, f"  - families: {COPIED}")
    edit(project, "    ref: paragraph 5\n", "    ref: paragraph 99\n")
    # One file, so problems elsewhere in the shipped data (the shipped-data test's job) do
    # not count here.
    args = ["sources", str(project / DERBY), "--root", str(project), "--shared", str(SHARED)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "21 words in a row" in err and "has no paragraph 99" in err
    assert "Found 2 problems." in err


def test_reading_in_several_processes_gives_the_same_texts():
    one, two = Library.beside(ROOT, SHARED), Library.beside(ROOT, SHARED)
    paths = [one.index[f"https://files.ofsted.gov.uk/v1/file/{n}"] for n in (50183218, 50004255)]
    two.prefetch(paths, jobs=2)
    assert [two.text(p) for p in paths] == [one.text(p) for p in paths]


def test_area_files_citing_a_report_are_checked_too(project: Path, library: Library):
    area = "data/areas/derby.yaml"
    edit(project, "  ref: paragraph 43\n", "  ref: paragraph 430\n", path=area)
    found = problems(project, library, citations=True, files=[project / area])
    assert len(found) == 1 and found[0].startswith(f"{area}:"), found
    assert "has no paragraph 430" in found[0]


def test_review_shows_the_passage_a_quoted_ref_points_at_in_a_seed(capsys):
    visit = ROOT / "data/inspections/derbyshire/focused-visit-september.yaml"
    assert (
        main(["review", str(visit), "--width", "80", "--root", str(ROOT), "--shared", str(SHARED)])
        == 0
    )
    out = " ".join(capsys.readouterr().out.split())
    assert (
        '[Where it says "Leaders in Derbyshire work hard"] She wrote: "Leaders in '
        "Derbyshire work hard to manage morale" in out
    )


@pytest.mark.parametrize(
    "ours",
    [
        "Children get a high quality service from well being teams in every part of Derby.",
        "Children get a high-quality service from wellbeing teams in every part of Derby.",
        "Children get a highquality service from well-being teams in every part of Derby.",
    ],
)
def test_hyphenation_does_not_hide_a_copied_run(ours):
    grams = source_grams(
        "Ofsted. Children get a high-\nquality service from well-being teams "
        "in every part of the city."
    )
    runs = copied_runs(ours, grams)
    assert len(runs) == 1 and runs[0].text.startswith("Children get a"), runs
