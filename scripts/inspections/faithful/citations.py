"""Read a finding's ``ref`` ("paragraph 7", "paragraphs 12 to 14", "What needs to improve?")
and check every paragraph and heading it names is in the report it cites.

Paragraph numbers come from the importer's parsing of the report
(:func:`inspections.importer.structure.parse`), so the check and the importer agree.

Example::

    >>> cited_numbers("paragraphs 12 to 14 and paragraph 20")
    [12, 13, 14, 20]
    >>> cited_numbers("paragraphs 7, 8 and 9")
    [7, 8, 9]
    >>> leftover("What needs to improve? and paragraph 34")
    'What needs to improve'
    >>> bool(_OPENING.match(leftover("the summary at the start of the report")))
    True
"""

from __future__ import annotations

import re

from inspections.importer.structure import Paragraph, Structure

_PARAS = re.compile(
    r"\b(?:paragraphs?|paras?\.?)\s+(\d{1,3}(?:\s*(?:,|and|to|-|–)\s*\d{1,3})*)", re.IGNORECASE
)
_PART = re.compile(r"(\d{1,3})(?:\s*(?:to|-|–)\s*(\d{1,3}))?")
_FILLER = re.compile(
    r"^(?:\W|and|the|see|also|plus|under|in|of)+|(?:\W|and|the|see|also|plus)+$", re.IGNORECASE
)
MAX_RANGE = 40  # "paragraphs 12 to 140" is a typing slip, not a citation
# Ofsted's reports open with unnumbered paragraphs (after the table of judgements, before the
# first heading); a ref names them as "the summary at the start of the report".
_OPENING = re.compile(r"^(?:the )?summary at the start(?: of the report)?$", re.IGNORECASE)


def cited_numbers(ref: str) -> list[int]:
    """The paragraph numbers a ref names, ranges written out, in order."""
    out: list[int] = []
    for m in _PARAS.finditer(ref):
        for part in _PART.finditer(m.group(1)):
            first = int(part.group(1))
            last = int(part.group(2)) if part.group(2) else first
            if first <= last <= first + MAX_RANGE:
                out.extend(range(first, last + 1))
            else:
                out.extend([first, last])
    return out


def leftover(ref: str) -> str:
    """What a ref says besides paragraph numbers (a heading, perhaps)."""
    rest = _PARAS.sub(" ", ref)
    rest = " ".join(rest.split())
    while True:
        trimmed = _FILLER.sub("", rest).strip()
        if trimmed == rest:
            break
        rest = trimmed
    return rest


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def headings(doc: Structure) -> list[str]:
    """The report's headings, as a ref may name them."""
    found = [s.heading for s in doc.sections]
    if doc.improvements_heading:
        found.append(doc.improvements_heading)
    return found


def names_heading(doc: Structure, text: str) -> bool:
    """Whether ``text`` is (or contains) one of the report's headings."""
    wanted = _plain(text)
    return bool(wanted) and any(
        h and (_plain(h) in wanted or wanted in _plain(h)) for h in headings(doc)
    )


def numbered(doc: Structure) -> dict[int, list[Paragraph]]:
    """The report's paragraphs by number (a number split over a page may have two parts)."""
    out: dict[int, list[Paragraph]] = {}
    for p in doc.paragraphs:
        if p.number is not None:
            out.setdefault(p.number, []).append(p)
    return out


def missing(doc: Structure, ref: str) -> tuple[list[int], str | None]:
    """Paragraph numbers the ref names that the report does not have, and a heading-like part
    of the ref that is not a heading of the report (None when all is found)."""
    have = numbered(doc)
    numbers = cited_numbers(ref)
    absent = [n for n in dict.fromkeys(numbers) if n not in have]
    rest = leftover(ref)
    unknown = None
    if not numbers and not names_heading(doc, rest) and not _OPENING.match(rest):
        unknown = rest or ref
    return absent, unknown
