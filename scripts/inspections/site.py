"""Load every data file, check it, and hold the result as one :class:`Site`.

``load_site`` either returns a fully checked site or raises :class:`DataError` listing every
problem in every file, so nothing is ever built from half-checked data.

Example::

    >>> site = load_site(Path("."))                    # doctest: +SKIP
    >>> site.inspections["derby/2022-03-ilacs"].model.judgements["overall-effectiveness"]  # doctest: +SKIP
    'outstanding'
"""

from __future__ import annotations

import os
from pathlib import Path

from inspections import embargo, safety, validate
from inspections.crosscheck import cross_check
from inspections.load import NOT_THERE, Document, Folders, load_bytes, read_in
from inspections.models import Strict
from inspections.problems import DataError, Problem
from inspections.sitedata import UNKNOWN, Entry, Site, sort_key

__all__ = ["UNKNOWN", "Entry", "Site", "cross_check", "data_files", "load_site", "sort_key"]


def data_files(root: Path) -> dict[str, list[Path]]:
    """The data files under ``root/data`` by kind, in a stable order."""
    files: dict[str, list[Path]] = {kind: [] for kind in KINDS}
    for kind, folder, names in _listing(root):
        files[kind] += [folder / name for name in names]
    return files


KINDS = ("area", "framework", "inspection", "glossary", "helplines")


def _listing(root: Path) -> list[tuple[str, Path, list[str]]]:
    """``(kind, folder, file names)`` for every data file, in :func:`data_files`' order.

    What ``sorted(folder.glob("*.yaml"))`` and ``glob("*/*.yaml")`` give (hidden files
    included, folders reached through links followed), read with ``os.scandir``: pathlib's
    glob builds and sorts a path object per file, which costs more than reading the files.
    """
    data = root / "data"
    found = [
        ("area", data / "areas", _yaml_names(data / "areas")),
        ("framework", data / "frameworks", _yaml_names(data / "frameworks")),
    ]
    inspections = data / "inspections"
    for name in _entries(inspections, folders_only=True):
        folder = inspections / name
        found.append(("inspection", folder, _yaml_names(folder)))
    for kind in ("glossary", "helplines"):
        if (data / f"{kind}.yaml").exists():
            found.append((kind, data, [f"{kind}.yaml"]))
    return found


def _yaml_names(folder: Path) -> list[str]:
    return [name for name in _entries(folder) if name.endswith(".yaml")]


def _entries(folder: Path, *, folders_only: bool = False) -> list[str]:
    """The sorted names in ``folder`` (only those that are folders, following links, when
    ``folders_only``); none if it is not a folder or cannot be read, as pathlib's glob."""
    if not os.path.isdir(folder):
        return []
    try:
        with os.scandir(folder) as entries:
            listed = list(entries)
    except PermissionError:
        return []
    names = []
    for entry in listed:
        if folders_only:
            try:
                if not entry.is_dir():
                    continue
            except OSError as exc:
                if exc.errno not in NOT_THERE:
                    raise
                continue
        names.append(entry.name)
    return sorted(names)


FileResult = tuple[bytes, Document | None, Strict | None, list[Problem]]


def load_site(
    root: Path,
    seeds: Path | None = None,
    *,
    cache: dict[tuple[str, str], FileResult] | None = None,
    keep_embargoed: bool = False,
) -> Site:
    """Load and check every data file under ``root``; raise DataError with all problems.

    Inspections under embargo are checked, then left out (see :mod:`inspections.embargo`)
    unless ``keep_embargoed`` (for ``validate`` and ``check``, never for what is published).

    ``cache`` (used by ``make preview``, which rebuilds after every edit) keeps what each file
    gave, by its exact bytes: a file whose bytes are unchanged is not parsed and checked
    again, and gives the same Document and model objects as before (so callers can tell
    changed files by identity). The checks on the file itself (not a link, inside data/, an
    ordinary file, not too large) and every check across files still run every time.
    """
    root = Path(root)
    seeds = seeds if seeds is not None else root.parent / "shared" / "seeds"
    site = Site(root)
    problems: list[Problem] = []
    folders = Folders()  # each folder resolved once in this loading
    inside = root / "data"
    seen: set[tuple[str, str]] = set()
    listing = _listing(root)
    for kind, folder, names in listing:
        where = _FOLDERS.get(kind)
        if where is None:  # an inspection: data/inspections/<area>/
            where = f"data/inspections/{folder.name}/"
        for filename in names:
            rel = where + filename
            key = _key(kind, folder, filename)
            try:
                raw = read_in(folder, filename, rel, inside=inside, folders=folders)
            except DataError as exc:
                problems.extend(exc.problems)
                site.broken.add(f"{kind}:{key}")
                continue
            seen.add((kind, rel))
            cached = cache.get((kind, rel)) if cache is not None else None
            if cached is not None and cached[0] == raw:
                _, doc, model, found = cached
            else:
                doc, model, found = _check_file(raw, rel, kind)
                if cache is not None:
                    cache[(kind, rel)] = (raw, doc, model, found)
            problems.extend(found)
            if doc is None or model is None:
                site.broken.add(f"{kind}:{key}")
                continue
            if kind == "area":
                site.areas[key] = Entry(key, model, doc)
            elif kind == "framework":
                site.frameworks[key] = Entry(key, model, doc)
            elif kind == "inspection":
                site.inspections[key] = Entry(key, model, doc)
            elif kind == "helplines":
                site.helplines = Entry(key, model, doc)
            else:
                site.glossary = Entry(key, model, doc)
    if cache is not None:
        for gone in [k for k in cache if k not in seen]:
            del cache[gone]
    if not any(kind == "glossary" for kind, _, _ in listing):
        problems.append(
            Problem(
                "data/glossary.yaml",
                1,
                1,
                "The glossary file is missing",
                "Restore data/glossary.yaml from the project",
            )
        )
    problems.extend(cross_check(site, seeds))
    if problems:
        raise DataError(problems)
    return site if keep_embargoed else embargo.published(site, embargo.now())


# Where each kind's files are, as shown in messages (inspections are one folder deeper).
_FOLDERS = {
    "area": "data/areas/",
    "framework": "data/frameworks/",
    "glossary": "data/",
    "helplines": "data/",
}


def _check_file(
    raw: bytes, rel: str, kind: str
) -> tuple[Document | None, Strict | None, list[Problem]]:
    """What one file gives on its own: its document and model, or its problems."""
    try:
        doc = load_bytes(raw, rel)
    except DataError as exc:
        return None, None, list(exc.problems)
    model, found = validate.check_model(doc, kind)
    found = [*found, *safety.check_text(doc), *validate.check_placeholders(doc)]
    return doc, model, found


def _key(kind: str, folder: Path, filename: str) -> str:
    """``derby``, ``derby/2022-03-ilacs``, ``glossary``: what a file is known by."""
    if kind in ("glossary", "helplines"):
        return kind
    # The name without `.yaml`, as Path.stem gives it (`.yaml` alone keeps its name).
    stem = filename[:-5] if len(filename) > 5 else filename
    return f"{folder.name}/{stem}" if kind == "inspection" else stem


# ---------------------------------------------------------------------------- cross-checks
