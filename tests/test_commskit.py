"""The comms kit: every council's badge, the share card, and the share tags on every page.

The expected grades are worked out here from the YAML files themselves (not through the
site's loader or the badge code), so a badge that drifts from the data fails.
"""

from __future__ import annotations

import calendar
import io
import re
import subprocess
import sys
from dataclasses import replace
from html import unescape
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from PIL import Image
from ruamel.yaml import YAML

from inspections import badges, commskit, content, sharecard
from inspections.problems import DataError
from inspections.site import load_site

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def read(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _value(date) -> str:
    """A date field's value, whether written short (``2022-03-21``) or long (``value:``)."""
    if isinstance(date, dict):
        return str(date.get("value") or "")
    return str(date) if date is not None else ""


def _first_day(date) -> str:
    """The earliest day a date field allows (the order an area's inspections go in)."""
    value = _value(date)
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
        return value
    return str(date.get("not_before") or "") if isinstance(date, dict) else ""


@pytest.fixture(scope="module")
def expected() -> dict[str, dict]:
    """Each area's latest graded inspection, from the YAML: its judgements' words and dates."""
    frameworks = {p.stem: read(p) for p in (ROOT / "data/frameworks").glob("*.yaml")}
    latest: dict[str, tuple[str, dict]] = {}
    for path in sorted((ROOT / "data/inspections").glob("*/*.yaml")):
        insp = read(path)
        fw = frameworks[insp["framework"]]
        if not fw["kinds"][insp["kind"]].get("graded", False) or not insp.get("judgements"):
            continue
        dates = insp["dates"]
        when = _first_day(dates["start"]) or _value(dates.get("published")) or "0000"
        if insp["area"] not in latest or when > latest[insp["area"]][0]:
            latest[insp["area"]] = (when, insp)
    out = {}
    for area, (_, insp) in latest.items():
        fw = frameworks[insp["framework"]]
        given = insp["judgements"]
        keys = (
            ["overall-effectiveness"]
            if "overall-effectiveness" in given
            else [
                k
                for k, j in fw["judgements"].items()
                if not j.get("part_of") and not j.get("separate") and k in given
            ]
        )
        lines = []
        for k in keys:
            grade = given[k]
            words = fw["grades"][grade]["official"] if grade in fw["grades"] else "Not known"
            label = LINK.sub(r"\1", fw["judgements"][k]["families"])
            lines.append(f"{label}: {words}")
        dates = insp["dates"]
        out[area] = {
            "lines": lines,
            "end": _value(dates.get("end")),
            "undated": all(
                _value(dates.get(k)) == "unknown" and not (dates.get(k) or {}).get("text")
                for k in ("start", "end")
            ),
            "published": _value(dates.get("published")),
        }
    return out


@pytest.fixture(scope="module")
def kit(site_data) -> dict[str, bytes]:
    return commskit.files(site_data)


def texts(svg: bytes) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


def in_words(day: str) -> str:
    y, m, d = map(int, day.split("-"))
    return f"{d} {calendar.month_name[m]} {y}"


def test_every_council_with_grades_has_a_badge_with_its_latest_grades(kit, expected):
    said = commskit.words(ROOT)["badge"]
    areas = {p.stem for p in (ROOT / "data/areas").glob("*.yaml")}
    assert {p for p in kit if p.startswith("badges/")} == {f"badges/{a}.svg" for a in areas}
    assert len(expected) > 100  # the national data: nearly every council has grades
    for area, want in expected.items():
        name = read(ROOT / f"data/areas/{area}.yaml")["name"]
        shown = texts(kit[f"badges/{area}.svg"])
        assert shown[0] == name, area
        assert shown[2:] == want["lines"], area  # every grade, in Ofsted's words, no other
        end, published = want["end"], want["published"]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", end):  # the last day inspectors were there
            assert in_words(end) in shown[1], (area, shown[1])
        elif want["undated"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
            assert shown[1] == said["published"].format(date=in_words(published)), area
        assert "not known" not in shown[1] or want["undated"], (area, shown[1])


def test_a_badge_without_inspection_dates_gives_the_reports_date(kit, expected):
    # Poole's dates were never recorded; Ofsted's statistics give the report's date.
    assert expected["poole"]["undated"]
    assert texts(kit["badges/poole.svg"])[1] == "Ofsted report published 24 November 2017"


def test_2026_badges_show_each_grade_without_an_overall_one(kit, expected):
    # From April 2026 there is no overall grade: every other grade is shown instead.
    shown = texts(kit["badges/lancashire.svg"])
    assert not any(t.startswith("Overall") for t in shown)
    assert len(shown) - 2 == len(expected["lancashire"]["lines"]) == 4


def test_badges_are_plain_pictures_with_words_for_screen_readers(kit):
    for path, svg in kit.items():
        if not path.endswith(".svg"):
            continue
        text = svg.decode("utf-8")
        root = ET.fromstring(svg)
        tags = {el.tag.removeprefix(SVG) for el in root.iter()}
        assert tags <= {"svg", "title", "rect", "path", "g", "text"}, (path, tags)
        attrs = {name for el in root.iter() for name in el.attrib}
        assert not any("href" in a or a.startswith("on") for a in attrs), path
        assert "url(" not in text and "@import" not in text and "<script" not in text
        assert re.findall(r"https?://[^\"' ]+", text) == ["http://www.w3.org/2000/svg"]
        assert root.get("role") == "img"
        label = root.get("aria-label")
        assert label and root.find(f"{SVG}title").text == label
        for line in texts(svg):  # everything the badge shows, screen readers hear
            assert line in label, (path, line)


def test_a_council_without_a_graded_inspection_gets_a_badge_that_says_so(site_data):
    area = "derby"
    site = replace(
        site_data,
        inspections={k: e for k, e in site_data.inspections.items() if e.model.area != area},
    )
    said = commskit.words(ROOT)["badge"]
    shown = texts(commskit.files(site)[f"badges/{area}.svg"])
    assert shown == ["Derby", said["no_grades"]]
    assert badges.latest_graded(site, area) is None


def test_the_share_card_is_a_small_high_contrast_png_with_the_same_bytes_each_time(kit, site_data):
    png = kit[commskit.CARD]
    assert len(png) <= 60_000
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (1200, 630)
    assert set(image.info) <= {"transparency"}  # no date or other metadata
    colours = sorted(image.convert("RGB").getcolors(), reverse=True)  # (pixels, colour)
    assert contrast(colours[0][1], colours[1][1]) >= 7  # text on its background (AAA)
    sharecard.card.cache_clear()
    assert commskit.files(site_data)[commskit.CARD] == png  # drawn again, not remembered
    again = subprocess.run(
        [sys.executable, "-c", CARD_AGAIN],
        capture_output=True,
        check=True,
        cwd=ROOT,
    ).stdout
    assert again == png  # a fresh process draws the same bytes


CARD_AGAIN = """
import sys
from pathlib import Path
from inspections import commskit, sharecard
words = commskit.words(Path("."))["share"]
sys.stdout.buffer.write(sharecard.card(words["title"], words["description"]))
"""


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG's contrast ratio of two sRGB colours."""

    def luminance(rgb: tuple[int, ...]) -> float:
        c = [v / 255 for v in rgb[:3]]
        c = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


WORDING = "data/wording/comms-kit.yaml"


def words_copy(tmp_path: Path, change) -> Path:
    """A folder holding only a copy of the kit's wording file, changed by ``change``."""
    text = (ROOT / WORDING).read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text  # a change that does nothing proves nothing
    (tmp_path / WORDING).parent.mkdir(parents=True)
    (tmp_path / WORDING).write_text(changed, encoding="utf-8")
    return tmp_path


def test_missing_or_broken_words_are_all_reported_with_their_place(tmp_path):
    broken = words_copy(
        tmp_path,
        lambda text: (
            text.replace('  dated: "Ofsted inspection, {dates}"', '  dated: "Ofsted inspection"')
            .replace("  title: Inspections explained\n", "")
            .replace("  undated:", "  undatd:")
        ),
    )
    with pytest.raises(DataError) as caught:
        commskit.words(broken)
    report = [str(p) for p in caught.value.problems]
    assert len(report) == 4, report
    assert any("share.title is missing or empty" in r for r in report)
    assert any("must say {dates} once" in r for r in report)
    assert any("badge.undated is missing or empty" in r for r in report)
    assert any(
        "`undatd` is not one of the badge words. Did you mean `undated`?" in r for r in report
    )
    assert all(re.match(r"data/wording/comms-kit\.yaml:\d+:\d+: ", r) for r in report)
    lines = (broken / WORDING).read_text(encoding="utf-8").splitlines()
    for word, col in (("dated:", 3), ("undatd:", 3)):
        line = next(i for i, t in enumerate(lines, 1) if t.startswith("  " + word))
        assert any(r.startswith(f"{WORDING}:{line}:{col}") for r in report), (word, report)


def test_validate_finds_the_problems_in_the_words_too(project):
    path = project / WORDING
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  no_grades: No graded", "  no_grades: No {graded}"), "utf-8")
    with pytest.raises(DataError) as caught:
        load_site(project)
    (problem,) = caught.value.problems
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "no_grades:" in t)
    assert (problem.path, problem.line) == (WORDING, line)
    assert "badge.no_grades has { or } in it" in str(problem)


def test_the_guide_shows_derbys_badge_with_its_real_grades(site_data):
    guide = (ROOT / "docs/guide/comms-kit.md").read_text(encoding="utf-8")
    label = badges.badge_for(site_data, "derby", commskit.words(ROOT)["badge"]).label
    # Plain HTML, not a Markdown link: the benchmark's made-up councils have no Derby, and
    # MkDocs' strict link check would stop its build (the built site is checked below).
    assert f'<img src="../../badges/derby.svg" alt="{label}">' in guide
    site_url = "https://example.org/inspections-explained/"
    snippet = (
        f'<a href="{site_url}areas/derby/"><img src="{site_url}badges/derby.svg" alt="{label}"></a>'
    )
    assert snippet in guide
    assert f'site_url: !ENV [SITE_URL, "{site_url}"]' in (ROOT / "mkdocs.yml").read_text()


def meta(html: str) -> dict[str, str]:
    found = re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"', html)
    return {name: unescape(value) for name, value in found}


def test_every_page_shares_the_same_neutral_words_and_card(built_site):
    words = commskit.words(ROOT)["share"]
    pages = sorted(built_site.rglob("*.html"))
    kinds = {
        "index.html",
        "areas/index.html",
        "areas/derby/index.html",
        "areas/derby/2025-05-ilacs/index.html",
        "areas/derby/2025-05-ilacs/young-people/index.html",
        "guide/comms-kit/index.html",
        "404.html",
    }
    assert kinds <= {str(p.relative_to(built_site)) for p in pages}
    first = None
    for page in pages:
        if page.relative_to(built_site).parts[0] == "pagefind":
            continue
        html = page.read_text(encoding="utf-8")
        tags = meta(html)
        assert tags.get("og:title") == words["title"], page
        first = first or tags
        assert tags == first, page  # every page: the same words, whatever it is about
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        if page.name != "404.html" and str(page.relative_to(built_site)) != "index.html":
            assert title.strip() != words["title"]  # the page's own title is not shared
    assert first["og:description"] == words["description"]
    assert first["og:image:alt"] == words["image_alt"]
    assert first["og:image"] == first["twitter:image"]
    card = first["og:image"]
    assert re.match(r"https?://", card) and card.endswith("/" + commskit.CARD)  # absolute
    assert (built_site / commskit.CARD).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    guide = (built_site / "guide/comms-kit/index.html").read_text(encoding="utf-8")
    assert '<img src="../../badges/derby.svg"' in guide
    assert (built_site / "guide/comms-kit/../../badges/derby.svg").resolve().is_file()


def test_without_the_wording_file_nothing_is_built_and_the_fix_is_named(tmp_path):
    with pytest.raises(DataError) as caught:
        commskit.words(tmp_path)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line, problem.col) == (WORDING, 1, 1)
    assert "The file is missing" in problem.message
    assert "share:" in problem.fix and "badge:" in problem.fix


