"""``python -m inspections new-reports``: new Ofsted reports become one draft pull request each.

Offline: a local server (127.0.0.1, a free port) serves fixture provider pages in the
structure of Ofsted's reports site and PDFs made from an invented report's text, and a local
stand-in for GitHub's REST API records every request and keeps branches and pull requests.
Every test works on a temporary copy of the project's data.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from inspections.cli import main
from inspections.newreports.fetch import FetchError, Limits, get_pdf
from inspections.newreports.known import read_known
from inspections.newreports.ofsted import reports_on_page

sys.path.insert(0, str(Path(__file__).parent))
from pdf_from_text import pdf_bytes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "new_reports"
IMPORT = ROOT / "tests" / "fixtures" / "import"
PAGE = "https://reports.ofsted.gov.uk/provider/44/80999"
NEW_ID = "90000123"  # the newest report on the fixture page
NEW_URL = f"https://files.ofsted.gov.uk/v1/file/{NEW_ID}"
REPO = "example-org/inspections"
TOKEN = "test-token-not-a-secret"
OFSTED_PAGE = re.compile(r"^ofsted_page:.*\n?", re.MULTILINE)  # one line in area files


# ------------------------------------------------------------------ the local Ofsted site


@dataclass
class Route:
    body: bytes
    kind: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds before answering (a slow server)
    length: bool = True  # send Content-Length (without it, only the bytes read can tell)


class Site:
    """Answers each path from ``routes`` (404 otherwise) and records the paths asked for."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.asked: list[str] = []

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                site.asked.append(self.path)
                route = site.routes.get(self.path, Route(b"Not found", status=404))
                time.sleep(min(route.delay, 3.0))
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.kind)
                    if route.length:
                        self.send_header("Content-Length", str(len(route.body)))
                    else:
                        self.close_connection = True
                    self.end_headers()
                    self.wfile.write(route.body)
                except OSError:  # the client gave up (the timeout test)
                    pass

            def log_message(self, *args: object) -> None:
                pass

        return Handler


# ------------------------------------------------------------ the stand-in for GitHub's API


@dataclass
class FakeGitHub:
    """Just enough of GitHub's REST API: refs, contents, pull requests, with state."""

    branches: dict[str, str] = field(default_factory=lambda: {"main": "a" * 40})
    files: dict[tuple[str, str], str] = field(default_factory=dict)  # (branch, path) -> text
    pulls: list[dict] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    bad_tokens: int = 0
    refuse_pulls: bool = False  # as GitHub does when Actions may not create pull requests

    def handler(self) -> type[BaseHTTPRequestHandler]:
        gh = self
        prefix = f"/repos/{REPO}"

        class Handler(BaseHTTPRequestHandler):
            def answer(self, status: int, value: object) -> None:
                raw = json.dumps(value).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def handle_any(self, method: str) -> None:
                gh.requests.append((method, self.path))
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    gh.bad_tokens += 1
                    return self.answer(401, {"message": "Bad credentials"})
                size = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(size)) if size else {}
                url = urlsplit(self.path)
                path = unquote(url.path)
                if not path.startswith(prefix):
                    return self.answer(404, {"message": "Not Found"})
                path = path[len(prefix) :]
                if method == "GET" and path == "":
                    return self.answer(200, {"default_branch": "main"})
                if method == "GET" and path.startswith("/git/ref/heads/"):
                    name = path.removeprefix("/git/ref/heads/")
                    if name in gh.branches:
                        return self.answer(200, {"object": {"sha": gh.branches[name]}})
                    return self.answer(404, {"message": "Not Found"})
                if method == "POST" and path == "/git/refs":
                    name = body["ref"].removeprefix("refs/heads/")
                    if name in gh.branches:
                        return self.answer(422, {"message": "Reference already exists"})
                    gh.branches[name] = body["sha"]
                    return self.answer(201, {"ref": body["ref"]})
                if method == "PUT" and path.startswith("/contents/"):
                    key = (body["branch"], path.removeprefix("/contents/"))
                    if key in gh.files:
                        return self.answer(422, {"message": "sha wasn't supplied"})
                    gh.files[key] = base64.b64decode(body["content"]).decode("utf-8")
                    return self.answer(201, {"content": {"path": key[1]}})
                if method == "GET" and path == "/pulls":
                    query = parse_qs(url.query)
                    head = query["head"][0].split(":", 1)[1]
                    assert query["state"] == ["all"]
                    return self.answer(200, [p for p in gh.pulls if p["head"] == head])
                if method == "POST" and path == "/pulls" and gh.refuse_pulls:
                    message = "GitHub Actions is not permitted to create or approve pull requests."
                    return self.answer(403, {"message": message})
                if method == "POST" and path == "/pulls":
                    number = len(gh.pulls) + 1
                    pull = {
                        **body,
                        "number": number,
                        "state": "open",
                        "html_url": f"https://github.example/{REPO}/pull/{number}",
                    }
                    gh.pulls.append(pull)
                    return self.answer(201, pull)
                return self.answer(404, {"message": "Not Found"})

            def do_GET(self) -> None:  # noqa: N802
                self.handle_any("GET")

            def do_POST(self) -> None:  # noqa: N802
                self.handle_any("POST")

            def do_PUT(self) -> None:  # noqa: N802
                self.handle_any("PUT")

            def log_message(self, *args: object) -> None:
                pass

        return Handler


