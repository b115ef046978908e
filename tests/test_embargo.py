"""An inspection under embargo is in nothing built before its time, and everywhere after it.

Every test works on a copy of the project (tests/project_copy.py) with one new inspection of
Derby added: graded `good` where Derby's last inspection was `outstanding`, with a marker
sentence in its summary, published on 19 January 2027 at 09:30 UK time. The build's "now" is
set with INSPECTIONS_NOW one minute either side of that.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from ruamel.yaml import YAML

from inspections import commskit
from inspections.embargo import now, published, under_embargo
from inspections.models import parse_uk_time
from inspections.opendata import static_files
from inspections.pages import build_pages
from inspections.problems import DataError
from inspections.site import load_site
from project_copy import copy_project, run_inspections
from sitebuild import build_site

MARKER = "Inspectors liked the new Kestrelbrook family hub."
STEM = "2026-10-ilacs"
KEY = f"derby/{STEM}"
REPORT = "https://files.ofsted.gov.uk/v1/file/99990001"
BEFORE = "2027-01-19T09:29:00+00:00"
AFTER = "2027-01-19T09:30:00+00:00"
SVG = "{http://www.w3.org/2000/svg}"
# What would give the inspection away: the marker, the file's name, the report and its dates.
FACTS = (
    MARKER,
    "Kestrelbrook",
    STEM,
    REPORT,
    "99990001",
    "2026-10-12",
    "12 October 2026",
    "2026-10-16",
    "16 October 2026",
    "2027-01-19",
    "19 January 2027",
)
EMBARGOED = f"""\
area: derby
framework: ilacs-2026
kind: standard
embargo_until: {{until}}
dates:
  start: 2026-10-12
  end: 2026-10-16
  published: 2027-01-19
  source: ofsted-report
report:
  url: {REPORT}
  title: Ofsted's report on Derby (PDF)
previous: derby/2025-05-ilacs
judgements:
  leaders: good
  help-and-protection: good
  children-in-care: good
  care-leavers: good
judgements_source: ofsted-report
summary:
  young_people: {MARKER} Ofsted said Derby is good.
  families: {MARKER} Ofsted judged each part of Derby's children's services good.
sources:
  ofsted-report:
    url: {REPORT}
    title: Ofsted's report on Derby's children's services
"""


def add_embargoed(project: Path, until: str = "2027-01-19 09:30") -> Path:
    path = project / "data" / "inspections" / "derby" / f"{STEM}.yaml"
    path.write_text(EMBARGOED.format(until=until), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("embargo"))
    add_embargoed(project)
    return project


def outputs(project: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> dict[str, str]:
    """Every generated page's Markdown and every open data file, as the build makes them."""
    monkeypatch.setenv("INSPECTIONS_NOW", when)
    site = load_site(project)
    files = {path: page.markdown for path, page in build_pages(site).items()}
    for path, data in static_files(site, "https://example.org/").items():
        # The share card is a PNG (drawn from the comms kit's words alone): kept, as text.
        files[path] = data.decode("utf-8", errors="replace" if path.endswith(".png") else "strict")
    return files


