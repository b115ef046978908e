"""The first search on a page, in real Chromium with 4x CPU slowdown: bytes fetched and time.

Why: search must suit a cheap phone with little data. A reader's first search for a council
fetches the list of councils (``pagefind/places.json``); a search of every page (words that are
no council's name) fetches that and the search library (Pagefind's script and WebAssembly), the
index chunks its words need and a snippet for each result shown. Every response is counted,
gzip-compressed as in :mod:`bench.weight`, and so is the search box's own script
(loaded with the page, before the search), so the figure includes all the code search needs. The time runs from the reader's first touch of the search box
(nothing of search is loaded yet) until the results are on screen, with the words entered and
Enter pressed at once, so none of the time is hidden while the reader types. The CPU is slowed
4 times (Chrome DevTools Protocol ``Emulation.setCPUThrottlingRate``), as Lighthouse does for a
mid-range phone; the site is served locally, so network time is not counted.

Usage::

    PYTHONPATH=scripts python -m bench.search site/ areas/derby/2022-03-ilacs/young-people/ Derby
    PYTHONPATH=scripts python -m bench.search site/ areas/derby/2022-03-ilacs/young-people/ "care leavers"
"""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.weight import ARGS, CHROMIUM, serve

SLOWDOWN = 4
BOX_SCRIPT = "assets/javascripts/site-search.js"  # the search box's code, loaded with each page

# Focus the box, enter the words and press Enter (the form's submit), then wait until the
# results list is shown; returns the milliseconds this took, measured inside the page.
_SEARCH = """async (words) => {
  const input = document.querySelector("#site-search-input");
  const list = document.querySelector(".site-search__results");
  const start = performance.now();
  input.focus();
  input.value = words;
  input.form.requestSubmit();
  while (list.hidden || !list.querySelector("a")) {
    await new Promise(r => requestAnimationFrame(r));
    if (performance.now() - start > 30000) throw new Error("no results after 30 s");
  }
  return performance.now() - start;
}"""


@dataclass
class Search:
    """One first search: where from, for what, what it fetched and how long it took."""

    page: str
    words: str
    ms: float = 0.0  # cold: from the first touch of the box, nothing of search loaded
    ready_ms: float = 0.0  # from Enter, once what focus fetches has loaded (as while typing)
    first_result: str = ""
    fetched: list[tuple[str, int]] = field(default_factory=list)  # url, gzip bytes

    @property
    def gzip_total(self) -> int:
        return sum(g for _, g in self.fetched)


def first_search(folder: Path, page_path: str, words: str) -> Search:
    """Open ``page_path`` in a fresh browser context and make its first search for ``words``."""
    from playwright.sync_api import sync_playwright

    out = Search(page_path, words)
    with serve(folder) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.goto(base + page_path, wait_until="networkidle")
            page.wait_for_timeout(300)
            recording: list = []
            page.on("response", lambda r: recording.append(r))
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
            out.ms = page.evaluate(_SEARCH, words)
            out.first_result = page.get_attribute(".site-search__results a", "href") or ""
            page.wait_for_load_state("networkidle")
            # The same search again in a new page, once what focus fetches has loaded.
            again = context.new_page()
            again.goto(base + page_path, wait_until="networkidle")
            again.focus("#site-search-input")
            again.wait_for_load_state("networkidle")
            again.wait_for_timeout(300)
            cdp = context.new_cdp_session(again)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
            out.ready_ms = again.evaluate(_SEARCH, words)
            box = (folder / BOX_SCRIPT).read_bytes()
            out.fetched.append((f"{BOX_SCRIPT} (with the page)", len(gzip.compress(box, 9))))
            for response in recording:
                try:
                    body = response.body()
                except Exception:  # redirects and aborted requests have no body
                    body = b""
                out.fetched.append((response.url.removeprefix(base), len(gzip.compress(body, 9))))
            context.close()
        finally:
            browser.close()
    return out


def main() -> None:
    folder, page_path, words = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    found = first_search(folder, page_path, words)
    print(
        f"/{page_path}, {words!r}: {found.ms:.0f} ms at {SLOWDOWN}x slowdown "
        f"({found.ready_ms:.0f} ms once focus had loaded what it fetches), "
        f"{found.gzip_total / 1024:.1f} KB gzip; first result {found.first_result}"
    )
    for url, gz in found.fetched:
        print(f"  {gz:>7}  {url}")


if __name__ == "__main__":
    main()
