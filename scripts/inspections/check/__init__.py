"""Plain-language checks: is every page plain enough for the people it is written for?

The rules are data (``data/rules/plain-language.yaml``): sentence length, average sentence
length and reading level per audience, words to avoid, abbreviations, glossary links. Every
generated page and every hand-written page in ``docs/`` is checked as its reader sees it, and
each problem is reported where the words were written: ``data/...yaml:LINE:COL`` for data text,
the template line for template text, ``docs/...md:LINE:COL`` for hand-written pages.

Modules: :mod:`.text` (Markdown to sentences), :mod:`.readability` (Flesch-Kincaid, offline),
:mod:`.rules` (the rules file), :mod:`.places` (where words were written), :mod:`.checker`
(the rules applied), :mod:`.report` (the report for people).

Example::

    >>> result = check_site(Path("."))          # doctest: +SKIP
    >>> len(result.errors)                      # doctest: +SKIP
    0
"""

from __future__ import annotations

import re
from pathlib import Path

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
from inspections.validate import texts

_AUDIENCE = re.compile(r"^audience:\s*[\"']?([\w-]+)", re.M)
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)

__all__ = ["check_site", "check_pages", "Result", "PageReport", "load_rules", "RULES_FILE"]


def text_locations(site) -> dict[tuple[str, int, int], tuple]:
    """(file, line, col) where each data text starts -> its field, e.g. ("summary", "families")."""
    out: dict[tuple[str, int, int], tuple] = {}
    entries = [*site.areas.values(), *site.frameworks.values(), *site.inspections.values()]
    if site.glossary:
        entries.append(site.glossary)
    if site.helplines:  # "Who you can talk to" prints its words on young people's pages
        entries.append(site.helplines)
    for entry in entries:
        for key, loc in _doc_locations(entry.doc).items():
            out.setdefault(key, loc)
    return out


def _doc_locations(doc) -> dict[tuple[str, int, int], tuple]:
    """:func:`text_locations` of one file, worked out once per loaded file (kept on the
    Document, which never changes once loaded): a preview rebuild reuses every unchanged
    file's Document, so only the edited file is walked again."""
    found = doc.__dict__.get("_locations")
    if found is None:
        found = {}
        for loc, _ in texts(doc.data):
            line, col = doc.text_start(loc)
            found.setdefault((doc.path, line, col), loc)
        doc.__dict__["_locations"] = found
    return found


def docs_pages(root: Path) -> list[tuple[str, str, str]]:
    """Hand-written pages in docs/: (path shown, audience, Markdown)."""
    docs = root / "docs"
    out = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        markdown = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        front = _FRONT.match(markdown)
        found = _AUDIENCE.search(front.group(1)) if front else None
        audience = found.group(1) if found else "everyone"
        if audience not in ("young-people", "families", "everyone"):
            audience = "everyone"
        out.append((path.relative_to(root).as_posix(), audience, markdown))
    return out


def check_pages(site, pages: dict, root: Path, rules: Rules) -> Result:
    """Check generated ``pages`` (from :func:`inspections.pages.build_pages`) and docs/."""
    return check_prepared(
        pages, Path(root), rules, GlossaryForms.from_site(site), text_locations(site)
    )


def check_in_worker(
    pages: dict,
    root: str,
    rules: Rules,
    glossary: GlossaryForms,
    locs: dict[tuple[str, int, int], tuple],
) -> Result:
    """:func:`check_prepared` in the preview's second process (see
    ``inspections.speed.PreviewChecker``): everything it needs comes with the call, and data
    files are read afresh, since they change between rebuilds."""
    from inspections.check.places import forget_files

    forget_files()
    return check_prepared(pages, Path(root), rules, glossary, locs)


def check_prepared(
    pages: dict,
    root: Path,
    rules: Rules,
    glossary: GlossaryForms,
    locs: dict[tuple[str, int, int], tuple],
) -> Result:
    """Check ``pages`` and docs/, given the glossary's forms and where data texts start."""
    reports: list[PageReport] = []
    for path, page in pages.items():
        places = PagePlaces(page.markdown, path, page.texts, root, locs)
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
    rules = load_rules(rules_path, _shown(rules_path, root))
    site = load_site(root)
    return check_pages(site, build_pages(site), root, rules)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
