"""Exit this page, Get help and the keyboard, in headless Chromium.

The neutral site is never really contacted: Playwright answers requests for it with a small
stand-in page, so we can see that the browser went there.
"""

from __future__ import annotations

import re

import pytest
from browser_support import exit_url

from inspections import phones

STAND_IN = "<!doctype html><html lang='en'><title>Weather</title><p>Weather</p></html>"


@pytest.fixture
def neutral(root) -> str:
    return exit_url(root)


def open_page(context, url: str, neutral: str, answer: bool = True):
    """A page at ``url`` whose requests to the neutral site are answered with a stand-in page
    or, if not ``answer``, with "204 No Content", which makes the browser stay on the page, so
    we can look at it. The list returned collects the addresses asked for."""
    page = context.new_page()
    asked: list[str] = []

    def handle(route):
        asked.append(route.request.url)
        if answer:
            route.fulfill(status=200, content_type="text/html", body=STAND_IN)
        else:
            route.fulfill(status=204)

    page.route(neutral + "**", handle)
    page.goto(url, wait_until="networkidle")
    return page, asked


def test_exit_url_comes_from_mkdocs_yml(neutral, site_url, context_for):
    page, _ = open_page(context_for(), site_url, neutral)
    hrefs = page.eval_on_selector_all("[data-exit-this-page]", "els => els.map(e => e.href)")
    assert hrefs == [neutral, neutral]


def test_first_tab_reaches_exit_link_then_skip_link(neutral, site_url, context_for):
    page, _ = open_page(context_for("light", 390), site_url + "areas/derby/", neutral)
    page.keyboard.press("Tab")
    first = page.evaluate(
        "[document.activeElement.textContent.trim(),"
        " document.activeElement.hasAttribute('data-exit-this-page')]"
    )
    assert first == ["Exit this page", True]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(neutral)


def test_shift_three_times_leaves_and_replaces_the_page(neutral, site_url, context_for):
    page, asked = open_page(context_for(), site_url + "glossary/", neutral)
    history = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral)
    assert asked == [neutral]
    assert page.evaluate("history.length") == history, "the page should be replaced in history"


def test_page_blanks_while_leaving(neutral, site_url, context_for):
    # The neutral site sends nothing back here, so the page stays and we can see it blank.
    page, asked = open_page(context_for(), site_url + "glossary/", neutral, answer=False)
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_timeout(200)
    assert asked == [neutral]
    shown = page.evaluate(
        "[...document.body.querySelectorAll('*')]"
        ".filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 80))"
    )
    assert shown == [], "the page should be blank while the neutral site loads"


@pytest.mark.parametrize(
    "keys",
    [["Shift", "Shift", "a", "Shift"], ["Shift", "Shift+A", "Shift"]],
    ids=["other-key-between", "capital-letter"],
)
def test_typing_does_not_leave_by_accident(keys, neutral, site_url, context_for):
    page, asked = open_page(context_for(), site_url, neutral, answer=False)
    for key in keys:
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert not asked and page.url == site_url


def test_shift_presses_are_announced(neutral, site_url, context_for):
    page, _ = open_page(context_for(), site_url, neutral, answer=False)
    page.keyboard.press("Shift")
    status = page.text_content(".exit-this-page__indicator")
    assert status == "Shift, press 2 more times to exit."


@pytest.mark.parametrize("key", ["Enter", " "], ids=["enter", "space"])
def test_exit_button_works_from_the_keyboard(key, neutral, site_url, context_for):
    page, _ = open_page(context_for("dark", 390), site_url + "grades/", neutral)
    for _ in range(6):  # Tab to the button: exit link, skip link, then the button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('exit-this-page__button')"):
            break
    else:
        pytest.fail("Tab never reached the Exit this page button")
    page.keyboard.press(key)
    page.wait_for_url(neutral)


def test_exit_button_works_without_javascript(neutral, site_url, context_for):
    page, _ = open_page(context_for(java_script_enabled=False), site_url, neutral)
    page.click(".exit-this-page__button")
    page.wait_for_url(neutral)


def test_get_help_lists_national_and_council_numbers(neutral, site_url, context_for, site_data):
    page, _ = open_page(context_for("light", 390), site_url + "areas/derby/2022-03-ilacs/", neutral)
    page.click(".get-help > summary")
    numbers = page.eval_on_selector_all(
        ".get-help a[href^='tel:']", "els => els.map(e => e.getAttribute('href'))"
    )
    # E.164 (tel:+44...), which phones dial from anywhere; short numbers such as 999 as given.
    national = [phones.tel(h.number) for h in site_data.helplines.model.helplines.values()]
    council = [phones.tel(c.number) for c in site_data.areas["derby"].model.contacts]
    assert numbers == national + council
    assert numbers[:2] == ["tel:999", "tel:+448001111"]
    assert all(re.fullmatch(r"tel:(\+44[1-9][0-9]{6,9}|[0-9]{3,6})", n) for n in numbers), numbers
    sizes = page.eval_on_selector_all(
        ".get-help a[href^='tel:']",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height] })",
    )
    assert all(w >= 44 and h >= 44 for w, h in sizes), sizes
    page.goto(site_url + "glossary/")
    page.click(".get-help > summary")
    assert (
        page.eval_on_selector_all(
            ".get-help a[href^='tel:']", "els => els.map(e => e.getAttribute('href'))"
        )
        == national
    )


def test_no_single_key_shortcuts(neutral, site_url, context_for):
    page, _ = open_page(context_for(), site_url + "areas/", neutral)
    for key in ["f", "s", "/", "n", "p", ".", ","]:
        page.keyboard.press(key)
    page.wait_for_timeout(200)
    assert page.url == site_url + "areas/"
    assert page.evaluate("document.activeElement === document.body")
    # Typing into the search box still works.
    page.click("#site-search-input")
    page.keyboard.type("fs/derby")
    assert page.input_value("#site-search-input") == "fs/derby"


def test_storage_only_after_the_reader_changes_the_palette(neutral, site_url, context_for):
    context = context_for()
    page, _ = open_page(context, site_url, neutral)
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    page.click("label[for='__palette_1']")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    saved = page.evaluate("Object.keys(localStorage)")
    assert len(saved) == 1 and saved[0].endswith(".__palette"), saved
    page.goto(site_url + "grades/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
