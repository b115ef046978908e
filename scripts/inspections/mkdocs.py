"""Hand the generated pages to MkDocs as virtual files, never writing into ``docs/``.

- ``on_config`` loads and checks the data; any problem stops the build before MkDocs cleans or
  writes anything, with every problem listed as ``file:line:col``.
- ``on_files`` adds each page with ``File.generated`` (MkDocs 1.6). A hand-written file in
  ``docs/`` at the same path is never replaced: the build stops and says so.
- ``on_serve`` watches ``data/`` and the templates, so ``make preview`` rebuilds on any change.
  A preview rebuild re-renders only the pages an edit touches when that is certain, and
  everything otherwise (see "preview rebuilds" below), so a stale generated page cannot survive.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import re
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from inspections import phones, speed
from inspections.context import date_text
from inspections.opendata import static_files
from inspections.pages import build_pages, rebuild_pages
from inspections.problems import DataError
from inspections.render import TEMPLATES, Renderer
from inspections.site import Site, load_site

log = logging.getLogger("mkdocs.inspections")
_state: dict[str, object] = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config, **kwargs):
    root = _root(config)
    serving = speed.serving()
    if not serving:
        _preview.clear()
    _state.pop("pending_check", None)  # from a rebuild that failed before on_env
    gc.unfreeze()  # what the last build in this process froze may be collected again
    gc.disable()  # until _freeze: see there
    try:
        _load_generate_check(root, serving, config.site_url)
    except BaseException:
        gc.enable()
        raise
    _freeze(serving)
    return config


def _load_generate_check(root: Path, serving: bool, site_url: str | None) -> None:
    clock = time.process_time()
    try:
        site: Site = load_site(root, cache=_preview.setdefault("files", {}) if serving else None)
    except DataError as exc:
        raise Abort(
            "The data has problems, so the site was not built:\n\n" + exc.report()
        ) from None
    timings: dict[str, float] = {"load_validate": time.process_time() - clock}
    clock = time.process_time()
    pages, made = _pages(site, serving)
    timings["generate"] = time.process_time() - clock
    timings["rendered_pages"] = len(made) if made is not None else len(pages)
    clock = time.process_time()
    _state["static"] = static_files(site, site_url)  # open data and the feed
    timings["open_data"] = time.process_time() - clock
    _state["site"] = site
    _state["pages"] = pages
    clock = time.process_time()
    _check_plain_language(site, pages, root, serving, timings)
    timings["plain_language_check"] = time.process_time() - clock
    _write_timings(timings)


def _freeze(serving: bool) -> None:
    """The collector is off while the data is loaded and the pages are made and checked: it
    kept scanning the growing data, about 0.4 s at national scale. Ordinary reference counting
    still frees almost everything meanwhile.

    Then everything alive is moved out of the collector's way, so MkDocs' own work after this
    does not keep scanning our data either: that saved about 2 seconds of a national build, and
    0.6 s of a preview rebuild after a grade edit. Loops of garbage made so far are frozen too;
    in a one-off build they stay in memory until it ends. A preview keeps rebuilding, so
    there, a moment after each rebuild is served (:func:`on_post_build`), the last rebuild's
    garbage is collected while nobody is waiting.
    """
    gc.freeze()
    gc.enable()


class _IdleCollector:
    """Runs a full collection a moment after a preview rebuild, in a background thread."""

    delay = 1.0

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None

    def schedule(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(self.delay, _collect_when_idle)
        self._timer.daemon = True
        self._timer.start()


def on_post_build(config, **kwargs) -> None:
    if speed.serving():
        _idle.schedule()


def _collect_when_idle() -> None:
    gc.unfreeze()
    gc.collect()


_idle = _IdleCollector()


def _write_timings(timings: dict) -> None:
    """CPU seconds of each of our steps, for ``make bench`` (INSPECTIONS_TIMINGS names a file).

    The benchmark counts the plain-language check apart from loading, checking and
    generating, so it needs to know how long the check took inside a real build.
    """
    log.debug("Our steps (CPU seconds): %s", timings)
    target = os.environ.get("INSPECTIONS_TIMINGS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps(timings) + "\n")


# ---------------------------------------------------------------------------- preview rebuilds
# `make preview` (mkdocs serve) rebuilds after every edit, in the same process. Each rebuild
# still loads and cross-checks every data file (unchanged files come from a cache keyed by their
# exact bytes), then re-renders only the pages an edit touches when that is certain
# (inspections.pages.rebuild_pages), else everything. The plain-language check then runs on the
# pages whose Markdown changed since they last passed it; a change to the rules, the glossary
# or the templates checks everything again. `make site`, `make test` and CI never take this
# path: they build and check everything.
_preview: dict[str, object] = {}


def _templates_stamp() -> tuple:
    return tuple(
        sorted(
            (p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
            for p in TEMPLATES.rglob("*")
            if p.is_file()
        )
    )


def _pages(site: Site, serving: bool) -> tuple[dict, set | None]:
    """Every generated page, and the paths rendered this time (None: all of them)."""
    if not serving:
        return build_pages(site), None
    stamp = _templates_stamp()
    renderer = _preview.get("renderer")
    if renderer is None or _preview.get("templates") != stamp:
        renderer = _preview["renderer"] = Renderer()
        _preview.pop("site", None)
    _preview["templates"] = stamp
    previous, old_pages = _preview.get("site"), _preview.get("pages")
    done = (
        rebuild_pages(previous, site, old_pages, renderer)
        if previous is not None and old_pages is not None
        else None
    )
    pages, made = done if done is not None else (build_pages(site, renderer), None)
    _preview["site"], _preview["pages"] = site, pages
    return pages, made


def _check_plain_language(
    site: Site, pages: dict, root: Path, serving: bool = False, timings: dict | None = None
) -> None:
    """Plain-language rules (data/rules/plain-language.yaml): an error stops the build.

    The report goes to build/plain-language-report.md, outside site/, so it is never published.
    In a preview rebuild, only pages that changed since they last passed are checked again, and
    in a second process while MkDocs turns the pages into HTML (:class:`PreviewChecker`); the
    answer is awaited in :func:`on_env`, before MkDocs writes any page, so an error still stops
    the rebuild before anything changes.
    """
    from inspections.check import RULES_FILE, check_pages, load_rules
    from inspections.check.places import forget_files

    try:
        rules_bytes = (root / RULES_FILE).read_bytes() if serving else None
    except OSError:
        rules_bytes = None
    try:
        rules = load_rules(root / RULES_FILE, RULES_FILE.as_posix())
    except DataError as exc:
        raise Abort("The plain-language rules file has problems:\n\n" + exc.report()) from None
    passed: dict = _preview.setdefault("passed", {}) if serving else {}
    basis = (rules_bytes, site.glossary.doc if site.glossary else None)
    if _preview.get("basis") != basis:
        passed.clear()  # new rules or a new glossary: every page is checked again
    _preview["basis"] = basis
    todo = {
        path: page
        for path, page in pages.items()
        if passed.get(path) != (page.markdown, tuple(page.texts))
    }
    if timings is not None:
        timings["checked_pages"] = len(todo)

    def check():
        return check_pages(site, todo, root, rules)

    def finish(result) -> None:
        _finish_check(result, rules, root, pages, todo, passed if serving else None)

    if serving:
        forget_files()  # data files may have changed since the last rebuild
        pending = _checker.submit(site, todo, root, rules)
        if pending is not None:
            _state["pending_check"] = (pending, check, finish)
            return
    finish(check())


def _finish_check(result, rules, root: Path, pages: dict, todo: dict, passed: dict | None) -> None:
    """Write the report, show warnings, and stop the build on an error (see above)."""
    from inspections.check.report import render

    report = root / "build" / "plain-language-report.md"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(render(result, rules), encoding="utf-8")
    for finding in result.warnings:
        log.info("%s", finding)  # info, not warning: --strict would stop on a warning
    if result.errors and os.environ.get("INSPECTIONS_PLAIN_LANGUAGE") == "report-only":
        # `make bench` only: it times the check at national scale even while the shared
        # templates or pages have findings that other work is fixing, and prints their number.
        log.info(
            "%d plain-language errors (reported only, INSPECTIONS_PLAIN_LANGUAGE)",
            len(result.errors),
        )
    elif result.errors:
        raise Abort(
            "Some words are not plain enough, so the site was not built:\n\n"
            + "\n".join(str(f) for f in result.errors)
            + f"\n\nThe full report is in {report.relative_to(root)}."
        )
    if passed is not None:
        passed.update((path, (page.markdown, tuple(page.texts))) for path, page in todo.items())
        for gone in [p for p in passed if p not in pages]:
            del passed[gone]


def on_env(env, config, files, **kwargs):
    """A preview rebuild's plain-language check, started in on_config, must pass before MkDocs
    writes any page. Also gives the theme its ``tel`` filter (E.164 ``tel:`` links)."""
    env.filters["tel"] = phones.tel
    pending = _state.pop("pending_check", None)
    if pending is not None:
        future, check, finish = pending
        finish(_checker.result(future, check))
    return env


class PreviewChecker:
    """Runs a preview rebuild's plain-language check in a second process, so it overlaps with
    MkDocs' own work on the 2 cores (after a grade edit at national scale, about 90 pages are
    checked again: 0.3 s that no longer add to the wait).

    Only for checks of at least ``min_pages`` pages: starting the process costs about a
    second, which a small site (or a small edit) would only wait for. The process is started
    the first time and kept while ``make preview`` runs. It is handed the pages, the rules, the
    glossary's forms and where each data text starts, and reads the data files itself for
    exact places. If it cannot start or fails, the check runs here as before, for the rest of
    the preview. One-off builds (``make site``, CI) never use it.

    >>> PreviewChecker().result(None, lambda: "checked here")
    'checked here'
    """

    min_pages = 50

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False

    def submit(self, site: Site, todo: dict, root: Path, rules) -> Future | None:
        from inspections.check import check_in_worker, text_locations
        from inspections.check.checker import GlossaryForms

        if self._broken or len(todo) < self.min_pages:
            return None
        wanted = {(u.path, u.line, u.col) for page in todo.values() for u in page.texts}
        locations = text_locations(site)
        locations = {key: locations[key] for key in wanted if key in locations}
        try:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_quiet_worker,
                )
            return self._pool.submit(
                check_in_worker, todo, str(root), rules, GlossaryForms.from_site(site), locations
            )
        except Exception as exc:  # noqa: BLE001 (any failure: check here instead)
            self._give_up(exc)
            return None

    def result(self, future: Future | None, check):
        if future is None:
            return check()
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 (a broken process: check here instead)
            self._give_up(exc)
            return check()

    def _give_up(self, exc: Exception) -> None:
        log.info(
            "The plain-language check runs in this process from now on (%s: %s)",
            type(exc).__name__,
            exc,
        )
        self._broken = True
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _quiet_worker() -> None:
    """Ctrl+C in the terminal stops ``make preview``, and the worker ends with it quietly. If
    the preview is stopped some other way (its process alone killed), the worker notices its
    parent has gone and ends too, rather than being left running."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:

        def end_with_parent() -> None:
            multiprocessing.connection.wait([parent.sentinel])
            os._exit(0)

        threading.Thread(target=end_with_parent, daemon=True).start()


