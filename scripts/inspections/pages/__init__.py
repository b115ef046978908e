"""Every generated page, from every page module in this package.

Each module here has ``pages(site, renderer) -> Iterable[Page]``. Adding a module adds its
pages; nothing else needs to change. Pages are Markdown handed to MkDocs as virtual files, so
nothing generated is ever written into ``docs/``.

Example::

    >>> pages = build_pages(load_site(Path(".")))    # doctest: +SKIP
    >>> pages["areas/derby/2022-03-ilacs/young-people.md"].audience  # doctest: +SKIP
    'young-people'
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable

from inspections import context
from inspections.audiences import READERS
from inspections.page import Page, render_page
from inspections.render import Renderer
from inspections.site import Site
from inspections.urls import area_path, inspection_path

__all__ = [
    "Page",
    "render_page",
    "build_pages",
    "rebuild_pages",
    "changed_files",
    "edited_inspections",
    "local_only",
    "own_paths",
    "stays_put",
    "own_pages",
    "modules",
    "LOCAL_FIELDS",
    "AREA_FACTS",
]


def modules() -> list[str]:
    """Names of the page modules, in a stable order."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def build_pages(site: Site, renderer: Renderer | None = None) -> dict[str, Page]:
    """All generated pages by path. Two modules making the same path is a bug, so it stops."""
    renderer = renderer or Renderer()
    context.install(renderer)
    return dict(sorted(_render_modules(site, renderer).items()))


def _render_modules(site: Site, renderer: Renderer, skip: tuple[str, ...] = ()) -> dict[str, Page]:
    """Every page of the page modules not in ``skip``. Two modules making the same path is a
    bug, so it stops."""
    pages: dict[str, Page] = {}
    for name in modules():
        if name in skip:
            continue
        module = importlib.import_module(f"{__name__}.{name}")
        made: Iterable[Page] = module.pages(site, renderer)
        for page in made:
            if page.path in pages:
                raise RuntimeError(f"Two page modules both make {page.path}")
            pages[page.path] = page
    return pages


# ---------------------------------------------------------------------------- previews

# Fields of an inspection that only its own two pages and its area's page show. An edit that
# changes nothing else re-renders just those pages. Other changes to an inspection that stays
# in its area and framework (grades, dates, kind...) can move national figures, trends and
# tables: see _rebuild_facts. Anything else renders everything again.
# tests/test_preview_incremental.py checks both against full renders.
LOCAL_FIELDS = frozenset(
    {
        "summary",
        "going_well",
        "must_improve",
        "next_steps",
        "how_inspected",
        "notes",
        "topic",
        "report",
        "sources",
        "judgements_ref",
        "areas_for_improvement",
        "theme",
        "judgements_inferred",
    }
)


def rebuild_pages(
    old: Site, new: Site, old_pages: dict[str, Page], renderer: Renderer | None = None
) -> tuple[dict[str, Page], set[str]] | None:
    """Pages for ``new`` made by re-rendering only what changed since ``old``, with the paths
    re-rendered; None when that is not certainly the same as :func:`build_pages` (the caller
    then renders everything).

    ``old`` and ``new`` must come from ``load_site(..., cache=...)`` with the same cache, so an
    unchanged file gives the same Document object. Edits to area files alone go to
    :func:`_rebuild_areas`; otherwise only edits to existing inspection files are done here. When they touch :data:`LOCAL_FIELDS` alone, the inspection's two pages and
    its area's page are rendered again, and a page elsewhere that shows any words from the
    file means everything is rendered again. Other edits that keep each inspection in its area
    and framework go to :func:`_rebuild_facts`.
    """
    changed = changed_files(old, new)
    if changed is None:
        return None
    if not changed:
        return dict(old_pages), set()
    area_files = {e.path for e in new.areas.values()}
    if changed <= area_files:
        return _rebuild_areas(old, new, old_pages, changed, renderer)
    edited = edited_inspections(old, new, changed)
    if edited is None:
        return None  # a framework, glossary or helplines file, or several kinds: everything
    if not all(local_only(a, b) for a, b in edited):
        return _rebuild_facts(
            old, new, old_pages, [b for _, b in edited], [a for a, _ in edited], renderer
        )
    own = {b.key for _, b in edited}
    allowed = own_paths(own)
    touched = {
        path
        for path, page in old_pages.items()
        if page.source in changed or any(u.path in changed for u in page.texts)
    }
    if not touched <= allowed:
        return None
    mine = own_pages(new, own, renderer)
    if mine.keys() != allowed:
        return None  # the pages are not where we expected: render everything
    return {**old_pages, **mine}, set(mine)


