"""Generate: load and check the data, make every page, check their words once, write the tree.

The stages (see CONTRIBUTING.md, "How the site is built")::

    data/*.yaml --load+validate--> Site --render--> pages --words check--> content tree
    docs/ ---------------------------------------------------------------^      |
    scripts/theme + "Get help" and share partials ---------------------> theme |
                                                    mkdocs build <-------------+
                                                         |
                                      finish (HTML fixes) + search index -> site/

A problem at any stage stops before anything is written, every problem listed at once (with
``words_later``, ``make site`` checks the words beside the engine's build instead, and swaps
the new site in only when both passed: :mod:`inspections.pipeline`).
Every file is written only when its bytes changed (and files that are gone are removed), so
the engine's folders keep their times; ``make preview`` passes a
:class:`inspections.speed.Preview` so only what an edit touches is rendered, checked and
written again.

Example::

    >>> made = generate(Path("."), Path("build/content"), Path("build/theme"))  # doctest: +SKIP
    >>> made.pages  # doctest: +SKIP
    1853
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from inspections import content, speed, tree
from inspections.places import places, write_places
from inspections.problems import DataError
from inspections.site import load_site

log = logging.getLogger("inspections")
REPORT = Path("build/plain-language-report.md")


class WordsError(Exception):
    """Some words are not plain enough; the message lists each with its place and the report."""


@dataclass
class Generated:
    """What one generation did: how many pages, and which files it wrote (all, or the changed)."""

    pages: int
    checked: int
    written: list[str] = field(default_factory=list)  # in the content tree
    theme_written: list[str] = field(default_factory=list)


def generate(
    root: Path,
    out: Path,
    theme_out: Path,
    preview: speed.Preview | None = None,
    words_later: Callable[..., int] | None = None,
    places_to: Path | None = None,
) -> Generated:
    """Make the content tree into ``out`` and the theme into ``theme_out`` (see the module).

    ``words_later`` (``make site``): instead of checking the words here, hand the pages to
    this function, called as ``words_later(site, pages, root, rules)``, which checks them
    elsewhere and returns how many (:class:`inspections.pipeline.WordsBeside`). ``places_to``:
    also write the search box's list of councils there, for the search index (no second load
    of the data).
    """
    root = Path(root)
    with speed.collector_paused():
        site = load_site(root, cache=preview.files if preview else None)
        settings = content.Settings.read(root)
        first = preview.first_pages(site) if preview else None
        if first:  # a preview shows an edited inspection's own pages before the rest is made
            check_words(site, first, root, preview, every=False)
            preview.write_first(first, root, out, settings)
        pages = preview.pages(site)[0] if preview else _all_pages(site)
        if words_later is None:
            checked = check_words(site, pages, root, preview)
        else:
            checked = words_later(site, pages, root, _rules(root))
        files = content.content_files(site, pages, root, settings)
        helped = preview.help_partials(site) if preview else None
        theme = content.theme_files(root, site, helped, settings.site_url)
    if places_to is not None:
        write_places(places(site), places_to)
    if preview is None:
        tree.update(theme, theme_out)
        tree.update(files, out)
        return Generated(len(pages), checked, sorted(files), sorted(theme))
    with preview.writing():
        themed = tree.update(theme, theme_out, preview.written["theme"])
    return Generated(len(pages), checked, preview.write_rest(files, out), themed)


def _all_pages(site):
    from inspections.pages import build_pages

    return build_pages(site)


def check_words(
    site, pages: dict, root: Path, preview: speed.Preview | None = None, every: bool = True
) -> int:
    """The plain-language check of every page (generated and docs/), once; the pages checked
    (``every=False``: ``pages`` are a preview's first pages, the rest come later).

    Writes build/plain-language-report.md (never published). An error raises
    :class:`WordsError`, unless INSPECTIONS_PLAIN_LANGUAGE=report-only (``make bench`` times
    the check even while other work is fixing findings).
    """
    from inspections.check import RULES_FILE, check_pages
    from inspections.check.places import forget_files

    rules = _rules(root)
    todo = pages
    if preview is not None:
        basis = ((root / RULES_FILE).read_bytes(), site.glossary.doc if site.glossary else None)
        todo = preview.to_check(pages, basis)
        forget_files()  # data files may have changed since the last generation

    def check():
        return check_pages(site, todo, root, rules)

    if preview is None or len(todo) >= speed.SPLIT_AT:  # a whole site: both cores share it
        result = speed.check_in_two(site, todo, root, rules)
    else:
        future = preview.checker.submit(site, todo, root, rules)
        result = preview.checker.result(future, check)
    report_words(result, rules, root)
    if preview is not None:
        preview.passed(pages, todo, every)
    return len(todo)


def _rules(root: Path):
    """The plain-language rules (a broken rules file stops generate before anything else)."""
    from inspections.check import RULES_FILE, load_rules

    return load_rules(root / RULES_FILE, RULES_FILE.as_posix())


def report_words(result, rules, root: Path) -> None:
    """Write the report; raise :class:`WordsError` listing every error (see check_words)."""
    from inspections.check.report import render

    report = root / REPORT
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(render(result, rules), encoding="utf-8")
    for finding in result.warnings:
        log.info("%s", finding)
    if result.errors and os.environ.get("INSPECTIONS_PLAIN_LANGUAGE") == "report-only":
        log.info("%d plain-language errors (reported only)", len(result.errors))
    elif result.errors:
        raise WordsError(
            "Some words are not plain enough, so the site was not built:\n\n"
            + "\n".join(str(f) for f in result.errors)
            + f"\n\nThe full report is in {REPORT}."
        )


__all__ = ["DataError", "Generated", "WordsError", "check_words", "generate", "report_words"]
