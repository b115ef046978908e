"""The numbers behind "Get help" (data/helplines.yaml and each area's contacts), and which
pages get which numbers."""

from __future__ import annotations

import re

from inspections.finish import valid_html
from inspections.gethelp import area_slug, help_context, partials
from inspections.load import load_text
from inspections.validate import check_model


def test_national_helplines_come_first_with_sources(site_data):
    lines = site_data.helplines.model.helplines
    assert [h.number for h in lines.values()] == ["999", "0800 1111", "0808 800 5000"]
    for line in lines.values():
        assert line.source.startswith("https://") and len(line.checked) == 10


def test_area_and_inspection_pages_add_the_councils_numbers(site_data):
    derby = [c.number for c in site_data.areas["derby"].model.contacts]
    for source in ("data/areas/derby.yaml", "data/inspections/derby/2022-03-ilacs.yaml"):
        context = help_context(site_data, area_slug(source))
        assert [c.number for c in context["help_area"].contacts] == derby
        assert context["help_checked"] == "23 November 2026"
    for source in (None, "data/glossary.yaml"):
        context = help_context(site_data, area_slug(source))
        assert context["help_area"] is None and len(context["helplines"]) == 3


def test_every_area_has_a_box_for_each_audience_and_the_national_one_has_no_council(site_data):
    made = partials(site_data)
    assert len(made) == 2 * (len(site_data.areas) + 1)
    derby = made["partials/get-help/derby-young-people.html"].decode()
    assert "01332 641172" in derby and "If you are in danger now" in derby
    national = made["partials/get-help/national.html"].decode()
    assert "01332 641172" not in national and "If a child is in danger now" in national


def test_a_helpline_without_a_source_is_a_plain_error():
    doc = load_text(
        'helplines:\n  childline:\n    name: Childline\n    number: "0800 1111"\n'
        "    young_people: a\n    families: b\n    checked: 2026-11-23\n",
        "data/helplines.yaml",
    )
    problems = [str(p) for p in check_model(doc, "helplines")[1]]
    assert len(problems) == 1
    assert problems[0].startswith(
        "data/helplines.yaml:3:5: `source` is missing from "
        "`helplines: childline`. Add `source:` here"
    )


def test_material_html_is_made_valid():
    page = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off"><label class="md-nav__title" for="__toc">Contents</label>'
    )
    assert valid_html(page) == (
        '<input class="md-toggle" data-md-toggle="drawer" '
        'type="checkbox" id="__drawer"><div class="md-nav__title">'
        "Contents</div>"
    )
    with_toc = page + '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    assert 'for="__toc"' in valid_html(with_toc)


def test_every_number_is_linked_as_e164_and_shown_in_the_national_format(built_site):
    page = (built_site / "areas" / "derby" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="get-help__number" href="([^"]+)">([^<]+)</a>', page)
    assert links == [
        ("tel:999", "999"),
        ("tel:+448001111", "0800 1111"),
        ("tel:+448088005000", "0808 800 5000"),
        ("tel:+441332641172", "01332 641172"),
        ("tel:+441332786968", "01332 786968"),
    ]
