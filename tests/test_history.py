"""An area's history: timelines, trends, unknown dates, and what the built pages show.

The built-site tests read the HTML that ``mkdocs build --strict`` wrote (the session's
``built_site``), so they check what readers see, not what templates meant to write.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from inspections.context import timeline, trend, trend_sentence, year_of
from inspections.site import load_site

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
OLDER = "This was an older kind of inspection. Its grades were a bit different."


class Grades(HTMLParser):
    """Collects every ``span.grade`` (its data attributes and words) and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.grades: list[dict[str, str]] = []
        self.text: list[str] = []
        self._open: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "span" and "grade" in a.get("class", "").split():
            self._open = {**a, "words": ""}

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open is not None:
            self.grades.append(self._open)
            self._open = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open is not None:
            self._open["words"] += data


def read(path: Path) -> Grades:
    parser = Grades()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.page_text = " ".join(" ".join(parser.text).split())  # type: ignore[attr-defined]
    return parser


# ---------------------------------------------------------------------------- timelines


def test_timelines_are_newest_first_with_unknown_years_placed_by_their_limits(
    site_data, project: Path
):
    assert [t["key"] for t in timeline(site_data, "derby")] == [
        "derby/2025-05-ilacs",
        "derby/2022-03-ilacs",
        "derby/2017-03-sif",
        "derby/2013-01-cpi",
        "derby/2011-06-slac",
    ]
    assert [t["key"] for t in timeline(site_data, "derbyshire")] == [
        "derbyshire/2023-10-ilacs",
        "derbyshire/focused-visit-september",
        "derbyshire/2019-07-ilacs",
        "derbyshire/2013-sif",
        "derbyshire/2011-05-slac",
    ]
    # A visit whose year is unknown but not before 2020 comes after July 2019.
    unknown_visit_year(project)
    site = load_site(project, seeds=SEEDS)
    assert [t["key"] for t in timeline(site, "derbyshire")][1:3] == [
        "derbyshire/focused-visit-september",
        "derbyshire/2019-07-ilacs",
    ]
    assert year_of(site.inspections["derbyshire/focused-visit-september"].model) == "year not known"


def unknown_visit_year(project: Path) -> None:
    """The Derbyshire visit as it was before its year was known: only its limits."""
    path = project / "data/inspections/derbyshire/focused-visit-september.yaml"
    text = path.read_text(encoding="utf-8")
    start = "  start:\n    value: 2022-09-21\n    source: ofsted-statistics-2023\n"
    assert start in text
    path.write_text(
        text.replace(
            start, "  start:\n    value: unknown\n    not_before: 2020\n    not_after: 2023\n"
        ),
        encoding="utf-8",
    )


def test_years_come_from_the_start_never_from_publication(site_data):
    insp = site_data.inspections
    assert year_of(insp["derbyshire/2013-sif"].model) == "2013"  # published in 2014
    assert year_of(insp["derbyshire/focused-visit-september"].model) == "2022"
    assert year_of(insp["derby/2017-03-sif"].model) == "2017"
    # Only the publication date is known: the year of the inspection itself is not given.
    assert year_of(insp["derby/2011-06-slac"].model) == "year not known"


def test_derby_got_better_between_2017_and_2022(site_data):
    entry = site_data.inspections["derby/2022-03-ilacs"]
    t = trend(site_data, entry)
    assert (t["direction"], t["then"].grade_key, t["now"].grade_key) == (
        "better",
        "good",
        "outstanding",
    )
    assert t["same_framework"] is False
    assert trend_sentence(site_data, entry, "Derby") == (
        "Derby got better between 2017 and 2022: good in 2017, then outstanding in 2022."
    )


def test_no_trend_without_a_previous_inspection(site_data):
    for key in (
        "derby/2011-06-slac",
        "derbyshire/2011-05-slac",
        "derbyshire/focused-visit-september",
    ):
        assert trend(site_data, site_data.inspections[key]) is None, key


