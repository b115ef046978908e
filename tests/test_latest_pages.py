"""Pages that tell the truth at national scale: no-summary pages, newer-inspection links,
find-your-area lists without JavaScript, and the compare table's "latest" rows.

Made from a copy of the shipped data, edited the way the national data arrives: an
inspection without a summary but with Ofsted's areas for improvement, and a council that no
longer exists.
"""

from __future__ import annotations

import re
import shutil

import pytest

from inspections import national
from inspections.check import RULES_FILE, check_pages, load_rules
from inspections.pages import build_pages
from inspections.site import load_site

AFI = "Ensure that plans for children set out clearly what must happen and by when."


@pytest.fixture(scope="module")
def project(tmp_path_factory, root):
    out = tmp_path_factory.mktemp("latest") / "p"
    shutil.copytree(root / "data", out / "data")
    path = out / "data/inspections/derby/2022-03-ilacs.yaml"
    text = path.read_text(encoding="utf-8")
    # Drop the hand-written summary, findings and next steps; add an area for improvement.
    text = re.sub(
        r"(?ms)^(summary|going_well|must_improve|next_steps|areas_for_improvement):"
        r".*?(?=^[a-z_]+:|\Z)",
        "",
        text,
    )
    source = re.search(r"(?m)^judgements_source: (\S+)", text).group(1)
    text += f"areas_for_improvement:\n  - text: {AFI}\n    source: {source}\n"
    path.write_text(text, encoding="utf-8")
    area = out / "data/areas/derbyshire.yaml"
    area.write_text(
        area.read_text(encoding="utf-8").replace(
            "\nsources:",
            "\nended:\n  date: 2019-04\n  replaced_by: [derby]\n  source: ofsted-x\n"
            "sources:\n  ofsted-x:\n    title: A made-up source for a test\n"
            "    url: https://example.org/x\n",
            1,
        ),
        encoding="utf-8",
    )
    return out


@pytest.fixture(scope="module")
def site(project):
    return load_site(project)


@pytest.fixture(scope="module")
def pages(site):
    return build_pages(site)


def test_no_summary_page_is_honest_for_families(site, pages):
    md = pages["areas/derby/2022-03-ilacs/index.md"].markdown
    assert "A plain summary of this report has not been written yet." in md
    assert "Still to write" not in md
    assert "What these grades mean:" in md and "The highest grade." in md  # from the framework
    # Ofsted's words, quoted (<q>: the browser adds the quotation marks), with a numbered
    # citation ([n], see citing.py) that leads to Ofsted's report in the list of sources.
    cited = re.search(
        r"<q>" + re.escape(AFI) + r"</q> <small class=\"cite\">"
        r"<a href=\"#source-(\d+)\" aria-label=\"Source \1\">\[\1\]</a></small>",
        md,
    )
    assert cited
    insp = site.inspections["derby/2022-03-ilacs"].model
    report = insp.sources[insp.areas_for_improvement[0].source]
    assert report.url.startswith("https://files.ofsted.gov.uk/")  # Ofsted's own report
    number = cited[1]
    while True:  # "The same source as [number m]" leads on to m
        note = re.search(rf'(?m)^{number}\. <span id="source-{number}"></span>(.*)$', md)
        assert note, f"source {number} is not in the list"
        again = re.match(r"The same source as \[number (\d+)\]\(#source-\1\)", note[1])
        if not again:
            break
        assert int(again[1]) < int(number)
        number = again[1]
    assert f"]({report.url})" in note[1]
    section = md.split("## What happens next", 1)[1].split("\n## ", 1)[0]
    assert "about/index.md#what-happens-after-an-inspection" in section
    for heading in re.findall(r"(?m)^## .*$", md):  # never an empty section
        body = md.split(heading, 1)[1].split("\n## ", 1)[0].strip()
        assert body, heading


def test_no_summary_page_for_young_people_is_plain(site, pages, project):
    md = pages["areas/derby/2022-03-ilacs/young-people.md"].markdown
    assert "We have not written a short summary of this check yet." in md
    assert "Ofsted listed one thing the council must do better." in md
    assert AFI not in md  # Ofsted's words are for the adults' page
    rules = load_rules(project / RULES_FILE, RULES_FILE)
    result = check_pages(
        site, {p: pages[p] for p in pages if p.startswith("areas/derby/2022")}, project, rules
    )
    assert not result.errors, "\n".join(map(str, result.errors))


