"""The complete content tree the site engine builds, made in memory and written to a folder.

``python -m inspections generate --out build/content`` writes it (``make site``, ``make
preview``); ``mkdocs.yml``'s ``docs_dir`` points there and its theme at ``build/theme``, so
the engine (MkDocs today, Zensical later) needs no hooks. The tree holds:

- every hand-written file in ``docs/``, copied byte for byte;
- every generated page (:mod:`inspections.pages`), its front matter naming what the theme needs:
  ``help_area`` (which "Get help" box, :mod:`inspections.gethelp`) and ``data_file_url`` (the
  web-editor link to the data file the page is made from);
- the open data and feed (:mod:`inspections.opendata`) and ``robots.txt``.

The theme folder is ``scripts/theme`` copied (its CSS and JavaScript minified,
:mod:`inspections.minify`), with the "Get help" partials and the share tags
(:mod:`inspections.commskit`) added.

Example::

    >>> robots_txt("https://example.org/x/").splitlines()[-1]
    'Sitemap: https://example.org/x/sitemap.xml'
    >>> edit_root("https://github.com/o/r/edit/main/docs/")
    'https://github.com/o/r/edit/main/'
    >>> with_front_matter("---\\ntitle: A\\n---\\n\\nText\\n", ["help_area: derby"])
    '---\\ntitle: A\\nhelp_area: derby\\n---\\n\\nText\\n'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from inspections import commskit, gethelp
from inspections.minify import minified
from inspections.opendata import static_files
from inspections.pages import Page
from inspections.problems import DataError, Problem
from inspections.site import Site

DOCS = "docs"
THEME = Path("scripts/theme")
YOUNG_PEOPLE = "young-people"  # pages for this audience get no edit link or data-file footer


@dataclass(frozen=True)
class Settings:
    """What the content needs from ``mkdocs.yml``: the public address and the web editor's."""

    site_url: str | None
    edit_uri: str | None

    @classmethod
    def read(cls, root: Path) -> Settings:
        """From ``root/mkdocs.yml`` (``!ENV`` tags resolved as MkDocs does: SITE_URL, EDIT_URI)."""
        from mkdocs.utils.yaml import yaml_load

        with open(root / "mkdocs.yml", "rb") as f:
            config = yaml_load(f) or {}
        return cls(config.get("site_url") or None, config.get("edit_uri") or None)


def edit_root(edit_uri: str, docs: str = DOCS) -> str:
    """The web-editor address of the repository's top folder, from ``edit_uri`` (ends docs/)."""
    suffix = docs.strip("/") + "/"
    if not edit_uri.endswith("/" + suffix):
        raise DataError(
            [
                Problem(
                    "mkdocs.yml",
                    1,
                    1,
                    f"edit_uri ({edit_uri}) must end with /{suffix}, the folder of the "
                    "hand-written pages, e.g. "
                    f"https://github.com/OWNER/REPOSITORY/edit/main/{suffix}",
                )
            ]
        )
    return edit_uri[: -len(suffix)]


def robots_txt(site_url: str | None) -> str:
    """Every page may be read and indexed; the sitemap lists them all."""
    lines = [
        "# Inspections explained: every page may be read and indexed.",
        "User-agent: *",
        "Allow: /",
    ]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"


def with_front_matter(markdown: str, lines: list[str]) -> str:
    """``markdown`` (which starts with front matter) with ``lines`` added to its front matter."""
    end = markdown.index("\n---\n", 3)
    return markdown[:end] + "".join("\n" + line for line in lines) + markdown[end:]


def page_markdown(page: Page, settings: Settings) -> str:
    """A generated page as written to the tree: its Markdown, with what the theme needs."""
    extra = []
    slug = gethelp.area_slug(page.source)
    if slug:
        extra.append(f"help_area: {slug}")
    if page.audience != YOUNG_PEOPLE:
        url = (
            edit_root(settings.edit_uri) + page.source if settings.edit_uri and page.source else ""
        )
        extra.append(f"data_file_url: {json.dumps(url)}")  # JSON strings are YAML
    return with_front_matter(page.markdown, extra)


def docs_files(root: Path) -> dict[str, bytes]:
    """Every file in docs/, by its path there."""
    docs = root / DOCS
    return {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in sorted(docs.rglob("*"))
        if p.is_file()
    }


def content_files(
    site: Site, pages: dict[str, Page], root: Path, settings: Settings
) -> dict[str, bytes]:
    """The whole content tree by path. A hand-written page at a generated page's address stops
    it, every clash listed at once."""
    files = docs_files(root)
    clashes = [
        Problem(
            f"{DOCS}/{path}",
            1,
            1,
            f"this hand-written page has the same address as a generated page ({page.title}). "
            "Rename or move the hand-written file.",
        )
        for path, page in pages.items()
        if path in files
    ]
    if clashes:
        raise DataError(clashes)
    for path, page in pages.items():
        files[path] = page_markdown(page, settings).encode("utf-8")
    files.update(static_files(site, settings.site_url))  # open data and the feed
    files["robots.txt"] = robots_txt(settings.site_url).encode("utf-8")
    return dict(sorted(files.items()))


def theme_files(
    root: Path,
    site: Site,
    help_partials: dict[str, bytes] | None = None,
    site_url: str | None = None,
) -> dict[str, bytes]:
    """The theme's overrides (scripts/theme, CSS and JavaScript minified) with the "Get help"
    partials (made here unless given: a preview keeps them while the helplines and areas are
    unchanged) and the share tags, whose picture's address is from ``site_url``."""
    theme = root / THEME if (root / THEME).is_dir() else Path(__file__).parents[1] / "theme"
    paths = {p.relative_to(theme).as_posix(): p for p in theme.rglob("*") if p.is_file()}
    files = {name: minified(name, p.read_bytes()) for name, p in paths.items()}
    files.update(gethelp.partials(site) if help_partials is None else help_partials)
    files.update(commskit.partials(site, site_url))
    return dict(sorted(files.items()))
