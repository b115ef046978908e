"""This inspection's framework, kind and grades, read only from where a report states them.

Why so strict: a report's later pages (and often its opening prose) retell earlier
inspections ("In 2016, services were judged to require improvement", "Overall
effectiveness: inadequate" in a re-inspection's history). A grade is therefore read only
from the *judgement zone*: the first page's judgement table and headline sentences, with
every prose paragraph taken out. The framework is chosen by the report's title and the
inspection dates (never by how many judgements were found); a report with a judgement
table is never a visit.

Example::

    >>> family("Re-inspection of services for children in need of help and protection")
    'sif-reinspection'
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from inspections.importer import facts
from inspections.models import Framework

# The report's own title says which family of inspection it is.
_FAMILIES = [
    ("sif-reinspection", r"^\s*re-?\s?inspection of services for children in need of help"),
    ("sif", r"inspection of services for children in need of help and\s+protection"),
    ("lscb-review", r"review of the effectiveness of the local safeguarding children\s+board"),
    ("lac-2013", r"inspection of looked after children\s+services"),
    ("ilacs", r"inspection of .{0,120}?children.s (?:social care )?services"),
]
# The first page of a 2013-2018 report: "The overall judgement is (that children's services
# are) inadequate", "Children's services in Rotherham are good".
_OVERALL = re.compile(
    r"(?:the overall judgement is(?: that)?(?: children.s services)?(?: in [a-z ,.'-]+?)?"
    r"|children.s services?(?: in [a-z ,.'-]+?)?) (?:are |is |requires? |needs? )?"
    r"(outstanding|good|inadequate|requires? improvement(?: to be good)?|improvement)\b",
    re.IGNORECASE,
)
# The board review's headline, on the first page or at the start of its own section:
# "The Local Safeguarding Children Board is inadequate", "The effectiveness of the
# Blackpool Safeguarding Children Board (BSCB) requires improvement".
_LSCB = re.compile(
    r"^(?:the judgement for )?(?:the )?(?:effectiveness of (?:the )?)?(?:(?:local|[a-z ,'-]{2,40})"
    r" safeguarding children\s+board(?:\s+\([a-z]+\))?|lscb)(?:\s+in [a-z ,.'-]+?)?"
    r"\s+(?:is\s+|are\s+)?"
    r"(outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?)\b",
    re.IGNORECASE | re.MULTILINE,
)
_PROSE_WORDS = 15  # judgement names run to 12 words


def family(text: str) -> str | None:
    """Which kind of report the title says this is (first match in the report's opening)."""
    opening = text[:3000]
    found = [
        (m.start(), name)
        for name, pattern in _FAMILIES
        if (m := re.search(pattern.replace(" ", r"\s+"), opening, re.IGNORECASE | re.MULTILINE))
    ]
    if not found:
        return None
    names = {name for _, name in found}
    if "sif" in names and re.search(
        r"\bthis (?:is a )?re-?inspection\b", text[:20000], re.IGNORECASE
    ):
        return "sif-reinspection"  # Lambeth 2018: titled an inspection, "This is a re-inspection"
    if "sif-reinspection" in names:
        return "sif-reinspection"
    if "sif" in names:
        return "sif"
    return min(found)[1]


def _is_prose(block: str) -> bool:
    text = " ".join(block.split())
    return len(text.split()) >= _PROSE_WORDS and bool(re.search(r"[.!?]\)?$", text))


def zone(pages: list[str]) -> tuple[str, int]:
    """The judgement zone: the first page (the second when the first has no grades), with
    prose paragraphs and footnotes taken out; and the page it came from (1 = first)."""
    for number, page in enumerate(pages[:3], 1):
        text = _table_text(page)
        if facts.GRADE_WORDS.search(text):
            # A table may run over the page (Oldham 2015: two rows on page 2).
            following = _table_text(pages[number]) if number < len(pages) else ""
            return f"{text}\n{following}", number
    return "", 0


def _table_text(page: str) -> str:
    """A page without its prose: blocks are split before numbered rows and footnotes
    (``1. Children who need...``, ``1 Ofsted produces...``), which often have no gap."""
    kept = []
    for block in re.split(r"\n\s*\n", page):
        for part in re.split(r"\n(?=\d{1,2}(?:\.\d)?\.?\s+[A-Z])", block):
            if not _is_prose(part):
                kept.append(part)
    return "\n".join(kept)


def main_findings(pages: list[str]) -> tuple[str, int]:
    """The 2013 looked after children inspections' grades: the "Record of main findings"
    table near the end (not the contents line), its "Capacity to improve" written as
    "Capacity for improvement" (tlac-2013 has no such judgement, so it is not read); and the
    page it is on."""
    for number in range(len(pages), 0, -1):
        m = re.search(
            r"^Record of main findings\s*$(.*)",
            pages[number - 1],
            re.MULTILINE | re.DOTALL | re.IGNORECASE,
        )
        if m:
            text = re.sub(
                r"\bcapacity to improve\b",
                "Capacity for improvement",
                m.group(1),
                flags=re.IGNORECASE,
            )
            return text, number
    return "", 0


@dataclass
class Grades:
    """Grades found in the zone, and what to check."""

    judgements: dict[str, str] = field(default_factory=dict)  # key -> grade key
    lines: dict[str, str] = field(default_factory=dict)  # key -> the words it came from
    warnings: list[str] = field(default_factory=list)


def _grade(phrase: str, fw: Framework) -> str | None:
    return facts._grade_key(phrase, fw)


def read_grades(zone_text: str, fw: Framework, page: str = "", whole: str = "") -> Grades:
    """This framework's grades: table rows by name from the zone, the overall headline from
    the zone's whole ``page``, the board review's headline from anywhere (``whole``)."""
    out = Grades()
    flat = re.sub(r"\s+", " ", zone_text)
    page_flat = re.sub(r"\s+", " ", page or zone_text)
    table = {k: g for k, g in facts._judgement_grades_table(flat, fw).items()}
    for key, judgement in fw.judgements.items():
        official = " ".join(facts.words(judgement.official))
        if key in table:
            out.judgements[key] = table[key]
            out.lines[key] = judgement.official
            continue
        if official == "overall effectiveness":
            m = _OVERALL.search(page_flat)
            if m and _grade(m.group(1), fw):
                out.judgements[key] = _grade(m.group(1), fw)
                out.lines[key] = m.group(0)
                continue
        if "safeguarding children board" in official:
            m = _LSCB.search(whole or zone_text)
            if m and _grade(m.group(1), fw):
                out.judgements[key] = _grade(m.group(1), fw)
                out.lines[key] = m.group(0)
    _near_names(flat, fw, out)
    return out


def _near_names(flat: str, fw: Framework, out: Grades) -> None:
    """Judgements still without a grade: a row whose name is nearly the framework's (Ofsted's
    own slips: "children care leavers", "The impact of leaders on practice with children and
    families") gives its grade with a warning; "Not judged" is said, and stays unknown."""
    toks = facts._tokens(flat, fw)
    plain = [(i, t) for i, (t, g) in enumerate(toks) if g is None]
    seq = [t for _, t in plain]
    for key, judgement in fw.judgements.items():
        if key in out.judgements or judgement.separate:
            continue
        name = facts.words(judgement.official)
        best = (0.0, 0, 0)
        for size in range(max(2, len(name) - 2), len(name) + 3):
            for j in range(len(seq) - size + 1):
                ratio = difflib.SequenceMatcher(None, name, seq[j : j + size]).ratio()
                if ratio > best[0]:
                    best = (ratio, j, size)
        ratio, j, size = best
        if ratio < 0.8:
            continue
        start, end = plain[j][0], plain[j + size - 1][0]
        seen = " ".join(t for t, _ in toks[start : min(end + 4, len(toks))])
        if re.search(r"\bnot judged\b", " ".join(seq[j + size : j + size + 3])):
            out.warnings.append(
                f'Check this: the table says "{judgement.official}" was not judged; left `unknown`'
            )
            continue
        for i in range(start, min(end + 7, len(toks))):
            if toks[i][1]:
                out.judgements[key] = toks[i][1]
                out.lines[key] = seen
                out.warnings.append(
                    f'Check this: `{key}` read from the table row "{seen}", '
                    f'which is close to but not "{judgement.official}"'
                )
                break
