"""The preview's plain-language check in a second process (``inspections.speed.PreviewChecker``)
finds exactly what the check in the build's own process finds, and falls back to that check if
the second process fails."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest

from inspections.check import RULES_FILE, check_pages, load_rules
from inspections.pages import build_pages
from inspections.speed import PreviewChecker


def _findings(result) -> list[str]:
    return [str(f) for f in result.findings]


@pytest.fixture(scope="module")
def checked(site_data, root: Path):
    pages = build_pages(site_data)
    key = "areas/derby/2022-03-ilacs/young-people.md"
    page = pages[key]
    long = (
        "When a child might be hurt the council and the police and the doctors and the "
        "school and the nurses all act very fast to keep the child safe. "
    )
    words = "Ofsted gave Derby the top grade"
    assert words in page.markdown
    page.markdown = page.markdown.replace(words, long + words, 1)  # an error to find
    return site_data, pages, root, load_rules(root / RULES_FILE, RULES_FILE.as_posix())


def test_the_second_process_finds_what_the_build_finds(checked) -> None:
    site, pages, root, rules = checked
    here = check_pages(site, pages, root, rules)
    assert any("[sentence-length]" in f for f in _findings(here))
    checker = PreviewChecker()
    checker.min_pages = 0
    try:
        future = checker.submit(site, pages, root, rules)
        assert future is not None, "the second process did not start"
        there = checker.result(future, lambda: pytest.fail("fell back to this process"))
    finally:
        checker._give_up(RuntimeError("test over"))  # stop the process
    assert _findings(there) == _findings(here)
    assert [(p.path, p.words, p.sentences) for p in there.pages] == [
        (p.path, p.words, p.sentences) for p in here.pages
    ]


def test_small_checks_stay_in_this_process(checked) -> None:
    site, pages, root, rules = checked
    # A small check (one area's pages, as after a small edit): no second process. The whole
    # shipped site is too big for this now, so the test takes one area's pages from it.
    small = {key: page for key, page in pages.items() if key.startswith("areas/derby/")}
    assert 0 < len(small) < PreviewChecker.min_pages
    assert PreviewChecker().submit(site, small, root, rules) is None


def test_a_failed_second_process_falls_back_to_this_one_for_good(checked) -> None:
    site, pages, root, rules = checked
    checker = PreviewChecker()
    checker.min_pages = 0
    failed: Future = Future()
    failed.set_exception(OSError("the process died"))
    assert checker.result(failed, lambda: "checked here") == "checked here"
    assert checker.submit(site, pages, root, rules) is None  # no second try


def test_the_build_checks_on_both_cores_and_finds_the_same(checked) -> None:
    """``make site`` splits the check between two processes (speed.check_in_two): the same
    findings and the same page reports, docs/ counted once, as one process checking all."""
    from inspections.speed import check_in_two

    site, pages, root, rules = checked
    here = check_pages(site, pages, root, rules)
    split = check_in_two(site, pages, root, rules, min_pages=2)
    assert _findings(split) == _findings(here)
    assert [(p.path, p.grade) for p in split.pages] == [(p.path, p.grade) for p in here.pages]


def test_the_check_sent_to_check_words_finds_what_the_build_finds(checked) -> None:
    """make site's words check, sent by generate to `check-words -` beside the engine's build
    (inspections.pipeline.save_words_check), against the check run in this process."""
    import io

    from inspections.pipeline import run_saved_check, save_words_check

    site, pages, root, rules = checked
    here = check_pages(site, pages, root, rules)
    sent = io.BytesIO()
    save_words_check(site, pages, root, rules, sent)
    sent.seek(0)
    there, rules_there, root_there = run_saved_check(sent)
    assert any("[sentence-length]" in f for f in _findings(there))
    assert _findings(there) == _findings(here)
    assert [(p.path, p.words, p.sentences) for p in there.pages] == [
        (p.path, p.words, p.sentences) for p in here.pages
    ]
    assert rules_there == rules and root_there == Path(root).resolve()