def changed_files(old: Site, new: Site) -> set[str] | None:
    """The data files whose Document changed from ``old`` to ``new`` (loaded with one cache);
    None when files came or went, or either site is broken."""
    before, after = _docs(old), _docs(new)
    if before.keys() != after.keys() or old.broken or new.broken:
        return None
    return {path for path, doc in after.items() if doc is not before[path]}


def edited_inspections(old: Site, new: Site, changed: set[str]) -> list[tuple] | None:
    """Each ``changed`` file's inspection entry (before, after), sorted by key; None unless
    every changed file is an inspection file that kept its key (its area and date)."""
    olds = {e.path: e for e in old.inspections.values()}
    news = {e.path: e for e in new.inspections.values()}
    for path in changed:
        if path not in olds or path not in news or olds[path].key != news[path].key:
            return None
    return sorted(((olds[p], news[p]) for p in changed), key=lambda pair: pair[1].key)


def local_only(before, after) -> bool:
    """Whether an inspection's edit changed nothing but :data:`LOCAL_FIELDS`."""
    return before.model.model_dump(exclude=LOCAL_FIELDS) == after.model.model_dump(
        exclude=LOCAL_FIELDS
    )


def stays_put(edited: list[tuple]) -> bool:
    """Whether each edited inspection (before, after) kept its area and framework: then only
    its own pages and the national figures can change (:func:`_rebuild_facts`)."""
    return all(
        (a.model.area, a.model.framework) == (b.model.area, b.model.framework) for a, b in edited
    )


def own_paths(keys: set[str]) -> set[str]:
    """The pages made from these inspections' files: their two pages and their areas' pages."""
    paths = {inspection_path(k, r.slug) for k in keys for r in READERS}
    return paths | {area_path(k.split("/")[0]) for k in keys}


def own_pages(site: Site, keys: set[str], renderer: Renderer | None = None) -> dict[str, Page]:
    """The pages of :func:`own_paths`, rendered for ``site`` as :func:`build_pages` does."""
    from inspections.pages.areas import area_page
    from inspections.pages.inspections import inspection_pages

    renderer = renderer or Renderer()
    context.install(renderer)
    pages: dict[str, Page] = {}
    for key in sorted(keys):
        pages.update(
            (p.path, p) for p in inspection_pages(site, renderer, key, site.inspections[key])
        )
    for area in sorted({k.split("/")[0] for k in keys}):
        page = area_page(site, renderer, area, site.areas[area])
        pages[page.path] = page
    return pages


def _rebuild_facts(
    old: Site,
    new: Site,
    old_pages: dict[str, Page],
    edited: list,
    before: list,
    renderer: Renderer | None,
) -> tuple[dict[str, Page], set[str]] | None:
    """Pages for ``new`` after edits to facts (grades, dates, kind...) of existing inspections
    that stay in the same area and framework; None if the edit is anything else.

    Every page except other areas' inspection pages is rendered again (areas, compare,
    reference and the rest are quick). An inspection page is made from its own file, its
    area, its framework, its area's earlier inspection and the national comparison
    (:func:`inspections.context.inspection_context`), so another area's inspection page can
    only change through that comparison: it is rendered again when
    :func:`inspections.national.inspection_national` differs, and kept otherwise.
    tests/test_preview_incremental.py checks the result against full renders.
    """
    from inspections.national import inspection_national
    from inspections.pages.inspections import inspection_pages

    if not stays_put(list(zip(before, edited, strict=True))):
        return None
    areas = {e.model.area for e in edited}
    # All of the old site's comparisons first: answers are remembered for one site at a time.
    compared = {key: inspection_national(old, entry) for key, entry in old.inspections.items()}
    renderer = renderer or Renderer()
    context.install(renderer)
    pages = _render_modules(new, renderer, skip=("inspections",))
    for key, entry in new.inspections.items():
        if (
            entry.model.area in areas
            or key not in compared
            or compared[key] != inspection_national(new, entry)
        ):
            pages.update((page.path, page) for page in inspection_pages(new, renderer, key, entry))
            continue
        for audience in READERS:
            path = inspection_path(key, audience.slug)
            if path not in old_pages:
                return None
            pages[path] = old_pages[path]
    made = {path for path, page in pages.items() if old_pages.get(path) is not page}
    if pages.keys() != old_pages.keys():
        return None  # pages came or went: render everything
    return dict(sorted(pages.items())), made


