"""Citations on pages: a short numbered link beside each point, each leading to its source in
the list at the end, so no citation makes a sentence longer."""

from __future__ import annotations

import re

import pytest

from inspections.citing import notes
from inspections.pages import build_pages

MARKER = re.compile(
    r'<small class="cite"><a href="#source-(\d+)" aria-label="Source (\d+)">'
    r"\[(\d+)\]</a></small>"
)


@pytest.fixture(scope="module")
def pages(site_data):
    return build_pages(site_data)


def families_pages(site_data, pages):
    for key in site_data.inspections:
        yield key, pages[f"areas/{key}/index.md"].markdown


def test_every_marker_leads_to_a_numbered_source_at_the_end(site_data, pages):
    for key, page in families_pages(site_data, pages):
        found = MARKER.findall(page)
        want = notes(site_data.inspections[key].model)
        assert bool(found) == bool(want), key  # a visit with nothing cited has no markers
        for href, label, shown in found:
            assert href == label == shown
            assert f'{href}. <span id="source-{href}"></span>' in page, (key, href)
        assert len(set(found)) == len(want), key


def test_the_source_list_names_each_source_and_where_in_it(site_data, pages):
    page = pages["areas/derby/2022-03-ilacs/index.md"].markdown
    end = page.split("## Where this page comes from")[1]
    assert (
        '1. <span id="source-1"></span>[Ofsted: Inspection of Derby local authority '
        "children's services, 2022 (the report)](https://files.ofsted.gov.uk/v1/file/"
        "50183218): the table of judgements at the start of the report"
    ) in end
    assert "The same source as [number 1](#source-1): paragraphs 7 and 8" in end
    # Sources the points do not cite are still listed.
    assert (
        "Derby City Council press release on the 2022 inspection"
        in end.split("Also used for this page:")[1]
    )


def test_no_citation_is_written_out_beside_a_point(site_data, pages):
    for key, page in families_pages(site_data, pages):
        assert "(Source:" not in page, key
        assert "Grades from:" not in page, key


def test_the_same_source_and_place_share_a_number(site_data):
    insp = site_data.inspections["derby/2022-03-ilacs"].model
    pairs = notes(insp)
    assert len(pairs) == len(set(pairs))
    assert pairs[0] == ("ofsted-2022", "the table of judgements at the start of the report")
    assert ("ofsted-2022", "paragraph 1") in pairs
