"""Fixtures for the browser tests: the built site served on 127.0.0.1, and headless Chromium.

The browser is Debian's ``chromium`` (``/usr/bin/chromium``), driven by Playwright for Python
with ``executable_path``, because Playwright's own browser download needs the internet. The
npm tools (axe-core, the Nu HTML Checker) live in ``tests/browser/node_modules``, installed by
``make browser-tools`` (``make test`` runs it).

When Chromium or the tools are missing these tests are skipped with the reason, unless
``BROWSER_TESTS=required`` (as ``make test`` sets), when they fail instead: a fresh clone must
never pass without having run them.

Example::

    make test                                   # installs what is missing, runs everything
    .venv/bin/pytest tests/browser -k exit      # just the Exit this page tests
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, FIGURES, need
from page_selection import select_pages


def pytest_terminal_summary(terminalreporter) -> None:
    f = FIGURES
    if not f.page_states and f.html_errors < 0:
        return
    terminalreporter.section("browser checks")
    terminalreporter.write_line(
        f"pages: {len(f.pages)} of {f.built_pages} built; page-states (page x palette x width): {f.page_states}; "
        f"axe violations: {f.axe_violations}; requests: {f.requests}, to other hosts: "
        f"{f.other_host_requests}; cookies: {f.cookies}; storage items after load: "
        f"{f.storage_items}"
    )
    if f.html_errors >= 0:
        terminalreporter.write_line(
            f"HTML files checked by the Nu HTML Checker: "
            f"{f.html_files} of {f.built_pages} built; "
            f"errors: {f.html_errors}"
        )


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below ``prefix`` (the path of site_url), as the real host would:
    pages such as 404.html link to their assets by absolute path."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, *args) -> None:  # keep test output readable
        pass


def site_prefix(built_site: Path) -> str:
    """The path of the site's address (``/inspections-explained/``), from its canonical link."""
    found = re.search(
        r'<link rel="canonical" href="([^"]+)"',
        (built_site / "index.html").read_text(encoding="utf-8"),
    )
    return urlsplit(found.group(1)).path if found else "/"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site, served by a threaded http.server on a free port of 127.0.0.1."""
    handler = type("Handler", (_Handler,), {"prefix": site_prefix(built_site)})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(built_site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{handler.prefix}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> list[str]:
    """The pages the browser tests visit, as paths below the site root (``areas/derby/``,
    ``404.html``): every kind of page and a spread of councils, not all ~1,850 pages, so the
    checks fit CI (see page_selection.py for which and why; it fails if a kind is missing)."""
    FIGURES.built_pages = sum(1 for _ in built_site.rglob("*.html"))
    return select_pages(built_site)


@pytest.fixture(scope="session")
def browser():
    need(CHROMIUM, "Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context_for(browser):
    """Make a fresh browser context (no cookies, no storage): ``context_for("dark", 390)``."""
    made = []

    def make(scheme: str = "light", width: int = 1280, **options):
        context = browser.new_context(
            color_scheme=scheme,
            viewport={"width": width, "height": 800},
            service_workers="block",
            **options,
        )
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()
