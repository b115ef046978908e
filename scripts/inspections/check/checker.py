"""Apply the plain-language rules to one page's words, and to the whole site.

Each page is judged as its reader sees it (template words and data words together, in order),
and every problem is reported where the words were written (see :mod:`.places`).

Example::

    >>> rules = load_rules(RULES_FILE)                                     # doctest: +SKIP
    >>> report = check_markdown("Workers facilitate talks.", "young-people", rules)  # doctest: +SKIP
    >>> [f.rule for f in report.findings]                                  # doctest: +SKIP
    ['words-to-avoid']
"""

from __future__ import annotations

import functools
import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from inspections.check import readability
from inspections.check.places import Place
from inspections.check.rules import Rule, Rules
from inspections.check.text import WORD, Plain, Sentence, line_col, plain, sentences
from inspections.problems import Problem

FIELD_AUDIENCE = {"young_people": "young-people", "families": "families"}
_GLOSSARY_TARGET = re.compile(r"(?:^|/)glossary(?:\.md|/)?#([\w-]+)$|^glossary:([\w-]+)$")
_ABBREVIATION = re.compile(r"(?<![\w\u2019'-])([A-Z][A-Za-z]*[A-Z][A-Za-z]*)(?![\w])")
MIN_SENTENCE_WORDS = 3  # shorter fragments (labels, "Good") do not count towards averages


class Places(Protocol):
    def place(self, offset: int) -> Place: ...
    def loc_at(self, offset: int) -> tuple | None: ...

    # Optional, to judge a sentence in one go (see :meth:`.places.PagePlaces.same_loc`):
    # ``same_loc(lo, hi) -> (True, loc)`` when every offset from lo to hi has the same field,
    # ``fields_between(lo, hi) -> [loc, ...]`` every field an offset from lo to hi may have.


