"""Hostile and broken input to ``import`` and ``new``: a clear message, never a traceback, never
a half-written or unsafe data file, never an overwritten one.

Every case runs the real command in a separate process on a temporary copy of the project.
Whatever the command writes must load as a data file, and hostile text from a report must
never reach a text field readers would see (only YAML comments keep the report's words, and
validation still refuses the draft for its placeholders).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspections.load import load_file
from inspections.models import PLACEHOLDER
from inspections.problems import DataError
from inspections.safety import check_text
from inspections.site import load_site
from pdf_from_text import pdf_bytes

ROOT = Path(__file__).resolve().parent.parent
SEED_REPORT = ROOT.parent / "shared" / "seeds" / "002_ac570c76320a66fd.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "import"


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run(
        [sys.executable, "-m", "inspections", *args, "--root", str(project)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def data_files(project: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()}


def assert_refused(
    result: subprocess.CompletedProcess, before: dict, project: Path, words: str
) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert words in output, output
    assert data_files(project) == before, "a refused command must not change data/"


def seed_text() -> str:
    return SEED_REPORT.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- import: files


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Ofsted\n\nHello"))))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "empty.pdf": (b"", "empty"),
    "truncated.pdf": (pdf_bytes("Ofsted inspection\n\nDerby")[:120], "PDF"),
    "html-named.pdf": (b"<html><body><script>alert(1)</script></body></html>", "PDF"),
    "zip-named.pdf": (b"PK\x03\x04" + b"\x00" * 200, "PDF"),
    "no-text-layer.pdf": (blank_pdf(), "text"),
    "encrypted.pdf": (encrypted_pdf(), "encrypted"),
    "binary.txt": (bytes(range(256)) * 20, "text"),
    "not-ofsted.txt": (b"Minutes of the parish council.\n\nThe hedge was cut.\n", "Ofsted"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_import_refuses_a_bad_file_with_a_message(project: Path, tmp_path: Path, name: str) -> None:
    content, words = BAD_FILES[name]
    report = tmp_path / name
    report.write_bytes(content)
    before = data_files(project)
    result = run(project, "import", str(report), "--area", "derby")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert "Nothing was written" in output, output
    assert words.lower() in output.lower(), output
    assert data_files(project) == before


def test_import_refuses_a_folder_and_a_missing_file(project: Path, tmp_path: Path) -> None:
    before = data_files(project)
    for target in (tmp_path, tmp_path / "missing.pdf"):
        result = run(project, "import", str(target))
        assert_refused(result, before, project, "Nothing was written")


# ---------------------------------------------------------------------------- import: text

HOSTILE_LINES = [
    "<script>alert(1)</script>",
    "[click me](javascript:alert(1))",
    "![pixel](https://tracker.example/p.png)",
    'Inspectors were pleased. {: onclick="alert(1)" }',
    "&#106;avascript:alert(1)",
    "It\u202eevil\u202c here\u200b and\x00 there\u2028 too",
    "key: value: [not, yaml] # and a comment",
    "---",
    "*alias &anchor !tag",
]


def hostile_report() -> str:
    """The seed report with hostile lines inside its paragraphs and its areas for improvement."""
    text = seed_text()
    payload = "\n".join(HOSTILE_LINES)
    text = text.replace(
        "Access for all children to life-story work",
        payload + " Access for all children to life-story work",
        1,
    )
    return text.replace(
        "Children who need help and protection in Derby receive",
        payload + "\nChildren who need help and protection in Derby receive",
        1,
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252-ish"])
def test_import_of_hostile_text_writes_a_safe_loadable_draft(
    project: Path, tmp_path: Path, encoding: str
) -> None:
    text = hostile_report()
    if encoding == "cp1252-ish":
        raw = (
            text.replace("\u202e", "")
            .replace("\u202c", "")
            .replace("\u200b", "")
            .replace("\u2028", "")
            .encode("cp1252", errors="replace")
        )
    else:
        raw = text.replace("\n", "\r\n").encode(encoding)
    report = tmp_path / "report.txt"
    report.write_bytes(raw)
    (project / "data" / "inspections" / "derby" / "2022-03-ilacs.yaml").unlink()
    result = run(project, "import", str(report), "--area", "derby")
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    if result.returncode != 0:  # a refusal is fine, if it says why and writes nothing
        assert "Nothing was written" in output, output
        assert not list((project / "data" / "inspections" / "derby").glob("draft*"))
        return
    drafts = [
        p
        for p in (project / "data" / "inspections" / "derby").glob("*.yaml")
        if p.name != "2017-03-sif.yaml"
    ]
    assert len(drafts) == 1, output
    doc = load_file(drafts[0], drafts[0].relative_to(project).as_posix())  # loads cleanly
    assert list(check_text(doc)) == [], "hostile text reached a data value"
    # Only placeholders stop it being published.
    with pytest.raises(DataError) as info:
        load_site(project, seeds=ROOT.parent / "shared" / "seeds")
    messages = [p.message for p in info.value.problems]
    assert messages and all(m.startswith(PLACEHOLDER) for m in messages), messages


def test_import_never_overwrites(project: Path, tmp_path: Path) -> None:
    target = project / "data" / "inspections" / "derby" / "2022-03-ilacs.yaml"
    before = data_files(project)
    result = run(project, "import", str(SEED_REPORT), "--area", "derby", "--out", str(target))
    assert_refused(result, before, project, "already exists")


def test_import_out_must_stay_inside_the_data_folder(project: Path, tmp_path: Path) -> None:
    before = data_files(project)
    outside = tmp_path / "elsewhere.yaml"
    result = run(project, "import", str(SEED_REPORT), "--area", "derby", "--out", str(outside))
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    if result.returncode == 0:  # allowed only if it really wrote where it was told
        assert outside.is_file()
        load_file(outside)
    else:
        assert data_files(project) == before and not outside.exists()


def test_import_with_an_unknown_area(project: Path) -> None:
    before = data_files(project)
    result = run(project, "import", str(SEED_REPORT), "--area", "../../etc")
    assert_refused(result, before, project, "Nothing was written")


# ---------------------------------------------------------------------------- new


@pytest.mark.parametrize(
    "args,words",
    [
        (["--area", "../derby", "--kind", "ilacs", "--start", "2025-06-09"], "area"),
        (["--area", "Derby", "--kind", "ilacs", "--start", "2025-06-09"], "area"),
        (
            ["--area", "derby", "--kind", "ilacs", "--start", "2025-06-09", "--name", "../../x"],
            "name",
        ),
        (["--area", "derby", "--kind", "ilacs", "--start", "2025-06-09", "--name", "a b"], "name"),
        (
            ["--area", "derby", "--kind", "ilacs", "--start", "2025-06-09", "--name", "<script>"],
            "name",
        ),
        (["--area", "derby", "--kind", "ilacs", "--start", "2025-02-30"], "date"),
        (["--area", "derby", "--kind", "ilacs", "--start", "yesterday"], "date"),
        (["--area", "derby", "--kind", "<script>", "--start", "2025-06-09"], "kind"),
        (
            [
                "--area",
                "derby",
                "--kind",
                "ilacs",
                "--start",
                "2025-06-09",
                "--framework",
                "../../etc/passwd",
            ],
            "framework",
        ),
    ],
)
def test_new_refuses_bad_answers(project: Path, args: list[str], words: str) -> None:
    before = data_files(project)
    result = run(project, "new", *args)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert words.lower() in output.lower(), output
    assert data_files(project) == before


def test_new_never_overwrites_and_never_follows_a_symlink(project: Path, tmp_path: Path) -> None:
    made = run(project, "new", "--area", "derby", "--kind", "ilacs", "--start", "2025-06-09")
    assert made.returncode == 0, made.stdout + made.stderr
    before = data_files(project)
    again = run(project, "new", "--area", "derby", "--kind", "ilacs", "--start", "2025-06-09")
    output = again.stdout + again.stderr
    assert again.returncode != 0 and "Traceback" not in output, output
    assert "already exists" in output and data_files(project) == before

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    link = project / "data" / "inspections" / "derby" / "2025-07-ilacs.yaml"
    link.symlink_to(victim)
    result = run(project, "new", "--area", "derby", "--kind", "ilacs", "--start", "2025-07-01")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert victim.read_text() == "keep me\n"
