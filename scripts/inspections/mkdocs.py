"""Hand the generated pages to MkDocs as virtual files, never writing into ``docs/``.

- ``on_config`` loads and checks the data; any problem stops the build before MkDocs cleans or
  writes anything, with every problem listed as ``file:line:col``.
- ``on_files`` adds each page with ``File.generated`` (MkDocs 1.6). A hand-written file in
  ``docs/`` at the same path is never replaced: the build stops and says so.
- ``on_serve`` watches ``data/`` and the templates, so ``make preview`` rebuilds on any change.
  Every rebuild renders from scratch, so a stale generated page cannot survive.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from inspections.opendata import static_files
from inspections.pages import build_pages
from inspections.problems import DataError
from inspections.render import TEMPLATES
from inspections.site import Site, load_site

log = logging.getLogger("mkdocs.inspections")
_state: dict[str, object] = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config, **kwargs):
    try:
        site: Site = load_site(_root(config))
    except DataError as exc:
        raise Abort("The data has problems, so the site was not built:\n\n" + exc.report()) from None
    _state["site"] = site
    _state["pages"] = build_pages(site)
    _check_plain_language(site, _state["pages"], _root(config))
    return config


def _check_plain_language(site: Site, pages: dict, root: Path) -> None:
    """Plain-language rules (data/rules/plain-language.yaml): an error stops the build.

    The report goes to build/plain-language-report.md, outside site/, so it is never published.
    """
    from inspections.check import RULES_FILE, check_pages, load_rules
    from inspections.check.report import render

    try:
        rules = load_rules(root / RULES_FILE, RULES_FILE.as_posix())
    except DataError as exc:
        raise Abort("The plain-language rules file has problems:\n\n" + exc.report()) from None
    result = check_pages(site, pages, root, rules)
    report = root / "build" / "plain-language-report.md"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(render(result, rules), encoding="utf-8")
    for finding in result.warnings:
        log.info("%s", finding)  # info, not warning: --strict would stop on a warning
    if result.errors:
        raise Abort("Some words are not plain enough, so the site was not built:\n\n"
                    + "\n".join(str(f) for f in result.errors)
                    + f"\n\nThe full report is in {report.relative_to(root)}.")


def on_files(files: Files, config, **kwargs) -> Files:
    clashes = []
    for path, page in _state["pages"].items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            clashes.append(f"docs/{path}: this hand-written page has the same address as a "
                           f"generated page ({page.title}). Rename or move the hand-written file.")
            continue
        files.append(File.generated(config, path, content=page.markdown))
    if clashes:
        raise Abort("\n".join(clashes))
    for path, content in static_files(_state["site"], config.site_url).items():
        files.append(File.generated(config, path, content=content))  # open data and the feed
    return files


def on_page_context(context, page, config, nav, **kwargs):
    generated = _state.get("pages", {}).get(page.file.src_uri)
    context["audience"] = (generated.audience if generated
                           else page.meta.get("audience", "everyone"))
    return context


def on_serve(server, config, builder, **kwargs):
    root = _root(config)
    server.watch(str(root / "data"))
    server.watch(str(TEMPLATES))
    return server
