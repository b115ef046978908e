"""Build a project's site with ``mkdocs build --strict`` (shared by tests and fixtures)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build_site(project: Path, out: Path) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` for ``project`` into ``out``.

    Never with ``--quiet``: MkDocs then drops warnings before strict mode counts them.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )
