"""Property-based tests: whatever arrives, the result is a valid model or located messages.

Hypothesis throws random bytes, YAML-ish text, mutated copies of the real data files and
generated structures at the loader, the validator, the text-safety checks and the renderer.
The properties:

- loading and checking never raise anything but :class:`DataError`, and every problem has
  a path, a line and column inside the file, and a message;
- whatever text the renderer is given, the HTML it becomes has no script, no event
  attribute, no image and no link except to https:, mailto:, tel: or the site itself.

Examples are capped (200 each, 50 for the whole site, 2 s deadline) so the whole file runs
in well under a minute on two cores; ``PROPERTY_EXAMPLES=3000 pytest tests/test_property.py``
searches harder (about five minutes).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from inspections import safety, validate
from inspections.load import Document, load_bytes, load_text
from inspections.problems import DataError, Problem
from inspections.render import Renderer, Text
from inspections.site import load_site
from test_safety import audit, to_html

ROOT = Path(__file__).resolve().parent.parent
FILES = {
    "area": ROOT / "data" / "areas" / "derby.yaml",
    "framework": ROOT / "data" / "frameworks" / "ilacs-2018.yaml",
    "inspection": ROOT / "data" / "inspections" / "derby" / "2022-03-ilacs.yaml",
    "glossary": ROOT / "data" / "glossary.yaml",
}
FAST = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "200")),
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces that mean something to YAML, Markdown, HTML or Unicode, to build hostile input from.
YAML_BITS = [
    ": ",
    ":",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!",
    "!!str ",
    "|",
    ">",
    "'",
    '"',
    "#",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "? ",
    "@",
    "`",
    "\t",
    "\n",
    "\n  ",
    "\n    ",
    "  ",
    "\\",
    "\\x07",
    "\\ud800",
    "~",
    "null",
    "yes",
    "no",
    "010",
    "0x1F",
    "1e999",
    "2022-02-30",
    "<<: ",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\u202e",
    "\x07",
    "\r\n",
    "\r",
    "é",
    "£",
    "😀",
    "area",
    "kind",
    "young_people",
    "families",
]
MARKUP_BITS = [
    "<",
    ">",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "{:",
    ":",
    "!",
    "\\",
    "&",
    "#",
    ";",
    '"',
    "'",
    "`",
    "*",
    "_",
    "\n",
    "\n\n",
    " ",
    "    ",
    "|",
    "---",
    "!!! note ",
    "javascript:",
    "JaVaScRiPt:",
    "data:",
    "https://x.example/",
    "http://x.example",
    "mailto:a@b.org",
    "tel:123",
    "glossary:iro",
    "glossary:",
    "script",
    "img",
    "iframe",
    "svg",
    " onclick=",
    " onerror=",
    "alert(1)",
    "&#106;",
    "&lt;",
    "&#x3C;",
    "src=",
    "href=",
    'markdown="1"',
    "<!--",
    "-->",
    "[1]: ",
    "words",
    # whole attacks, so random text around them tests every context they can be in
    "{: onclick=x}",
    "{#id onclick=x}",
    "{ .c onclick=x }",
    "<script>",
    "<img src=x onerror=y>",
    "[x](javascript:alert(1))",
    "[1]: javascript:x",
    "![i](https://x.example/p.png)",
    "<https://x.example>",
    "[x][1]",
]


def assert_located(problems: list[Problem], text_lines: int | None = None) -> None:
    assert problems, "a DataError must carry at least one problem"
    for p in problems:
        assert p.path and p.message.strip()
        assert p.line >= 1 and p.col >= 1, p
        if text_lines is not None:
            assert p.line <= text_lines + 1, (p, text_lines)
        assert "Traceback" not in str(p)


def check_document(doc: Document, kind: str) -> list[Problem]:
    """Every per-file check the site runs, as load_site runs them."""
    model, found = validate.check_model(doc, kind)
    found += list(validate.check_placeholders(doc))
    found += list(safety.check_text(doc))
    found += list(validate.check_glossary_links(doc, ["iro", "social-worker"]))
    if model is None:
        assert found, "a file that fails its model must say why"
    return found


def load_and_check(raw: bytes, kind: str) -> None:
    lines = raw.count(b"\n") + raw.count(b"\r") + 1
    try:
        doc = load_bytes(raw, f"data/{kind}.yaml")
    except DataError as exc:
        assert_located(exc.problems, lines)
        return
    found = check_document(doc, kind)
    if found:
        assert_located(found, lines)


# ---------------------------------------------------------------------------- loader


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_give_a_document_or_located_problems(raw):
    load_and_check(raw, "area")


@FAST
@given(
    st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=4), max_size=60).map("".join),
    st.sampled_from(sorted(FILES)),
)
def test_yaml_like_text_gives_a_model_or_located_problems(text, kind):
    load_and_check(text.encode("utf-8", errors="surrogatepass"), kind)


@st.composite
def mutated(draw, kind: str | None = None) -> tuple[str, bytes]:
    """A real data file with a few random edits: the kind of damage hand-editing does."""
    kind = kind or draw(st.sampled_from(sorted(FILES)))
    lines = FILES[kind].read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(
                ["delete", "insert", "indent", "dedent", "duplicate", "swap", "replace", "truncate"]
            )
        )
        if action == "delete":
            del lines[i]
        elif action == "insert":
            bits = draw(st.lists(st.sampled_from(YAML_BITS + MARKUP_BITS), max_size=6))
            col = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:col] + "".join(bits) + lines[i][col:]
        elif action == "indent":
            lines[i] = draw(st.sampled_from([" ", "  ", "\t", "    "])) + lines[i]
        elif action == "dedent":
            lines[i] = lines[i].lstrip()
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "replace" and ": " in lines[i]:
            key = lines[i].split(": ", 1)[0]
            value = draw(
                st.sampled_from(
                    [
                        "",
                        "no",
                        "yes",
                        "~",
                        "010",
                        "2022-02-30",
                        "[]",
                        "{}",
                        "- x",
                        "'",
                        '"x',
                        "&a x",
                        "*a",
                        "!!int 3",
                        "<script>",
                        "[x](javascript:1)",
                        "![i](https://x.y)",
                        "99999999999999999999999999999999999",
                        "1.5",
                        "true",
                    ]
                )
            )
            lines[i] = f"{key}: {value}"
        elif action == "truncate":
            lines = lines[: i + 1]
        if not lines:
            lines = [""]
    return kind, "\n".join(lines).encode()


@FAST
@given(mutated())
def test_mutated_real_files_give_a_model_or_located_problems(case):
    kind, raw = case
    load_and_check(raw, kind)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(
        ["unknown", "2022-03", "good", "derby", "https://x.example/", "<b>", "[x](data:1)"]
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(["area", "dates", "families"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@st.composite
def damaged_structure(draw) -> tuple[str, object]:
    """A real file's data with one value somewhere replaced by a generated one."""
    kind = draw(st.sampled_from(sorted(FILES)))
    data = load_text(FILES[kind].read_text(encoding="utf-8"), "x").data
    node, path = data, []
    while isinstance(node, dict | list) and node and draw(st.booleans()):
        key = draw(
            st.sampled_from(sorted(node) if isinstance(node, dict) else list(range(len(node))))
        )
        path.append(key)
        node = node[key]
    new = draw(JSON_VALUES)
    if not path:
        return kind, new if isinstance(new, dict) else data
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = new
    return kind, data


