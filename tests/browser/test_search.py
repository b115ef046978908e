"""Search (Pagefind, with our own search box in the header), in headless Chromium.

A reader types a council's name, hears how many councils match, and opens the first one to
reach that council's page; with the keyboard alone too. Words that are not a council's name
search every page (Pagefind), as does the "Search every page" button after the councils. On a
young people's page, young people's pages come first. The words never reach the address bar, history, storage or another
site. axe finds nothing with the results open, in both colour schemes at 390 and 1280 pixels.
Without JavaScript there is no dead search box.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browser_support import AXE, STATES, need
from test_every_page import AXE_TAGS, describe

RESULTS = ".site-search__results a"


def search(page, words: str, width: int) -> list[str]:
    """Type ``words`` into the search box (opening it first on a narrow screen) and return the
    results' addresses once they are shown."""
    if width < 960:
        page.click(".site-search__open")
    page.fill("#site-search-input", words)
    page.wait_for_selector(RESULTS, timeout=15000)
    return page.eval_on_selector_all(RESULTS, "els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize("width", [390, 1280])
def test_search_for_a_council_and_open_its_page(width, site_url, context_for):
    context = context_for("light", width)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url, wait_until="networkidle")
    history = page.evaluate("history.length")
    found = search(page, "Derbyshire", width)
    root = urlsplit(site_url).path
    assert found[0] == root + "areas/derbyshire/", found
    status = page.inner_text(".site-search__status")
    assert status.startswith("1 council matches \u2018Derbyshire\u2019."), status
    # Its pages for young people and for families are linked beside it.
    assert [u.endswith("/young-people/") for u in found[1:]] == [True, False], found
    assert all(u.startswith(root + "areas/derbyshire/") for u in found), found
    # Only the councils' list was fetched, not the full-text library.
    assert not [u for u in requests if "/pagefind/pagefind" in u], requests
    assert page.url == site_url and page.evaluate("history.length") == history
    page.click(RESULTS)
    page.wait_for_url(site_url + "areas/derbyshire/")
    assert page.inner_text("h1") == "Derbyshire"
    assert "derbyshire" not in urlsplit(page.url).query.lower()
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert not context.cookies()
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests), requests


def test_keyboard_only(site_url, context_for):
    """Tab to the box, type, Enter, Down arrow to the first result, Enter: its page opens.
    Escape closes the results and returns to the box."""
    page = context_for("light", 1280).new_page()
    page.goto(site_url + "glossary/", wait_until="networkidle")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-input":
            break
    else:
        pytest.fail("Tab never reached the search box")
    assert page.evaluate("document.activeElement.labels[0].textContent") == "Search this site"
    page.keyboard.type("Derby")
    page.keyboard.press("Enter")
    page.wait_for_selector(RESULTS)
    page.keyboard.press("Escape")
    assert page.is_hidden(".site-search__results")
    assert page.evaluate("document.activeElement.id") == "site-search-input"
    page.keyboard.press("Enter")
    page.wait_for_selector(RESULTS)
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    assert target == urlsplit(site_url).path + "areas/derby/"
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "areas/derby/")


@pytest.mark.parametrize("words,area", [("Derby", "derby"), ("Derbyshire", "derbyshire")])
def test_young_peoples_pages_first_from_a_young_peoples_page(words, area, site_url, context_for):
    page = context_for("light", 1280).new_page()
    page.goto(site_url + "areas/derby/2022-03-ilacs/young-people/", wait_until="networkidle")
    found = search(page, words, 1280)
    assert found[0].startswith(urlsplit(site_url).path + f"areas/{area}/"), found
    assert found[0].endswith("/young-people/"), found
    # From a page for everyone, the council's own page comes first.
    page.goto(site_url + "glossary/", wait_until="networkidle")
    assert search(page, words, 1280)[0] == urlsplit(site_url).path + f"areas/{area}/"


@pytest.mark.parametrize("state,scheme,width", STATES, ids=[s[0] for s in STATES])
def test_axe_with_results_open(state, scheme, width, site_url, context_for):
    need(AXE, "axe-core")
    page = context_for(scheme, width).new_page()
    page.goto(site_url + "areas/derby/", wait_until="networkidle")
    search(page, "Derby", width)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    assert not result["violations"], "\n".join(describe(v) for v in result["violations"])


