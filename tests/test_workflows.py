"""The GitHub workflows: they parse, run the README's make targets, and pass zizmor.

What cannot be checked here is a real run on GitHub (there is no network): these tests check
everything about the files that decides what that run will do.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
# Targets other branches are adding, with the issue that adds them. Once a target exists in
# the Makefile the test checks it like any other.
PENDING = {"check": "the plain-language check (`make check`) is being added on another branch"}
# The releases the workflows may use: each runs on Node 24 (`runs.using: node24` in its
# action.yml at that commit; upload-pages-artifact is a composite action that calls
# upload-artifact v7.0.0). GitHub removes Node 20 from its runners from September 2026. When
# Dependabot proposes a new release, check its action.yml and add it here.
NODE24_RELEASES = {
    "actions/checkout": {"3d3c42e5aac5ba805825da76410c181273ba90b1": "v7.0.1"},
    "actions/upload-artifact": {"bbbca2ddaa5d8feaa63e36b76fdaad77386f024f": "v7.0.0"},
    "actions/upload-pages-artifact": {"fc324d3547104276b827a68afc52ff2a11cc49c9": "v5.0.0"},
    "actions/configure-pages": {"45bfe0192ca1faeb007ade9deae92b16b8254a0d": "v6.0.0"},
    "actions/deploy-pages": {"cd2ce8fcbc39b97be8ca5fce6e763baed58fa128": "v5.0.0"},
}
PYTHONS = ["3.11", "3.12", "3.13"]


def load(path: Path) -> dict:
    yaml = YAML(typ="safe")
    yaml.version = (1, 2)  # so `on:` stays the text "on", as GitHub reads it
    return yaml.load(path.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job.get("steps", [])]


def make_targets(workflow: dict) -> list[str]:
    found = []
    for _, step in steps(workflow):
        for match in re.finditer(r"\bmake(?: -s)? ([a-z][\w-]*)", step.get("run", "")):
            found.append(match[1])
    return found


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, re.M))


def test_there_are_workflows_and_they_parse() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"site.yml", "contacts.yml", "links.yml", "new-reports.yml"} <= names
    for path in WORKFLOWS:
        workflow = load(path)
        assert workflow["name"] and workflow["jobs"], path.name
        assert "on" in workflow, path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_noted(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:- )?uses: (\S+)(.*)$", text, re.M)
    assert uses
    for ref, rest in uses:
        assert PINNED.match(ref), f"{path.name}: {ref} is not pinned to a full commit SHA"
        assert re.match(r"\s+# v\d+(\.\d+)*$", rest), f"{path.name}: {ref} has no # vX note"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_a_node24_release(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:- )?uses: ([^@\s]+)@(\S+)\s+# (\S+)$", text, re.M)
    assert uses
    for action, sha, version in uses:
        allowed = NODE24_RELEASES.get(action, {})
        assert sha in allowed, f"{path.name}: {action}@{sha} is not a known Node 24 release"
        assert allowed[sha] == version, (
            f"{path.name}: {action}@{sha} is {allowed[sha]}, not {version}"
        )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_least_privilege(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}, "the workflow grants nothing by default"
    for name, job in workflow["jobs"].items():
        perms = job.get("permissions")
        assert isinstance(perms, dict), f"job {name} must say what it needs"
        if name == "deploy":
            assert perms == {"pages": "write", "id-token": "write"}
        elif name == "report":
            assert perms == {"issues": "write"}, "the link report only opens an issue"
        elif (path.name, name) == ("new-reports.yml", "new-reports"):
            assert perms == {"contents": "write", "pull-requests": "write"}, (
                "the new-report job pushes a branch and opens a pull request, nothing else"
            )
        else:
            assert perms == {"contents": "read"}, f"job {name} needs only to read the code"
    for _, step in steps(workflow):
        if "actions/checkout" in step.get("uses", ""):
            assert step["with"]["persist-credentials"] is False


def test_the_site_workflow_checks_pull_requests_and_deploys_main_only_after_checks() -> None:
    workflow = load(ROOT / ".github/workflows/site.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["on"]["push"]["branches"] == ["main"]
    checks, deploy = workflow["jobs"]["checks"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == ["checks", "tests"], "deploy only after the checks and every test"
    assert "github.event_name == 'push'" in deploy["if"]
    assert "github.ref == 'refs/heads/main'" in deploy["if"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["environment"]["name"] == "github-pages"

    check_steps = [s.get("run", s.get("uses", "")) for s in checks["steps"]]
    order = ["make validate", "make check", "make site"]
    positions = [next(i for i, s in enumerate(check_steps) if s.strip() == t) for t in order]
    assert positions == sorted(positions), "checks first, then the strict build"
    tests = workflow["jobs"]["tests"]
    assert tests["strategy"]["matrix"]["python"] == PYTHONS
    assert tests["container"] == "python:${{ matrix.python }}-bookworm"
    assert "make test" in [s.get("run", "").strip() for s in tests["steps"]]
    uploads = {
        s["with"]["name"]: s["with"]["path"]
        for s in checks["steps"]
        if "upload-artifact@" in s.get("uses", "")
    }
    assert uploads == {"built-site": "site/", "generated-markdown": "build/content/"}
    pages = next(s for s in checks["steps"] if "upload-pages-artifact@" in s.get("uses", ""))
    assert pages["with"]["path"] == "site/"
    assert "refs/heads/main" in pages["if"]
    assert [s["uses"].split("@")[0] for s in deploy["steps"] if "uses" in s] == [
        "actions/configure-pages",
        "actions/deploy-pages",
    ]


def test_the_contacts_workflow_runs_weekly() -> None:
    workflow = load(ROOT / ".github/workflows/contacts.yml")
    (cron,) = [entry["cron"] for entry in workflow["on"]["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert (day, month) == ("*", "*") and weekday.isdigit()
    assert "make check-contacts" in [s.get("run") for _, s in steps(workflow)]


def test_workflows_call_the_readmes_make_targets() -> None:
    documented = (ROOT / "README.md").read_text(encoding="utf-8")
    contributing = ROOT / "CONTRIBUTING.md"
    if contributing.exists():  # the README links to it
        documented += contributing.read_text(encoding="utf-8")
    documented = documented.replace("make -s ", "make ")
    defined = makefile_targets()
    called = sorted({t for path in WORKFLOWS for t in make_targets(load(path))})
    assert {"validate", "test", "site", "generate", "check-contacts", "check-links"} <= set(called)
    for target in called:
        if target in PENDING and target not in defined:
            continue  # reported by test_pending_targets below
        assert target in defined, f"`make {target}` is called by a workflow but not defined"
        assert f"make {target}" in documented, f"`make {target}` is not in the README"


@pytest.mark.parametrize("target", sorted(PENDING))
def test_pending_targets(target: str) -> None:
    if target not in makefile_targets():
        pytest.skip(f"make {target}: {PENDING[target]}")
    assert target in makefile_targets()


def test_zizmor_finds_nothing() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    assert zizmor.exists(), "zizmor is a dev dependency: run `make venv`"
    result = subprocess.run(
        [
            str(zizmor),
            "--offline",
            "--no-progress",
            "--color",
            "never",
            str(ROOT / ".github" / "workflows"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_would_catch_a_bad_workflow(tmp_path: Path) -> None:
    """The zizmor test can fail: an unpinned, over-privileged workflow is reported."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  x:\n    runs-on: ubuntu-24.04\n"
        "    steps:\n      - uses: actions/checkout@v4\n        with:\n"
        "          ref: ${{ github.event.pull_request.head.sha }}\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n',
        encoding="utf-8",
    )
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", "--color", "never", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "template-injection" in result.stdout