def test_older_inspection_links_the_newer_one(site, pages):
    checked = 0
    for key, entry in site.inspections.items():
        md = pages[f"areas/{key}/index.md"].markdown
        yp = pages[f"areas/{key}/young-people.md"].markdown
        newer = national.newer_than(site, entry)
        assert ("This is not the latest" in md) == bool(newer), key
        assert ("This is not the newest check" in yp) == bool(newer), key
        for n in newer:
            assert f"../{n.key.split('/')[1]}/index.md)" in md
        if newer:
            assert f"../{newer[0].key.split('/')[1]}/young-people.md)" in yp
            checked += 1
    assert checked  # Derby 2017 at least has a newer inspection
    assert national.newer_than(site, site.inspections["derby/2017-03-sif"])


def test_find_your_area_lists_every_council_without_javascript(site, pages):
    md = pages["areas/index.md"].markdown
    for key, entry in site.areas.items():
        # Once A to Z and once by region, as plain links.
        item = re.compile(rf"(?m)^- \[{re.escape(entry.model.name)}\]\({key}/index\.md\)")
        assert len(item.findall(md)) == 2
    assert "(no longer exists; replaced by [Derby](derby/index.md) in April 2019)" in md
    assert "find.js" in md and "data-find-list" in md


def test_ended_council_page_says_what_replaced_it(pages):
    md = pages["areas/derbyshire/index.md"].markdown
    assert "This council no longer exists" in md and "[Derby](../derby/index.md)" in md
    assert "took over from [Derbyshire County Council]" in pages["areas/derby/index.md"].markdown


def test_compare_opens_on_the_newest_framework_and_rows_link_newest(site, pages):
    newest = [k for k in national.graded_frameworks(site) if national.latest_under(site, k)][0]
    assert national.default_framework(site) == newest
    md = pages["compare/index.md"].markdown
    assert "in use now" in md
    other = [
        p
        for p in pages
        if p.startswith("compare/") and p not in ("compare/index.md", "compare/young-people.md")
    ]
    for path in other:
        table = pages[path].markdown
        for key in site.areas:
            newer = national.newest_graded(site, key)
            latest = national.latest_under(site, path[8:-3]).get(key)
            if newer and latest and newer.key != latest.key:
                assert f"areas/{newer.key}/" in table  # the row links the newer inspection


def test_compare_figures_give_percentages_only_from_enough_councils(site, pages):
    for key in national.graded_frameworks(site):
        lead = national.lead_judgement(site.frameworks[key].model)
        tally = national.tally(site, key, lead)
        if not tally.areas:
            continue
        md = pages[national.compare_path(site, key)].markdown
        section = md.split("## The figures", 1)[1].split("<div", 1)[0]
        counts = [
            line
            for line in section.splitlines()
            if line.startswith("- ") and not line.startswith("- Not known")
        ]
        assert len(counts) >= len(tally.counts)
        assert all(("%" in line) == tally.percentages for line in counts), key
        assert ("fewer than 20 councils are counted" in section) == (not tally.percentages)
        assert "as at " in section  # the date the figures are true at


def test_inspection_pages_give_percentages_only_from_enough_councils(tmp_path, root):
    from bench.synthetic import make_project

    for areas, shown in ((8, False), (national.MIN_FOR_PERCENT + 10, True)):
        out = tmp_path / str(areas)
        make_project(out, root, areas=areas, seed=5)
        site = load_site(out)
        pages = build_pages(site)
        with_percent = 0
        for key, entry in site.inspections.items():
            facts = national.inspection_national(site, entry)
            if facts is None or facts.national.areas < 2:
                continue
            md = pages[f"areas/{key}/index.md"].markdown
            section = md.split("## How this compares", 1)[1].split("\n## ", 1)[0]
            assert ("%)" in section) == facts.national.percentages, key
            with_percent += "%)" in section
        assert bool(with_percent) == shown
