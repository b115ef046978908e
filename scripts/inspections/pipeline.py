"""``make site`` in one readable sequence: generate, build, finish, index, then swap in.

Each step is one call, in the order the site is made::

    1. generate   data/ + docs/ -> build/content, build/theme     (stops on any data problem)
       words check                 the pages, in a second process  (started before step 1)
    2. build      build/content -> build/site.new                (mkdocs build, on both cores)
    3. finish     the HTML fixes no template reaches
    4. index      the search index (Pagefind) and the councils' list
    5. swap       build/site.new -> site/, only when every step and the words check passed
                  (the site it replaces is kept in build/site.old until the next build)

So ``site/`` is either the last good build or the new one, never half-built, and a problem in
any step leaves it untouched.

Why the words check runs in a second process: ``make site`` runs on 2 cores, and generate,
finish and the search index leave one of them mostly idle. The check's process starts first
(it imports the checker while generate loads the data), receives the pages the moment they are
made, and checks them while generate writes the tree, beside the engine's build and beside the
search index. It runs at a lower priority, so the engine, which every later step waits for,
comes first. It checks every page once, as ``python -m inspections check`` does.

Example::

    >>> SiteBuild(Path(".")).run()   # doctest: +SKIP
    0
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from inspections import engine
from inspections.check.checker import GlossaryForms
from inspections.finish import finish_site
from inspections.generate import WordsError, generate, report_words
from inspections.places import read_places
from inspections.problems import DataError
from inspections.search import SearchIndexError, index_site

NICER = 10  # the words check's lower priority (POSIX `nice`): the engine's build comes first
WORDS_TO_CHANGE = 1  # check-words' exit code when it found words to change (printed above)
CHECKER_BROKE = 3  # check-words' exit code when the checker itself stopped with an error


@dataclass
class SiteBuild:
    """One ``make site``: its folders, and the words check running beside it."""

    root: Path
    site_dir: Path = Path("site")
    config: Path = Path("mkdocs.yml")
    work: Path = field(init=False)
    words: WordsBeside | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        self.work = self.root / "build"

    @property
    def new(self) -> Path:
        return self.work / "site.new"

    @property
    def old(self) -> Path:
        """The site the last build replaced, removed while this build generates."""
        return self.work / "site.old"

    def run(self) -> int:
        """Every step in order; 0 when the new site was swapped in, 1 when something stopped it
        (what and why printed above, ``site/`` untouched)."""
        self.words = WordsBeside.start(self.root)
        tidy = threading.Thread(target=shutil.rmtree, args=(self.old, True))
        tidy.start()
        try:
            built = self._generate() and self._build() and self._finish() and self._index()
        finally:
            checked = self.words.wait()
            tidy.join()
        if built and checked:
            self._swap()
            print(f"Built {self.site_dir}/")
            return 0
        shutil.rmtree(self.new, ignore_errors=True)
        if built:
            print(self.words.why_not(self.site_dir), file=sys.stderr)
        return 1

    def _generate(self) -> bool:
        try:
            made = generate(
                self.root,
                self.work / "content",
                self.work / "theme",
                words_later=self.words.send,
                places_to=self.work / "places.json",
            )
        except DataError as exc:
            print(exc.report(), file=sys.stderr)
            return False
        print(f"Wrote {made.pages} pages and {len(made.written)} files in all to build/content")
        return True

    def _build(self) -> bool:
        shutil.rmtree(self.new, ignore_errors=True)
        return engine.build(self.new, self.root / self.config) == 0

    def _finish(self) -> bool:
        print(f"Finished {finish_site(self.new)} pages.")
        return True

    def _index(self) -> bool:
        try:
            summary = index_site(self.new, read_places(self.work / "places.json"))
        except SearchIndexError as exc:
            print(exc, file=sys.stderr)
            return False
        print(f"Search index built: {summary}.")
        return True

    def _swap(self) -> None:
        """The new site in place of the old one: two renames (the old one is kept in
        build/site.old until the next build removes it, beside its first step)."""
        shutil.rmtree(self.old, ignore_errors=True)
        site = self.root / self.site_dir
        if site.exists():
            site.rename(self.old)
        self.new.rename(site)


class WordsBeside:
    """The words check of ``make site`` in a second process (``check-words -``), given the
    pages by :meth:`send` through its standard input; :meth:`wait` says whether they passed.

    If the process cannot be started, the check runs here instead, when the pages come.
    """

    def __init__(self, process: subprocess.Popen | None, root: Path) -> None:
        self.process = process
        self.root = root
        self.sent = False
        self.passed_here: bool | None = None
        self.broke = False

    @classmethod
    def start(cls, root: Path) -> WordsBeside:
        command = [sys.executable, "-m", "inspections", "check-words", "-"]
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.PIPE, preexec_fn=_nicer if os.name == "posix" else None
            )
        except OSError:
            process = None
        return cls(process, Path(root))

    def send(self, site, pages: dict, root: Path, rules) -> int:
        """Hand ``pages`` (and what the check needs) to the check; the number of pages."""
        if self.process is not None and self.process.stdin is not None:
            try:
                save_words_check(site, pages, root, rules, self.process.stdin)
                self.process.stdin.close()
                self.sent = True
                return len(pages)
            except (BrokenPipeError, OSError):
                self.process.kill()
                self.process = None
        from inspections.generate import check_words

        try:
            check_words(site, pages, root)
            self.passed_here = True
        except WordsError as exc:
            print(exc, file=sys.stderr)
            self.passed_here = False
        self.sent = True
        return len(pages)

    def wait(self) -> bool:
        """True when the words passed; a check never sent the pages is stopped (False)."""
        if self.process is None:
            return bool(self.passed_here)
        if not self.sent:
            self.process.kill()
            self.process.wait()
            return False
        code = self.process.wait()
        self.broke = code not in (0, WORDS_TO_CHANGE)
        return code == 0

    def why_not(self, site_dir: Path) -> str:
        """What to tell a person whose site the words check stopped (after :meth:`wait`)."""
        if self.broke:
            return (
                f"{site_dir}/ was not changed: the words check itself stopped with an error "
                "(above), so your words were not judged. This is a fault in the checker, not in "
                "your data. Run make site again; if the error stays, run "
                "`python -m inspections check` and send its error to the site's developers."
            )
        return f"{site_dir}/ was not changed: fix the words above."


def save_words_check(site, pages: dict, root: Path, rules, out: BinaryIO) -> None:
    """Write what the words check of ``pages`` (and docs/) needs to ``out``, for
    :func:`run_saved_check` in the other process. Pickle is safe here: this process writes it
    and the check-words process it started reads it."""
    pickle.dump(
        (pages, str(Path(root).resolve()), rules, GlossaryForms.from_site(site)),
        out,
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def run_saved_check(source: BinaryIO):
    """The words check :func:`save_words_check` sent: (its Result, its rules, the project
    folder). The same Result as the check ``generate`` runs itself (tests compare them)."""
    from inspections.check import check_in_worker
    from inspections.speed import collector_paused

    with collector_paused():  # as in generate: the collector kept scanning the pages
        pages, root, rules, glossary = pickle.load(source)
        return check_in_worker(pages, root, rules, glossary), rules, Path(root)


def check_saved(source: BinaryIO) -> int:
    """``check-words``: run the saved check, write the report, print any error; 0, or
    ``WORDS_TO_CHANGE`` (2 when nothing, or not a whole check, was sent: make site stopped
    before its pages were made; ``CHECKER_BROKE``, with the traceback, when the checker itself
    failed, so make site can say the fault is not in the comms team's words)."""
    try:
        result, rules, root = run_saved_check(source)
        report_words(result, rules, root)
    except (EOFError, pickle.UnpicklingError):
        print("check-words: no pages were sent to check (make site sends them).", file=sys.stderr)
        return 2
    except WordsError as exc:
        print(exc, file=sys.stderr)
        return WORDS_TO_CHANGE
    except Exception:  # the process's edge: said as the checker's fault, never as bad words
        traceback.print_exc()
        return CHECKER_BROKE
    return 0


def _nicer() -> None:
    os.nice(NICER)