def test_dependabot_updates_the_actions_and_the_python_pins() -> None:
    config = load(ROOT / ".github" / "dependabot.yml")
    assert config["version"] == 2
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(ecosystems) == {"github-actions", "pip", "npm"}
    for update in ecosystems.values():
        assert update["schedule"]["interval"] == "weekly"
    assert ecosystems["github-actions"]["directory"] == ecosystems["pip"]["directory"] == "/"
    assert (ROOT / ecosystems["npm"]["directory"].lstrip("/") / "package-lock.json").exists()
    # Dependabot's pip updater reads requirements-format .txt files in that directory: the
    # pins must stay in that format (one `name==version` a line) for it to update them.
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[\w.]+", line), line


def test_the_links_workflow_runs_weekly_and_never_blocks_a_deploy() -> None:
    workflow = load(ROOT / ".github/workflows/links.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}  # never on push or PR
    (cron,) = [entry["cron"] for entry in workflow["on"]["schedule"]]
    assert cron.split()[2:4] == ["*", "*"] and cron.split()[4].isdigit()
    links, report = workflow["jobs"]["links"], workflow["jobs"]["report"]
    assert any("make check-links" in s.get("run", "") for s in links["steps"])
    assert report["needs"] == "links" and "failure()" in report["if"]
    assert report["permissions"] == {"issues": "write"}
    assert "uses" not in str(report["steps"]), "the issue job runs no third-party code"
    # Only this job may write issues, and no other workflow depends on the link check.
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            if (path.name, name) != ("links.yml", "report"):
                assert "issues" not in job.get("permissions", {}), (path.name, name)
        if path.name != "links.yml":
            assert "check-links" not in path.read_text(encoding="utf-8")


def test_the_new_reports_workflow_runs_on_weekdays_and_only_proposes() -> None:
    workflow = load(ROOT / ".github/workflows/new-reports.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}  # never on push or PR
    (cron,) = [entry["cron"] for entry in workflow["on"]["schedule"]]
    assert cron.split()[2:] == ["*", "*", "1-5"]
    assert workflow["concurrency"] == {"group": "new-reports", "cancel-in-progress": False}
    (job,) = workflow["jobs"].values()
    runs = [s.get("run", "").strip() for s in job["steps"]]
    assert any(r.endswith("make venv") for r in runs)
    (command,) = [r for r in runs if "new-reports" in r]
    assert command.startswith(".venv/bin/python -m inspections new-reports")
    assert "--dry-run" not in command and "${{" not in command, "no expression in a script"
    (step,) = [s for s in job["steps"] if "new-reports" in s.get("run", "")]
    assert step["env"] == {"GITHUB_TOKEN": "${{ github.token }}"}, "only the job's own token"
    # Only this job may write code or pull requests.
    for path in WORKFLOWS:
        for name, other in load(path)["jobs"].items():
            if (path.name, name) != ("new-reports.yml", "new-reports"):
                perms = other.get("permissions", {})
                assert perms.get("contents") != "write", (path.name, name)
                assert "pull-requests" not in perms, (path.name, name)
