"""Whole generated pages compared with golden files, one per audience for Derby 2022.

Regenerate them on purpose with ``pytest tests/test_golden.py --update-golden`` and read the
diff before committing: these are exactly the words families and young people will see.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from inspections.pages import build_pages
from inspections.site import load_site

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "derby-2022-families.md": "areas/derby/2022-03-ilacs/index.md",
    "derby-2022-young-people.md": "areas/derby/2022-03-ilacs/young-people.md",
}


# The build's date decides whether a next-inspection window is still shown: pinned, so the
# golden pages do not change with the calendar (1 January 2025, inside Derby's 2022 window).
BUILD_DATE = "1735689600"


@pytest.fixture(scope="module")
def pages(root):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
        return build_pages(load_site(root))


@pytest.mark.parametrize("golden,path", CASES.items())
def test_page_matches_golden(pages, golden: str, path: str, update_golden: bool) -> None:
    actual = pages[path].markdown
    target = GOLDEN / golden
    if update_golden:
        target.parent.mkdir(exist_ok=True)
        target.write_text(actual, encoding="utf-8")
        pytest.skip(f"rewrote {target.name}")
    expected = target.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True), f"golden/{golden}", path
        )
    )
    assert actual == expected, "Generated page differs from the golden file:\n" + diff