def test_no_trend_across_scales_that_do_not_share_the_words(tmp_path: Path):
    """An ``adequate`` from 2009-2013 is never compared with a later scale."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data/inspections/derbyshire/2012-cpi.yaml").write_text(
        "area: derbyshire\nframework: cpi-2012\nkind: inspection\n"
        "dates: {start: 2012-06, end: 2012-06, published: unknown, source: s}\n"
        "report: {url: https://reports.ofsted.gov.uk/, title: Ofsted's reports}\n"
        "judgements: {overall-effectiveness: adequate}\n"
        "judgements_source: s\n"
        "summary: {young_people: Made up for a test., families: Made up for a test.}\n"
        "sources: {s: {url: https://reports.ofsted.gov.uk/, title: Ofsted}}\n",
        encoding="utf-8",
    )
    path = tmp_path / "data/inspections/derbyshire/2013-sif.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "previous: derbyshire/2011-05-slac\n", "previous: derbyshire/2012-cpi\n"
        ),
        encoding="utf-8",
    )
    site = load_site(tmp_path, seeds=SEEDS)
    assert trend(site, site.inspections["derbyshire/2013-sif"]) is None


# ---------------------------------------------------------------------------- built pages


def inspection_pages(site_data, built: Path):
    for key, entry in site_data.inspections.items():
        for page in ("", "young-people/"):
            yield key, entry, built / "areas" / key / page / "index.html"


def test_every_inspection_has_a_page_for_each_audience(site_data, built_site: Path):
    for key, _entry, path in inspection_pages(site_data, built_site):
        assert path.is_file(), key


def test_every_grade_shown_equals_the_data_and_visits_show_none(site_data, built_site: Path):
    pages = [p for _, _, p in inspection_pages(site_data, built_site)]
    pages += [built_site / "areas" / a / "index.html" for a in site_data.areas]
    shown = 0
    for path in pages:
        for g in read(path).grades:
            entry = site_data.inspections[g["data-inspection"]]
            fw = site_data.frameworks[entry.model.framework].model
            assert fw.kinds[entry.model.kind].graded, (path, g)
            assert entry.model.judgements[g["data-judgement"]] == g["data-grade"], (path, g)
            grade = fw.grades.get(g["data-grade"])
            allowed = {grade.families, grade.young_people} if grade else {"Not known"}
            assert g["words"].strip() in allowed, (path, g)
            shown += 1
    assert shown > 20  # the pages really do show grades


def test_ungraded_visits_say_so_and_show_no_grade(site_data, built_site: Path):
    visits = [
        k
        for k, e in site_data.inspections.items()
        if not site_data.frameworks[e.model.framework].model.kinds[e.model.kind].graded
    ]
    assert "derbyshire/focused-visit-september" in visits and len(visits) > 100
    for key in visits:
        families = read(built_site / "areas" / key / "index.html")
        young = read(built_site / "areas" / key / "young-people" / "index.html")
        assert families.grades == [] and young.grades == []
        assert "Visits like this do not give grades" in families.page_text
        assert "Visits like this do not give grades" in young.page_text
        area = read(built_site / "areas" / key.split("/")[0] / "index.html")
        assert [g for g in area.grades if g["data-inspection"] == key] == []


def test_older_frameworks_are_labelled_for_every_audience(site_data, built_site: Path):
    for _key, entry, path in inspection_pages(site_data, built_site):
        older = site_data.frameworks[entry.model.framework].model.older
        assert (OLDER in read(path).page_text) == older, path
    for area in ("derby", "derbyshire"):
        assert OLDER in read(built_site / "areas" / area / "index.html").page_text


def test_area_pages_tell_the_history_honestly(built_site: Path):
    derby = read(built_site / "areas/derby/index.html").page_text
    assert (
        "Derby got better between 2017 and 2022: good in 2017, then outstanding in 2022." in derby
    )
    shire = read(built_site / "areas/derbyshire/index.html").page_text
    assert "21 to 22 September 2022" in shire
    for text in (derby, shire):
        assert "Derby and Derbyshire Safeguarding Children Partnership" in text
        assert "This site may not list every inspection" in text
        assert "https://reports.ofsted.gov.uk/" in text
    # Each trend compares graded inspections, never the visit in between.
    assert "Derbyshire got better between 2019 and 2023" in shire


def test_how_inspectors_found_out_is_on_every_families_page(site_data, built_site: Path):
    for key in site_data.inspections:
        text = read(built_site / "areas" / key / "index.html").page_text
        assert "How inspectors found this out" in text, key
    shire = read(built_site / "areas/derbyshire/2013-sif/index.html").page_text
    assert "nine inspectors spent almost four weeks" in shire
    assert "more than 250 children" in shire and "1,200 other documents" in shire


@pytest.mark.parametrize(
    "page, heading, audience",
    [
        ("about/index.html", "What is an Ofsted inspection?", "families"),
        ("about/young-people/index.html", "What is an Ofsted check?", "young_people"),
    ],
)
def test_about_pages_for_each_audience(
    site_data, built_site: Path, page: str, heading: str, audience: str
):
    text = read(built_site / page).page_text
    assert heading in text
    # Every kind of inspection and visit in use now is named, in this audience's words.
    for key in ("ilacs-2026", "jtai"):
        for kind in site_data.frameworks[key].model.kinds.values():
            assert getattr(kind.name, audience) in text, (key, kind.name.official)
    assert "action plan" in text and "do not give grades" in text
