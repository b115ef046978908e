"""``make site``'s words check beside the build (inspections/pipeline.py, ``WordsBeside``): a
check never given the pages stops and fails, and when no second process can start the check
runs in this process with the same outcome; a checker that itself breaks is reported as
its own fault, not the words'. (That its errors stop ``make site`` and leave
site/ untouched: tests/test_site_untouched.py; that the check sent to the second process finds
what the build's own check finds: tests/test_preview_checker.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

import inspections.generate
from inspections.check import RULES_FILE, load_rules
from inspections.pages import build_pages
from inspections.pipeline import WordsBeside


@pytest.fixture
def report(tmp_path: Path, monkeypatch) -> Path:
    """The words report goes to a temporary file, not the project's build/."""
    target = tmp_path / "plain-language-report.md"
    monkeypatch.setattr(inspections.generate, "REPORT", target)
    return target


def test_a_check_never_given_the_pages_is_stopped(tmp_path: Path) -> None:
    words = WordsBeside.start(tmp_path)  # as when generate stops on broken data
    assert words.process is not None
    assert words.wait() is False
    assert words.process.poll() is not None  # ended, not left running


def _derby(site_data) -> dict:
    return {p: page for p, page in build_pages(site_data).items() if p.startswith("areas/derby/")}


def test_without_a_second_process_the_check_runs_here(site_data, root, report) -> None:
    words = WordsBeside(None, root)
    rules = load_rules(root / RULES_FILE, RULES_FILE.as_posix())
    pages = _derby(site_data)
    assert words.send(site_data, pages, root, rules) == len(pages)
    assert words.wait() is True
    assert report.is_file()


def test_without_a_second_process_errors_still_fail(site_data, root, report, capsys) -> None:
    words = WordsBeside(None, root)
    rules = load_rules(root / RULES_FILE, RULES_FILE.as_posix())
    pages = _derby(site_data)
    page = pages["areas/derby/2022-03-ilacs/young-people.md"]
    assert "Ofsted gave Derby" in page.markdown
    page.markdown = page.markdown.replace("Ofsted gave Derby", "Ofsted facilitates Derby", 1)
    words.send(site_data, pages, root, rules)
    assert words.wait() is False
    err = capsys.readouterr().err
    assert "Some words are not plain enough" in err and "facilitates" in err


def test_a_checker_that_breaks_is_not_blamed_on_the_words(root, monkeypatch) -> None:
    """The second process's own error (here: it is sent something that is not a check) fails the
    build with a message that puts the fault in the checker, not in the comms team's words."""
    import pickle

    import inspections.pipeline as pipeline

    def send_nonsense(site, pages, root, rules, out) -> None:
        pickle.dump(("not", "a", "check", "at", "all"), out)

    monkeypatch.setattr(pipeline, "save_words_check", send_nonsense)
    words = WordsBeside.start(root)
    words.send(None, {}, root, None)
    assert words.wait() is False
    assert words.broke
    said = words.why_not(Path("site"))
    assert "fault in the checker, not in your data" in said
    assert "fix the words above" not in said