# Facts of an area that other areas' pages use without printing them (regional figures, the
# windows of next inspections, who replaced whom, partnerships): an edit to one of them renders
# everything. Any other field of an area shows only on its own pages, on the pages that list
# every area, and as its words (recorded in Page.texts) on the pages that print them.
AREA_FACTS = frozenset({"region", "kind", "ended", "held_report", "partnership"})


def _rebuild_areas(
    old: Site, new: Site, old_pages: dict[str, Page], changed: set[str], renderer: Renderer | None
) -> tuple[dict[str, Page], set[str]] | None:
    """Pages for ``new`` after edits to area files (a name, a contact, a link...), or None.

    Rendered again: the pages that list every area (every module but areas and inspections:
    compare, reference...), the area index, and every area page and inspection page that
    printed words from an edited file or belongs to an edited area. An edit to
    :data:`AREA_FACTS`, or an area that came, went or moved file, renders everything.
    tests/test_preview_incremental.py checks the result against full renders.
    """
    from inspections.pages.areas import INDEX, area_page
    from inspections.pages.areas import pages as area_pages
    from inspections.pages.inspections import inspection_pages

    olds = {e.path: k for k, e in old.areas.items()}
    news = {e.path: k for k, e in new.areas.items()}
    if olds != news:
        return None
    edited = {news[path] for path in changed}
    for key in edited:
        a, b = old.areas[key].model, new.areas[key].model
        if a.model_dump(include=AREA_FACTS) != b.model_dump(include=AREA_FACTS):
            return None
    edited |= _successions(new, edited)  # a name printed as a plain string, not as its words
    shown = {
        path
        for path, page in old_pages.items()
        if page.source in changed or any(u.path in changed for u in page.texts)
    }
    renderer = renderer or Renderer()
    context.install(renderer)
    pages = _render_modules(new, renderer, skip=("areas", "inspections"))
    index = next(area_pages(new, renderer))  # the area index comes first, then each area
    if index.path != INDEX:
        return None
    pages[index.path] = index
    for key, entry in new.areas.items():
        if key in edited or area_path(key) in shown:
            pages[area_path(key)] = area_page(new, renderer, key, entry)
    for key, entry in new.inspections.items():
        mine = [inspection_path(key, r.slug) for r in READERS]
        if entry.model.area in edited or any(p in shown for p in mine):
            pages.update((page.path, page) for page in inspection_pages(new, renderer, key, entry))
    for path, page in old_pages.items():
        pages.setdefault(path, page)
    if pages.keys() != old_pages.keys():
        return None  # pages came or went: render everything
    made = {path for path, page in pages.items() if old_pages.get(path) is not page}
    return dict(sorted(pages.items())), made


def _successions(site: Site, keys: set[str]) -> set[str]:
    """The areas that replaced one of ``keys``, or that one of ``keys`` replaced: their pages
    name each other."""
    out = set()
    for key, entry in site.areas.items():
        ended = getattr(entry.model, "ended", None)
        successors = set(getattr(ended, "replaced_by", None) or [])
        if key in keys:
            out |= successors
        elif successors & keys:
            out.add(key)
    return out


def _docs(site: Site) -> dict[str, object]:
    entries = [*site.areas.values(), *site.frameworks.values(), *site.inspections.values()]
    entries += [e for e in (site.glossary, site.helplines) if e is not None]
    return {e.path: e.doc for e in entries}