class FilePlaces:
    """Places in a hand-written Markdown file: its own lines."""

    def __init__(self, path: str, markdown: str):
        self.path, self.markdown = path, markdown

    def place(self, offset: int) -> Place:
        line, col = line_col(self.markdown, offset)
        return Place(self.path, line, col)

    def loc_at(self, offset: int) -> tuple | None:
        return None

    def same_loc(self, lo: int, hi: int) -> tuple[bool, tuple | None]:
        return True, None

    def fields_between(self, lo: int, hi: int) -> list[tuple | None]:
        return []


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, how serious, where, and what to do."""

    rule: str
    level: str
    place: Place
    message: str
    fix: str
    found: str = ""
    page: str = ""

    def key(self) -> tuple:
        return (self.place.path, self.place.line, self.place.col, self.rule, self.found)

    def problem(self) -> Problem:
        found = f": “{self.found}”" if self.found and self.found not in self.message else ""
        where = " (words from the page template)" if self.place.template else ""
        return Problem(
            self.place.path,
            self.place.line,
            self.place.col,
            f"{self.level} [{self.rule}] {self.message.rstrip('.')}{found}{where}",
            self.fix,
        )

    def __str__(self) -> str:
        return str(self.problem())


@dataclass
class PageReport:
    """The figures and problems of one page."""

    path: str
    audience: str
    words: int = 0
    sentences: int = 0
    average: float = 0.0
    longest: int = 0  # words in the longest sentence, not counting official names and titles
    longest_text: str = ""
    grade: float | None = None
    flagged: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Result:
    """Everything the check found."""

    pages: list[PageReport] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # deduplicated, all pages and site

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]


class _Fill(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _finding(
    rules: Rules,
    rule_id: str,
    place: Place,
    *,
    page: str,
    found: str = "",
    level: str | None = None,
    **values: object,
) -> Finding:
    rule: Rule = rules.rule(rule_id)
    fill = _Fill({k: _num(v) if isinstance(v, float) else v for k, v in values.items()})
    fill["found"] = found
    if "audience" in fill:
        fill["audience"] = rules.audiences.get(fill["audience"], fill["audience"])  # type: ignore[call-overload]
    return Finding(
        rule_id,
        level or rule.level,
        place,
        rule.message.format_map(fill),
        rule.suggestion.format_map(fill),
        found,
        page,
    )


# ---------------------------------------------------------------------------- glossary


@dataclass
class GlossaryForms:
    """Every form of every glossary entry, for finding terms in text."""

    forms: dict[str, str] = field(default_factory=dict)  # form -> key
    terms: dict[str, str] = field(default_factory=dict)  # key -> main term

    @classmethod
    def from_site(cls, site) -> GlossaryForms:
        out = cls()
        if site is None or site.glossary is None:
            return out
        for key, term in site.glossary.model.terms.items():
            out.terms[key] = term.term
            for form in [term.term, *term.also]:
                out.forms.setdefault(form, key)
        return out

    def abbreviation_key(self, abbr: str) -> str | None:
        return self.forms.get(abbr)

    @property
    def word_forms(self) -> dict[str, str]:
        """Forms that are words, not abbreviations (those are the abbreviations rule's job)."""
        return {f: k for f, k in self.forms.items() if not is_abbreviation(f)}

    @property
    def abbreviations(self) -> frozenset[str]:
        """Forms that are abbreviations (IRO, SIF)."""
        return _abbreviation_forms(tuple(self.forms))

    def finder(self) -> tuple[_Finder, dict[str, str]] | None:
        """Finds word forms in text, longest first, and the key of each form as found (its
        case folded, ’ as '). Built once for the same forms, not once per page."""
        return _glossary_finder(tuple(self.forms.items()))


@functools.lru_cache(maxsize=8)
def _abbreviation_forms(forms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f for f in forms if is_abbreviation(f))


@functools.lru_cache(maxsize=8)
def _glossary_finder(items: tuple[tuple[str, str], ...]) -> tuple[_Finder, dict[str, str]] | None:
    forms = {f: k for f, k in items if not is_abbreviation(f)}
    if not forms:
        return None
    keys = {f.casefold().replace("\u2019", "'"): k for f, k in forms.items()}
    return _Finder(sorted(forms, key=len, reverse=True)), keys


class _Finder:
    """The matches ``re.finditer`` would find for one alternation of phrases, found faster.

    The pattern ``(?<![\\w-])(a|b|c)(?![\\w-])`` (case ignored) is slow to scan through a
    page: the regex engine tries every phrase at every word. So, giving the same matches:

    - a phrase whose longest run of letters (:func:`_key`) is nowhere in the page cannot match,
      so it is left out (most phrases are on no page at all);
    - a match can only start where a phrase's first run of letters (:func:`_head`) is, so the
      pattern is tried only there (``str.find``), with only the phrases starting there, in the
      same order, skipping places inside the last match, as ``finditer`` does.

    A phrase that does not start with an ASCII letter or digit is looked for the slow way.
    """

    def __init__(self, phrases: list[str]):
        self.phrases = phrases
        self.keys = [_key(p) for p in phrases]
        self.heads = [_head(p) for p in phrases]
        self.exact = [p.isascii() for p in phrases]

    def may_match(self, folded: Folded) -> bool:
        """False if no phrase can match (a quick test before :meth:`finditer`)."""
        return any(
            key is None or folded.may_hold(key, exact)
            for key, exact in zip(self.keys, self.exact, strict=True)
        )

    def finditer(self, text: str, folded: Folded) -> Iterator[re.Match[str]]:
        """Matches in ``text``, in order; ``folded`` is :func:`fold` (``text``)."""
        keep = [
            i
            for i, key in enumerate(self.keys)
            if key is None or folded.may_hold(key, self.exact[i])
        ]
        if not keep:
            return
        if any(self.heads[i] is None for i in keep):
            yield from self._pattern(tuple(keep)).finditer(text)
            return
        starting: dict[int, list[int]] = {}  # offset -> phrases whose first word is there
        for i in keep:
            head = self.heads[i]
            at = folded.text.find(head)  # type: ignore[arg-type]
            while at >= 0:
                starting.setdefault(at, []).append(i)
                at = folded.text.find(head, at + 1)  # type: ignore[arg-type]
        end = 0
        for at in sorted(starting):
            if at < end:
                continue
            m = self._pattern(tuple(starting[at])).match(text, at)
            if m:
                yield m
                end = m.end()

    @functools.lru_cache(maxsize=1024)  # noqa: B019 - a few finders live for the whole run
    def _pattern(self, keep: tuple[int, ...]) -> re.Pattern[str]:
        return re.compile(
            r"(?<![\w-])("
            + "|".join(_words_pattern(self.phrases[i]) for i in keep)
            + r")(?![\w-])",
            re.IGNORECASE,
        )


@functools.lru_cache(maxsize=4096)
def _phrase_finder(phrase: str) -> _Finder:
    return _Finder([phrase])


_ASCII_RUN = re.compile(r"[A-Za-z0-9_]+")
_FOLD = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i"})


@dataclass(frozen=True)
class Folded:
    """A page's text made ready for :class:`_Finder`: lower case, with its runs of letters.

    ``text`` is lower case with ``ſ ı İ`` as ``s i i``: these three, and the Kelvin sign (lower
    case ``k``), are the only letters that match an ASCII letter when the regex engine ignores
    case, besides the ASCII letters themselves. ``runs`` are its runs of ASCII letters and
    digits (:data:`_ASCII_RUN`).
    """

    text: str
    runs: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Folded:
        odd = "\u017f" in text or "\u0131" in text or "\u0130" in text  # translate is slow
        folded = (text.translate(_FOLD) if odd else text).lower()
        return cls(folded, frozenset(_ASCII_RUN.findall(folded)))

    def may_hold(self, key: str, exact: bool) -> bool:
        """False if no match of a phrase with this :func:`_key` can be in the text.

        ``exact``: the phrase is all ASCII, so where it matches, the text's run of letters is
        exactly the phrase's (the phrase's pattern has no letter next to a run that could match
        an ASCII letter); otherwise the run may be part of a longer one in the text.
        """
        return key in self.runs if exact else key in self.text


def fold(text: str) -> Folded:
    """See :class:`Folded`."""
    return Folded.of(text)


@functools.lru_cache(maxsize=4096)
def _head(phrase: str) -> str | None:
    """The run of ASCII letters and digits a phrase starts with, lower-cased (None if none)."""
    m = _ASCII_RUN.match(phrase)
    return m.group().lower() if m else None


@functools.lru_cache(maxsize=4096)
def _key(phrase: str) -> str | None:
    """The longest run of ASCII letters and digits in a phrase, lower-cased (None if none).

    Wherever the phrase matches (ignoring case), the :func:`fold` of the text there holds this
    run, so a page whose folded text does not hold it has no match (see :meth:`Folded.may_hold`).
    """
    runs = _ASCII_RUN.findall(phrase)
    return max(runs, key=len).lower() if runs else None


def _words_pattern(phrase: str) -> str:
    """A phrase as a pattern: any spaces between its words, either kind of apostrophe."""
    return r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in phrase.split())


