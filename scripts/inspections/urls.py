"""Link and URL rules: where each generated page lives, the address it gets, and the links
between pages and out of the site. One home, so a change of address scheme is made here.

Pages are named by their path under the content folder (``areas/derby/index.md``); the site
engine uses directory URLs, so ``a/b.md`` is served at ``a/b/`` and ``a/index.md`` at ``a/``.

Example::

    >>> inspection_path("derby/2022-03-ilacs", "young-people")
    'areas/derby/2022-03-ilacs/young-people.md'
    >>> page_url(area_path("derby")), absolute_url("https://x.org/", "compare/ilacs.md")
    ('areas/derby/', 'https://x.org/compare/ilacs/')
    >>> href("compare/index.md", area_path("derby"))
    '../areas/derby/'
"""

from __future__ import annotations

import functools
import posixpath
import re

from inspections.audiences import by_slug

HOME = "index.md"
GRADES_PAGE = "grades.md"
GLOSSARY_PAGE = "glossary.md"
AREAS_INDEX = "areas/index.md"
DATA_PAGE = "data/index.md"
COMPARE_INDEX = "compare/index.md"

SAFE_SCHEMES = ("https:", "mailto:", "tel:")
# Targets we let through, made only of characters that need no escaping anywhere.
SAFE_TARGET = re.compile(
    r"https://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
    r"(?:[/?#][A-Za-z0-9\-._~:/?#@!$&'*+,;=%]*)?"
    r"|mailto:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+"
    r"|tel:\+?[0-9][0-9-]*"
)


def area_path(area: str) -> str:
    """Docs path of an area's page."""
    return f"areas/{area}/index.md"


def inspection_path(key: str, audience: str) -> str:
    """Docs path of an inspection page: ``areas/<area>/<slug>/index.md`` for families,
    ``.../young-people.md`` for young people (the audience's ``page``)."""
    return f"areas/{key}/{by_slug(audience).page}"


def about_path(audience: str) -> str:
    """Docs path of the about page for ``audience`` (``about/index.md`` for families)."""
    return f"about/{by_slug(audience).page}"


def compare_path(framework: str, default: str) -> str:
    """Docs path of the comparison table for ``framework``; ``default`` (the framework most
    areas were inspected under) gets the folder's index page."""
    return COMPARE_INDEX if framework == default else f"compare/{framework}.md"


def compare_audience_path(audience: str) -> str:
    """Docs path of the comparison table written for ``audience`` (young people's)."""
    return f"compare/{audience}.md"


def page_url(md_path: str) -> str:
    """The address, from the site's root, of a page (directory URLs).

    >>> page_url("areas/derby/index.md"), page_url("index.md"), page_url("a/b.md")
    ('areas/derby/', '', 'a/b/')
    """
    stem = md_path.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("/index") or stem == "index" else stem + "/"


def absolute_url(base: str, path: str) -> str:
    """The absolute address of a docs path on the site at ``base``."""
    return base.rstrip("/") + "/" + page_url(path)


def href(from_path: str, to_path: str) -> str:
    """A relative link between two pages' final addresses (raw HTML is not rewritten)."""
    here = page_url(from_path) or "."
    target = to_path if not to_path.endswith(".md") else page_url(to_path)
    rel = relpath(target or ".", here)  # posixpath.relpath asks for the current folder
    return rel + ("/" if to_path.endswith(".md") and not rel.endswith("/") else "")


@functools.lru_cache(maxsize=65536)
def relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for paths relative to docs/, without asking the operating system
    for the current folder (which ``posixpath.relpath`` does on every call).

    >>> relpath("glossary.md", "areas/derby"), relpath("areas/x/index.md", "areas/derby")
    ('../../glossary.md', '../x/index.md')
    >>> relpath("areas", "areas"), relpath("a/b.md", ".")
    ('.', 'a/b.md')
    """
    to, here = _segments(path), _segments(start)
    if to is None or here is None:
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(to, here, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(here) - common) + list(to[common:])
    return "/".join(parts) if parts else "."


@functools.lru_cache(maxsize=65536)
def _segments(path: str) -> tuple[str, ...] | None:
    """The parts of a relative path, normalised; None for an absolute path or one with ``..``
    (left to ``posixpath.relpath``). Remembered: the same targets and folders recur."""
    if path.startswith("/"):
        return None
    parts = tuple(p for p in posixpath.normpath(path).split("/") if p and p != ".")
    return None if ".." in parts else parts
