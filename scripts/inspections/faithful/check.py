"""The copy check and the citation check over inspection files, as :class:`Problem` lists.

Both read each cited document once per run (a :class:`~.sources.Library` remembers texts) and
nothing is written to disk. Problems point at ``file:line:col`` of the words or the ref.

Example::

    $ python -m inspections copies
    $ python -m inspections copies data/inspections/derby/2025-05-ilacs.yaml --report new.pdf
    $ python -m inspections citations
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspections.faithful.citations import missing, numbered
from inspections.faithful.copying import copied_runs
from inspections.faithful.plain import cited, plain_texts
from inspections.faithful.sources import Library
from inspections.importer import ImportRefused
from inspections.load import Document, load_file
from inspections.problems import DataError, Problem

COPY_FIX = "Put Ofsted's words in quotation marks or say it in your own words"
COPY_FIX_OTHER = "Put the source's words in quotation marks or say it in your own words"
REF_FORMS = (
    "Write it like `paragraph 7`, `paragraphs 7 and 8`, `paragraphs 12 to 14`, or "
    "name a heading of the report, such as `What needs to improve?`"
)


@dataclass(frozen=True)
class Cited:
    """A document an inspection file cites that we can read."""

    key: str
    title: str
    path: Path
    report: bool  # Ofsted's report (cited by paragraph), not a seed or press article


def inspection_files(root: Path, given: list[Path] | None = None) -> list[Path]:
    """The files to check: those given, or every inspection file in data/ and every area file
    (areas cite reports for their Children in Care Council and local offer)."""
    if given:
        return list(given)
    return sorted((root / "data" / "inspections").glob("*/*.yaml")) + sorted(
        (root / "data" / "areas").glob("*.yaml")
    )


def load_docs(root: Path, files: list[Path]) -> tuple[list[Document], list[Problem]]:
    """Each file loaded (positions kept); problems for files that cannot be read."""
    docs, problems = [], []
    for path in files:
        try:
            shown = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            shown = str(path)
        try:
            docs.append(load_file(path, shown))
        except DataError as exc:
            problems.extend(exc.problems)
    return docs, problems


def cited_documents(doc: Document, library: Library) -> tuple[list[Cited], list[Problem]]:
    """The documents ``doc`` cites that we can read, and problems for reports we cannot."""
    sources = doc.data.get("sources") if isinstance(doc.data, dict) else None
    found, problems = [], []
    for key, source in sources.items() if isinstance(sources, dict) else []:
        path = library.path_of(source)
        title = str(source.get("title") or key) if isinstance(source, dict) else str(key)
        report = library.is_report(source, str(key))
        if path is None:
            if report:
                problems.append(
                    doc.problem(
                        ("sources", key),
                        f"The report `{key}` is not in {library.reports}/index.csv, "
                        "so its words and paragraphs cannot be checked",
                        "Give the report's own address (`url:`, the `ofsted_url` column of "
                        "index.csv), or check the words with `python -m inspections copies FILE "
                        "--report PATH-TO-THE-PDF`",
                    )
                )
            continue
        try:
            library.text(path)
        except ImportRefused as exc:
            problems.append(doc.problem(("sources", key), str(exc)))
            continue
        found.append(Cited(str(key), title, path, report))
    return found, problems


def copy_problems(doc: Document, library: Library, extra: list[Path] = ()) -> list[Problem]:
    """Runs of 8+ words of our plain texts found unquoted in a document the file cites (or in
    an ``extra`` report, such as a new PDF not yet in ../shared)."""
    documents, problems = cited_documents(doc, library)
    for path in extra:
        documents.append(Cited(path.name, f"the report {path.name}", path, True))
    # A document cited under two keys (refresh adds `ofsted-report` beside an older key) is
    # compared once, so one copied run is one problem, not one per key.
    first: dict[Path, Cited] = {}
    for cited_doc in documents:
        first.setdefault(cited_doc.path, cited_doc)
    documents = list(first.values())
    for plain in plain_texts(doc.data):
        for source in documents:
            try:
                grams = library.grams(source.path)
            except ImportRefused as exc:
                problems.append(Problem(str(source.path), 1, 1, str(exc)))
                continue
            for run in copied_runs(plain.text, grams):
                line, col = _place(doc, plain.loc, plain.text, run.start)
                problems.append(
                    Problem(
                        doc.path,
                        line,
                        col,
                        f"{run.count} words in a row are the same as in {source.title}: "
                        f'"{run.text}"',
                        COPY_FIX if source.report else COPY_FIX_OTHER,
                    )
                )
    return problems


def citation_problems(doc: Document, library: Library) -> list[Problem]:
    """Refs to a report naming a paragraph or heading that is not in it."""
    documents, problems = cited_documents(doc, library)
    reports = {c.key: c for c in documents if c.report}
    for loc, key, ref in cited(doc.data):
        source = reports.get(key)
        if source is None:
            continue
        structure = library.structure(source.path)
        absent, unknown = missing(structure, ref)
        have = sorted(numbered(structure))
        span = f" (its paragraphs run from {have[0]} to {have[-1]})" if have else ""
        for n in absent:
            problems.append(
                doc.problem(
                    loc,
                    f"`{ref}` cites paragraph {n}, but {source.title} has no paragraph {n}{span}",
                    f"Check the number in the report ({source.path}) and correct the reference",
                )
            )
        if unknown is not None and loc[-1] != "judgements_ref":
            problems.append(
                doc.problem(
                    loc,
                    f"`{ref}` does not say which paragraph of {source.title} it means",
                    REF_FORMS,
                )
            )
    return problems


def _sources(doc: Document) -> list[Any]:
    sources = doc.data.get("sources") if isinstance(doc.data, dict) else None
    return list(sources.values()) if isinstance(sources, dict) else []


def _place(doc: Document, loc: tuple[Any, ...], text: str, start: int) -> tuple[int, int]:
    """Where the copied words start in the file: the line of the block they are on."""
    before = text[:start]
    probe = text[start:].split("\n")[0]
    probe = " ".join(probe.split()[:3])
    if loc in doc.blocks and doc.lines:  # a | block: one file line for each line of text
        first, _ = doc.text_start(loc)
        row = before.count("\n")
        line = first + row
        if line <= len(doc.lines):
            text_line = doc.lines[line - 1]
            indent = len(text_line) - len(text_line.lstrip())
            return (line, indent + 1 + len(before.split("\n")[-1]))
    return doc.locate(loc, probe)


def run_checks(
    root: Path,
    files: list[Path] | None,
    *,
    copies: bool,
    citations: bool,
    shared: Path | None = None,
    extra: list[Path] = (),
    library: Library | None = None,
) -> Iterator[Problem]:
    """Every problem the chosen checks find in the files (or every inspection file).
    A ``library`` passed in keeps the texts it has read for the next run (tests share one)."""
    library = library or Library.beside(root, shared)
    docs, problems = load_docs(root, inspection_files(root, files))
    yield from problems
    wanted = [library.path_of(s) for d in docs for s in _sources(d)]
    library.prefetch([p for p in wanted if p is not None] + list(extra))
    for doc in docs:
        if copies:
            yield from copy_problems(doc, library, list(extra))
        if citations:
            yield from citation_problems(doc, library)