def read_yaml(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def leaks(files: dict[str, str]) -> list[str]:
    return [f"{path}: {fact}" for path, text in files.items() for fact in FACTS if fact in text]


# ---------------------------------------------------------------------------- the setting


def test_now_is_the_setting_or_the_real_clock() -> None:
    assert now({"INSPECTIONS_NOW": "2027-07-01 09:30"}).isoformat() == "2027-07-01T09:30:00+01:00"
    assert now({"INSPECTIONS_NOW": AFTER}) == parse_uk_time("2027-01-19 09:30")
    clock = dt.datetime.now(dt.UTC)
    for unset in ({}, {"INSPECTIONS_NOW": " "}):
        assert abs((now(unset) - clock).total_seconds()) < 60


def test_a_bad_setting_says_what_to_write() -> None:
    with pytest.raises(DataError) as caught:
        now({"INSPECTIONS_NOW": "tomorrow"})
    assert "INSPECTIONS_NOW=tomorrow is not a date and time" in caught.value.report()
    assert "2027-01-14 09:30" in caught.value.report()


def test_uk_time_follows_the_clocks() -> None:
    # 09:30 in January is GMT (09:30 UTC); in July it is BST (08:30 UTC).
    assert parse_uk_time("2027-01-19 09:30") == parse_uk_time("2027-01-19T09:30:00Z")
    assert parse_uk_time("2027-07-14 09:30") == parse_uk_time("2027-07-14T08:30:00+00:00")
    assert under_embargo("2027-07-14 09:30", parse_uk_time("2027-07-14T08:29:59+00:00"))
    assert not under_embargo("2027-07-14 09:30", parse_uk_time("2027-07-14T08:30:00+00:00"))


# ---------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("14/01/2027 09:30", "is not a date and time we can read"),
        ("2027-01-19", "is not a date and time we can read"),
        ("2027-02-30 09:30", "is not a real date and time"),
        ("2027-03-28 01:30", "never happens in the UK"),
    ],
)
def test_a_bad_embargo_time_names_its_place_and_the_fix(
    tmp_path: Path, value: str, says: str
) -> None:
    project = copy_project(tmp_path)
    add_embargoed(project, until=f'"{value}"')
    result = run_inspections(project, "validate")
    assert result.returncode == 1
    line = next(x for x in result.stderr.splitlines() if STEM in x)
    assert line.startswith(f"data/inspections/derby/{STEM}.yaml:4:16: `{value}` {says}"), line
    assert "Nothing was built" in result.stderr


