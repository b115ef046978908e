"""Build the site's search index with Pagefind, after MkDocs has written the HTML.

Why Pagefind: the theme's own search fetched one index of the whole site (386 KB compressed at
national scale) the first time anyone typed. Pagefind splits its index into small chunks and a
search fetches only the chunks and result snippets it needs, from the site itself.

What is indexed is marked in the theme (scripts/theme): each page's main text
(``data-pagefind-body``; pages without it, such as the 404 page, are left out), its audience as
a filter (``<meta name="audience" data-pagefind-filter="audience[content]">``), and never the
header, menu, "Exit this page" or "Get help". The search box itself is
``scripts/theme/partials/site-search.html`` with ``assets/javascripts/site-search.js``.

Beside Pagefind's files goes ``places.json`` (:mod:`inspections.places`): the councils the
search box looks in first, so a search for a council needs no Pagefind at all.

``make site`` runs this on the new build before it replaces site/ (``python -m inspections
search-index build/site.new``). ``make preview`` does not: its pages say search works in the
built site.

Example::

    >>> bundle_dir(Path("site")).as_posix()
    'site/pagefind'
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from inspections.places import FILE, places, write_places
from inspections.site import Site

BUNDLE = "pagefind"  # the folder, inside the site, that the search files are written to


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message says why and what to do."""


def bundle_dir(site_dir: Path) -> Path:
    """Where the search files for ``site_dir`` go (the theme's script loads them from there)."""
    return site_dir / BUNDLE


def index_site(site_dir: Path, site: Site | list[dict]) -> str:
    """Index the built HTML in ``site_dir`` and write the councils' list from ``site`` (the
    data it was built from, or the list :func:`inspections.places.places` made from it, as
    ``generate --places`` writes it); returns Pagefind's summary (the "Indexed" lines).

    Raises :class:`SearchIndexError` when the folder is not a built site, when no page is
    marked for indexing, when Pagefind fails, or when the list names a page not built.
    """
    from pagefind_bin import get_executable

    if not (site_dir / "index.html").is_file():
        raise SearchIndexError(
            f"{site_dir}: no index.html here. Build the site first "
            "(make site), then index the folder it was built into."
        )
    done = subprocess.run(
        [str(get_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SearchIndexError(
            f"{site_dir}: Pagefind could not build the search index:\n{done.stderr or done.stdout}"
        )
    summary = [
        line.strip() for line in done.stdout.splitlines() if line.strip().startswith("Indexed")
    ]
    if "Did not find a data-pagefind-body" in done.stdout:
        raise SearchIndexError(
            f"{site_dir}: no page is marked data-pagefind-body, so search "
            "would show menus and footers. Check scripts/theme/main.html."
        )
    pages = [int(line.split()[1]) for line in summary if line.endswith(" pages")]
    if not pages or not pages[0]:
        raise SearchIndexError(f"{site_dir}: Pagefind indexed no pages.")
    listed = places(site) if isinstance(site, Site) else site
    missing = [
        url
        for place in listed
        for url in (place["area"], place.get("yp"), place.get("fam"))
        if url and not (site_dir / url / "index.html").is_file()
    ]
    if missing:
        raise SearchIndexError(
            f"{site_dir}: the councils' list names pages that were not built "
            f"({', '.join(missing[:3])}). Build the site from the same data (make site)."
        )
    write_places(listed, bundle_dir(site_dir) / FILE)
    return "; ".join(summary) + f"; {len(listed)} councils in {BUNDLE}/{FILE}"
