"""Preview the site while you edit: generate, serve, and generate again on every change.

Generates the content into build/content (and the theme into build/theme), then runs MkDocs'
live server over it (`mkdocs serve --dirty`, in this process). data/, docs/, the page templates
and scripts/theme are watched: an edit generates again, reusing what it can
(inspections/speed.py), and writes only the files whose bytes changed, so the server rebuilds
only those pages. After a new grade, the edited inspection's pages are written first and the
rest follows in chunks, one per build of the server (:class:`Engine`). A problem (bad data,
words not plain enough) is printed and the last good preview stays up. When an embargo
ends it generates again too, so the inspection appears as it will on the site. `make preview`
runs this.

Example:
    python -m inspections preview --dev-addr 127.0.0.1:8000
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from inspections import embargo, gethelp, speed
from inspections.commands._options import add_root
from inspections.content import THEME
from inspections.generate import WordsError, generate
from inspections.problems import DataError
from inspections.render import TEMPLATES

log = logging.getLogger("inspections")
CONTENT, THEME_OUT = Path("build/content"), Path("build/theme")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    add_root(parser)
    parser.add_argument(
        "--interval", type=float, default=0.3, help="seconds between looks for changes"
    )


def watched(root: Path) -> list[Path]:
    """What an edit may change: the data, the hand-written pages, the templates, the theme."""
    return [root / "data", root / "docs", TEMPLATES, root / THEME]


def stamp(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Each file's modification time and size, to notice any edit."""
    out = {}
    for folder in folders:
        for path in folder.rglob("*"):
            try:
                st = path.stat()
            except OSError:
                continue
            out[str(path)] = (st.st_mtime_ns, st.st_size)
    return out


def regenerate(root: Path, preview: speed.Preview) -> bool:
    """Generate again into build/; print a problem rather than stop. True when it worked."""
    started = time.perf_counter()
    try:
        made = generate(root, root / CONTENT, root / THEME_OUT, preview)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return False
    except WordsError as exc:
        print(exc, file=sys.stderr)
        return False
    if made.theme_written:
        with preview.writing():
            touch_pages(root / CONTENT, made.theme_written)
    took = time.perf_counter() - started
    log.info(
        "Generated in %.2f s: %d files changed (%d in the theme), %d pages checked",
        took,
        len(made.written) + len(made.theme_written),
        len(made.theme_written),
        made.checked,
    )
    return True


def touch_pages(content: Path, theme_written: list[str]) -> None:
    """``serve --dirty`` rebuilds a page only when its own file is newer than its HTML: after a
    theme change, mark the pages that show it (an area's "Get help" box: that area's pages;
    anything else in the theme: every page)."""
    if not theme_written:
        return
    areas = {
        p.removeprefix(gethelp.FOLDER + "/").removesuffix(".html").removesuffix("-young-people")
        for p in theme_written
    }
    every = (
        any(not p.startswith(gethelp.FOLDER + "/") for p in theme_written) or "national" in areas
    )
    now = time.time()
    for page in content.rglob("*.md"):
        if every or any(f"\nhelp_area: {a}\n" in page.read_text(encoding="utf-8") for a in areas):
            os.utime(page, (now, now))


def watch(
    root: Path,
    preview: speed.Preview,
    interval: float,
    stop: threading.Event,
    since: dt.datetime,
    engine: Engine | None = None,
) -> None:
    """Generate again whenever a watched file changes (until ``stop`` is set); at once when
    one changed while generating (or stopped the rest of an edit: :class:`Engine`). Also when
    an embargo ends, so an inspection appears in a preview left running, as it will on the
    site, with no edit. ``since``: the build's "now" just before the preview's last generation
    (an embargo that ends after it may not be shown yet)."""
    last = stamp(watched(root))
    lifts = next_embargo_end(preview, since)
    while not stop.wait(interval):
        now = stamp(watched(root))
        ended = lifts is not None and embargo.now() >= lifts
        if ended:
            log.info("An embargo has ended: generating again to show its inspection")
        while (now != last or ended) and not stop.is_set():
            last, ended = now, False
            if engine is not None:  # the rest of a grade edit goes at the engine's pace
                preview.pace = partial(engine.pace, partial(_newer, root, now))
            since = embargo.now()
            regenerate(root, preview)
            lifts = next_embargo_end(preview, since)
            now = stamp(watched(root))