def test_validate_and_check_still_check_an_embargoed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path)
    path = add_embargoed(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Ofsted said Derby", "Ofsted said Derby utilises"), "utf-8")
    monkeypatch.setenv("INSPECTIONS_NOW", BEFORE)
    result = run_inspections(project, "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert KEY in load_site(project, keep_embargoed=True).inspections
    assert KEY not in load_site(project).inspections
    # The words check sees the text that is not published yet, and names its line.
    from inspections.check import check_site

    found = [f.problem() for f in check_site(project).findings if f.found == "utilises"]
    assert [p.path for p in found] == [f"data/inspections/derby/{STEM}.yaml"], found


def test_a_later_inspection_cannot_outlast_the_embargo_of_the_one_before(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    add_embargoed(project)
    later = project / "data" / "inspections" / "derby" / "2026-12-focused-visit.yaml"
    text = EMBARGOED.format(until="2027-01-19 09:00").replace(
        "previous: derby/2025-05-ilacs", f"previous: {KEY}"
    )
    later.write_text(
        text.replace("start: 2026-10-12", "start: 2026-11-02").replace(
            "end: 2026-10-16", "end: 2026-11-06"
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_site(project, keep_embargoed=True)
    wrong = [str(p) for p in caught.value.problems]
    assert any(
        p.startswith("data/inspections/derby/2026-12-focused-visit.yaml:13:11:")
        and "add `embargo_until: 2027-01-19 09:30` (or later)" in p.lower()
        for p in wrong
    ), wrong


# ---------------------------------------------------------------------------- every output


def test_before_the_time_nothing_generated_hints_at_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = outputs(project, monkeypatch, BEFORE)
    assert len(files) > 1000
    assert leaks(files) == []
    # Derby's page and open data still show its inspections, the last published one first.
    rows = list(csv.DictReader(io.StringIO(files["data/inspections.csv"])))
    assert "derby/2025-05-ilacs" in {r["inspection_id"] for r in rows if r["area_id"] == "derby"}
    area = files["areas/derby/index.md"]
    assert "2025-05-ilacs" in area


def test_after_the_time_it_is_everywhere_it_belongs(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = outputs(project, monkeypatch, AFTER)
    found = {fact: sorted(p for p, t in files.items() if fact in t) for fact in FACTS}
    pages = [p for p in files if STEM in p]
    assert len(pages) == 2, pages  # its families' and young people's pages
    assert all(MARKER in files[p] for p in pages)
    assert "areas/derby/index.md" in found[STEM]
    assert {"data/inspections.csv", "data/inspections.json", "feed.xml"} <= set(found[STEM])
    rows = [
        r
        for r in csv.DictReader(io.StringIO(files["data/inspections.csv"]))
        if r["inspection_id"] == KEY
    ]
    assert {r["grade_id"] for r in rows} == {"good"} and len(rows) == 4  # the four judgements
    area = files["areas/derby/index.md"]
    assert area.index(STEM) < area.index("2025-05-ilacs")  # newest first: it is the latest
    assert "19 January 2027" in files[pages[0]] or "2027-01-19" in files[pages[0]]


def badge_texts(project: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> tuple[str, ...]:
    """Derby's badge as the build makes it at ``when``: its SVG and each line it shows."""
    monkeypatch.setenv("INSPECTIONS_NOW", when)
    svg = commskit.files(load_site(project))["badges/derby.svg"].decode("utf-8")
    return (svg, *(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")))


def grade_lines(project: Path, insp: dict) -> list[str]:
    """What a badge says of ``insp``'s grades, worked out from the YAML: overall effectiveness
    if given, else each top-level judgement, with the grade in Ofsted's words."""
    fw = read_yaml(project / "data" / "frameworks" / f"{insp['framework']}.yaml")
    given = insp["judgements"]
    keys = (
        ["overall-effectiveness"]
        if "overall-effectiveness" in given
        else [
            k
            for k, j in fw["judgements"].items()
            if k in given and not j.get("part_of") and not j.get("separate")
        ]
    )
    return [
        re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", fw["judgements"][k]["families"])
        + ": "
        + fw["grades"][given[k]]["official"]
        for k in keys
    ]


def test_the_badge_shows_the_last_published_inspection_until_the_time(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = read_yaml(project / "data" / "inspections" / "derby" / "2025-05-ilacs.yaml")
    new = read_yaml(project / "data" / "inspections" / f"{KEY}.yaml")
    svg, name, when, *grades = badge_texts(project, monkeypatch, BEFORE)
    assert name == "Derby"
    assert grades == grade_lines(project, previous) == ["Overall effectiveness: Outstanding"]
    assert "23 May 2025" in when  # the last day inspectors were there
    assert [fact for fact in FACTS if fact in svg] == []  # nothing, not even in its label
    svg, name, when, *grades = badge_texts(project, monkeypatch, AFTER)
    assert name == "Derby"
    assert grades == grade_lines(project, new) and len(grades) == 4  # no overall grade
    assert {g.rsplit(": ", 1)[1] for g in grades} == {"Good"}
    assert "16 October 2026" in when and "16 October 2026" in svg


def test_the_filter_changes_nothing_when_nothing_is_under_embargo(root: Path) -> None:
    site = load_site(root, keep_embargoed=True)
    assert published(site, parse_uk_time("2000-01-01 00:00")) is site


def built(project: Path, out: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> dict[str, bytes]:
    """The real build (MkDocs, sitemap, search index) at ``when``: every file, unzipped."""
    from inspections.search import SearchIndexError, index_site

    monkeypatch.setenv("INSPECTIONS_NOW", when)
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    try:
        index_site(out, load_site(project))
    except SearchIndexError as exc:  # Pagefind missing: say so rather than pass quietly
        pytest.skip(str(exc))
    files = {}
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":  # Pagefind's index and sitemap.xml.gz are gzipped
                data = gzip.decompress(data)
            files[path.relative_to(out).as_posix()] = data
    return files


def test_the_built_site_and_search_index_hide_it_until_the_time(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = built(project, tmp_path / "site", monkeypatch, BEFORE)
    assert {"sitemap.xml", "areas/derby/index.html", "data/inspections.csv"} <= set(files)
    assert any(name.startswith("pagefind/") for name in files)
    found = [
        f"{name}: {fact}"
        for name, data in files.items()
        for fact in FACTS
        if fact.encode() in data or fact in name
    ]
    assert found == []


def test_the_built_site_and_search_index_show_it_once_the_time_has_come(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = built(project, tmp_path / "site", monkeypatch, AFTER)
    page = f"areas/derby/{STEM}/index.html"
    assert page in files and MARKER.encode() in files[page]
    assert f"{STEM}/".encode() in files["sitemap.xml"]
    assert f"{STEM}/".encode() in files["areas/derby/index.html"]
    assert KEY.encode() in files["data/inspections.csv"] and KEY.encode() in files["feed.xml"]
    index = b"".join(data for name, data in files.items() if name.startswith("pagefind/"))
    assert b"Kestrelbrook" in index  # the search index has its words


# ---------------------------------------------------------------------------- going live


def test_the_embargo_command_says_when_a_scheduled_run_must_publish(project: Path) -> None:
    def ask(when: str, *args: str) -> str:
        result = run_inspections(project, "embargo", *args, env={"INSPECTIONS_NOW": when})
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert ask(BEFORE, "--lifted-within", "120") == "publish=false"  # not yet
    assert ask(AFTER, "--lifted-within", "120") == "publish=true"  # just ended
    assert ask("2027-01-19T11:31:00+00:00", "--lifted-within", "120") == "publish=false"
    assert ask(BEFORE) == (
        f"data/inspections/derby/{STEM}.yaml: off the site until 19 January 2027 at 09:30 UK time"
    )


def test_the_site_workflow_publishes_on_schedule_only_when_an_embargo_ends(root: Path) -> None:
    from test_workflows import load

    workflow = load(root / ".github/workflows/site.yml")
    assert [s["cron"] for s in workflow["on"]["schedule"]] == ["*/15 * * * *"]
    jobs = workflow["jobs"]
    assert "github.event_name != 'schedule'" in jobs["tests"]["if"]  # tests ran on the push
    due = next(s for s in jobs["checks"]["steps"] if s.get("id") == "due")
    assert "inspections embargo --lifted-within" in due["run"]
    for step in jobs["checks"]["steps"]:
        if step.get("run", "").strip() in ("make validate", "make check", "make site"):
            assert "steps.due.outputs.publish == 'true'" in step["if"]
    deploy = jobs["deploy"]["if"]
    assert "needs.checks.outputs.publish == 'true'" in deploy
    assert "needs.checks.result == 'success'" in deploy
    assert "needs.tests.result == 'success'" in deploy  # a push still needs every test
    assert "schedule" in workflow["concurrency"]["group"]


def test_a_preview_left_running_shows_it_when_the_time_comes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make preview` generates again when an embargo ends, with no edit to any file, as the
    site's scheduled run publishes it (INSPECTIONS_NOW stands in for the clock moving on)."""
    import threading
    import time

    from inspections import speed
    from inspections.commands.preview import CONTENT, next_embargo_end, regenerate, watch

    page = project / CONTENT / "areas" / "derby" / STEM / "index.md"
    monkeypatch.setenv("INSPECTIONS_NOW", BEFORE)
    preview, stop, since = speed.Preview(), threading.Event(), now()
    try:
        assert regenerate(project, preview)
        assert not page.exists()
        assert next_embargo_end(preview, since) == parse_uk_time("2027-01-19 09:30")
        thread = threading.Thread(target=watch, args=(project, preview, 0.05, stop, since))
        thread.start()
        time.sleep(1)
        assert not page.exists()  # nothing changed, and the time has not come
        monkeypatch.setenv("INSPECTIONS_NOW", AFTER)
        end = time.monotonic() + 60
        while not page.exists() and time.monotonic() < end:
            time.sleep(0.1)
        assert page.exists() and MARKER in page.read_text(encoding="utf-8")
        assert next_embargo_end(preview, now()) is None
    finally:
        stop.set()
        preview.checker.close()