def serve(handler: type[BaseHTTPRequestHandler]) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.block_on_close = False
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's data with an invented area, Sampleton.

    The real area files name their real provider pages (``ofsted_page:``); the copy has
    those lines taken out, so the only pages a run reads are the ones each test gives, all
    on the local site, and no test ever asks Ofsted's real site."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    for area in (root / "data" / "areas").glob("*.yaml"):
        text = OFSTED_PAGE.sub("", area.read_text(encoding="utf-8"))
        assert "ofsted_page" not in text, f"{area.name}: an ofsted_page the copy still has"
        area.write_text(text, encoding="utf-8")
    (root / "data" / "areas" / "sampleton.yaml").write_text(
        "name: Sampleton\ncouncil: Sampleton City Council\nkind: unitary\n"
        "region: East Midlands\nwebsite: https://www.sampleton.example/\n",
        encoding="utf-8",
    )
    for framework in (IMPORT / "frameworks").glob("*.yaml"):
        target = root / "data" / "frameworks" / framework.name
        if not target.exists():
            shutil.copy(framework, target)
    return root


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    ofsted = Site()
    ofsted.routes["/provider/44/80999"] = Route((FIXTURES / "provider-sampleton.html").read_bytes())
    report = pdf_bytes((IMPORT / "ilacs-2023-sampleton.txt").read_text(encoding="utf-8"))
    for file_id in (NEW_ID, "90000050", "90000100"):
        ofsted.routes[f"/v1/file/{file_id}"] = Route(report, "application/pdf")
    server, base = serve(ofsted.handler())
    yield ofsted, base
    server.shutdown()
    server.server_close()


@pytest.fixture
def github() -> Iterator[tuple[FakeGitHub, str]]:
    gh = FakeGitHub()
    server, base = serve(gh.handler())
    yield gh, base
    server.shutdown()
    server.server_close()


def run(
    project: Path,
    tmp_path: Path,
    site_base: str,
    api: str,
    *extra: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str]:
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    code = main(
        [
            "new-reports",
            "--root",
            str(project),
            "--out",
            str(tmp_path / "work"),
            "--source",
            site_base,
            "--files",
            site_base,
            "--api",
            api,
            "--repo",
            REPO,
            "--since",
            "2020-01-01",
            "--timeout",
            "1",
            *extra,
        ]
    )
    return code, capsys.readouterr().out


# -------------------------------------------------------------------------------- tests


def test_the_provider_page_lists_only_childrens_services_inspections_on_ofsteds_files() -> None:
    html = (FIXTURES / "provider-sampleton.html").read_text(encoding="utf-8")
    reports = reports_on_page(html, PAGE)
    assert [(r.file_id, r.published) for r in reports] == [
        (NEW_ID, "2023-12-15"),
        ("90000050", "2018-03-09"),
    ]
    assert reports[0].ofsted_url == NEW_URL
    assert reports[0].title == "Children's services inspection, PDF - 15 December 2023"


