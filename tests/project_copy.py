"""A throw-away copy of the project for tests that write data files or run ``make``.

The copy has its own ``data/``, ``docs/``, ``mkdocs.yml`` and ``Makefile``; ``scripts/`` and
``.venv`` are links to the real ones, so nothing is installed again and the real project is
never written to. Timestamps are kept, so ``make`` sees the virtual environment as up to date.

Example::

    project = copy_project(tmp_path)
    run_inspections(project, "validate")
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.project import real_copy

ROOT = Path(__file__).resolve().parent.parent


def copy_project(tmp: Path) -> Path:
    """A copy of the project in ``tmp/project`` (the bench's copy: one list of what is copied
    and what is linked, in scripts/bench/project.py)."""
    return real_copy(ROOT, tmp / "project")


def run_inspections(
    project: Path, *args: str, env: dict | None = None
) -> subprocess.CompletedProcess:
    """``python -m inspections ARGS`` in ``project``, outside GitHub Actions unless asked."""
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "inspections", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def ensure_framework(project: Path, family: str, day: str, key: str | None = None) -> str:
    """Make sure a ``family`` framework is in use on ``day`` in the copy; return its key.

    The shipped data may not have one yet (frameworks are added over time); then a copy of
    the newest one, with its dates moved, stands in for it (named ``key``), for tests of
    ``new`` only.
    """
    from ruamel.yaml import YAML

    yaml = YAML()
    folder = project / "data" / "frameworks"
    newest = None
    for path in sorted(folder.glob(f"{family}-*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        start, end = str(data["in_use"]["from"]), str(data["in_use"].get("to") or "9999")
        if start <= day[: len(start)] and day[: len(end)] <= end:
            return path.stem
        newest = path
    assert newest is not None, f"no {family} framework at all"
    data = yaml.load(newest.read_text(encoding="utf-8"))
    data["in_use"]["from"] = day[:4] + "-01"
    data["in_use"].pop("to", None)
    key = key or f"{family}-{day[:4]}"
    with (folder / f"{key}.yaml").open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return key


def edit(project: Path, rel: str, old: str, new: str) -> str:
    """Replace ``old`` (which must appear exactly once) with ``new`` in one file of a copy.

    Returns the new text, so a test can find the line of what it wrote.
    """
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should appear once in {rel}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text