def test_the_share_tags_are_made_from_the_words_for_any_engine(tmp_path, site_data):
    """The theme has no tags of its own and reads nothing from config.extra: the generated
    partial holds the words, made safe for HTML, and the card's absolute address."""
    theme = ROOT / "scripts/theme"
    assert not (theme / commskit.PARTIAL).exists()
    assert not any("config.extra.comms_kit" in p.read_text("utf-8") for p in theme.rglob("*.html"))
    files = content.theme_files(ROOT, site_data, None, "https://example.org/x")
    tags = meta(files[commskit.PARTIAL].decode("utf-8"))
    said = commskit.words(ROOT)["share"]
    assert tags["og:title"] == tags["twitter:title"] == said["title"]
    assert tags["og:image"] == "https://example.org/x/" + commskit.CARD
    changed = words_copy(
        tmp_path,
        lambda text: text.replace("  title: Inspections explained", '  title: Kids & "care" <b>'),
    )
    partial = commskit.partials(replace(site_data, root=changed), None)[commskit.PARTIAL]
    html = partial.decode("utf-8")
    assert 'content="Kids &amp; &#34;care&#34; &lt;b&gt;"' in html and "<b>" not in html
    assert meta(html)["og:title"] == 'Kids & "care" <b>'
    assert meta(html)["og:image"] == "/" + commskit.CARD  # no site_url: the site's root
