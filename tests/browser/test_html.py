"""Every built page is valid HTML, checked by the W3C Nu HTML Checker (vnu.jar, from npm's
``vnu-jar``, run with the machine's Java). One Java run checks every page."""

from __future__ import annotations

import json
import subprocess

from browser_support import FIGURES, JAVA, VNU, need


def test_every_page_is_valid_html(built_site):
    need(VNU, "the Nu HTML Checker (vnu-jar)")
    need(JAVA, "Java")
    pages = sorted(str(p) for p in built_site.rglob("*.html"))
    result = subprocess.run([JAVA, "-jar", str(VNU), "--errors-only", "--format", "json",
                             "--exit-zero-always", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [m for m in messages if m.get("type") == "error"
              or m.get("subType") == "fatal"]
    FIGURES.html_files = len(pages)
    FIGURES.html_errors = len(errors)
    assert pages, "no pages were built"
    assert not errors, "\n".join(
        f"{m.get('url', '').split(str(built_site))[-1]}:{m.get('lastLine')}: {m.get('message')}"
        for m in errors)