_checker = PreviewChecker()


def on_files(files: Files, config, **kwargs) -> Files:
    clashes = []
    for path, page in _state["pages"].items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            clashes.append(
                f"docs/{path}: this hand-written page has the same address as a "
                f"generated page ({page.title}). Rename or move the hand-written file."
            )
            continue
        files.append(File.generated(config, path, content=page.markdown))
    if clashes:
        raise Abort("\n".join(clashes))
    for path, content in _state["static"].items():
        files.append(File.generated(config, path, content=content))  # open data and the feed
    return files


def on_page_context(context, page, config, nav, **kwargs):
    generated = _state.get("pages", {}).get(page.file.src_uri)
    context["audience"] = generated.audience if generated else page.meta.get("audience", "everyone")
    context.update(help_context(_state.get("site"), generated.source if generated else None))
    return context


def help_context(site: Site | None, source: str | None) -> dict:
    """What the theme's "Get help" box needs: national helplines, and on pages made from an
    area or inspection file (``data/areas/<slug>.yaml``, ``data/inspections/<slug>/...``),
    that area with its council's children's services numbers."""
    if site is None:
        return {"helplines": {}, "help_area": None, "help_checked": None}
    memo = _help_memo.get(id(site))
    if memo is None or memo[0] is not site:  # one answer per area and loaded site
        memo = (site, {})
        _help_memo.clear()
        _help_memo[id(site)] = memo
    slug = _area_slug(source)
    if slug not in memo[1]:
        memo[1][slug] = _help_context(site, slug)
    return dict(memo[1][slug])


