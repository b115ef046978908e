"""The selected pages (every kind of page and a spread of councils: see page_selection.py) are
valid HTML, checked by the W3C Nu HTML Checker (vnu.jar, from npm's ``vnu-jar``, run with the
machine's Java). One Java run checks every selected page."""

from __future__ import annotations

import json
import subprocess

from browser_support import FIGURES, JAVA, VNU, need


def test_every_page_is_valid_html(built_site, page_paths):
    need(VNU, "the Nu HTML Checker (vnu-jar)")
    need(JAVA, "Java")
    pages = [
        str(built_site / (path if path.endswith(".html") else path + "index.html"))
        for path in page_paths
    ]
    result = subprocess.run(
        [JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", "--exit-zero-always", *pages],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    FIGURES.html_files = len(pages)
    FIGURES.html_errors = len(errors)
    assert pages, "no pages were built"
    assert not errors, "\n".join(
        f"{m.get('url', '').split(str(built_site))[-1]}:{m.get('lastLine')}: {m.get('message')}"
        for m in errors
    )