def test_one_new_report_opens_exactly_one_draft_pull_request(
    project: Path, tmp_path: Path, site, github, monkeypatch, capsys
) -> None:
    (ofsted, site_base), (gh, api) = site, github
    code, out = run(
        project,
        tmp_path,
        site_base,
        api,
        "--provider",
        f"sampleton={PAGE}",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0, out
    assert len(gh.pulls) == 1
    pull = gh.pulls[0]
    assert pull["draft"] is True
    assert (pull["head"], pull["base"]) == (f"new-report/{NEW_ID}", "main")
    assert gh.branches[pull["head"]] == gh.branches["main"], "branched from main's head"
    assert "Nothing is published until this pull request is merged" in pull["body"]
    assert NEW_URL in pull["body"] and "Still to write" in pull["body"]
    assert pull["title"] == "New Ofsted report: Sampleton, published 2023-12-15 (draft to finish)"
    assert "data/inspections/sampleton/2023-10-ilacs.yaml:25:" in pull["body"], "by line"
    assert str(tmp_path) not in pull["body"], "no path from the runner's work folder"
    assert list(gh.files) == [
        (f"new-report/{NEW_ID}", "data/inspections/sampleton/2023-10-ilacs.yaml")
    ]
    draft = next(iter(gh.files.values()))
    # The grades and areas for improvement are filled in, the plain text left to write.
    assert "overall-effectiveness: good" in draft
    assert "care-leavers: requires-improvement" in draft
    assert "The suitability of homes for care leavers" in draft
    assert "Still to write" in draft
    assert f"url: {NEW_URL}" in draft and "published: 2023-12-15" in draft
    # The old report (before --since) and the focused visit were never downloaded.
    assert [p for p in ofsted.asked if p.startswith("/v1/file/")] == [f"/v1/file/{NEW_ID}"]
    assert gh.bad_tokens == 0
    assert "Opened:" in out and "pull/1" in out


def test_a_second_run_opens_no_second_pull_request(
    project: Path, tmp_path: Path, site, github, monkeypatch, capsys
) -> None:
    (ofsted, site_base), (gh, api) = site, github
    args = ("--provider", f"sampleton={PAGE}")
    assert (
        run(project, tmp_path, site_base, api, *args, monkeypatch=monkeypatch, capsys=capsys)[0]
        == 0
    )
    asked = len(ofsted.asked)
    gh.pulls[0]["state"] = "closed"  # someone closed it: it must still not come back
    code, out = run(
        project, tmp_path, site_base, api, *args, monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 0, out
    assert len(gh.pulls) == 1 and len(gh.files) == 1
    assert [m for m, _ in gh.requests].count("POST") == 2, "one branch and one pull, once"
    assert "pull request #1 (closed) already proposes it" in out
    assert ofsted.asked[asked:] == ["/provider/44/80999"], "nothing downloaded again"


def test_a_branch_left_without_a_pull_request_is_not_proposed_again(
    project: Path, tmp_path: Path, site, github, monkeypatch, capsys
) -> None:
    (_, site_base), (gh, api) = site, github
    gh.branches[f"new-report/{NEW_ID}"] = "b" * 40
    code, out = run(
        project,
        tmp_path,
        site_base,
        api,
        "--provider",
        f"sampleton={PAGE}",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 1, "a person must act: it is a problem, not a skip"
    assert gh.pulls == [] and gh.files == {}
    problems = out.split("Problems:")[1]
    assert f"the branch new-report/{NEW_ID} exists but no pull request comes from it" in problems


def test_when_github_refuses_the_pull_request_it_says_which_setting(
    project: Path, tmp_path: Path, site, github, monkeypatch, capsys
) -> None:
    (_, site_base), (gh, api) = site, github
    gh.refuse_pulls = True
    args = ("--provider", f"sampleton={PAGE}")
    code, out = run(
        project, tmp_path, site_base, api, *args, monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 1 and gh.pulls == []
    assert "not permitted to create or approve pull requests" in out
    assert "Allow GitHub Actions to create and approve pull requests" in out
    # The next run makes no second branch; it says what a person must do.
    gh.refuse_pulls = False
    code, out = run(
        project, tmp_path, site_base, api, *args, monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 1 and gh.pulls == []
    methods = [m for m, _ in gh.requests]
    assert (methods.count("POST"), methods.count("PUT")) == (2, 1), "one branch, one refused pull"
    assert "Open a draft pull request from it by hand" in out


def test_a_report_the_site_has_is_left_alone(
    project: Path, tmp_path: Path, site, github, monkeypatch, capsys
) -> None:
    (ofsted, site_base), (gh, api) = site, github
    folder = project / "data" / "inspections" / "sampleton"
    folder.mkdir()
    (folder / "2023-10-ilacs.yaml").write_text(
        f"area: sampleton\nreport:\n  url: {NEW_URL}\n  title: Ofsted's report\n", encoding="utf-8"
    )
    code, out = run(
        project,
        tmp_path,
        site_base,
        api,
        "--provider",
        f"sampleton={PAGE}",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0, out
    assert gh.pulls == [] and gh.requests == []
    assert not [p for p in ofsted.asked if p.startswith("/v1/file/")]
    assert "No new reports." in out
    assert NEW_ID in read_known(project).report_ids


def test_broken_reports_are_reported_and_the_others_still_processed(
    project: Path, tmp_path: Path, site, github, monkeypatch, capsys
) -> None:
    (ofsted, site_base), (gh, api) = site, github
    links = {
        "91000001": "02 January 2024",
        "91000002": "03 January 2024",
        "91000003": "04 January 2024",
        "91000004": "05 January 2024",
    }
    items = "".join(
        f'<li><a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/{i}">'
        f'<span class="nonvisual">Children\'s services inspection, PDF - {day}</span></a></li>'
        for i, day in links.items()
    )
    ofsted.routes["/provider/44/81000"] = Route(f"<h1>Other</h1><ul>{items}</ul>".encode())
    ofsted.routes["/v1/file/91000002"] = Route(b"<html>Sorry</html>", "text/html")
    ofsted.routes["/v1/file/91000003"] = Route(
        b"%PDF-1.4 but then" * 2, "application/pdf", delay=2.5
    )
    ofsted.routes["/v1/file/91000004"] = Route(b"not a pdf at all", "application/pdf")
    code, out = run(
        project,
        tmp_path,
        site_base,
        api,
        "--provider",
        "https://reports.ofsted.gov.uk/provider/44/81000",
        "--provider",
        "https://reports.ofsted.gov.uk/provider/44/404",
        "--provider",
        f"sampleton={PAGE}",
        "--limit",
        "10",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 1, "problems fail the run, after everything else ran"
    problems = out.split("Problems:")[1]
    assert "provider/44/404" in problems and "404" in problems
    assert (
        "v1/file/91000001 (Children's services inspection, PDF - 02 January 2024): nothing opened"
        in problems
        and "answered 404" in problems
    )
    assert (
        "v1/file/91000002" in problems
        and "the answer is text/html, not application/pdf" in problems
    )
    assert "v1/file/91000003" in problems and "no answer within 1 seconds" in problems
    assert "v1/file/91000004" in problems and "not a PDF (it does not start with %PDF-)" in problems
    assert len(gh.pulls) == 1 and gh.pulls[0]["head"] == f"new-report/{NEW_ID}"
    assert [m for m, _ in gh.requests].count("POST") == 2


def test_a_limit_bounds_each_run_and_the_rest_wait(
    project: Path, tmp_path: Path, site, github, monkeypatch, capsys
) -> None:
    (_, site_base), (gh, api) = site, github
    code, out = run(
        project,
        tmp_path,
        site_base,
        api,
        "--provider",
        f"sampleton={PAGE}",
        "--since",
        "2010-01-01",
        "--limit",
        "1",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0, out
    assert len(gh.pulls) == 1 and gh.pulls[0]["head"] == "new-report/90000050"  # oldest first
    assert "over this run's limit of 1" in out


def test_without_a_token_it_refuses_unless_dry_run(
    project: Path, tmp_path: Path, site, monkeypatch, capsys
) -> None:
    _, site_base = site
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    base = [
        "new-reports",
        "--root",
        str(project),
        "--out",
        str(tmp_path / "w"),
        "--source",
        site_base,
        "--files",
        site_base,
        "--since",
        "2020-01-01",
        "--repo",
        REPO,
        "--provider",
        f"sampleton={PAGE}",
    ]
    assert main(base) == 2
    assert "set GITHUB_TOKEN" in capsys.readouterr().out
    assert main([*base, "--dry-run"]) == 0
    assert "Drafted:" in capsys.readouterr().out
    assert (tmp_path / "w" / NEW_ID / "2023-10-ilacs.yaml").is_file()
    assert not (project / "data" / "inspections" / "sampleton").exists(), "data/ untouched"


def test_provider_pages_come_from_the_area_files(project: Path) -> None:
    area = project / "data" / "areas" / "sampleton.yaml"
    area.write_text(area.read_text(encoding="utf-8") + f"ofsted_page: {PAGE}\n", encoding="utf-8")
    (project / "data" / "areas" / "derby.yaml").write_text(
        (project / "data" / "areas" / "derby.yaml").read_text(encoding="utf-8")
        + "ofsted_page: https://example.com/provider/44/1\n",
        encoding="utf-8",
    )
    known = read_known(project)
    assert known.pages == {PAGE: "sampleton"}
    assert any(
        "derby.yaml: ofsted_page" in p and "not an Ofsted provider page" in p
        for p in known.problems
    )


@pytest.mark.parametrize("length", [True, False], ids=["stated", "unstated"])
def test_a_pdf_over_the_size_limit_is_refused(site, length: bool) -> None:
    ofsted, base = site
    ofsted.routes["/big.pdf"] = Route(b"%PDF-1.4\n" + b"0" * 5000, "application/pdf", length=length)
    assert get_pdf(f"{base}/big.pdf", Limits(timeout=5, max_bytes=6000)).startswith(b"%PDF-")
    with pytest.raises(FetchError, match="over the limit"):
        get_pdf(f"{base}/big.pdf", Limits(timeout=5, max_bytes=4000))


def test_an_unexpected_error_in_one_report_does_not_stop_the_others(
    project: Path, tmp_path: Path, site, github, monkeypatch, capsys
) -> None:
    (_, site_base), (gh, api) = site, github
    from inspections.newreports import run as runner

    real = runner.draft

    def draft(report, area, options):  # the importer failing on one odd PDF
        if report.file_id == "90000050":
            raise RuntimeError("odd PDF")
        return real(report, area, options)

    monkeypatch.setattr(runner, "draft", draft)
    code, out = run(
        project,
        tmp_path,
        site_base,
        api,
        "--provider",
        f"sampleton={PAGE}",
        "--since",
        "2010-01-01",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 1
    assert "90000050" in out.split("Problems:")[1] and "RuntimeError: odd PDF" in out
    assert [p["head"] for p in gh.pulls] == [f"new-report/{NEW_ID}"]


def test_a_report_older_than_the_areas_newest_on_the_site_is_left_alone(
    project: Path, tmp_path: Path, site, github, monkeypatch, capsys
) -> None:
    """A file with no Ofsted address (as older files have) still tells what the site has."""
    (_, site_base), (gh, api) = site, github
    folder = project / "data" / "inspections" / "sampleton"
    folder.mkdir()
    (folder / "2023-10-ilacs.yaml").write_text(
        "area: sampleton\ndates:\n  published:\n    value: 2023-12-15\n"
        "report:\n  url: https://reports.ofsted.gov.uk/\n",
        encoding="utf-8",
    )
    code, out = run(
        project,
        tmp_path,
        site_base,
        api,
        "--provider",
        f"sampleton={PAGE}",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0 and gh.pulls == [] and gh.requests == []
    assert "not newer than the newest report the site has for sampleton (2023-12-15)" in out
