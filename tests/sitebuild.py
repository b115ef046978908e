"""Build a project's site as ``make site`` does: generate, build (``mkdocs build --strict`` in
two parts, inspections/engine.py), finish.

Shared by tests and fixtures. The content and theme are generated into ``out``'s parent
(``content``, ``theme``) and mkdocs.yml's folders are pointed there (``--config-file`` with
a copy beside them), so a test never writes into the project's build/ or site/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build_site(project: Path, out: Path, **settings: str) -> subprocess.CompletedProcess:
    """Generate ``project``'s content, build it as ``make site`` does (``python -m inspections
    build``: ``mkdocs build --strict`` in two parts) into ``out``, and finish the HTML. The
    first step that fails is returned (its output says why).
    ``settings`` are environment variables (SITE_URL, EDIT_URI, TZ...). As in the Makefile,
    SOURCE_DATE_EPOCH comes from the project's last commit when it is not set.

    Never with ``--quiet``: MkDocs then drops warnings before strict mode counts them.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **settings}
    if not env.get("SOURCE_DATE_EPOCH"):
        epoch = commit_epoch(project)
        if epoch:
            env["SOURCE_DATE_EPOCH"] = epoch
    work = Path(out).parent / (Path(out).name + ".work")
    content, theme = work / "content", work / "theme"
    steps = [
        [
            "-m",
            "inspections",
            "generate",
            "--root",
            str(project),
            "--out",
            str(content),
            "--theme",
            str(theme),
        ],
        ["-m", "inspections", "build", str(out), "--config-file", str(_config(project, work))],
        ["-m", "inspections", "finish", str(out)],
    ]
    done = None
    for step in steps:
        done = subprocess.run(
            [sys.executable, *step], capture_output=True, text=True, env=env, cwd=project
        )
        if done.returncode != 0:
            return done
    return done


def commit_epoch(project: Path) -> str | None:
    """The last commit's time (seconds since 1970), as the Makefile reads it; None outside git."""
    out = subprocess.run(
        ["git", "-C", str(project), "log", "-1", "--format=%ct"],
        capture_output=True,
        text=True,
        check=False,
    )
    value = out.stdout.strip()
    return value if out.returncode == 0 and value.isdigit() else None


def _config(project: Path, work: Path) -> Path:
    """mkdocs.yml with its docs_dir and theme folder in ``work`` (absolute, so the copy can live
    in ``work`` and never in the project)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: build/content", f"docs_dir: {work / 'content'}")
    text = text.replace("custom_dir: build/theme", f"custom_dir: {work / 'theme'}")
    work.mkdir(parents=True, exist_ok=True)
    config = work / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config