_help_memo: dict[int, tuple[Site, dict]] = {}


def _area_slug(source: str | None) -> str | None:
    """The area a page is about, from the data file it is made from.

    >>> _area_slug("data/inspections/derby/2022-03-ilacs.yaml"), _area_slug("data/areas/derby.yaml")
    ('derby', 'derby')
    >>> _area_slug("data/glossary.yaml") is None and _area_slug(None) is None
    True
    """
    parts = (source or "").split("/")
    if len(parts) >= 3 and parts[0] == "data" and parts[1] in ("areas", "inspections"):
        return parts[2].removesuffix(".yaml")
    return None


def _help_context(site: Site, slug: str | None) -> dict:
    area = site.areas.get(slug) if slug else None
    helplines = site.helplines.model.helplines if site.helplines else {}
    checked = [h.checked for h in helplines.values()]
    checked += [c.checked for c in area.model.contacts] if area else []
    oldest = min(checked) if checked else None
    return {
        "helplines": helplines,
        "help_area": area.model if area else None,
        "help_checked": date_text(oldest) if oldest else None,
    }


def on_template_context(context, template_name, config, **kwargs):
    """Pages made from a theme template alone (404.html) get "Get help" too."""
    context.update(help_context(_state.get("site"), None))
    return context


def on_post_page(output: str, page, config, **kwargs) -> str:
    return focusable_code(valid_html(output))