def is_abbreviation(word: str) -> bool:
    """Two or more capitals making up at least half the letters: IRO, CiCC, PAs; not McDonald."""
    letters = [c for c in word if c.isalpha()]
    caps = sum(1 for c in letters if c.isupper())
    return " " not in word and caps >= 2 and caps * 2 >= len(letters)


def _glossary_key(target: str) -> str | None:
    m = _GLOSSARY_TARGET.search(target)
    return (m.group(1) or m.group(2)) if m else None


def _in_glossary_link(p: Plain, start: int, end: int) -> str | None:
    for link in p.links:
        if link.start <= start and end <= link.end:
            key = _glossary_key(link.target)
            if key:
                return key
    return None


def _explained_in_brackets(text: str, start: int, end: int) -> bool:
    """``words (ABBR)`` or ``ABBR (what it stands for)``."""
    after = text[end : end + 200].lstrip()
    if after.startswith("(") and len(re.findall(r"\w+", after[1 : after.find(")")])) >= 2:
        return True
    before = text[:start].rstrip()
    if before.endswith("(") and text[end : end + 1] == ")":
        return len(re.findall(r"\w+", before[-200:-1])) >= 2
    return False


# ---------------------------------------------------------------------------- pages


def check_page(
    markdown: str,
    audience: str,
    page: str,
    places: Places,
    rules: Rules,
    glossary: GlossaryForms | None = None,
) -> PageReport:
    """Check one page's words against every page rule."""
    glossary = glossary or GlossaryForms()
    report = PageReport(page, audience)
    p = plain(markdown)
    sents = sentences(p)

    def where(index: int) -> Place:
        return places.place(p.origin(index))

    def loc(index: int) -> tuple | None:
        return places.loc_at(p.origin(index))

    def text_audience(index: int) -> str:
        found = loc(index)
        return FIELD_AUDIENCE.get(str(found[-1]), audience) if found else audience

    references = [(b.start, b.end) for b in p.blocks if b.kind == "reference"]
    loc_checked: dict[tuple, bool] = {}  # rules.checked for each field, worked out once

    def field_checked(found: tuple | None) -> bool:
        if found is None:
            return True
        if found not in loc_checked:
            loc_checked[found] = rules.checked(found)
        return loc_checked[found]

    def checked(index: int) -> bool:
        """False for official names and titles, and for citations."""
        if any(a <= index < b for a, b in references):
            return False
        return field_checked(loc(index))

    same_loc = getattr(places, "same_loc", None)
    fields_between = getattr(places, "fields_between", None)

    def own_words(s: Sentence) -> int:
        """Words of ``s`` that count (see :func:`_sentence_rules`).

        Most sentences are all template words, or hold only fields that are checked, or are
        all one field: then every word counts or none does, and asking where each word came
        from (the slow way, below) is not needed.
        """
        if (
            same_loc is not None
            and fields_between is not None
            and not (references and any(a < s.end and s.start < b for a, b in references))
        ):
            source = p.source[s.start : s.end]
            lo, hi = min(source), max(source)
            if all(field_checked(f) for f in fields_between(lo, hi)):
                return len(s.words)
            same, found = same_loc(lo, hi)
            if same:
                return len(s.words) if field_checked(found) else 0
        return sum(1 for m in WORD.finditer(s.text) if checked(s.start + m.start()))

    def add(finding: Finding) -> None:
        report.findings.append(finding)

    folded = fold(p.text)
    _sentence_rules(report, sents, rules, where, text_audience, own_words, add)
    if page not in rules.rule("glossary-links").exempt_pages:
        _glossary_rule(report, p, folded, rules, glossary, where, checked, add)
    _word_rule(report, p, folded, rules, where, checked, text_audience, add)
    if page not in rules.rule("glossary-links").exempt_pages:
        _abbreviation_rules(report, p, rules, glossary, where, checked, add)
    return report


