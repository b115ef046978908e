"""What a real browser fetches on a page's first load: every response, gzip-compressed.

Why a browser: the page weight that matters is what Chromium actually downloads, including
scripts, styles, the favicon, web workers and anything they fetch, not what we think a page
needs. The site is served locally; Debian's chromium is driven by Playwright with no network
access to anything else.

Usage::

    PYTHONPATH=scripts python -m bench.weight site/ areas/derby/2022-03-ilacs/ compare/
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Load:
    """One page's first load."""

    page: str
    fetched: list[tuple[str, int, int]] = field(default_factory=list)  # url, bytes, gzip bytes

    @property
    def gzip_total(self) -> int:
        return sum(g for _, _, g in self.fetched)

    def fetched_any(self, *parts: str) -> bool:
        return any(p in url for url, _, _ in self.fetched for p in parts)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free local port; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first_loads(folder: Path, pages: list[str], settle_ms: int = 1500) -> list[Load]:
    """Load each page in a fresh browser context (empty cache) and record what was fetched."""
    from playwright.sync_api import sync_playwright

    out = []
    with serve(folder) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for page_path in pages:
                context = browser.new_context()
                load = Load(page_path)
                seen: set[str] = set()

                def record(response, load=load, seen=seen) -> None:
                    if response.url in seen:
                        return
                    seen.add(response.url)
                    try:
                        body = response.body()
                    except Exception:  # redirects and aborted requests have no body
                        body = b""
                    load.fetched.append((response.url, len(body), len(gzip.compress(body, 9))))

                context.on("response", record)
                page = context.new_page()
                page.goto(base + page_path, wait_until="networkidle")
                page.wait_for_timeout(settle_ms)
                context.close()
                out.append(load)
        finally:
            browser.close()
    return out


def main() -> None:
    folder, pages = Path(sys.argv[1]), sys.argv[2:] or [""]
    for load in first_loads(folder, pages):
        print(f"/{load.page}: {load.gzip_total / 1024:.1f} KB gzip")
        for url, size, gz in load.fetched:
            print(f"  {gz:>7} {size:>8}  {url}")


if __name__ == "__main__":
    main()
