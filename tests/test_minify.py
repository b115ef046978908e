"""Our own CSS and JavaScript are minified into the content tree, and only there.

Each source file's names (CSS classes and custom properties; the scripts' strings, which hold
the selectors and attributes the pages rely on, and their function and variable names) are
read from the source here, so a minifier that drops or mangles one fails. The browser tests
(tests/browser) run the minified scripts themselves.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from inspections import content, opendata
from inspections.minify import minified

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "scripts" / "theme"
STATIC = ROOT / "scripts" / "inspections" / "static"
SOURCES = sorted([*THEME.rglob("*.css"), *THEME.rglob("*.js"), *STATIC.glob("*.js")])

CSS_COMMENT = re.compile(r"/\*[\s\S]*?\*/")
# Block comments, whole-line comments and comments after code ("x;  // why"), never "https://".
JS_COMMENT = re.compile(r"/\*[\s\S]*?\*/|^\s*//.*$|\s//\s.*$", re.M)
JS_STRING = re.compile(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'""")
JS_NAME = re.compile(r"\b(?:function|var|let|const)\s+(\w+)")


def names(path: Path) -> set[str]:
    """What the pages and the code rely on in a source file, read from its code (not comments)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".css":
        code = CSS_COMMENT.sub("", text)
        return set(re.findall(r"\.(-?[A-Za-z_][\w-]*)", code)) | set(re.findall(r"--[\w-]+", code))
    code = JS_COMMENT.sub("", text)
    strings = {a or b for a, b in JS_STRING.findall(code)} - {""}
    return strings | set(JS_NAME.findall(code))


def test_the_sources_are_found():
    assert {p.name for p in SOURCES} >= {"accessible.css", "accessible.js", "compare.js", "find.js"}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_minified_is_smaller_and_keeps_every_name(path: Path):
    source = path.read_bytes()
    small = minified(path.name, source)
    assert len(small) < len(source)
    assert len(gzip.compress(small, 9)) < len(gzip.compress(source, 9))
    kept = names(path)
    assert len(kept) >= 5, "the names were not read: the check would prove nothing"
    text = small.decode("utf-8")
    assert sorted(n for n in kept if n not in text) == []
    assert "/*" not in text  # the comments are gone (the source keeps them)


def test_the_theme_in_the_tree_is_minified_and_its_templates_copied_as_they_are(site_data):
    files = content.theme_files(ROOT, site_data, None, "https://example.org/")
    sources = {
        p.relative_to(THEME).as_posix(): p.read_bytes() for p in THEME.rglob("*") if p.is_file()
    }
    templates = [name for name in sources if name.endswith(".html")]
    assert "main.html" in templates
    for name in templates:
        assert files[name] == sources[name], name
    for name in (n for n in sources if n.endswith((".css", ".js"))):
        assert files[name] == minified(name, sources[name]) != sources[name], name


def test_the_pages_scripts_are_minified_with_the_open_data(site_data):
    files = opendata.static_files(site_data, "https://example.org/")
    for path in STATIC.glob("*.js"):
        published = files[f"assets/javascripts/{path.name}"]
        assert published == minified(path.name, path.read_bytes()) != path.read_bytes()
