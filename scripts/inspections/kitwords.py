"""The comms kit's words: ``data/wording/comms-kit.yaml``, read and checked.

Comms teams change them like the other words on the site (``data/wording/held-report.yaml``).
``share`` is what a link preview shows for every page; ``badge`` is the words on each
council's badge, around the facts the data gives::

    share: {title: ..., description: ..., image_alt: ...}
    badge: {dated: "Ofsted inspection, {dates}", published: ..., undated: ..., no_grades: ...}

Every problem is reported at once, as ``data/wording/comms-kit.yaml:line:col: what. Fix.``:
:func:`check` runs when the site is loaded (so ``validate`` and ``check`` find them), and
:func:`words` when the kit is made. This module reads no other data, so the loader can use it.

Example::

    >>> said = words(Path("."))                       # doctest: +SKIP
    >>> said["badge"]["dated"].format(dates="19 to 23 May 2025")  # doctest: +SKIP
    'Ofsted inspection, 19 to 23 May 2025'
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from string import Formatter
from typing import TYPE_CHECKING

from inspections.load import Document, load_file
from inspections.problems import DataError, Problem, did_you_mean, one_of

if TYPE_CHECKING:  # only for type hints: the loader (crosscheck.py) imports this module
    from inspections.sitedata import Site

WORDING = "data/wording/comms-kit.yaml"
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
Words = dict[str, dict[str, str]]


def words(root: Path) -> Words:
    """The words from ``root``'s wording file, checked; DataError lists every problem."""
    found, problems = load(root)
    if problems or found is None:
        raise DataError(problems)
    return found


def check(site: Site) -> Iterator[Problem]:
    """The wording file's problems, when it is there (the kit itself says if it is missing,
    so a project that never makes the kit needs no file)."""
    if (site.root / WORDING).is_file():
        yield from load(site.root)[1]


def load(root: Path) -> tuple[Words | None, list[Problem]]:
    """The words (one space between words), and every problem with them."""
    path = Path(root) / WORDING
    if not path.is_file():
        return None, [Problem(WORDING, 1, 1, "The file is missing", _example())]
    try:
        doc = load_file(path, WORDING, inside=Path(root) / "data")
    except DataError as exc:
        return None, list(exc.problems)
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), "The file has no words in it", _example())]
    found: Words = {}
    problems = list(_unknown(doc))
    for group, keys in WORDS.items():
        found[group] = {}
        section = doc.data.get(group)
        for key, about in keys.items():
            value = section.get(key) if isinstance(section, dict) else None
            if not isinstance(value, str) or not value.strip():
                problems.append(
                    doc.problem((group, key), f"{group}.{key} is missing or empty", _write(about))
                )
                continue
            found[group][key] = " ".join(value.split())
            problems += _braces(doc, group, key, found[group][key])
    return found, problems


def _write(about: str) -> str:
    return f"Write {about} there"


def _unknown(doc: Document) -> Iterator[Problem]:
    """Keys that are not one of the words (a typo would leave the real one missing)."""
    for group, section in doc.data.items():
        if group not in WORDS:
            yield doc.problem(
                (group,),
                f"`{group}` is not a part of the comms kit",
                did_you_mean(group, WORDS) or one_of(WORDS),
                key=True,
            )
        elif isinstance(section, dict):
            for key in section:
                if key not in WORDS[group]:
                    yield doc.problem(
                        (group, key),
                        f"`{key}` is not one of the {group} words",
                        did_you_mean(key, WORDS[group]) or one_of(WORDS[group]),
                        key=True,
                    )


def _braces(doc: Document, group: str, key: str, text: str) -> list[Problem]:
    """A dates line must say its ``{name}`` once; the others are shown as they are."""
    if (group, key) in PLACES:
        name, example = PLACES[(group, key)]
        if _fields(text) != {name}:
            return [
                doc.problem(
                    (group, key),
                    f"{group}.{key} must say {{{name}}} once, and no other {{word}}",
                    f'Write it like "{example}"',
                )
            ]
    elif "{" in text or "}" in text:
        return [
            doc.problem(
                (group, key),
                f"{group}.{key} has {{ or }} in it",
                "Take them out: only the dates lines fill in a {word}",
            )
        ]
    return []


def _fields(text: str) -> set[str] | None:
    """The one ``{name}`` in ``text`` (None if braces do not pair up, or not exactly one)."""
    try:
        names = [name for _, name, _, _ in Formatter().parse(text) if name is not None]
    except ValueError:
        return None
    return set(names) if len(names) == 1 else None


def _example() -> str:
    return (
        f"Restore {WORDING} from the project: share: (title, description, image_alt) and "
        "badge: (dated, published, undated, no_grades)"
    )