def _sentence_rules(
    report: PageReport, sents: list[Sentence], rules: Rules, where, text_audience, own_words, add
) -> None:
    rule = rules.rule("sentence-length")
    counted: list[Sentence] = []
    for s in sents:
        if s.kind == "reference":
            continue  # citations are read as references, not as sentences
        n = len(s.words)
        # Official names and titles cannot be shortened, so only the other words count.
        own = own_words(s)
        aud = text_audience(s.start)
        limit = rule.limit(aud)
        if limit is not None and own > limit:
            add(
                _finding(
                    rules,
                    "sentence-length",
                    where(s.start),
                    page=report.path,
                    found=_start_of(s.text),
                    count=own,
                    limit=limit,
                    audience=aud,
                )
            )
        if s.kind == "prose" and n >= MIN_SENTENCE_WORDS:
            counted.append(s)
        if s.kind == "prose" and own > report.longest:
            report.longest, report.longest_text = own, s.text
    report.words = sum(len(s.words) for s in counted)
    report.sentences = len(counted)
    if counted:
        report.average = report.words / len(counted)
    avg = rules.rule("average-sentence-length")
    limit = avg.limit(report.audience)
    if counted and report.words >= avg.min_words and limit is not None and report.average > limit:
        add(
            _finding(
                rules,
                "average-sentence-length",
                where(counted[0].start),
                page=report.path,
                count=round(report.average, 1),
                limit=limit,
                audience=report.audience,
            )
        )
    fk = rules.rule("reading-level")
    if counted and report.words >= fk.min_words:
        report.grade = readability.grade([s.text for s in counted])
        limit = fk.limit(report.audience)
        if limit is not None and report.grade > limit:
            add(
                _finding(
                    rules,
                    "reading-level",
                    where(counted[0].start),
                    page=report.path,
                    value=round(report.grade, 1),
                    limit=limit,
                    audience=report.audience,
                )
            )