def on_post_template(output_content: str, template_name, config, **kwargs) -> str:
    return valid_html(output_content)


_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def valid_html(html: str) -> str:
    """Fix the two things in mkdocs-material's own page that the W3C HTML checker calls errors,
    which no template block reaches: ``autocomplete`` on its hidden checkboxes, and the table
    of contents' label for a ``__toc`` checkbox that pages outside the navigation do not have.

    >>> valid_html('<input class="md-toggle" type="checkbox" id="__x" autocomplete="off">')
    '<input class="md-toggle" type="checkbox" id="__x">'
    """
    html = _TOGGLE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', html)
    return html


_CODE = re.compile(r'<pre><code(?: class="language-([\w-]+)")?>')
_CODE_NAMES = {
    "console": "Example: commands to type, and what they print",
    "yaml": "Example: lines from a data file",
}


def focusable_code(html: str) -> str:
    """Make every code block a named Tab stop, so keyboard users can scroll long lines sideways
    with the arrow keys (WCAG 2.1.1). Done here, in the HTML, because it must work before and
    without mkdocs-material's script (which only loads on first use of the header).

    >>> focusable_code('<pre><code class="language-yaml">area: derby</code></pre>')
    '<pre><code class="language-yaml" tabindex="0" role="group" aria-label="Example: lines \
from a data file">area: derby</code></pre>'
    >>> focusable_code('<pre><code>x</code></pre>')
    '<pre><code tabindex="0" role="group" aria-label="Example">x</code></pre>'
    """

    def name(match: re.Match) -> str:
        language = match.group(1)
        label = _CODE_NAMES.get(language or "", "Example")
        kind = f' class="language-{language}"' if language else ""
        return f'<pre><code{kind} tabindex="0" role="group" aria-label="{label}">'

    return _CODE.sub(name, html)


def on_serve(server, config, builder, **kwargs):
    root = _root(config)
    server.watch(str(root / "data"))
    server.watch(str(TEMPLATES))
    return server
