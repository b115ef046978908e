"""The facts in a report: area, framework, kind, dates and grades, matched to ``data/``.

Nothing here knows a framework by name: judgement and grade names are read from
``data/frameworks/*.yaml`` and looked for in the report's text, so a framework added later
(ILACS 2023 with care leavers judged separately, ILACS 2026 without overall effectiveness) is
recognised without code changes. The framework is the one whose judgements the report's
table matches best, then the one in use on the inspection date.

Matching works on words, not lines, because the judgement table comes out of a PDF with the
grade in the middle of a judgement's name::

    The impact of leaders on social work Outstanding
    practice with children and families

A grade belongs to the judgement whose name it is inside, or that it follows closely.

Example::

    >>> parse_range("21 and 22 September 2022")
    ('2022-09-21', '2022-09-22')
    >>> parse_range("30 October to 10 November 2023")
    ('2023-10-30', '2023-11-10')
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from inspections.models import Area, Framework
from inspections.validate import date_bounds

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_M = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_D = r"(\d{1,2})(?:st|nd|rd|th)?"
_RANGE = re.compile(
    rf"{_D}(?:\s+{_M})?(?:\s+(\d{{4}}))?\s*(?:to|and|–|-|—|until)\s*{_D}\s+{_M}"
    rf"\s+(\d{{4}})",
    re.IGNORECASE,
)
_DATE = re.compile(rf"{_D}\s+{_M}\s+(\d{{4}})", re.IGNORECASE)
GRADE_WORDS = re.compile(
    r"\b(outstanding|good|inadequate|requires?\s+improvement)\b", re.IGNORECASE
)
# How a headline sentence names a grade: "Children's services in X are good".
_HEADLINE = re.compile(
    r"(children's services in [A-Za-z ,.'-]+?|the (?:local safeguarding children board|lscb)"
    r"(?: \(lscb\))?(?: in [A-Za-z ,.'-]+?)?) (?:are|is|requires?) ((?:improvement to be )?"
    r"(?:outstanding|good|inadequate)|improvement(?: to be good)?)\b",
    re.IGNORECASE,
)


_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped (``children's`` -> ``childrens``)."""
    return _WORD.findall(text.lower().replace("'", ""))


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return dt.date(int(year), MONTHS.index(month.lower()) + 1, int(day)).isoformat()
    except ValueError:
        return None


def parse_range(text: str) -> tuple[str, str] | None:
    """The first date range in ``text`` as ISO days, or None."""
    m = _RANGE.search(text)
    if not m:
        return None
    d1, m1, y1, d2, m2, y2 = m.groups()
    end = _iso(d2, m2, y2)
    start = _iso(d1, m1 or m2, y1 or y2)
    if start and end and start > end and not y1:  # "30 December to 3 January 2022"
        start = _iso(d1, m1 or m2, str(int(y2) - 1))
    return (start, end) if start and end and start <= end else None


def parse_date(text: str) -> str | None:
    """The first whole date (``11 May 2022``) in ``text`` as an ISO day, or None."""
    m = _DATE.search(text)
    return _iso(*m.groups()) if m else None


# ---------------------------------------------------------------------------- dates


@dataclass
class Dates:
    start: str | None = None
    end: str | None = None
    published: str | None = None
    letter: str | None = None  # the date a letter is dated, when there is one
    where: dict[str, str] = field(default_factory=dict)  # what we read each date from


def find_dates(text: str, front: list[str]) -> Dates:
    """Inspection dates and publication date, from labelled lines first."""
    found = Dates()
    flat = re.sub(r"\s+", " ", text)
    label = re.search(r"inspection dates?:?\s*(.{0,60})", flat, re.IGNORECASE)
    visit = re.search(r"visit to .{0,120}? on (.{0,60})", flat, re.IGNORECASE)
    for how, m in (("the 'Inspection dates' line", label), ("the visit's first sentence", visit)):
        rng = parse_range(m.group(1)) if m else None
        if rng is None and m and re.match(rf"{_D}\s+{_M}\s+\d{{4}}", m.group(1), re.IGNORECASE):
            one = parse_date(m.group(1))
            rng = (one, one) if one else None
        if rng:
            found.start, found.end = rng
            found.where["start"] = found.where["end"] = how
            break
    if found.start is None:
        rng = parse_range(flat)
        if rng:
            found.start, found.end = rng
            found.where["start"] = found.where["end"] = "a date range in the report"
    pub = re.search(r"(?:report published:?|published:)\s*(.{0,30})", flat, re.IGNORECASE)
    if pub and parse_date(pub.group(1)):
        found.published = parse_date(pub.group(1))
        found.where["published"] = "the 'Report published' line"
    for line in front[:8]:
        if _DATE.fullmatch(line.strip()):
            found.letter = parse_date(line)
            break
    return found