def _start_of(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def _word_rule(
    report: PageReport, p: Plain, folded: Folded, rules: Rules, where, checked, text_audience, add
) -> None:
    """Words to avoid. Every match of every phrase, the longest first where they overlap.

    Each phrase is looked for with a :class:`_Finder`, as most of the 100 or so phrases are
    on no page at all; ``folded`` is :func:`fold` (``p.text``).
    """
    rule = rules.rule("words-to-avoid")
    matches = []
    for entry in rule.words:
        for phrase in entry.avoid:
            finder = _phrase_finder(phrase)
            if not finder.may_match(folded):
                continue
            for m in finder.finditer(p.text, folded):
                matches.append((m.start(), -(m.end() - m.start()), m.end(), entry))
    matches.sort(key=lambda x: (x[0], x[1]))
    exceptions: dict[str, list[tuple[int, int]]] = {}  # where each "except" phrase is

    def excepted(phrase: str, start: int, end: int) -> bool:
        if phrase not in exceptions:
            exceptions[phrase] = [m.span() for m in _phrase_finder(phrase).finditer(p.text, folded)]
        return any(a <= start and end <= b for a, b in exceptions[phrase])

    taken_until = -1
    for start, _, end, entry in matches:
        if start < taken_until:
            continue
        if not checked(start):
            continue
        aud = text_audience(start)
        if entry.audiences and aud not in entry.audiences:
            continue
        if any(excepted(e, start, end) for e in entry.except_):
            continue
        taken_until = end
        found = p.text[start:end]
        report.flagged.append(found)
        add(
            _finding(
                rules,
                "words-to-avoid",
                where(start),
                page=report.path,
                found=found,
                level=entry.level,
                use=entry.use,
            )
        )


def _abbreviation_rules(
    report: PageReport, p: Plain, rules: Rules, glossary: GlossaryForms, where, checked, add
) -> None:
    rule = rules.rule("abbreviations")
    known = set(rule.known) | glossary.abbreviations
    allowed = set(rule.allowed)
    either = known | allowed
    seen: set[str] = set()
    for m in _ABBREVIATION.finditer(p.text):
        word = m.group(1)
        if not is_abbreviation(word) or not checked(m.start()):
            continue
        base = word
        if word not in either and word.endswith("s") and word[:-1] in either:
            base = word[:-1]
        if base in allowed or base in seen:
            continue
        seen.add(base)
        if _in_glossary_link(p, m.start(), m.end()) or _explained_in_brackets(
            p.text, m.start(), m.end()
        ):
            continue
        key = glossary.abbreviation_key(base) or glossary.abbreviation_key(word)
        if base in known:
            term = glossary.terms.get(key or "", "")
            example = f"{term} ({base})" if term else f"the words in full ({base})"
            report.flagged.append(word)
            add(
                _finding(
                    rules,
                    "abbreviations",
                    where(m.start()),
                    page=report.path,
                    found=word,
                    key=key or "",
                    example=example,
                )
            )
        else:
            report.flagged.append(word)
            add(
                _finding(
                    rules, "unknown-abbreviations", where(m.start()), page=report.path, found=word
                )
            )


def _glossary_rule(
    report: PageReport,
    p: Plain,
    folded: Folded,
    rules: Rules,
    glossary: GlossaryForms,
    where,
    checked,
    add,
) -> None:
    rule = rules.rule("glossary-links")
    found = glossary.finder()
    if found is None:
        return
    finder, keys = found
    headings = [(b.start, b.end) for b in p.blocks if b.kind == "heading"]
    done: set[str] = set()
    for m in finder.finditer(p.text, folded):
        key = keys.get(m.group(1).casefold().replace("\u2019", "'"))
        if key is None or key in done or key in rule.not_required:
            continue
        if any(a <= m.start() < b for a, b in headings) or not checked(m.start()):
            continue
        done.add(key)
        if _in_glossary_link(p, m.start(), m.end()) or _explained_in_brackets(
            p.text, m.start(), m.end()
        ):
            continue
        report.flagged.append(m.group(1))
        add(
            _finding(
                rules,
                "glossary-links",
                where(m.start()),
                page=report.path,
                found=m.group(1),
                key=key,
            )
        )


# ---------------------------------------------------------------------------- site


def finish(pages: list[PageReport], rules: Rules, extra: Iterable[Finding] = ()) -> Result:
    """Gather page findings (each place once) and add the site-wide aim."""
    result = Result(pages=pages)
    seen: dict[tuple, Finding] = {}
    for f in [*(f for page in pages for f in page.findings), *extra]:
        seen.setdefault(f.key(), f)
    median_rule = rules.rule("median-reading-level")
    for aud, limit in median_rule.limits.items():
        grades = [pg.grade for pg in pages if pg.audience == aud and pg.grade is not None]
        if grades and statistics.median(grades) > limit:
            f = _finding(
                rules,
                "median-reading-level",
                Place(str(Path("data/rules/plain-language.yaml")), 1, 1),
                page="",
                value=round(statistics.median(grades), 1),
                limit=limit,
                audience=aud,
            )
            seen.setdefault(f.key(), f)
    result.findings = sorted(
        seen.values(),
        key=lambda f: (f.level != "error", f.place.path, f.place.line, f.place.col, f.rule),
    )
    return result


def check_text(
    markdown: str,
    audience: str,
    rules: Rules,
    glossary: GlossaryForms | None = None,
    page: str = "example.md",
) -> PageReport:
    """Check a piece of Markdown as if it were a whole page (for examples and tests)."""
    return check_page(markdown, audience, page, FilePlaces(page, markdown), rules, glossary)
