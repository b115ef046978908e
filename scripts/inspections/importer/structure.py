"""Find a report's structure: headings, numbered paragraphs and the areas for improvement.

Ofsted numbers the paragraphs of its reports, and our findings cite them ("paragraph 7").
PDF extraction loses or scatters those numbers: ``1.`` on its own line before its text,
``17.`` to ``21.`` bunched before five paragraphs, or no number at all. We rebuild them:

- a number at the start of a paragraph is used as it is;
- numbers found on their own are given, in order, to the paragraphs that follow;
- a paragraph with no number, after numbering has started, gets the next number, marked
  ``inferred`` so the draft can say so.

Letters (focused and monitoring visits) do not number paragraphs; we count them, and say so.

Example::

    >>> doc = parse("Help and protection: good\\n\\n1.\\n\\nFirst.\\n\\nSecond.\\n\\n3. Third.\\n")
    >>> [(p.number, p.inferred, p.section[:4]) for p in doc.paragraphs]
    [(1, False, 'Help'), (2, True, 'Help'), (3, False, 'Help')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inspections.importer.improvements import improvement_list
from inspections.importer.text import BULLET, PAGE, clean, join_lines

OPENING = "Opening paragraphs"
_END = re.compile(
    r"^(The Office for Standards in Education|If you would like a copy of this "
    r"document|Yours sincerely|You may reuse this information|© Crown copyright)",
    re.IGNORECASE,
)
# A contents line ("Recommendations 7") is not the heading.
_IMPROVE = re.compile(
    r"^(?!.*\s\d{1,3}$)(what needs to improve|areas? for (priority )?"
    r"(improvement|action)|recommendations?\b|areas for priority action)",
    re.IGNORECASE,
)
_KNOWN_HEADINGS = re.compile(
    r"^(what needs to improve.*|headline findings|main findings|areas covered by the visit"
    r"|findings and evaluation of progress|summary of findings|executive summary"
    r"|areas for (priority )?(improvement|action)|recommendations|judgement grade"
    r"|overview|next steps)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"""[.?!:;)"']$""")
_LONE_NUMBER = re.compile(r"^(\d{1,3})\.$")
_LEADING_NUMBER = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")


@dataclass
class Paragraph:
    """One paragraph of the report's body."""

    text: str
    section: str
    number: int | None = None
    inferred: bool = False  # the number was worked out, not read
    counted: bool = False  # the report has no numbers; this is our count
    index: int = 0  # place in its section, for paragraphs with no number

    @property
    def ref(self) -> str:
        """How a finding cites this paragraph, e.g. ``paragraph 7``."""
        if self.number is None:
            if self.section == OPENING:
                return f"opening paragraph {self.index} (before paragraph 1)"
            return f"{self.section}, paragraph {self.index} (unnumbered)"
        return f"paragraph {self.number}"


@dataclass
class Section:
    """A heading and the paragraphs under it."""

    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # bullet points directly under the heading


@dataclass
class Structure:
    """What :func:`parse` finds."""

    front: list[str]  # blocks before the first paragraph (title, judgement table)
    sections: list[Section]
    improvements: list[str]
    improvements_heading: str | None
    numbered: bool  # True when the report numbers its paragraphs
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [p for s in self.sections for p in s.paragraphs]


# ---------------------------------------------------------------------------- blocks


def blocks(lines: list[str]) -> list[list[str]]:
    """Group cleaned lines into blocks (paragraphs, headings, bullets, lone numbers)."""
    out: list[list[str]] = []
    current: list[str] = []

    def close() -> None:
        nonlocal current
        if current:
            out.append(current)
        current = []

    def next_text(i: int) -> str:
        for line in lines[i + 1 :]:
            if line and line != PAGE:
                return line
        return ""

    for i, line in enumerate(lines):
        if line == PAGE or not line:
            if not current:
                continue
            last, nxt = current[-1], next_text(i)
            if _continues(last, nxt, current, page=line == PAGE):
                continue
            close()
            continue
        starts_new = (
            line.startswith(BULLET)
            or _LONE_NUMBER.match(line)
            or _LEADING_NUMBER.match(line)
            or (_KNOWN_HEADINGS.match(line) and current)
            or (current and _KNOWN_HEADINGS.match(current[-1]) and len(current) == 1)
            or (current and _LONE_NUMBER.match(current[-1]))
        )
        if starts_new:
            close()
        current.append(line)
    close()
    return out


def _continues(last: str, nxt: str, current: list[str], page: bool) -> bool:
    """Whether the block goes on after a blank line or page break."""
    if not nxt or _LONE_NUMBER.match(last) or _LONE_NUMBER.match(nxt):
        return False
    if nxt.startswith(BULLET) or _LEADING_NUMBER.match(nxt):
        return False
    if last.endswith("-") and last[-2:-1].isalpha() and nxt[:1].isalpha():
        return True  # a word split over a line break, page break or blank line
    if nxt[:1].islower() and not _SENTENCE_END.search(last):
        return True
    if page and not _SENTENCE_END.search(last) and len(current) > 1:
        return True  # a paragraph running over the page
    return False


