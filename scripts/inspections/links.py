"""Outside links (Ofsted's reports, sources, council pages): found in the files, then asked.

Run weekly by a scheduled workflow, never by the build: whether another site answers today
must not decide whether this site can be published. Uses only the standard library.

- :func:`find_links` lists every ``http(s)://`` address in ``data/`` and ``docs/`` with each
  place it is written (``file:line:col``), leaving out made-up example addresses.
- :func:`check` asks one address (``HEAD``, then ``GET`` when a server refuses ``HEAD``),
  following redirects, and says what is wrong, if anything.

Example::

    >>> [(link.url, link.col) for link in links_in("source: https://www.derby.gov.uk/x).")]
    [('https://www.derby.gov.uk/x', 9)]
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

_URL = re.compile(r"https?://[^\s<>\"'`()\[\]{}|\\^]+")
_TRAILING = ".,;:!?*_"
# Made-up addresses (examples) and this computer (the preview): never asked.
SKIP_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")
FOLDERS = {"data": "*.yaml", "docs": "*.md"}
USER_AGENT = "Inspections-explained-link-check/1 (weekly check of the site's outside links)"
# A server that will not answer a robot is not a broken link: listed to check by hand.
REFUSED = {401, 403, 429}


@dataclass(frozen=True)
class Link:
    url: str
    path: str
    line: int
    col: int

    def place(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


def links_in(text: str, path: str = "") -> Iterator[Link]:
    """Every address in ``text``, with its 1-based line and column."""
    for number, line in enumerate(text.splitlines(), 1):
        for match in _URL.finditer(line):
            url = match.group(0).rstrip(_TRAILING)
            host = (urlsplit(url).hostname or "").lower()
            if host and not any(host == h or host.endswith("." + h) for h in SKIP_HOSTS):
                yield Link(url, path, number, match.start() + 1)


def find_links(root: Path) -> dict[str, list[Link]]:
    """Every outside address in the project's ``data/`` and ``docs/``, with its places."""
    found: dict[str, list[Link]] = {}
    for folder, pattern in FOLDERS.items():
        for file in sorted((root / folder).rglob(pattern)):
            rel = file.relative_to(root).as_posix()
            for link in links_in(file.read_text(encoding="utf-8"), rel):
                found.setdefault(link.url, []).append(link)
    return found


def check(url: str, timeout: float = 20) -> tuple[str, str] | None:
    """``None`` if ``url`` answers; else ``("broken" or "refused", what happened)``."""
    problem: tuple[str, str] | None = None
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read(1024 if method == "GET" else 0)
            return None
        except urllib.error.HTTPError as exc:
            kind = "refused" if exc.code in REFUSED else "broken"
            problem = (kind, f"answers {exc.code} {exc.reason}".rstrip())
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            problem = ("broken", f"cannot be reached ({reason})")
    return problem


def check_all(
    urls: Iterable[str], timeout: float = 20, workers: int = 4
) -> dict[str, tuple[str, str]]:
    """The problem of each address that has one (a few at a time, to be polite)."""
    urls = sorted(set(urls))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(lambda u: check(u, timeout), urls)
        return {url: problem for url, problem in zip(urls, results, strict=True) if problem}


def report(found: dict[str, list[Link]], problems: dict[str, tuple[str, str]]) -> str:
    """The Markdown report the weekly workflow puts in an issue."""
    broken = {u: p for u, p in problems.items() if p[0] == "broken"}
    refused = {u: p for u, p in problems.items() if p[0] == "refused"}
    lines = [f"Checked {len(found)} outside links in data/ and docs/."]
    for title, group, advice in (
        (
            "Broken links",
            broken,
            "Find the page's new address (or a copy in the UK Government "
            "Web Archive) and change it in each file named.",
        ),
        (
            "Links to check by hand",
            refused,
            "The site would not answer an automatic check. Open each one in a browser.",
        ),
    ):
        if not group:
            continue
        lines += ["", f"## {title}", "", advice, ""]
        for url, (_, what) in sorted(group.items()):
            places = ", ".join(f"`{link.place()}`" for link in found[url])
            lines.append(f"- <{url}> {what}. Written at {places}.")
    if not problems:
        lines += ["", "Every link answered."]
    return "\n".join(lines) + "\n"
