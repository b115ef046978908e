"""``make preview`` as a person uses it: save an edit to a data file, and time until it shows.

Why from outside: the preview is measured through ``make preview`` on a free port, so the
figure is what a comms team waits for, whatever builds the pages behind it. Two kinds of wait:

- an edit **shown**: new words in a summary, or a new overall grade, saved to the data file;
  the clock stops when the served page (fetched again and again) has it;
- a word to avoid **reported**: an edit with "facilitates" in a summary; the clock stops when
  the preview's output names the edited file and the word, as its words check does. The edit is then undone.

Example::

    with Preview(project) as preview:
        seconds = preview.until_shown(edit)
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.project import environment, make_command

BAD_WORD = "facilitates"  # a word to avoid in data/rules/plain-language.yaml


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 (local server)
            return r.read().decode("utf-8", "replace")
    except OSError:
        return None


@dataclass
class Edit:
    """One edit to a data file, and how to see it on the served page."""

    name: str
    file: Path
    url_path: str
    change: Callable[[str, str], str]  # (file text, marker) -> new file text
    shown: Callable[[str, str], bool]  # (served page, marker) -> is the edit there?


def add_to_summary(text: str, words: str) -> str:
    """``words`` at the start of the families summary, written inline or as a ``|`` block.

    >>> add_to_summary("summary:\\n  families: |\\n    Old.\\n", "New.")
    'summary:\\n  families: |\\n    New. Old.\\n'
    >>> add_to_summary("summary:\\n  families: Old.\\n", "New.")
    'summary:\\n  families: New. Old.\\n'
    """
    head, sep, tail = text.partition("summary:\n")
    if not sep:
        return text
    new = re.sub(
        r"^(  families: (?:[|>][-+]?\n\s+)?)",
        lambda m: m.group(1) + words + " ",
        tail,
        count=1,
        flags=re.MULTILINE,
    )
    return head + sep + new


def words_edit(file: Path, url_path: str) -> Edit:
    """New words at the start of the families summary: only this inspection's pages change."""
    return Edit(
        "new words in a summary",
        file,
        url_path,
        lambda text, marker: add_to_summary(text, marker + "."),
        lambda body, marker: marker in body,
    )


def grade_edit(file: Path, url_path: str, key: str, old: str, new: str) -> Edit:
    """A new overall grade: the national figures, the area and compare pages change too."""
    pattern = re.compile(
        rf'grade--{new}"[^>]*data-inspection="{re.escape(key)}"[^>]*'
        r'data-judgement="overall-effectiveness"'
    )
    return Edit(
        f"a grade changed from {old} to {new}",
        file,
        url_path,
        lambda text, marker: text.replace(
            f"\n  overall-effectiveness: {old}\n", f"\n  overall-effectiveness: {new}\n", 1
        ),
        lambda body, marker: bool(pattern.search(body)),
    )


class Preview:
    """``make preview`` in ``project`` on a free port, with its output in a file; stopped (with
    the processes it started) on leaving the ``with`` block."""

    def __init__(self, project: Path, start_timeout: float = 600) -> None:
        self.project = project
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = project / "build" / "bench-preview.log"
        self.start_timeout = start_timeout
        self.started_in = 0.0
        self._proc: subprocess.Popen | None = None

    def __enter__(self) -> Preview:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("wb") as out:
            self._proc = subprocess.Popen(
                make_command("preview", f"PREVIEW_ADDR=127.0.0.1:{self.port}"),
                cwd=self.project,
                env=environment(),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, stopped as one below
            )
        return self

    def wait_served(self, url_path: str) -> None:
        start = time.perf_counter()
        while fetch(self.base + url_path) is None:
            if time.perf_counter() - start > self.start_timeout or self._proc.poll() is not None:
                raise RuntimeError(f"make preview did not start:\n{self.output()[-2000:]}")
            time.sleep(0.5)
        self.started_in = time.perf_counter() - start

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def until_shown(self, edit: Edit, limit: float = 120) -> float | None:
        """Seconds from saving ``edit`` until the served page shows it (None: not in time)."""
        time.sleep(2)  # let the last rebuild settle
        marker = f"Benchmark edit {time.time_ns()}"
        text = edit.file.read_text(encoding="utf-8")
        new = edit.change(text, marker)
        if new == text:
            raise RuntimeError(f"the edit '{edit.name}' changed nothing in {edit.file}")
        start = time.perf_counter()
        edit.file.write_text(new, encoding="utf-8")
        while time.perf_counter() - start < limit:
            if edit.shown(fetch(self.base + edit.url_path) or "", marker):
                return time.perf_counter() - start
            time.sleep(0.05)
        return None

    def until_reported(self, file: Path, limit: float = 60) -> float | None:
        """Seconds from saving a word to avoid in ``file``'s summary until the preview's output
        names the file and the word (None: not in time). The file is put back afterwards."""
        time.sleep(2)
        original = file.read_text(encoding="utf-8")
        name = file.relative_to(self.project).as_posix()
        seen = len(self.output())
        start = time.perf_counter()
        file.write_text(add_to_summary(original, f"This {BAD_WORD} help."), encoding="utf-8")
        try:
            while time.perf_counter() - start < limit:
                new = self.output()[seen:]
                if name in new and BAD_WORD in new:
                    return time.perf_counter() - start
                time.sleep(0.05)
            return None
        finally:
            file.write_text(original, encoding="utf-8")

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None and self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGTERM)  # make, mkdocs and their children
            try:
                self._proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait()
