"""`python -m inspections compare-sites`: what the Zensical job writes to its summary."""

from __future__ import annotations

from pathlib import Path

from inspections.commands.compare_sites import compare


def _site(folder: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


def test_missing_extra_and_differing_pages_are_listed_and_counted(tmp_path: Path) -> None:
    first = _site(
        tmp_path / "a",
        {
            "index.html": "<p>Same</p>",
            "a/index.html": "<p>One</p>",
            "b/index.html": "<p>x</p>\n<p>y</p>",
            "gone.html": "<p>Only here</p>",
            "pagefind/x.json": "1",
        },
    )
    second = _site(
        tmp_path / "b",
        {
            "index.html": "<p>Same</p>",
            "a/index.html": "<p>Two</p>",
            "b/index.html": "<p>x</p>  <p>y</p>",
            "search.json": "{}",
            "pagefind/x.json": "2",
        },
    )
    report = compare(first, second)
    assert "- 1 missing from" in report and "- `gone.html`" in report
    assert "1 only in" in report and "- `search.json`" in report
    assert "- 2 in both differ (2 pages; 1 only in whitespace)" in report
    assert "index.html`" in report and "pagefind" not in report  # the search index is left out
