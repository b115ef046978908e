"""Open data keeps what we know and how: inferred dates stay marked, each inspection says
whether a plain summary is written, and the feed never gives a year nobody stated."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema

from inspections import opendata
from inspections.site import load_site

BASE = "https://example.org/"
A = "{http://www.w3.org/2005/Atom}"
VISIT = "derbyshire/focused-visit-september"


def rows_by_id(files) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(files["data/inspections.csv"].decode()))
    return {r["inspection_id"]: r for r in rows}


def test_inferred_dates_keep_their_reason_in_csv_and_json(site_data):
    files = opendata.static_files(site_data, BASE)
    rows = rows_by_id(files)
    doc = json.loads(files["data/inspections.json"])
    by_id = {r["inspection_id"]: r for r in doc["inspections"]}
    for key, entry in site_data.inspections.items():
        for name in ("start", "end", "published"):
            reason = getattr(entry.model.dates, name).inferred
            want = " ".join(reason.split()) if reason else ""
            assert rows[key][f"{name}_date_inferred"] == want, (key, name)
            assert by_id[key][f"{name}_date_inferred"] == want
    assert "21 September 2022" in rows[VISIT]["end_date_inferred"]
    assert rows["derby/2022-03-ilacs"]["start_date_inferred"] == ""
    jsonschema.validate(doc, opendata.export_schema())


def test_summary_written_says_which_inspections_have_a_summary(site_data):
    files = opendata.static_files(site_data, BASE)
    rows = rows_by_id(files)
    doc = json.loads(files["data/inspections.json"])
    by_id = {r["inspection_id"]: r for r in doc["inspections"]}
    for key, entry in site_data.inspections.items():
        written = entry.model.summary is not None
        assert rows[key]["summary_written"] == str(written).lower(), key
        assert by_id[key]["summary_written"] is written, key
    assert {r["summary_written"] for r in rows.values()} == {"true", "false"}
    assert (
        opendata.export_schema()["properties"]["inspections"]["items"]["properties"][
            "summary_written"
        ]["type"]
        == "boolean"
    )


def test_summary_written_is_false_without_a_summary():
    class Insp:
        summary = None

    assert opendata.summary_written(Insp()) is False


def _visit_without_dates(project: Path) -> Path:
    """The Derbyshire visit as the project first had it: no year stated anywhere."""
    path = project / f"data/inspections/{VISIT}.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"  start:\n    value: 2022-09-21\n    source: ofsted-statistics-2023\n",
        "  start:\n    value: unknown\n    text: 21 September\n",
        text,
    )
    text = re.sub(
        r"  end:\n    value: 2022-09-22\n    inferred: \|-\n.*?\n  published:",
        "  end:\n    value: unknown\n    text: 22 September\n  published:",
        text,
        flags=re.S,
    )
    assert "2022-09" not in text
    path.write_text(text, encoding="utf-8")
    return path


def test_the_feed_gives_no_year_for_a_visit_whose_year_is_unknown(project: Path):
    _visit_without_dates(project)
    site = load_site(project, seeds=Path(__file__).resolve().parents[2] / "shared" / "seeds")
    root = ET.fromstring(opendata.feed(site, BASE, limit=None))
    titles = [e.findtext(f"{A}title") for e in root.findall(f"{A}entry")]
    ids = [e.findtext(f"{A}id") for e in root.findall(f"{A}entry")]
    assert f"{BASE}areas/{VISIT}/" not in ids  # no stated date: left out, never dated 2020
    assert not any(t.startswith("Derbyshire: Focused visit") for t in titles)
    assert any(t.startswith("Derby: Short inspection") and t.endswith("2022") for t in titles)


def test_a_visit_with_a_stated_date_is_in_the_feed(project: Path):
    path = _visit_without_dates(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  published:\n    value: unknown\n", "  published:\n    value: 2021-10-20\n"),
        encoding="utf-8",
    )
    site = load_site(project, seeds=Path(__file__).resolve().parents[2] / "shared" / "seeds")
    root = ET.fromstring(opendata.feed(site, BASE, limit=None))
    entry = next(
        e for e in root.findall(f"{A}entry") if e.findtext(f"{A}id") == f"{BASE}areas/{VISIT}/"
    )
    assert entry.findtext(f"{A}updated") == "2021-10-20T00:00:00Z"
    assert entry.findtext(f"{A}title").endswith("year not known")
