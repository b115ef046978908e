"""Throw-away copies of the project for ``make bench``, and its public commands timed in them.

Why copies and commands: the bench measures what a person feels when they type ``make site``
or ``make validate``, so it runs those commands as subprocesses, and never calls the pipeline's
functions (which other work may change). Each copy has its own ``data/``, ``docs/``,
``mkdocs.yml`` and ``Makefile``; ``scripts/`` and ``.venv`` are links to the real ones, so
nothing is installed again and the project is never written to. The tests' copies
(``tests/project_copy.py``) are made here too.

Example::

    project = real_copy(Path("."), Path("/tmp/b"))
    best, median, failure = timed_make(project, "validate", runs=5)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from bench.synthetic import make_project

COPIED = (
    "data",
    "docs",
    "mkdocs.yml",
    "Makefile",
    "pyproject.toml",
    "constraints.txt",
    "README.md",
)
LINKED = ("scripts", ".venv")
STAMP = ".venv/.installed"  # the Makefile's "packages are installed" file


def real_copy(repo: Path, out: Path) -> Path:
    """A copy of the project as it is, with the real data in data/."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in COPIED:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, out / name)
        elif source.exists():
            shutil.copy2(source, out / name)
    for name in LINKED:
        if (repo / name).exists():
            (out / name).symlink_to((repo / name).resolve())
    return out


def synthetic_copy(repo: Path, out: Path, work: Path) -> tuple[Path, dict[str, int]]:
    """A copy of the project whose areas and inspections are the 153 fictional ones of
    :mod:`bench.synthetic` (frameworks, glossary, rules, pages and theme stay the real ones)."""
    made = work / "synthetic-data"
    counts = make_project(made, repo)
    project = real_copy(repo, out)
    for name in ("areas", "inspections"):
        shutil.rmtree(project / "data" / name, ignore_errors=True)
        shutil.copytree(made / "data" / name, project / "data" / name)
    shutil.rmtree(made, ignore_errors=True)
    return project, counts


def environment(**extra: str) -> dict[str, str]:
    """The environment a person's shell has: none of the outer ``make bench``'s own flags."""
    drop = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "GITHUB_ACTIONS"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, **extra}


def make_command(target: str, *variables: str) -> list[str]:
    """``make TARGET``, told the packages are installed (the copy's .venv is the project's)."""
    return ["make", "--no-print-directory", "-o", STAMP, target, *variables]


def run_timed(command: list[str], cwd: Path, timeout: float = 900) -> tuple[float, str | None]:
    """Wall seconds of one run of ``command``, and why it failed (``None`` when it passed)."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            env=environment(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, f"still running after {timeout:.0f} s"
    wall = time.perf_counter() - start
    if done.returncode:
        tail = (done.stderr or done.stdout).strip().splitlines()[-8:]
        return wall, f"`{' '.join(command)}` failed:\n  " + "\n  ".join(tail)
    return wall, None


def timed_make(project: Path, target: str, runs: int) -> tuple[float, float, str | None]:
    """Best and median wall seconds of ``runs`` runs of ``make TARGET`` in ``project``; stops
    at the first failure and says why."""
    walls = []
    for _ in range(runs):
        wall, failure = run_timed(make_command(target), project)
        if failure:
            return wall, wall, failure
        walls.append(wall)
    return min(walls), statistics.median(walls), None