# ---------------------------------------------------------------------------- areas


_COUNCIL_WORDS = {
    "the",
    "council",
    "county",
    "city",
    "borough",
    "metropolitan",
    "london",
    "royal",
    "of",
    "district",
    "local",
    "authority",
    "and",
}


def _core(name: str) -> str:
    return " ".join(w for w in words(name) if w not in _COUNCIL_WORDS)


@dataclass
class AreaMatch:
    slug: str | None
    how: str
    named: str | None = None  # the name the report uses, when we found one
    closest: list[str] = field(default_factory=list)


def _names(area: Area) -> set[str]:
    """The names an area may go by (council and Ofsted's name are optional)."""
    return {n for n in (area.name, area.ofsted_name, area.council) if n}


def find_area(text: str, areas: dict[str, Area]) -> AreaMatch:
    """The area a report is about: from its title, else the area it names most often."""
    flat = re.sub(r"\s+", " ", text)
    named = None
    for pattern in (
        r"(?:inspection|focused visit|monitoring visit) (?:of|to) (.{3,80}?) "
        r"children's services",
        r"^\s*(.{3,60}?(?:council|borough))\s*$",
    ):
        m = re.search(pattern, flat if "^" not in pattern else text, re.IGNORECASE | re.MULTILINE)
        if m:
            named = m.group(1).strip()
            break
    if named:
        core = _core(named)
        for slug, area in areas.items():
            if core and core in {_core(n) for n in _names(area)}:
                return AreaMatch(slug, f"the report's title names {named}", named)
    counts: Counter[str] = Counter()
    for slug, area in areas.items():
        for name in _names(area):
            counts[slug] += len(re.findall(rf"\b{re.escape(name)}\b", flat))
    ranked = counts.most_common()
    if (
        not named
        and ranked
        and ranked[0][1] >= 2
        and (len(ranked) == 1 or ranked[1][1] < ranked[0][1])
    ):
        slug, n = ranked[0]
        return AreaMatch(
            slug,
            f"the report has no title naming the council, but names {areas[slug].name} {n} times",
        )
    target = named or ""
    labels = {
        slug: f"{a.name} ({a.council or a.ofsted_name or a.name})" for slug, a in areas.items()
    }
    closest = difflib.get_close_matches(
        _core(target), {_core(a.name): s for s, a in areas.items()}, n=5, cutoff=0.3
    )
    by_core = {_core(a.name): s for s, a in areas.items()}
    close = [f"{by_core[c]} ({labels[by_core[c]]})" for c in closest]
    if not close:
        close = [f"{slug} ({labels[slug]})" for slug, n in ranked[:5] if n]
    return AreaMatch(None, "", named, close)


# ---------------------------------------------------------------------------- grades


@dataclass
class FrameworkMatch:
    key: str
    judgements: dict[str, str]  # judgement key -> grade key
    missing: list[str]  # non-separate judgements with no grade found
    score: tuple


def _grade_key(phrase: str, fw: Framework) -> str | None:
    """The framework's grade key for a grade as written (``requires improvement to be good``)."""
    said = " ".join(words(phrase)).replace("require ", "requires ", 1)
    if said.startswith("improvement"):
        said = "requires " + said
    best = None
    for key, grade in fw.grades.items():
        official = " ".join(words(grade.official))
        if said == official or said.startswith(official) or official.startswith(said):
            if best is None or len(official) > best[1]:
                best = (key, len(official))
    return best[0] if best else None


