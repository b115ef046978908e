"""Open data: the CSV and JSON agree with the data files, and the feed is valid Atom."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from inspections import licence, opendata
from inspections.site import UNKNOWN

BASE = "https://example.org/site/"
A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def files(site_data):
    return opendata.static_files(site_data, BASE)


def test_csv_has_one_row_per_judgement_matching_the_data(site_data, files):
    rows = list(csv.DictReader(io.StringIO(files["data/inspections.csv"].decode())))
    assert list(rows[0]) == [c.name for c in opendata.COLUMNS]
    seen = {}
    for row in rows:
        seen.setdefault(row["inspection_id"], []).append(row)
    assert set(seen) == set(site_data.inspections)
    for key, entry in site_data.inspections.items():
        insp = entry.model
        mine = seen[key]
        got = {r["judgement_id"]: r["grade_id"] for r in mine if r["judgement_id"]}
        assert got == dict(insp.judgements)
        if not insp.judgements:
            assert len(mine) == 1 and mine[0]["judgement_id"] == ""
        for r in mine:
            assert r["area_id"] == insp.area
            assert r["framework_id"] == insp.framework
            assert r["start_date"] == insp.dates.start.value
            assert r["published_date"] == insp.dates.published.value
            assert r["page_url"] == f"{BASE}areas/{key}/"
            fw = site_data.frameworks[insp.framework].model
            if r["grade_id"] and r["grade_id"] != UNKNOWN:
                assert r["grade_name"] == fw.grades[r["grade_id"]].official


def test_json_agrees_with_csv_and_data(site_data, files):
    doc = json.loads(files["data/inspections.json"])
    rows = list(csv.DictReader(io.StringIO(files["data/inspections.csv"].decode())))
    flat = []
    for rec in doc["inspections"]:
        base = {
            k: ("true" if v is True else "false" if v is False else v)
            for k, v in rec.items()
            if k not in ("judgements", "areas_for_improvement")
        }
        for j in rec["judgements"] or [
            {c.name: "" for c in opendata.COLUMNS if c.per == "judgement"}
        ]:
            flat.append({**base, **j})
    assert flat == rows
    assert {a["area_id"] for a in doc["areas"]} == set(site_data.areas)
    assert {f["framework_id"] for f in doc["frameworks"]} == set(site_data.frameworks)


def test_json_matches_its_schema(files):
    schema = json.loads(files["data/inspections.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(files["data/inspections.json"]), schema)
    broken = json.loads(files["data/inspections.json"])
    broken["inspections"][0]["grade"] = "good"  # a field the schema does not allow
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})\Z")


def check_atom(text: str) -> list[str]:
    """The RFC 4287 rules a feed reader relies on; returns what is wrong."""
    wrong = []
    root = ET.fromstring(text)
    if root.tag != f"{A}feed":
        return ["the root is not an Atom <feed>"]

    def one(el, name, where):
        found = el.findall(f"{A}{name}")
        if len(found) != 1:
            wrong.append(f"{where} needs exactly one <{name}>, has {len(found)}")
            return None
        return found[0]

    for name in ("id", "title", "updated"):
        one(root, name, "feed")
    feed_author = root.find(f"{A}author")
    if root.find(f"{A}link[@rel='self']") is None:
        wrong.append("feed has no rel=self link")
    ids = set()
    for i, entry in enumerate(root.findall(f"{A}entry")):
        where = f"entry {i}"
        for name in ("id", "title", "updated"):
            el = one(entry, name, where)
            if el is not None and not (el.text or "").strip():
                wrong.append(f"{where} has an empty <{name}>")
        eid = entry.findtext(f"{A}id")
        if eid in ids:
            wrong.append(f"{where} repeats the id {eid}")
        ids.add(eid)
        alternates = [
            link
            for link in entry.findall(f"{A}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        if not alternates and entry.find(f"{A}content") is None:
            wrong.append(f"{where} has neither an alternate link nor content")
        for link in entry.findall(f"{A}link"):
            if not link.get("href"):
                wrong.append(f"{where} has a link without href")
        if feed_author is None and entry.find(f"{A}author") is None:
            wrong.append(f"{where} has no author and the feed has none")
    for el in root.iter():
        if el.tag in (f"{A}updated", f"{A}published") and not RFC3339.match(el.text or ""):
            wrong.append(f"<updated> is not an RFC 3339 date-time: {el.text}")
    for el in root.iter():
        if el.tag in (f"{A}id",) and not re.match(r"[a-z][a-z0-9+.-]*:", el.text or ""):
            wrong.append(f"<id> is not an absolute IRI: {el.text}")
    return wrong


def test_feed_is_valid_atom(files):
    assert check_atom(files["feed.xml"].decode()) == []


def test_atom_checker_finds_problems():
    bad = (
        f'<feed xmlns="{A[1:-1]}"><title>x</title><updated>2022-05-11</updated>'
        "<entry><id>derby</id><title>t</title></entry></feed>"
    )
    problems = check_atom(bad)
    assert "feed needs exactly one <id>, has 0" in problems
    assert "entry 0 needs exactly one <updated>, has 0" in problems
    assert any("RFC 3339" in p for p in problems)
    assert any("absolute IRI" in p for p in problems)


def test_feed_dates_come_from_the_data(site_data, files):
    root = ET.fromstring(files["feed.xml"].decode())
    entries = {e.findtext(f"{A}id"): e.findtext(f"{A}updated") for e in root.findall(f"{A}entry")}
    assert entries
    for url, updated in entries.items():
        key = url.removeprefix(f"{BASE}areas/").rstrip("/")
        assert updated == f"{opendata.stated_date(site_data.inspections[key].model)}T00:00:00Z"
    # Every inspection with a date a source states is in the feed; one without is left out
    # (never dated with a year we worked out: see test_opendata_flags).
    stated = {k for k, e in site_data.inspections.items() if opendata.stated_date(e.model)}
    assert {u.removeprefix(f"{BASE}areas/").rstrip("/") for u in entries} == stated
    assert root.findtext(f"{A}updated") == max(entries.values())
    # Same data, same feed: nothing depends on today's date.
    assert opendata.static_files(site_data, BASE)["feed.xml"] == files["feed.xml"]


def test_column_guide_lists_every_column(built_site):
    html = (built_site / "data" / "index.html").read_text()
    for column in opendata.COLUMNS:
        assert f"<code>{column.name}</code>" in html
    for name in ("inspections.csv", "inspections.json", "inspections.schema.json"):
        assert (built_site / "data" / name).is_file()
    assert (built_site / "feed.xml").is_file()
    assert check_atom((built_site / "feed.xml").read_text()) == []


def test_every_open_data_file_states_the_licence(files):
    doc = json.loads(files["data/inspections.json"])
    assert doc["licence"] == licence.as_json()
    assert doc["licence"]["attribution"] == (
        "Contains public sector information licensed under the Open Government Licence v3.0."
    )
    schema = json.loads(files["data/inspections.schema.json"])
    assert "licence" in schema["required"]
    del doc["licence"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)
    root = ET.fromstring(files["feed.xml"].decode())
    assert root.findtext(f"{A}rights") == licence.STATEMENT
    assert root.find(f"{A}link[@rel='license']").get("href") == licence.URL


def test_the_site_shows_the_licence(root, built_site):
    """The footer line on every page, the licence page, and the column guide."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert licence.NAME in config and licence.ATTRIBUTION in config
    page = (built_site / "index.html").read_text(encoding="utf-8")
    footer = page[page.index('aria-label="About this site"') :]
    assert licence.ATTRIBUTION in footer[footer.index('class="md-copyright"') :]
    assert 'href="licence/">Licence</a>' in footer
    licence_page = (built_site / "licence" / "index.html").read_text(encoding="utf-8")
    assert f'href="{licence.URL}"' in licence_page and licence.ATTRIBUTION in licence_page
    guide = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    assert f'href="{licence.URL}"' in guide and licence.ATTRIBUTION in guide
    code = (root / "LICENCE").read_text(encoding="utf-8")
    assert code.startswith("MIT License\n\nCopyright (c) 2026 Inspections explained contributors")
