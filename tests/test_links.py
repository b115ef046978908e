"""The weekly outside-link check, offline: against a web server on this computer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from inspections import links
from inspections.cli import main


class Handler(BaseHTTPRequestHandler):
    """/ok answers, /moved redirects to /ok, /gone is missing, /no-head refuses HEAD only,
    /robots-not-welcome refuses robots (403), /broken fails (500)."""

    def do_HEAD(self) -> None:  # noqa: N802 - the standard library's name
        self._answer(head=True)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        path = self.path
        if path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif path == "/ok" or (path == "/no-head" and not head):
            self.send_response(200)
        elif path == "/no-head":
            self.send_response(405)
        elif path == "/robots-not-welcome":
            self.send_response(403)
        elif path == "/broken":
            self.send_response(500)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_each_answer_is_understood(server: str) -> None:
    assert links.check(f"{server}/ok", timeout=5) is None
    assert links.check(f"{server}/moved", timeout=5) is None  # redirects are followed
    assert links.check(f"{server}/no-head", timeout=5) is None  # GET when HEAD is refused
    assert links.check(f"{server}/gone", timeout=5) == ("broken", "answers 404 Not Found")
    assert links.check(f"{server}/broken", timeout=5) == (
        "broken",
        "answers 500 Internal Server Error",
    )
    assert links.check(f"{server}/robots-not-welcome", timeout=5) == (
        "refused",
        "answers 403 Forbidden",
    )


def test_a_site_that_is_not_there_is_broken() -> None:
    kind, what = links.check("http://127.0.0.1:9/nothing-listens-here", timeout=5)
    assert kind == "broken" and what.startswith("cannot be reached")


def test_links_are_found_with_their_places(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "data" / "a.yaml").write_text(
        "website: https://www.derby.gov.uk/\nsource: https://www.example.org/made-up\n"
        "text: See [the report](https://reports.ofsted.gov.uk/x), then call.\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "b.md").write_text(
        "Read <https://www.derby.gov.uk/>. Preview at http://127.0.0.1:8000.\n", encoding="utf-8"
    )
    found = links.find_links(tmp_path)
    assert {u: [link.place() for link in ls] for u, ls in found.items()} == {
        "https://www.derby.gov.uk/": ["data/a.yaml:1:10", "docs/b.md:1:7"],
        "https://reports.ofsted.gov.uk/x": ["data/a.yaml:3:24"],
    }


def test_the_command_reports_broken_links_and_fails(
    server: str, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setattr(links, "SKIP_HOSTS", ("example.org",))  # ask this computer's server
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yaml").write_text(
        f"one: {server}/ok\ntwo: {server}/gone\nthree: {server}/robots-not-welcome\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.md"
    assert main(["links", "--root", str(tmp_path), "--report", str(report), "--timeout", "5"]) == 1
    out = capsys.readouterr().out
    assert f"data/a.yaml:2:6: broken link: {server}/gone answers 404 Not Found." in out
    assert f"data/a.yaml:3:8: check by hand: {server}/robots-not-welcome answers 403" in out
    text = report.read_text(encoding="utf-8")
    assert text.startswith("Checked 3 outside links in data/ and docs/.")
    assert f"- <{server}/gone> answers 404 Not Found. Written at `data/a.yaml:2:6`." in text
    assert "## Links to check by hand" in text


def test_the_command_passes_when_every_link_answers(
    server: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(links, "SKIP_HOSTS", ())
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(
        f"[a]({server}/ok) [b]({server}/moved)\n", encoding="utf-8"
    )
    report = tmp_path / "report.md"
    assert main(["links", "--root", str(tmp_path), "--report", str(report)]) == 0
    assert "Every link answered." in report.read_text(encoding="utf-8")
