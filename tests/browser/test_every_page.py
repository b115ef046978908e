"""Every built page, in light and dark, 390 and 1280 pixels wide, in real headless Chromium.

For each page and state: axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation; no request
goes anywhere but 127.0.0.1; no cookie is set and nothing is in localStorage or
sessionStorage after the page has loaded; the page has one ``h1``, ``lang="en-GB"`` and the
no-referrer policy. Problems from every page are collected and reported together.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser_support import AXE, FIGURES, STATES, need

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

PAGE_FACTS = """() => ({
  lang: document.documentElement.lang,
  h1: document.querySelectorAll("h1").length,
  referrer: (document.querySelector('meta[name="referrer"]') || {}).content || null,
  scheme: document.body.getAttribute("data-md-color-scheme"),
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  cookie: document.cookie,
})"""


def describe(violation: dict) -> str:
    nodes = "; ".join(
        " ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
        for n in violation["nodes"][:5]
    )
    return f"{violation['id']} ({violation['impact']}): {violation['help']} -> {nodes}"


@pytest.mark.parametrize("state,scheme,width", STATES, ids=[s[0] for s in STATES])
def test_every_page(state, scheme, width, site_url, page_paths, context_for):
    need(AXE, "axe-core")
    context = context_for(scheme, width)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    problems: list[str] = []
    for path in page_paths:
        requests.clear()
        page.goto(site_url + path, wait_until="networkidle")
        facts = page.evaluate(PAGE_FACTS)
        cookies = context.cookies()
        outside = [
            u
            for u in requests
            if urlsplit(u).hostname != "127.0.0.1"
            and not u.startswith(("data:", "blob:", "about:"))
        ]
        FIGURES.pages.add(path)
        FIGURES.page_states += 1
        FIGURES.requests += len(requests)
        FIGURES.other_host_requests += len(outside)
        FIGURES.storage_items += len(facts["local"]) + len(facts["session"])
        FIGURES.cookies += len(cookies)
        where = f"/{path} ({state})"
        problems += [f"{where}: request to another site: {u}" for u in outside]
        if facts["local"] or facts["session"]:
            problems.append(
                f"{where}: storage written on load: {facts['local']} {facts['session']}"
            )
        if cookies or facts["cookie"]:
            problems.append(f"{where}: cookies set: {cookies or facts['cookie']}")
        if facts["lang"] != "en-GB":
            problems.append(f"{where}: lang is {facts['lang']!r}, not en-GB")
        if facts["h1"] != 1:
            problems.append(f"{where}: {facts['h1']} h1 headings, not one")
        if facts["referrer"] != "no-referrer":
            problems.append(f"{where}: no <meta name=referrer content=no-referrer>")
        expected = "slate" if scheme == "dark" else "default"
        if facts["scheme"] != expected:
            problems.append(f"{where}: palette is {facts['scheme']}, expected {expected}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations']})",
            AXE_TAGS,
        )
        FIGURES.axe_violations += len(result["violations"])
        problems += [f"{where}: {describe(v)}" for v in result["violations"]]
    assert not problems, "\n".join(problems)
