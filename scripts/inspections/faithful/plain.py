"""Every plain text of an inspection file, with where it is and what it cites.

These are the words we write ourselves, so they must not copy a report: the summary, what is
going well, what must improve, what happens next, how inspectors found out, and the topic.

Example::

    >>> data = {"summary": {"families": "A.", "young_people": "B."},
    ...         "going_well": [{"families": "C.", "source": "r", "ref": "paragraph 7"}]}
    >>> [(p.loc, p.text, p.ref) for p in plain_texts(data)]
    [(('summary', 'young_people'), 'B.', None), (('summary', 'families'), 'A.', None), (('going_well', 0, 'families'), 'C.', 'paragraph 7')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from inspections.audiences import READERS

AUDIENCES = tuple(a.field for a in READERS)  # data fields, young people's first
CITED_LISTS = ("going_well", "must_improve")
CITED_ONES = (
    "next_steps",
    "how_inspected",
    # in area files: what a report says about the council's own services
    "partnership",
    "children_in_care_council",
    "local_offer",
)
FIELDS = ("topic", "summary", "going_well", "must_improve", "next_steps", "how_inspected")


@dataclass(frozen=True)
class Plain:
    """One plain text: its place in the file, the words, and the source it cites (if any)."""

    loc: tuple[str | int, ...]
    text: str
    source: str | None = None
    ref: str | None = None

    @property
    def audience(self) -> str:
        return str(self.loc[-1])


def plain_texts(data: Any) -> Iterator[Plain]:
    """The plain texts of an inspection file's data, in the order of the page."""
    if not isinstance(data, dict):
        return
    for name in FIELDS:
        value = data.get(name)
        if name in CITED_LISTS:
            for i, item in enumerate(value if isinstance(value, list) else []):
                yield from _audiences(item, (name, i))
        else:
            yield from _audiences(value, (name,))


def _audiences(item: Any, loc: tuple[str | int, ...]) -> Iterator[Plain]:
    if not isinstance(item, dict):
        return
    source, ref = item.get("source"), item.get("ref")
    for audience in AUDIENCES:
        text = item.get(audience)
        if isinstance(text, str) and text.strip():
            yield Plain(
                (*loc, audience),
                text,
                source if isinstance(source, str) else None,
                ref if isinstance(ref, str) else None,
            )


def cited(data: Any) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """Every (place of the ref, source key, ref) in an inspection file's data."""
    if not isinstance(data, dict):
        return
    items: list[tuple[tuple[str | int, ...], Any]] = []
    for name in CITED_LISTS:
        value = data.get(name)
        items += [
            ((name, i), item) for i, item in enumerate(value if isinstance(value, list) else [])
        ]
    items += [((name,), data.get(name)) for name in CITED_ONES]
    items.append(((), {"source": data.get("judgements_source"), "ref": data.get("judgements_ref")}))
    for loc, item in items:
        if (
            isinstance(item, dict)
            and isinstance(item.get("source"), str)
            and isinstance(item.get("ref"), str)
        ):
            name = "judgements_ref" if loc == () else "ref"
            yield (*loc, name), item["source"], item["ref"]