def _tokens(text: str, fw: Framework) -> list[tuple[str, str | None]]:
    """Words of ``text`` with this framework's grades made single tokens ``(word, grade)``."""
    phrases = sorted(
        {" ".join(words(g.official)) for g in fw.grades.values()}
        | {"requires improvement to be good", "requires improvement", "require improvement"},
        key=len,
        reverse=True,
    )
    ws = words(text)
    out: list[tuple[str, str | None]] = []
    i = 0
    while i < len(ws):
        for phrase in phrases:
            parts = phrase.split()
            if ws[i : i + len(parts)] == parts:
                out.append((phrase, _grade_key(phrase, fw)))
                i += len(parts)
                break
        else:
            out.append((ws[i], None))
            i += 1
    return out


def _judgement_grades(text: str, fw: Framework) -> dict[str, str]:
    found = _judgement_grades_table(text, fw)
    _headline_grades(text, fw, found)
    return found


def _judgement_grades_table(text: str, fw: Framework) -> dict[str, str]:
    """Grades of judgements named in ``text``: the grade inside or just after each name."""
    toks = _tokens(text, fw)
    plain = [i for i, (_, grade) in enumerate(toks) if grade is None]
    seq = [toks[i][0] for i in plain]
    spans: list[tuple[int, int, str]] = []
    for key, judgement in fw.judgements.items():
        name = words(judgement.official)
        for j in range(len(seq) - len(name) + 1):
            if seq[j : j + len(name)] == name:
                spans.append((plain[j], plain[j + len(name) - 1], key))
    spans.sort()
    found: dict[str, str] = {}
    for n, (start, end, key) in enumerate(spans):
        if key in found:
            continue
        limit = min(
            end + 7, *(s for s, _, k in spans[n + 1 :] if k != key and s > start), len(toks)
        )
        for i in range(start, limit):
            if toks[i][1]:
                found[key] = toks[i][1]
                break
    return found


def _headline_grades(text: str, fw: Framework, found: dict[str, str]) -> None:
    for m in _HEADLINE.finditer(re.sub(r"\s+", " ", text)):
        subject, grade = m.group(1).lower(), _grade_key(m.group(2), fw)
        if not grade:
            continue
        for key, judgement in fw.judgements.items():
            official = " ".join(words(judgement.official))
            if key in found:
                continue
            if subject.startswith("children's services") and official == "overall effectiveness":
                found[key] = grade
            elif "children's services" not in subject and "safeguarding children board" in official:
                found[key] = grade


def _in_use(fw: Framework, day: str | None) -> bool:
    if not day:
        return True
    start = date_bounds(fw.in_use.from_)
    end = date_bounds(fw.in_use.to) if fw.in_use.to else None
    return (start is None or day >= start[0]) and (end is None or day <= end[1])


def match_frameworks(
    text: str, frameworks: dict[str, Framework], day: str | None
) -> list[FrameworkMatch]:
    """Every graded framework, best match first."""
    out = []
    for key, fw in frameworks.items():
        if not fw.judgements or not fw.grades:
            continue
        found = _judgement_grades(text, fw)
        missing = [k for k, j in fw.judgements.items() if not j.separate and k not in found]
        score = (len(found) - 2 * len(missing), _in_use(fw, day), fw.in_use.from_)
        out.append(FrameworkMatch(key, found, missing, score))
    return sorted(out, key=lambda m: m.score, reverse=True)


def find_kind(
    text: str, frameworks: dict[str, Framework], day: str | None
) -> list[tuple[str, str]]:
    """``(framework, kind)`` pairs for an ungraded visit the report's opening names."""
    opening = re.sub(r"\s+", " ", text[:4000]).lower()
    out = []
    for key, fw in frameworks.items():
        for kind_key, kind in fw.kinds.items():
            if kind.graded:
                continue
            name = kind.name.official.lower()
            if (
                re.search(rf"\b{re.escape(name)}s? (to|of)\b", opening)
                or f"findings of the {name}" in opening
            ):
                out.append((key, kind_key))
    return sorted(
        out,
        key=lambda fk: (
            _in_use(frameworks[fk[0]], day),
            frameworks[fk[0]].short_name.lower() in opening,
            frameworks[fk[0]].in_use.from_,
        ),
        reverse=True,
    )
