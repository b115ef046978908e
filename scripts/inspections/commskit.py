"""The comms kit: every council's badge and the site's share card, made on every build.

:func:`files` gives them by their path in the built site, for :func:`inspections.opendata.
static_files` to publish with the open data:

- ``badges/<area>.svg``, one per council (:mod:`inspections.badges`);
- ``assets/images/share-card.png``, the picture link previews show (:mod:`inspections.sharecard`).

Their words are data, in one place that comms teams can change: ``extra.comms_kit`` in
mkdocs.yml. The theme reads the same ``share`` words for every page's Open Graph and Twitter
tags (scripts/theme/partials/share.html), so a preview shows the same neutral text whichever
page was shared::

    extra:
      comms_kit:
        share: {title: ..., description: ..., image_alt: ...}
        badge: {dated: "Ofsted inspection, {dates}", published: ..., undated: ..., no_grades: ...}

Every problem with those words is reported at once, as ``mkdocs.yml:line:col: what. Fix.``

Example::

    >>> sorted(files(load_site(Path(".")), Path(".")))[:1]   # doctest: +SKIP
    ['assets/images/share-card.png']
"""

from __future__ import annotations

from pathlib import Path
from string import Formatter
from typing import Any

from ruamel.yaml import YAML

from inspections import badges, sharecard
from inspections.problems import DataError, Problem
from inspections.site import Site

CONFIG = "mkdocs.yml"
CARD = "assets/images/share-card.png"
WORDS = {
    "share": {
        "title": "the title every page shares",
        "description": "one neutral sentence about the site",
        "image_alt": "what the share card says, for people who cannot see it",
    },
    "badge": {
        "dated": "the line with the inspection's dates, with {dates} where they go",
        "published": "the line for an inspection whose dates nobody recorded, with {date} "
        "where the day its report came out goes",
        "undated": "the line for an inspection with no date at all",
        "no_grades": "what the badge of a council with no graded inspection says",
    },
}
# The {name} each line must say, with an example for the fix.
PLACES = {
    ("badge", "dated"): ("dates", "Ofsted inspection, {dates}"),
    ("badge", "published"): ("date", "Ofsted report published {date}"),
}


def words(root: Path) -> dict[str, dict[str, str]]:
    """``extra.comms_kit`` from ``root/mkdocs.yml``, checked; DataError lists every problem."""
    path = Path(root) / CONFIG
    config = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    extra = _get(config, "extra")
    kit = _get(extra, "comms_kit")
    problems: list[Problem] = []
    found: dict[str, dict[str, str]] = {}
    if kit is None:
        where = _at(extra, None) if extra is not None else (1, 1)
        raise DataError([Problem(CONFIG, *where, "extra.comms_kit is missing", _example())])
    for group, keys in WORDS.items():
        section = _get(kit, group)
        found[group] = {}
        for key, about in keys.items():
            value = _get(section, key)
            place = _at(section, key) if value is not None else _at(kit, group)
            if not isinstance(value, str) or not value.strip():
                problems.append(
                    Problem(
                        CONFIG,
                        *place,
                        f"extra.comms_kit.{group}.{key} is missing or empty",
                        f"Write {about} there",
                    )
                )
                continue
            found[group][key] = " ".join(value.split())
    for (group, key), (name, example) in PLACES.items():
        text = found[group].get(key)
        if text is not None and _fields(text) != {name}:
            problems.append(
                Problem(
                    CONFIG,
                    *_at(_get(kit, group), key),
                    f"extra.comms_kit.{group}.{key} must say {{{name}}} once, and no other "
                    "{word}",
                    f'Write it like "{example}"',
                )
            )
    for group, keys in found.items():  # the others are shown as they are: no {word}
        for key, text in keys.items():
            if (group, key) not in PLACES and ("{" in text or "}" in text):
                problems.append(
                    Problem(
                        CONFIG,
                        *_at(_get(kit, group), key),
                        f"extra.comms_kit.{group}.{key} has {{ or }} in it",
                        "Take them out: only the dates lines fill in a {word}",
                    )
                )
    if problems:
        raise DataError(problems)
    return found


def _fields(text: str) -> set[str] | None:
    """The one ``{name}`` in ``text`` (None if braces do not pair up, or not exactly one)."""
    try:
        names = [name for _, name, _, _ in Formatter().parse(text) if name is not None]
    except ValueError:
        return None
    return set(names) if len(names) == 1 else None


def _get(mapping: Any, key: str) -> Any:
    return mapping.get(key) if isinstance(mapping, dict) else None


def _at(mapping: Any, key: str | None) -> tuple[int, int]:
    """Line and column (from 1) of ``key`` in a ruamel mapping, else of the mapping itself."""
    try:
        line, col = mapping.lc.key(key) if key is not None else (mapping.lc.line, mapping.lc.col)
    except (AttributeError, KeyError, TypeError):
        return (1, 1)
    return (line + 1, col + 1)


def _example() -> str:
    return (
        "Add under extra: comms_kit: with share: (title, description, image_alt) and "
        "badge: (dated, published, undated, no_grades), as in the project's mkdocs.yml"
    )


def files(site: Site, root: Path | None = None) -> dict[str, bytes]:
    """Every badge and the share card, by path in the built site (words from ``root``'s
    mkdocs.yml, the site's own folder unless given)."""
    said = words(root if root is not None else site.root)
    out = {path: text.encode("utf-8") for path, text in badges.files(site, said["badge"]).items()}
    out[CARD] = sharecard.card(said["share"]["title"], said["share"]["description"])
    return out
