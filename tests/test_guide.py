"""Every example in the comms guide (docs/guide/index.md) runs, in order, on a project copy.

Each fenced block in the guide follows a marker, an HTML comment readers never see:

- ``<!-- test: run -->`` before a ``console`` block: each ``$ command`` is run in the copy, and
  its output must match the lines after it. A line ``...`` stands for any lines; ``...``
  inside a line for any words.
- ``<!-- test: file PATH -->``: the block is exactly the file PATH at that point.
  ``pytest --update-golden`` rewrites the block from the file (after a framework changes).
- ``<!-- test: replace-lines PATH -->``: each line replaces the line of PATH with the same
  field name, as a person editing the file would.
- ``<!-- test: inspection-fields -->``: the YAML must be valid for those fields of an
  inspection file, and every glossary link must name a glossary entry.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from inspections.load import load_text
from inspections.models import Inspection
from inspections.validate import check_glossary_links
from project_copy import copy_project, ensure_framework

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide" / "index.md"
BLOCK = re.compile(
    r"(?:<!-- test: (?P<marker>[^>]*?) -->\n)?```(?P<lang>\w*)\n(?P<body>.*?)```\n", re.S
)


def blocks(text: str) -> list[re.Match]:
    return list(BLOCK.finditer(text))


def matches(expected: list[str], actual: list[str]) -> bool:
    """Does ``actual`` fit ``expected``, where ``...`` stands for anything?"""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "...":
        return any(matches(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    pattern = ".*".join(re.escape(part) for part in head.split("..."))
    return bool(re.fullmatch(pattern, actual[0])) and matches(rest, actual[1:])


def test_matches_understands_ellipses() -> None:
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["Found ... problems."], ["Found 20 problems."])
    assert not matches(["a", "d"], ["a", "b", "d"])
    assert not matches(["Found ... problems."], ["Found 2 problem."])


def test_every_example_in_the_guide_has_a_test_marker() -> None:
    found = blocks(GUIDE.read_text(encoding="utf-8"))
    assert len(found) >= 6
    assert [m["lang"] for m in found if not m["marker"]] == [], "examples with no test"
    fences = GUIDE.read_text(encoding="utf-8").count("```")
    assert fences == 2 * len(found), "every fenced block is recognised"


def commands(body: str) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for line in body.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            out.append((line[2:], []))
        else:
            assert out, f"output before any command: {line}"
            out[-1][1].append(line)
    return out


def newest_check(project: Path) -> str:
    dates = re.findall(
        r"checked: (\d{4}-\d{2}-\d{2})",
        "\n".join(p.read_text(encoding="utf-8") for p in (project / "data").rglob("*.yaml")),
    )
    return max(dates)


def test_the_guide_examples_run(tmp_path: Path, update_golden: bool) -> None:
    project = copy_project(tmp_path)
    # The guide's example starts in June 2025: make sure an ILACS framework covers it.
    ensure_framework(project, "ilacs", "2025-06-09", key="ilacs-2023")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GITHUB_ACTIONS", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")
    }
    # "Today" for the phone-number example: the newest check, so the example never goes stale
    # (the weekly workflow, not the tests, is what notices old numbers).
    env.update(PYTHONUNBUFFERED="1", INSPECTIONS_TODAY=newest_check(project))
    text = GUIDE.read_text(encoding="utf-8")
    new_text = text
    for block in blocks(text):
        marker, body = block["marker"], block["body"]
        kind, _, arg = marker.partition(" ")
        if kind == "run":
            for command, expected in commands(body):
                result = subprocess.run(
                    command,
                    shell=True,
                    cwd=project,
                    env=env,
                    text=True,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    timeout=300,
                )
                actual = result.stdout.rstrip("\n").split("\n")
                assert matches(expected, actual), (
                    f"$ {command}\n--- the guide says:\n"
                    + "\n".join(expected)
                    + "\n--- but it printed:\n"
                    + result.stdout
                )
        elif kind == "file":
            actual = (project / arg).read_text(encoding="utf-8")
            if update_golden:
                new_text = new_text.replace(block.group(0), block.group(0).replace(body, actual))
            else:
                assert body == actual, (
                    f"The blank file in the guide is not what `make new` "
                    f"writes now. Run: pytest {__file__} --update-golden"
                )
        elif kind == "replace-lines":
            path = project / arg
            lines = path.read_text(encoding="utf-8").split("\n")
            for new in body.rstrip("\n").split("\n"):
                field = new.split(":")[0] + ":"
                index = next(i for i, line in enumerate(lines) if line.startswith(field))
                lines[index] = new
            path.write_text("\n".join(lines), encoding="utf-8")
        elif kind == "inspection-fields":
            doc = load_text(body, "guide example")
            for field, value in doc.data.items():
                TypeAdapter(Inspection.model_fields[field].annotation).validate_python(value)
            terms = load_text(
                (project / "data/glossary.yaml").read_text(encoding="utf-8"), "data/glossary.yaml"
            ).data["terms"]
            assert list(check_glossary_links(doc, terms)) == []
            assert "glossary:" in body
        else:
            pytest.fail(f"unknown test marker: {marker}")
    if update_golden and new_text != text:
        GUIDE.write_text(new_text, encoding="utf-8")


def test_the_guide_is_linked_from_contributing() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "docs/guide/index.md" in contributing
