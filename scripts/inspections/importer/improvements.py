"""The report's list of areas for improvement (or recommendations), item by item.

Why a pass of its own: the list takes many shapes. ILACS reports (2018 on) give bullets
under "What needs to improve?", then the first judgement heading and numbered paragraphs
that are not items. Single inspection framework reports of 2014-15 split one list over
"Priority and immediate action" and "Areas for improvement", with themed sub-headings and
paragraph numbers running on; later ones use "Recommendations". The 2013 looked after
children inspections give a lead-in paragraph, then bullets under "Immediately:" and
"Within three months:". The list ends at the next section's heading, never running into
its paragraphs. Sub-bullets under an item ending with a colon belong to that item.

Example::

    >>> blocks = [["What needs to improve?"], ["• Better plans."], ["• Faster help."],
    ...           ["The experiences of children: good"], ["1. Most children are safe."]]
    >>> improvement_list(blocks)
    ('What needs to improve?', ['Better plans.', 'Faster help.'])
"""

from __future__ import annotations

import re

from inspections.importer.text import BULLET, join_lines

START = re.compile(
    r"^(?!.*\s\d{1,3}$)(what needs to improve|what does the local authority need to improve"
    r"|priority and immediate action|areas? for (priority )?(improvement|action)"
    r"|recommendations?\b)",
    re.IGNORECASE,
)
# Headings that open a list made of several parts (SIF 2014-15, 2013 looked after children).
_PARTS = re.compile(
    r"^(what does the local authority need to improve|priority and immediate action"
    r"|areas for improvement)",
    re.IGNORECASE,
)
STOP = re.compile(
    r"^(summary for children and young people|information about this (inspection|local)"
    r"|the local authority.s strengths|the local authority has the following strengths"
    r"|inspection findings|key strengths and weaknesses"
    r"|the lscb.s strengths|inspection judgement|outcomes for looked after children"
    r"|the experiences and progress of|the impact of leaders|overall effectiveness"
    r"|summary of findings|executive summary|progress since the last inspection"
    r"|the local authority$|the effectiveness of|what the inspection judgements mean"
    r"|contents$|section \d)",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$", re.DOTALL)
_LONE_NUMBER = re.compile(r"^\d{1,3}\.$")
_NOTHING = re.compile(r"^there (are|were) no (areas|recommendations)", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"should take the following action|the following (areas|actions)", re.IGNORECASE
)
_SUB = re.compile(r"^[-–—−]\s|^\(?[a-z]\)\s|^[ivx]+\)\s")


def _heading(block: list[str]) -> bool:
    text = " ".join(block)
    return (
        len(block) <= 3
        and len(text.split()) <= 14
        and not text.startswith(BULLET)
        and not _NUMBERED.match(text)
        and not text.endswith((".", ";", ","))
    )


def improvement_list(blocks: list[list[str]]) -> tuple[str | None, list[str]]:
    """The list's heading and its items, in Ofsted's words; (None, []) when there is none."""
    for start, block in enumerate(blocks):
        first = re.sub(r"\d+$", "", block[0]).strip()  # a footnote mark on the heading
        if len(block) == 1 and START.match(block[0]) and _heading(block):
            items = _items(blocks[start + 1 :], bool(_PARTS.match(first)))
            if items:
                return first, items
    return None, []


def _items(blocks: list[list[str]], parts: bool) -> list[str]:
    items: list[str] = []
    bullets = False
    pending = False  # a paragraph number read alone: the next block is its text
    for block in blocks:
        text = join_lines(block)
        if items and not pending and (_SUB.match(text) or text.startswith("(")):
            # A sub-point or a bracketed note ("(Outcome 4, National Framework)") set apart
            # from its item by the page layout: short, so it would read as a heading.
            items[-1] += f" {text}"
            continue
        if _heading(block) and not pending:
            if STOP.match(text) or (items and not parts):
                break
            continue  # a part or theme heading inside the list
        if STOP.match(block[0]) and not pending:
            break  # a heading run into its first paragraph (no gap in the PDF)
        if _LONE_NUMBER.match(text):
            pending = True
            continue
        if text.startswith(BULLET):
            item = text[len(BULLET) :].strip()
            if items and (items[-1].endswith(":") or _SUB.match(item)) and not bullets:
                items[-1] += f" {item}"  # sub-bullets of a numbered item ending "by:"
            else:
                items.append(item)
                bullets = True
            continue
        m = _NUMBERED.match(text)
        if m or pending:
            if bullets and not parts:
                break  # the next section's numbered paragraphs
            body = m.group(2) if m else text
            pending = False
            if _NOTHING.match(body) or _LEAD_IN.search(body):
                continue
            items.append(body)
            continue
        if items and (text[:1].islower() or _SUB.match(text) or items[-1].endswith(":")):
            items[-1] += f" {text}"  # a page break inside an item, or its sub-points
        elif not parts and not bullets and not _LEAD_IN.search(text):
            items.append(text)  # bullets lost in extraction: one item a paragraph
    return items