@FAST
@given(damaged_structure())
def test_generated_structures_give_a_model_or_located_problems(case):
    """JSON is YAML 1.2, so a generated structure can be written as JSON and loaded."""
    kind, data = case
    text = json.dumps(data, ensure_ascii=False)
    assume("\x00" not in text)
    load_and_check(text.encode("utf-8", errors="surrogatepass"), kind)


# ---------------------------------------------------------------------------- whole site


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("property") / "project"
    shutil.copytree(ROOT / "data", project / "data")
    return project


@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "200")) // 4,
    deadline=5000,
    suppress_health_check=list(HealthCheck),
)
@given(mutated("inspection"))
def test_mutated_inspections_through_the_whole_site(project, case):
    """Cross-checks (grades, dates, previous, sources) must cope with any damage too."""
    _, raw = case
    target = project / "data" / "inspections" / "derby" / "2022-03-ilacs.yaml"
    original = FILES["inspection"].read_bytes()
    target.write_bytes(raw)
    try:
        load_site(project, seeds=ROOT.parent / "shared" / "seeds")
    except DataError as exc:
        assert_located(exc.problems)
    finally:
        target.write_bytes(original)


# ---------------------------------------------------------------------------- rendering

# Markdown works line by line (attribute lists, reference links and headings need a line of
# their own), so text is built as lines: random pieces, or a whole attack line.
ATTACK_LINES = [
    "{: onclick=x}",
    "{: #id onclick=x }",
    "[1]: javascript:alert(1)",
    "[x]: https://x.example/p.png",
    "# Heading {onclick=x}",
    '<div markdown="1">',
    "</div>",
    '!!! note "<b>x</b>"',
    "| a | b |",
    "|---|---|",
    "    <script>",
    "```",
    "- item",
    "> quote",
    "---",
    "",
]
LINE = st.lists(st.sampled_from(MARKUP_BITS) | st.text(max_size=3), max_size=12).map(
    "".join
) | st.sampled_from(ATTACK_LINES)
MARKUP = st.lists(LINE, max_size=6).map("\n".join)


@FAST
@given(MARKUP)
def test_any_text_renders_to_inert_html(text):
    renderer = Renderer()
    renderer.page = "areas/derby/2022-03-ilacs/index.md"
    shown = renderer.md(Text(text))
    html = to_html(f"Intro.\n\n{shown}\n\n- item {renderer.inline(Text(text))}\n")
    assert audit(html) == [], (text, str(shown), html)


@FAST
@given(MARKUP)
def test_safety_checks_never_crash_and_point_inside_the_text(text):
    doc = load_text('summary:\n  young_people: "x"\n', "data/x.yaml")
    doc.data["summary"]["young_people"] = text
    for problem in safety.check_text(doc):
        assert problem.line >= 1 and problem.col >= 1 and problem.message
