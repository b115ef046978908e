"""Plain-language checks: is every page plain enough for the people it is written for?

The rules are data (``data/rules/plain-language.yaml``): sentence length, average sentence
length and reading level per audience, words to avoid, abbreviations, glossary links. Every
generated page and every hand-written page in ``docs/`` is checked as its reader sees it, and
each problem is reported where the words were written: ``data/...yaml:LINE:COL`` for data text,
the template line for template text, ``docs/...md:LINE:COL`` for hand-written pages.

Modules: :mod:`.text` (Markdown to sentences, with :mod:`.inline` for inline Markdown),
:mod:`.readability` (Flesch-Kincaid, offline), :mod:`.rules` (the rules file), :mod:`.places`
(where words were written), :mod:`.scope` (which words are judged, and for whom),
:mod:`.checker` (the rules applied), :mod:`.report` (the report for people).

Example::

    >>> result = check_site(Path("."))          # doctest: +SKIP
    >>> len(result.errors)                      # doctest: +SKIP
    0
"""

from __future__ import annotations

import re
from pathlib import Path

from inspections.audiences import DEFAULT, SLUGS
from inspections.check.checker import (
    FilePlaces,
    GlossaryForms,
    PageReport,
    Result,
    check_page,
    finish,
)
from inspections.check.places import PagePlaces
from inspections.check.rules import RULES_FILE, Rules, load_rules

_AUDIENCE = re.compile(r"^audience:\s*[\"']?([\w-]+)", re.M)
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)

__all__ = [
    "check_site",
    "check_rendered",
    "check_pages",
    "Result",
    "PageReport",
    "load_rules",
    "RULES_FILE",
]


def text_locations(site: object) -> dict[tuple[str, int, int], tuple]:
    """Kept only so ``inspections.mkdocs`` still imports until it is removed: the renderer now
    records each text's field (:attr:`~inspections.render.TextUse.loc`), so nothing is looked
    up here and the check never walks the data files. Returns an empty table."""
    return {}


def docs_pages(root: Path) -> list[tuple[str, str, str]]:
    """Hand-written pages in docs/: (path shown, audience, Markdown)."""
    docs = root / "docs"
    out = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        markdown = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        front = _FRONT.match(markdown)
        found = _AUDIENCE.search(front.group(1)) if front else None
        audience = found.group(1) if found else DEFAULT.slug
        if audience not in SLUGS:
            audience = DEFAULT.slug
        out.append((path.relative_to(root).as_posix(), audience, markdown))
    return out


def check_rendered(site, pages: dict, root: Path, rules_file: Path | None = None) -> Result:
    """Check pages the build has already rendered (from :func:`inspections.pages.build_pages`)
    and docs/, with the rules file (default ``data/rules/plain-language.yaml``): the one call
    a build makes, so the words are checked once per build. Nothing is rendered again.

    Example::

        >>> site = load_site(root); result = check_rendered(site, build_pages(site), root)  # doctest: +SKIP
        >>> result.errors                                                                   # doctest: +SKIP
        []
    """
    root = Path(root)
    rules_path = rules_file or root / RULES_FILE
    return check_pages(site, pages, root, load_rules(rules_path, _shown(rules_path, root)))


def check_pages(site, pages: dict, root: Path, rules: Rules) -> Result:
    """Check generated ``pages`` (from :func:`inspections.pages.build_pages`) and docs/."""
    return check_prepared(pages, Path(root), rules, GlossaryForms.from_site(site))


def check_in_worker(
    pages: dict,
    root: str,
    rules: Rules,
    glossary: GlossaryForms,
    locs: object = None,
) -> Result:
    """:func:`check_prepared` in the preview's second process (see
    ``inspections.speed.PreviewChecker``): everything it needs comes with the call, and data
    files are read afresh, since they change between rebuilds. ``locs`` is no longer used (each
    text's field comes with the page: :attr:`~inspections.render.TextUse.loc`)."""
    from inspections.check.places import forget_files

    forget_files()
    return check_prepared(pages, Path(root), rules, glossary)


def check_prepared(pages: dict, root: Path, rules: Rules, glossary: GlossaryForms) -> Result:
    """Check ``pages`` and docs/, given the glossary's forms."""
    reports: list[PageReport] = []
    for path, page in pages.items():
        places = PagePlaces(page.markdown, path, page.texts, root)
        reports.append(check_page(page.markdown, page.audience, path, places, rules, glossary))
    for shown, audience, markdown in docs_pages(root):
        reports.append(
            check_page(markdown, audience, shown, FilePlaces(shown, markdown), rules, glossary)
        )
    return finish(reports, rules)


def check_site(root: Path, rules_file: Path | None = None) -> Result:
    """Load the data, build every page in memory, and check them all."""
    from inspections.pages import build_pages
    from inspections.site import load_site

    root = Path(root)
    rules_path = rules_file or root / RULES_FILE
    rules = load_rules(rules_path, _shown(rules_path, root))  # a broken rules file stops first
    site = load_site(root, keep_embargoed=True)  # words not published yet are checked too
    return check_pages(site, build_pages(site), root, rules)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