# ---------------------------------------------------------------------------- parsing


def _is_heading(block: list[str]) -> bool:
    text = " ".join(block)
    if len(block) == 1 and _KNOWN_HEADINGS.match(text):
        return True
    if len(block) > 3 or len(text.split()) > 25 or not text[:1].isupper():
        return False
    if text.startswith(BULLET) or _LEADING_NUMBER.match(text) or _LONE_NUMBER.match(text):
        return False
    return not text.endswith((".", ",", ";"))


def _is_prose(block: list[str]) -> bool:
    text = join_lines(block)
    return len(text.split()) >= 12 and text.endswith((".", "!", "?", ":", '"', "'", ")"))


def parse(raw: str) -> Structure:
    """The structure of report text (raw, as extracted)."""
    return parse_lines(clean(raw))


def parse_lines(lines: list[str]) -> Structure:
    """The structure of cleaned lines."""
    all_blocks = blocks(lines)
    # Front matter (title, addresses, the judgement table) ends at the first prose paragraph,
    # or at the heading just before it.
    start = next(
        (
            i
            for i, b in enumerate(all_blocks)
            if _is_prose(b)
            or _IMPROVE.match(b[0])
            or ((_LEADING_NUMBER.match(b[0]) or _LONE_NUMBER.match(b[0])) and not _is_table_row(b))
        ),
        len(all_blocks),
    )
    if start and _is_heading(all_blocks[start - 1]) and not _is_table_row(all_blocks[start - 1]):
        start -= 1
    front = [join_lines(b) for b in all_blocks[:start]]
    body = all_blocks[start:]
    numbered = any(_LEADING_NUMBER.match(b[0]) or _LONE_NUMBER.match(b[0]) for b in body)
    doc = Structure(front, [], [], None, numbered)
    section = Section(OPENING)
    doc.sections.append(section)
    queue: list[int] = []
    last: int | None = None
    count = 0
    for block in body:
        first = block[0]
        if _END.match(first):
            break
        if _LONE_NUMBER.match(first) and len(block) == 1:
            queue.append(int(first[:-1]))
            continue
        if first.startswith(BULLET):
            item = join_lines([first[len(BULLET) :], *block[1:]])
            if section.paragraphs and last is not None and not _IMPROVE.match(section.heading):
                section.paragraphs[-1].text += f"\n- {item}"
            else:
                section.items.append(item)
            continue
        if _is_heading(block):
            section = Section(join_lines(block))
            doc.sections.append(section)
            continue
        m = _LEADING_NUMBER.match(first)
        if m:
            number, text, inferred = int(m.group(1)), join_lines([m.group(2), *block[1:]]), False
            if queue:  # numbers seen alone were not for these paragraphs after all
                doc.warnings.append(
                    f"Paragraph numbers {', '.join(map(str, queue))} were found "
                    "on their own with no paragraph to go with them"
                )
                queue.clear()
        elif queue:
            number, text, inferred = queue.pop(0), join_lines(block), False
        elif numbered and last is not None:
            number, text, inferred = last + 1, join_lines(block), True
        elif not numbered:
            count += 1
            section.paragraphs.append(
                Paragraph(join_lines(block), section.heading, count, counted=True)
            )
            continue
        else:
            section.paragraphs.append(
                Paragraph(join_lines(block), section.heading, index=len(section.paragraphs) + 1)
            )
            continue
        if last is not None and number != last + 1 and not inferred:
            doc.warnings.append(
                f"Paragraph {number} follows paragraph {last}: check the "
                "numbering around there in the report"
            )
        last = number
        if _IMPROVE.match(section.heading):
            section.items.append(text)
        section.paragraphs.append(Paragraph(text, section.heading, number, inferred))
    heading, items = improvement_list(all_blocks)
    if items:
        doc.improvements, doc.improvements_heading = items, heading
    else:
        for s in doc.sections:
            if _IMPROVE.match(s.heading) and not s.items and s.paragraphs:
                s.items = [p.text for p in s.paragraphs]  # bullets lost: one per paragraph
            if _IMPROVE.match(s.heading) and s.items:
                doc.improvements = list(s.items)
                doc.improvements_heading = s.heading
                break
    if not doc.sections[0].paragraphs and not doc.sections[0].items:
        doc.sections.pop(0)
    return doc


def _is_table_row(block: list[str]) -> bool:
    from inspections.importer.facts import GRADE_WORDS

    text = " ".join(block)
    return (
        bool(GRADE_WORDS.search(text))
        and ":" not in text
        and all(len(line.split()) <= 15 and not line.endswith(".") for line in block)
    )
