"""``make preview`` rebuilds when a data file or a hand-written page changes, and tells the
browser to reload (MkDocs' livereload script is in every page it serves).

Runs the real ``make preview`` on a copy of the project, on a free port.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from project_copy import copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def address(url: str) -> str:
    """Where ``url`` ends up after redirects ("" if nothing answers yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.geturl()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(check: Callable[[], bool], seconds: float = 90) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = copy_project(tmp_path)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "MAKEFLAGS"}
    log = (tmp_path / "preview.log").open("w")
    process = subprocess.Popen(
        ["make", "preview", f"PREVIEW_ADDR=127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # make and the server it started
        process.wait(timeout=30)
        log.close()


def test_preview_reloads_on_data_and_page_changes(preview: tuple[Path, str]) -> None:
    project, root = preview
    # The address the guide gives (http://127.0.0.1:8000 here on another port) leads to the
    # site, which MkDocs serves under the path of site_url.
    assert wait_for(lambda: bool(address(root))), "make preview never answered"
    url = address(root)
    assert "Inspections explained" in fetch(url)
    # The preview has no search index, and its search box is marked to say so.
    assert re.search(r'<div class="site-search"[^>]* data-preview hidden>', fetch(url))
    page = url + "areas/derby/2022-03-ilacs/young-people/"
    assert wait_for(lambda: "Ofsted gave Derby the top grade" in fetch(page)), "never served"
    assert "livereload" in fetch(page)

    data = project / "data/inspections/derby/2022-03-ilacs.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace(
            "Ofsted gave Derby the top grade", "Preview test: Ofsted gave Derby the top grade"
        ),
        encoding="utf-8",
    )
    assert wait_for(lambda: "Preview test: Ofsted gave Derby" in fetch(page)), "data change"

    guide = project / "docs/guide/index.md"
    guide.write_text(
        guide.read_text(encoding="utf-8").replace(
            "This guide is for", "Preview test. This guide is for"
        ),
        encoding="utf-8",
    )
    assert wait_for(lambda: "Preview test. This guide is for" in fetch(url + "guide/"))


def test_preview_holds_back_words_that_are_not_plain_and_says_where(
    preview: tuple[Path, str], tmp_path: Path
) -> None:
    """In a preview, an error in the plain-language check stops the rebuild before any page
    changes, and names the data file's line. (At national scale the check runs in a second
    process while MkDocs makes the HTML: tests/test_preview_checker.py.)"""
    project, root = preview
    assert wait_for(lambda: bool(address(root))), "make preview never answered"
    page = address(root) + "areas/derby/2022-03-ilacs/young-people/"
    assert wait_for(lambda: "Ofsted gave Derby the top grade" in fetch(page)), "never served"
    data = project / "data/inspections/derby/2022-03-ilacs.yaml"
    original = data.read_text(encoding="utf-8")
    long = (
        "When a child might be hurt the council and the police and the doctors and the "
        "school and the nurses all act very fast to keep the child safe"
    )  # too long
    line = next(
        n
        for n, text in enumerate(original.splitlines(), 1)
        if "Ofsted gave Derby the top grade" in text
    )
    data.write_text(
        original.replace(
            "Ofsted gave Derby the top grade", f"{long}. Ofsted gave Derby the top grade"
        ),
        encoding="utf-8",
    )
    log = tmp_path / "preview.log"
    assert wait_for(lambda: "Some words are not plain enough" in log.read_text(encoding="utf-8"))
    text = log.read_text(encoding="utf-8")
    assert f"data/inspections/derby/2022-03-ilacs.yaml:{line}:" in text
    assert "[sentence-length] This sentence has" in text
    time.sleep(2)  # had the page been written, it would be served by now
    assert "the nurses all act very fast" not in fetch(page)

    data.write_text(
        original.replace(
            "Ofsted gave Derby the top grade", "Preview fixed. Ofsted gave Derby the top grade"
        ),
        encoding="utf-8",
    )
    assert wait_for(lambda: "Preview fixed. Ofsted gave Derby" in fetch(page)), "fix not shown"


def _log(message: str) -> logging.LogRecord:
    return logging.LogRecord("mkdocs", logging.INFO, __file__, 1, message, None, None)


def test_files_are_written_between_the_engines_builds_and_the_rest_at_its_pace() -> None:
    """``make preview`` follows MkDocs' builds in its log: a write waits for a build under way
    (a page written while MkDocs reads the tree broke that build), and after a chunk of the
    rest it waits for the build that shows it (inspections.commands.preview.Engine)."""
    from inspections.commands.preview import Engine

    engine = Engine()
    assert engine.filter(_log("Building documentation...")) is True  # it hides nothing
    order: list[str] = []

    def write() -> None:
        with engine.writing():
            order.append("written")

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(0.5)
    order.append("built")
    engine.filter(_log("Documentation built in 0.50 seconds"))
    writer.join()
    assert order == ["built", "written"]

    paced: list[bool] = []
    waiter = threading.Thread(target=lambda: paced.append(engine.pace(lambda: False, 60)))
    waiter.start()
    waiter.join(0.5)
    assert paced == []  # no build since the write yet
    engine.filter(_log("Building documentation..."))
    engine.filter(_log("[03:00:00] An error happened during the rebuild. The server will..."))
    waiter.join()
    assert paced == [True]  # a build that failed has ended too
    assert engine.pace(lambda: True) is False  # a newer edit stops the rest at once


def test_the_engine_says_what_the_preview_listens_for() -> None:
    """The preview writes between MkDocs' builds by following three of its log messages
    (commands/preview.py, Engine). If a new MkDocs said them otherwise, each write would wait
    for its timeout: this shows the pinned MkDocs still says them, from the loggers named."""
    import importlib
    import inspect

    from inspections.commands.preview import Engine

    said = {
        "Building documentation": "mkdocs.commands.serve",
        "Documentation built in": "mkdocs.commands.build",
        "error happened during": "mkdocs.livereload",
    }
    for words, module in said.items():
        assert module in Engine.BUILDS
        assert words in inspect.getsource(importlib.import_module(module)), (module, words)
