"""What the published site needs beyond the pages: edit links, robots.txt, a repeatable build.

MkDocs hooks, loaded by ``scripts/publish_hooks.py`` (listed under ``hooks:`` in mkdocs.yml):

- ``on_pre_build``: two builds of the same commit must give byte-identical ``site/``. MkDocs
  dates the sitemap (and the gzip header of ``sitemap.xml.gz``) with ``SOURCE_DATE_EPOCH`` when
  it is set, and with today's date when it is not. ``make`` sets it from the commit date; when
  MkDocs runs on its own (``mkdocs serve``, the tests) this hook sets it the same way, from
  ``git log -1 --format=%ct``. So the build never depends on today's date.
- ``on_page_markdown``: an "Edit this page" link at the foot of hand-written pages (GitHub's web
  editor, from ``edit_uri`` in mkdocs.yml), and on generated pages a link to the data file the
  page is made from (its ``source:`` front matter), because that is what to edit. Never on
  young people's pages (``audience: young-people``): a child in care reading about their
  council does not need a note for the site's editors.
- ``on_post_build``: ``robots.txt``, pointing at the sitemap at ``site_url``.

``site_url`` in mkdocs.yml is the one setting for the public address: the sitemap, canonical
links, ``robots.txt`` and the 404 page all come from it. There is deliberately no ``repo_url``:
with it, the theme would ask GitHub's API for the repository's star count from every reader's
browser, and the site makes no requests to other sites.

Example::

    >>> edit_root("https://github.com/o/r/edit/main/docs/", "docs")
    'https://github.com/o/r/edit/main/'
    >>> print(edit_footer(None, "data/inspections/derby/2022-03-ilacs.yaml",
    ...                   "https://github.com/o/r/edit/main/"))  # doctest: +NORMALIZE_WHITESPACE
    This page is made from the data file
    [data/inspections/derby/2022-03-ilacs.yaml](https://github.com/o/r/edit/main/data/inspections/derby/2022-03-ilacs.yaml).
    To change what it says, edit that file.
    {: .edit-link }
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from mkdocs.exceptions import Abort

EPOCH = "SOURCE_DATE_EPOCH"
YOUNG_PEOPLE = "young-people"  # pages for this audience get no edit link or data-file footer


def commit_epoch(root: Path) -> str | None:
    """The last commit's time (seconds since 1970) in ``root``, or None outside git."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    value = out.stdout.strip()
    return value if out.returncode == 0 and value.isdigit() else None


def edit_root(edit_uri: str, docs: str) -> str:
    """The web-editor address of the repository's top folder, from ``edit_uri`` (ends docs/)."""
    suffix = docs.strip("/") + "/"
    if not edit_uri.endswith("/" + suffix):
        raise Abort(
            f"mkdocs.yml: edit_uri ({edit_uri}) must end with /{suffix}, the folder "
            "of the hand-written pages, e.g. "
            f"https://github.com/OWNER/REPOSITORY/edit/main/{suffix}"
        )
    return edit_uri[: -len(suffix)]


def edit_footer(edit_url: str | None, source: str | None, root: str) -> str:
    """The Markdown added at the foot of a page ("" when there is nothing to link to)."""
    if source:
        return (
            f"This page is made from the data file [{source}]({root}{source}).\n"
            "To change what it says, edit that file.\n{: .edit-link }"
        )
    if edit_url:
        return f"[Edit this page]({edit_url})\n{{: .edit-link }}"
    return ""


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config, **kwargs) -> None:
    if not os.environ.get(EPOCH):
        epoch = commit_epoch(_root(config))
        if epoch:
            os.environ[EPOCH] = epoch


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    if not config.edit_uri or page.meta.get("audience") == YOUNG_PEOPLE:
        return markdown  # young people's pages are for reading, not editing: no developer footer
    source = page.meta.get("source") if page.file.generated_by else None
    footer = edit_footer(page.edit_url, source, _edit_root(config))
    return markdown.rstrip() + "\n\n" + footer + "\n" if footer else markdown


_EDIT_ROOTS: dict[tuple[str, str, str], str] = {}


def _edit_root(config) -> str:
    """:func:`edit_root` for this configuration, worked out once (not for each of 1,500
    pages: resolving folders asks the operating system every time)."""
    key = (config.edit_uri, config.docs_dir, config.config_file_path)
    if key not in _EDIT_ROOTS:
        docs = Path(config.docs_dir).resolve().relative_to(_root(config)).as_posix()
        _EDIT_ROOTS[key] = edit_root(config.edit_uri, docs)
    return _EDIT_ROOTS[key]


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


def on_post_build(config, **kwargs) -> None:
    (Path(config.site_dir) / "robots.txt").write_text(
        robots_txt(config.site_url), encoding="utf-8", newline="\n"
    )