def test_no_dead_search_box_without_javascript(site_url, context_for):
    page = context_for("light", 1280, java_script_enabled=False).new_page()
    page.goto(site_url)
    assert page.locator(".site-search").count() == 1
    assert page.is_hidden(".site-search") and page.is_hidden("#site-search-input")


def test_search_works_from_the_404_page(site_url, built_site, context_for):
    """The 404 page can be at any address, so its links and search use the site's root."""
    page = context_for("light", 1280).new_page()
    missing = site_url + "no/such/page/"
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    page.route(missing, lambda r: r.fulfill(status=404, body=not_found, content_type="text/html"))
    page.goto(missing, wait_until="networkidle")
    found = search(page, "Derbyshire", 1280)
    assert found[0] == urlsplit(site_url).path + "areas/derbyshire/", found


def test_on_a_narrow_screen_search_closes_when_the_reader_moves_on(site_url, context_for):
    """The panel covers the top of the page: Escape or moving focus away closes it, so it never
    hides what has focus."""
    page = context_for("light", 390).new_page()
    page.goto(site_url + "areas/derby/", wait_until="networkidle")
    toggle = page.locator(".site-search__open")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.is_hidden("#site-search-input")
    search(page, "Derby", 390)
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")  # closes the results, back in the box
    assert page.is_hidden(".site-search__results") and page.is_visible("#site-search-input")
    page.keyboard.press("Escape")  # closes the panel, back on the Search button
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('site-search__open')")
    search(page, "Derby", 390)
    page.evaluate("document.querySelector('.md-content a').focus()")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.is_hidden("#site-search-input") and page.is_hidden(".site-search__results")


def test_words_that_are_not_a_council_search_every_page(site_url, context_for):
    """No council is called 'care leavers', so every page is searched at once; from a young
    people's page young people's pages come first, and a result opens its page."""
    page = context_for("light", 1280).new_page()
    page.goto(site_url + "areas/derby/2022-03-ilacs/young-people/", wait_until="networkidle")
    found = search(page, "care leavers", 1280)
    status = page.inner_text(".site-search__status")
    assert re.fullmatch(
        r"No council matches \u2018care leavers\u2019\. (\d+) pages? found for "
        r"\u2018care leavers\u2019\. Pages for young people come first\.",
        status,
    ), status
    assert found and all(u.startswith(urlsplit(site_url).path) for u in found), found
    page.click(RESULTS)
    page.wait_for_url(re.compile(re.escape(site_url) + ".+"))
    assert "care leaver" in page.inner_text("main").lower()


def test_search_every_page_from_the_councils_with_the_keyboard(site_url, context_for):
    """After the councils, a button searches every page for the same words; focus moves to the
    first page found."""
    page = context_for("light", 1280).new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "glossary/", wait_until="networkidle")
    page.focus("#site-search-input")
    page.keyboard.type("Derby")
    page.keyboard.press("Enter")
    page.wait_for_selector(RESULTS)
    assert not [u for u in requests if "/pagefind/pagefind" in u]
    button = page.locator(".site-search__results li:last-child button")
    assert button.inner_text() == "Search every page for \u2018Derby\u2019"
    for _ in range(12):
        page.keyboard.press("ArrowDown")
        if page.evaluate("document.activeElement.tagName") == "BUTTON":
            break
    assert page.evaluate("document.activeElement.textContent") == button.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.site-search__status').textContent.includes('found for')"
    )
    status = page.inner_text(".site-search__status")
    assert re.fullmatch(r"(\d+) pages? found for \u2018Derby\u2019\.", status), status
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == page.get_attribute(RESULTS, "href")
    assert [u for u in requests if "/pagefind/pagefind.js" in u]


def test_a_council_is_found_by_its_full_name(site_url, context_for):
    """Readers may type the council's full name ('Derby City Council'), not the area's."""
    page = context_for("light", 1280).new_page()
    page.goto(site_url + "glossary/", wait_until="networkidle")
    found = search(page, "derby city", 1280)
    assert found[0] == urlsplit(site_url).path + "areas/derby/", found
    assert not [u for u in found if "/derbyshire/" in u], found
    assert page.inner_text(".site-search__status").startswith("1 council matches")
    assert "Derby City Council." in page.inner_text(".site-search__place")
