"""Speed-only code, kept behind this one boundary: the preview's caches and its second process,
and the garbage collector's settings while the data is loaded and the pages are made.

Nothing here changes what is built: ``make site`` never keeps a :class:`Preview`, and
tests/test_preview_incremental.py and tests/test_preview_checker.py compare what it reuses
with a full render and check.

- :func:`collector_paused`: the collector is off while the data is loaded and the pages made
  and checked (it kept scanning the growing data, about 0.4 s at national scale); ordinary
  reference counting still frees almost everything meanwhile.
- :func:`save_words_check` / :func:`run_saved_check`: ``make site`` checks the words in a
  second process beside ``mkdocs build`` (each on one of the 2 cores) instead of before it;
  the Makefile swaps the new site in only when both passed.
- :class:`Preview`: ``make preview`` generates again after every edit, in the same process.
  Each time it still loads and cross-checks every data file (unchanged files come from a cache
  keyed by their exact bytes), then re-renders only the pages an edit touches when that is
  certain (:func:`inspections.pages.rebuild_pages`), else everything. The words check then runs
  on the pages whose Markdown changed since they last passed it (in a second process when
  there are many, :class:`PreviewChecker`); new rules or a new glossary check everything.
  An edit to an inspection's facts (a grade) changes hundreds of pages (national counts): the
  edited inspection's own pages are made, checked and written first
  (:meth:`Preview.first_pages`), so the engine shows them while the rest is made.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from inspections import content, tree
from inspections.pages import (
    Page,
    build_pages,
    changed_files,
    edited_inspections,
    local_only,
    own_pages,
    own_paths,
    rebuild_pages,
    stays_put,
)
from inspections.render import TEMPLATES, Renderer
from inspections.site import Site

log = logging.getLogger("inspections")
REST_CHUNK = 10  # files in the first chunk of the rest (each next chunk has twice as many)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (see the module's docstring)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def save_words_check(site: Site, pages: dict, root: Path, rules, target: Path) -> int:
    """Write what the words check of ``pages`` (and docs/) needs to ``target``, for
    :func:`run_saved_check` in another process; the number of generated pages it will check.

    The file is ours (written here, read by the next command of the same ``make site``), so
    pickle is safe; it is written whole or not at all.
    """
    from inspections.check.checker import GlossaryForms

    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    with part.open("wb") as out:
        pickle.dump(
            (pages, str(Path(root).resolve()), rules, GlossaryForms.from_site(site)),
            out,
            protocol=pickle.HIGHEST_PROTOCOL,
        )
    part.replace(target)
    return len(pages)


def run_saved_check(source: Path):
    """The words check :func:`save_words_check` saved: (its Result, its rules, the project
    folder). The same Result as the check ``generate`` runs itself (tests compare them)."""
    from inspections.check import check_in_worker

    with source.open("rb") as saved:
        pages, root, rules, glossary = pickle.load(saved)
    return check_in_worker(pages, root, rules, glossary), rules, Path(root)


def _templates_stamp() -> tuple:
    return tuple(
        sorted(
            (p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
            for p in TEMPLATES.rglob("*")
            if p.is_file()
        )
    )


class Preview:
    """What one ``make preview`` keeps from one generation to the next."""

    def __init__(self) -> None:
        self.files: dict = {}  # load_site's cache of data files, by their bytes
        self._renderer: Renderer | None = None
        self._templates: tuple | None = None
        self._site: Site | None = None
        self._pages: dict[str, Page] | None = None
        self._passed: dict[str, tuple] = {}
        self._basis: tuple | None = None
        self.checker = PreviewChecker()
        self._help: tuple | None = None
        self.written: dict[str, dict[str, bytes]] = {"content": {}, "theme": {}}  # last written
        # Set by ``make preview`` once its server runs: see write_rest.
        self.pace: Callable[[], bool] | None = None
        self.rest_chunk = REST_CHUNK
        self.writing: Callable[[], AbstractContextManager] = nullcontext
        self._first = False  # this generation wrote first pages
        self._behind = False  # the last generation left some of the rest unwritten
        self._made: set[str] | None = None  # the pages rendered this time (None: all)

    def pages(self, site: Site) -> tuple[dict[str, Page], set[str] | None]:
        """Every page, and the paths rendered this time (None: all of them)."""
        stamp = _templates_stamp()
        if self._renderer is None or self._templates != stamp:
            self._renderer, self._site = Renderer(), None
        self._templates = stamp
        done = (
            rebuild_pages(self._site, site, self._pages, self._renderer)
            if self._site is not None and self._pages is not None
            else None
        )
        pages, made = done if done is not None else (build_pages(site, self._renderer), None)
        self._site, self._pages, self._made = site, pages, made
        return pages, made

    def first_pages(self, site: Site) -> dict[str, Page]:
        """After an edit to the facts of inspections (a grade, a date) that other pages show
        too, the pages made from the edited files (each one's two pages and its area's page),
        rendered for ``site`` exactly as a full render makes them (national counts included):
        ``generate`` checks and writes these before making the rest. Empty when there is no
        such edit or these pages are not certain (files came or went, a framework, area or
        glossary file changed, an inspection moved area or framework, templates changed); a
        words-only edit re-renders just these pages anyway (:meth:`pages`).

        tests/test_preview_incremental.py compares them with a full render.
        """
        old, old_pages = self._site, self._pages
        self._first = False
        if old is None or old_pages is None or self._renderer is None:
            return {}
        if self._templates != _templates_stamp():
            return {}
        changed = changed_files(old, site)
        edited = edited_inspections(old, site, changed) if changed else None
        if not edited or all(local_only(a, b) for a, b in edited):
            return {}
        if not stays_put(edited):
            return {}
        keys = {b.key for _, b in edited}
        if not own_paths(keys) <= old_pages.keys():
            return {}
        pages = own_pages(site, keys, self._renderer)
        return pages if pages.keys() == own_paths(keys) else {}

    def write_first(
        self, pages: dict[str, Page], root: Path, out: Path, settings: content.Settings
    ) -> list[str]:
        """Write :meth:`first_pages` (once they passed the words check) into the content tree
        ``out``, as ``generate`` writes every page; the paths whose bytes changed. Nothing is
        written if a hand-written page has one of their addresses (``generate`` reports it)."""
        if any((root / content.DOCS / path).exists() for path in pages):
            return []
        files = {
            p: content.page_markdown(page, settings).encode("utf-8") for p, page in pages.items()
        }
        with self.writing():
            written = tree.write_some(files, out, self.written["content"])
        log.info("Wrote first the %d pages made from the edited files", len(written))
        self._first = True
        return written

    def write_rest(self, files: dict[str, bytes], out: Path) -> list[str]:
        """Bring the content tree ``out`` to ``files`` (as :func:`inspections.tree.update`); the
        paths written or removed.

        After first pages, or after a generation that left some of its rest unwritten (unless
        every page was rendered again), with a ``pace`` (``make preview``): in chunks of
        ``rest_chunk`` files, then twice as many each time (the pages this edit rendered
        first, alone), calling ``pace()`` after each, which waits for the engine to build them and says False when a newer edit
        waits. The rest is then left to the next generation (``written`` says what is on
        disk), so a next edit waits for one small build, not hundreds of pages. Otherwise all
        at once.
        """
        last = self.written["content"]
        first, self._first = self._first, False
        paced = first or (self._behind and self._made is not None)
        if self.pace is None or not paced or not last:
            self._behind = False
            with self.writing():
                return tree.update(files, out, last)
        changed = [path for path, data in files.items() if last.get(path) != data]
        mine = self._made if self._made is not None and not first else set()
        parts = [[p for p in changed if p in mine]]  # this edit's own pages, alone
        rest = [p for p in changed if p not in mine]
        step = self.rest_chunk
        while rest:  # small chunks first: a next edit soon after waits least
            parts.append(rest[:step])
            rest, step = rest[step:], step * 2
        done: list[str] = []
        self._behind = True
        for n, part in enumerate(p for p in parts if p):
            if n and not self.pace():
                log.info("A newer edit came: the rest of this one is written after it")
                return sorted(done)
            with self.writing():
                done += tree.write_some({path: files[path] for path in part}, out, last)
        with self.writing():
            done += tree.remove_gone(files, out, last)
        self._behind = False
        return sorted(done)

    def help_partials(self, site: Site) -> dict[str, bytes]:
        """The "Get help" partials, made again only when the helplines or an area changed (an
        unchanged file is the same Document from load_site's cache)."""
        from inspections import gethelp

        docs = [site.helplines.doc if site.helplines else None]
        docs += [entry.doc for _, entry in sorted(site.areas.items())]
        kept = self._help[0] if self._help else []
        if len(kept) != len(docs) or any(a is not b for a, b in zip(kept, docs, strict=True)):
            self._help = (docs, gethelp.partials(site))  # the documents themselves: no stale id
        return self._help[1]

    def to_check(self, pages: dict[str, Page], basis: tuple) -> dict[str, Page]:
        """The pages whose words changed since they last passed (all, after new rules)."""
        if self._basis != basis:
            self._passed.clear()
        self._basis = basis
        return {
            path: page
            for path, page in pages.items()
            if self._passed.get(path) != (page.markdown, tuple(page.texts))
        }

    def passed(self, pages: dict[str, Page], checked: dict[str, Page], every: bool = True) -> None:
        """Remember that ``checked`` passed, and forget pages that are gone (when ``pages`` is
        ``every`` page, not just the first ones)."""
        self._passed.update((p, (page.markdown, tuple(page.texts))) for p, page in checked.items())
        for gone in [p for p in self._passed if every and p not in pages]:
            del self._passed[gone]


SPLIT_AT = 400  # pages: below this, a second process costs more than it saves


def check_in_two(site: Site, pages: dict, root: Path, rules, min_pages: int = SPLIT_AT):
    """The words check of ``pages`` (and docs/) on both cores: the second half of the pages in
    a second process while this one checks the first half and docs/. The same
    :class:`~inspections.check.checker.Result` as ``check_pages(site, pages, root, rules)``
    (tests/test_preview_checker.py compares them); a small check, or a second process that
    cannot start, is done here alone.
    """
    from inspections.check import check_pages
    from inspections.check.checker import finish

    if len(pages) < min_pages:
        return check_pages(site, pages, root, rules)
    paths = list(pages)
    first = {p: pages[p] for p in paths[: len(paths) // 2]}
    second = {p: pages[p] for p in paths[len(paths) // 2 :]}
    checker = PreviewChecker()
    checker.min_pages = 0
    future = checker.submit(site, second, root, rules)
    if future is None:
        return check_pages(site, pages, root, rules)
    mine = check_pages(site, first, root, rules)
    theirs = checker.result(future, lambda: check_pages(site, second, root, rules))
    checker.close()
    # Each half's report lists its pages, then docs/ (check_prepared's order): docs/ once.
    reports = mine.pages[: len(first)] + theirs.pages[: len(second)] + mine.pages[len(first) :]
    return finish(reports, rules)


class PreviewChecker:
    """Runs a preview's words check in a second process while this one writes the content, so
    it overlaps on the 2 cores (after a grade edit at national scale, about 90 pages are checked
    again).

    Only for checks of at least ``min_pages`` pages: starting the process costs about a
    second, which a small edit would only wait for. The process is started the first time and
    kept while ``make preview`` runs. If it cannot start or fails, the check runs here, for the
    rest of the preview. One-off builds (``make site``, CI) never use it.

    >>> PreviewChecker().result(None, lambda: "checked here")
    'checked here'
    """

    min_pages = 50

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False

    def submit(self, site: Site, todo: dict, root: Path, rules) -> Future | None:
        from inspections.check import check_in_worker
        from inspections.check.checker import GlossaryForms

        if self._broken or len(todo) < self.min_pages:
            return None
        try:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_quiet_worker,
                )
            return self._pool.submit(
                check_in_worker, todo, str(root), rules, GlossaryForms.from_site(site)
            )
        except Exception as exc:  # noqa: BLE001 (any failure: check here instead)
            self._give_up(exc)
            return None

    def result(self, future: Future | None, check: Callable):
        if future is None:
            return check()
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 (a broken process: check here instead)
            self._give_up(exc)
            return check()

    def close(self) -> None:
        """End the second process (a one-off build does not keep it)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _give_up(self, exc: Exception) -> None:
        log.info(
            "The words check runs in this process from now on (%s: %s)", type(exc).__name__, exc
        )
        self._broken = True
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _quiet_worker() -> None:
    """Ctrl+C stops ``make preview`` and the worker quietly; if the preview is killed some other
    way, the worker notices its parent has gone and ends too."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:

        def end_with_parent() -> None:
            multiprocessing.connection.wait([parent.sentinel])
            os._exit(0)

        threading.Thread(target=end_with_parent, daemon=True).start()
