"""The content tree `python -m inspections generate` writes for the engine (inspections/content.py,
tree.py): what the theme needs is in each page's front matter, the Markdown body is the
page's own, clashes are all reported at once, and the preview rewrites only changed files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from inspections import tree
from inspections.content import Settings, content_files, page_markdown
from inspections.pages import build_pages
from inspections.problems import DataError

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = Settings("https://example.org/x/", "https://github.com/o/r/edit/main/docs/")


@pytest.fixture(scope="module")
def pages(site_data):
    return build_pages(site_data)


def test_front_matter_names_the_help_box_and_the_data_file_and_the_body_is_unchanged(pages):
    page = pages["areas/derby/2022-03-ilacs/index.md"]
    written = page_markdown(page, SETTINGS)
    front, body = written.split("\n---\n", 1)
    assert "\nhelp_area: derby" in front
    assert (
        'data_file_url: "https://github.com/o/r/edit/main/data/inspections/derby/2022-03-ilacs.yaml"'
        in front
    )
    assert body == page.markdown.split("\n---\n", 1)[1]
    young = page_markdown(pages["areas/derby/2022-03-ilacs/young-people.md"], SETTINGS)
    assert "help_area: derby" in young and "data_file_url" not in young  # no editors' footer


def test_pages_without_a_data_file_or_edit_uri_have_an_empty_link(pages):
    assert 'data_file_url: ""' in page_markdown(pages["areas/index.md"], SETTINGS)
    no_edit = Settings("https://example.org/x/", None)
    assert 'data_file_url: ""' in page_markdown(pages["areas/derby/index.md"], no_edit)


def test_the_tree_has_docs_the_pages_the_open_data_and_robots(site_data, pages):
    files = content_files(site_data, pages, ROOT, SETTINGS)
    assert files["accessibility.md"] == (ROOT / "docs/accessibility.md").read_bytes()
    assert (
        files[".well-known/security.txt"] == (ROOT / "docs/.well-known/security.txt").read_bytes()
    )
    assert set(pages) <= set(files)
    assert b"Sitemap: https://example.org/x/sitemap.xml" in files["robots.txt"]
    assert "feed.xml" in files and "data/inspections.csv" in files


def test_every_clash_with_a_hand_written_page_is_reported_at_once(site_data, pages, tmp_path):
    (tmp_path / "docs").mkdir()
    for name in ("glossary.md", "grades.md"):
        (tmp_path / "docs" / name).write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        content_files(site_data, pages, tmp_path, SETTINGS)
    report = caught.value.report()
    assert "docs/glossary.md:1:1: this hand-written page" in report
    assert "docs/grades.md:1:1: this hand-written page" in report


def test_the_preview_rewrites_only_files_whose_bytes_changed(tmp_path):
    out = tmp_path / "content"
    tree.write_all({"a.md": b"A", "b.md": b"B", "old.md": b"O"}, out)
    os.utime(out / "a.md", (1, 1))
    changed = tree.update({"a.md": b"A", "b.md": b"B2", "c/new.md": b"N"}, out)
    assert changed == ["b.md", "c/new.md", "old.md"]
    assert (out / "a.md").stat().st_mtime == 1  # untouched
    assert not (out / "old.md").exists() and (out / "b.md").read_bytes() == b"B2"


def test_what_was_written_last_is_compared_in_memory_with_the_same_answer(tmp_path):
    """The preview keeps what it wrote (speed.Preview.written) instead of reading it back."""
    out, last = tmp_path / "content", {}
    assert tree.update({"a.md": b"A", "b.md": b"B"}, out, last) == ["a.md", "b.md"]
    assert tree.update({"a.md": b"A", "b.md": b"B2", "c.md": b"C"}, out, last) == ["b.md", "c.md"]
    assert tree.update({"a.md": b"A", "c.md": b"C"}, out, last) == ["b.md"]
    assert sorted(p.name for p in out.iterdir()) == ["a.md", "c.md"]
    assert last == {"a.md": b"A", "c.md": b"C"}


def test_the_preview_keeps_the_help_boxes_only_while_their_files_are_the_same(site_data):
    from inspections import gethelp
    from inspections.site import load_site
    from inspections.speed import Preview

    preview = Preview()
    kept = preview.help_partials(site_data)
    assert kept == gethelp.partials(site_data)
    assert preview.help_partials(site_data) is kept  # same documents: not made again
    reloaded = load_site(ROOT)  # new documents (as after an edit): made again
    assert preview.help_partials(reloaded) is not kept
