"""Each plain point of an inspection file beside the words of the paragraphs it cites, so a
comms officer can check it says what the report says, no more and no less.

Two columns when the terminal is wide enough (our words on the left, the report's on the
right), one after the other when it is not. Paragraphs come from the importer's parsing of the
report, as the citation check reads them.

Example::

    >>> print(columns("Our words here.", "The report's words.", 44))
    Our words here.      | The report's words.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from pathlib import Path

from inspections.audiences import READERS
from inspections.faithful.check import Cited, cited_documents, load_docs
from inspections.faithful.citations import cited_numbers, leftover, numbered
from inspections.faithful.plain import Plain, plain_texts
from inspections.faithful.sources import Library
from inspections.importer.text import normalise
from inspections.load import Document
from inspections.problems import DataError

TWO_COLUMNS = 100  # narrower than this, the report's words go under ours
LABELS = {
    "topic": "What the visit looked at",
    "summary": "Summary",
    "going_well": "What is going well",
    "must_improve": "What must get better",
    "next_steps": "What happens next",
    "how_inspected": "How inspectors found out",
}
AUDIENCE = {a.field: a.label for a in READERS}


def columns(left: str, right: str, width: int) -> str:
    """Two texts wrapped side by side, separated by ``|`` (blank lines keep paragraphs)."""
    half = (width - 3) // 2
    a, b = _wrap(left, half), _wrap(right, half)
    rows = max(len(a), len(b))
    a += [""] * (rows - len(a))
    b += [""] * (rows - len(b))
    return "\n".join(f"{x:<{half}} | {y}".rstrip() for x, y in zip(a, b, strict=True))


def _wrap(text: str, width: int) -> list[str]:
    out: list[str] = []
    for i, para in enumerate(text.split("\n\n")):
        if i:
            out.append("")
        out += textwrap.wrap(para, width) or [""]
    return out


def plain_words(text: str) -> str:
    """Our text as a reader sees it: glossary links as their words, on one line."""
    return " ".join(_LINK.sub(r"\1", text).split())


_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def cited_text(source: Cited | None, ref: str | None, library: Library) -> list[tuple[str, str]]:
    """(label, words) for each paragraph or heading ``ref`` names in the report."""
    if source is None or not ref:
        return []
    if not source.report:
        found = quoted_passages(library.text(source.path), ref)
        if found:
            return [(f'Where it says "{q}"', text) for q, text in found]
        return [
            (source.title, f"Not a report with numbered paragraphs: open {source.path} to check.")
        ]
    doc = library.structure(source.path)
    paragraphs = numbered(doc)
    out = []
    for n in dict.fromkeys(cited_numbers(ref)):
        found = paragraphs.get(n)
        text = " ".join(p.text for p in found) if found else "NOT IN THE REPORT"
        out.append((f"Paragraph {n}", text))
    rest = leftover(ref).casefold()
    if doc.improvements and rest and ("improve" in rest or "recommend" in rest):
        out.append(
            (
                doc.improvements_heading or "What needs to improve?",
                " ".join(f"({i}) {item}" for i, item in enumerate(doc.improvements, 1)),
            )
        )
    return out


_QUOTED = re.compile(r'"([^"]{4,})"|“([^”]{4,})”')


def quoted_passages(text: str, ref: str) -> list[tuple[str, str]]:
    """For a ref that quotes its source ("the quote that begins \"Leaders in Derbyshire\""):
    each quoted phrase and the paragraph of the source that holds it.

    >>> quoted_passages("Intro.\\n\\nLeaders in Derbyshire work\\nhard.\\n", 'begins "Leaders in"')
    [('Leaders in', 'Leaders in Derbyshire work hard.')]
    """
    paragraphs = [" ".join(p.split()) for p in normalise(text).split("\n\n") if p.strip()]
    out = []
    for m in _QUOTED.finditer(ref):
        quote = " ".join((m.group(1) or m.group(2)).split())
        hit = next((p for p in paragraphs if quote.casefold() in p.casefold()), None)
        if hit:
            out.append((quote, hit))
    return out


def review(doc: Document, library: Library, width: int = 120) -> Iterator[str]:
    """The review, a block of lines at a time: for each point, our words for each audience
    and the words of what it cites."""
    documents, problems = cited_documents(doc, library)
    by_key = {c.key: c for c in documents}
    for p in problems:
        yield textwrap.fill(f"Note: {p}", width)
    yield textwrap.fill(f"{doc.path}: each point beside the words it cites", width)
    groups: dict[tuple, list[Plain]] = {}
    for plain in plain_texts(doc.data):
        groups.setdefault(plain.loc[:-1], []).append(plain)
    for group, plains in groups.items():
        first = plains[0]
        line, _ = doc.text_start(first.loc)
        head = LABELS.get(str(group[0]), str(group[0]))
        if len(group) > 1:
            head += f", point {int(group[1]) + 1}"
        source = by_key.get(first.source) if first.source else None
        if first.source:
            title = source.title if source else first.source
            head += f" (line {line}) cites {title}" + (f", {first.ref}" if first.ref else "")
        else:
            head += f" (line {line}), no citation: check it against the whole report"
        ours = "\n\n".join(
            f"{AUDIENCE.get(p.audience, p.audience)}: {plain_words(p.text)}" for p in plains
        )
        theirs = "\n\n".join(
            f"[{label}] {text}" for label, text in cited_text(source, first.ref, library)
        )
        yield "\n" + "=" * min(width, 100)
        yield textwrap.fill(head, width)
        yield "-" * min(width, 100)
        if width >= TWO_COLUMNS and theirs:
            yield columns(ours, theirs, width)
        else:
            yield "\n".join(_wrap(ours, width))
            if theirs:
                yield textwrap.indent("\n".join(_wrap(theirs, width - 4)), "    ")


def load(path: Path, root: Path) -> Document:
    """The file, loaded with positions (raises DataError with the reason if it cannot be)."""
    docs, problems = load_docs(root, [path])
    if problems:
        raise DataError(problems)
    return docs[0]