def next_embargo_end(preview: speed.Preview, since: dt.datetime) -> dt.datetime | None:
    """When the soonest embargo in the data the preview last read ends after ``since`` (None:
    none does). With ``INSPECTIONS_NOW`` set the clock stands still, so that time never comes."""
    models = (
        model for (kind, _), (_, _, model, _) in preview.files.items() if kind == "inspection"
    )
    return embargo.next_end((getattr(m, "embargo_until", None) for m in models), since)


def _newer(root: Path, seen: dict[str, tuple[int, int]]) -> bool:
    return stamp(watched(root)) != seen


class Engine:
    """Follows the engine's builds in its log (as logging filters that hide nothing), so that
    ``make preview`` writes files only between builds (a page written while the engine reads
    the tree can break that build), and writes the rest of a grade edit in chunks the engine
    builds one at a time (:meth:`inspections.speed.Preview.write_rest`): a next edit then waits
    for one small build, not hundreds of pages (the server answers no request while it builds).

    >>> engine = Engine()
    >>> engine.pace(lambda: True)  # a newer edit: stop at once
    False
    """

    BUILDS = ("mkdocs.commands.serve", "mkdocs.commands.build", "mkdocs.livereload")

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._started = self._finished = self._written_at = 0
        self._writing = False

    def listen(self) -> None:
        for name in self.BUILDS:
            logging.getLogger(name).addFilter(self.filter)

    def filter(self, record: logging.LogRecord) -> bool:
        text = str(record.msg)
        with self._cond:
            if text.startswith("Building documentation"):
                self._cond.wait_for(lambda: not self._writing, timeout=30)
                self._started += 1
            elif text.startswith("Documentation built in") or "error happened during" in text:
                self._finished = self._started
            self._cond.notify_all()
        return True

    @contextmanager
    def writing(self, timeout: float = 30.0) -> Iterator[None]:
        """Write inside this block: it waits for a build under way to end (at most
        ``timeout`` seconds), and no build starts until it ends."""
        with self._cond:
            self._cond.wait_for(lambda: self._finished >= self._started, timeout=timeout)
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._written_at = self._started  # builds from now on see what was written
                self._cond.notify_all()

    def pace(self, newer: Callable[[], bool], timeout: float = 10.0, poll: float = 0.1) -> bool:
        """Wait until a build that started after the last :meth:`writing` has ended (at most
        ``timeout`` seconds, if the engine says nothing); False as soon as ``newer()`` says
        another edit came."""
        with self._cond:
            mark = self._written_at
        end = time.monotonic() + timeout
        while not newer():
            with self._cond:
                if self._cond.wait_for(lambda: self._finished > mark, timeout=poll):
                    return not newer()
            if time.monotonic() > end:
                return True
        return False


def _not_dirty_notice(record: logging.LogRecord) -> bool:
    """``--dirty`` is chosen knowingly here (the site build never uses it): with --strict its
    notice would otherwise count as a warning and stop every rebuild."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    logging.basicConfig(level=logging.INFO, format="INFO    -  %(message)s")
    root = args.root.resolve()
    preview = speed.Preview()
    since = embargo.now()
    if not regenerate(root, preview):
        return 1
    stop = threading.Event()
    engine = Engine()
    engine.listen()
    preview.writing = engine.writing
    threading.Thread(
        target=watch, args=(root, preview, args.interval, stop, since, engine), daemon=True
    ).start()
    logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_notice)
    try:
        serve(
            str(root / "mkdocs.yml"),
            livereload=True,
            build_type="dirty",
            dev_addr=args.dev_addr,
            strict=True,
        )
    finally:
        stop.set()
    return 0
