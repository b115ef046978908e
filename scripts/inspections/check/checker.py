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

from inspections.check import readability
from inspections.check.findings import (
    FilePlaces,
    Finding,
    PageReport,
    Places,
    Result,
    finding,
    finish,
)
from inspections.check.glossary import (
    ABBREVIATION,
    Folded,
    GlossaryForms,
    _Finder,
    _words_pattern,
    explained_in_brackets,
    fold,
    in_glossary_link,
    is_abbreviation,
    phrase_finder,
)
from inspections.check.places import Place
from inspections.check.rules import Rules
from inspections.check.scope import Scope
from inspections.check.text import Plain, Sentence, plain, sentences

# Re-exported: callers and tests import these from here.
__all__ = [
    "FilePlaces",
    "Finding",
    "GlossaryForms",
    "PageReport",
    "Places",
    "Result",
    "_Finder",
    "_words_pattern",
    "check_page",
    "check_text",
    "finish",
    "fold",
    "is_abbreviation",
]

MIN_SENTENCE_WORDS = 3  # shorter fragments (labels, "Good") do not count towards averages


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

    scope = Scope(p, places, rules, audience)
    checked, text_audience = scope.checked, scope.audience_at

    def add(finding: Finding) -> None:
        report.findings.append(finding)

    folded = fold(p.text)
    _sentence_rules(report, scope.sentences(sents), rules, where, add)
    if page not in rules.rule("glossary-links").exempt_pages:
        _glossary_rule(report, p, folded, rules, glossary, where, checked, add)
    _word_rule(report, p, folded, rules, where, checked, text_audience, add)
    if page not in rules.rule("glossary-links").exempt_pages:
        _abbreviation_rules(report, p, rules, glossary, where, checked, add)
    return report


def _sentence_rules(
    report: PageReport, judged: list[tuple[Sentence, int, int, str]], rules: Rules, where, add
) -> None:
    """Sentence length, average sentence length and reading level. ``judged``: each sentence
    that is not a citation, with its words, the words that count (official names and titles
    cannot be shortened, so only the other words count) and its audience
    (:meth:`.scope.Scope.sentences`)."""
    limits = rules.rule("sentence-length").limits
    counted: list[Sentence] = []
    counted_words = 0
    for s, n, own, aud in judged:
        limit = limits.get(aud)
        if limit is not None and own > limit:
            add(
                finding(
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
        if s.kind == "prose":
            if n >= MIN_SENTENCE_WORDS:
                counted.append(s)
                counted_words += n
            if own > report.longest:
                report.longest, report.longest_text = own, s.text
    report.words = counted_words
    report.sentences = len(counted)
    if counted:
        report.average = report.words / len(counted)
    avg = rules.rule("average-sentence-length")
    limit = avg.limit(report.audience)
    if counted and report.words >= avg.min_words and limit is not None and report.average > limit:
        add(
            finding(
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
                finding(
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
            finder = phrase_finder(phrase)
            if not finder.may_match(folded):
                continue
            for m in finder.finditer(p.text, folded):
                matches.append((m.start(), -(m.end() - m.start()), m.end(), entry))
    matches.sort(key=lambda x: (x[0], x[1]))
    exceptions: dict[str, list[tuple[int, int]]] = {}  # where each "except" phrase is

    def excepted(phrase: str, start: int, end: int) -> bool:
        if phrase not in exceptions:
            exceptions[phrase] = [m.span() for m in phrase_finder(phrase).finditer(p.text, folded)]
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
            finding(
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
    for m in ABBREVIATION.finditer(p.text):
        word = m.group(1)
        if not is_abbreviation(word) or not checked(m.start()):
            continue
        base = word
        if word not in either and word.endswith("s") and word[:-1] in either:
            base = word[:-1]
        if base in allowed or base in seen:
            continue
        seen.add(base)
        if in_glossary_link(p, m.start(), m.end()) or explained_in_brackets(
            p.text, m.start(), m.end()
        ):
            continue
        key = glossary.abbreviation_key(base) or glossary.abbreviation_key(word)
        if base in known:
            term = glossary.terms.get(key or "", "")
            example = f"{term} ({base})" if term else f"the words in full ({base})"
            report.flagged.append(word)
            add(
                finding(
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
                finding(
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
    done: set[str] = set(rule.not_required)  # each key once; those not required never
    for m in finder.finditer(p.text, folded):
        key = keys.get(m.group(1).casefold().replace("\u2019", "'"))
        if key is None or key in done:
            continue
        if any(a <= m.start() < b for a, b in headings) or not checked(m.start()):
            continue
        done.add(key)
        if in_glossary_link(p, m.start(), m.end()) or explained_in_brackets(
            p.text, m.start(), m.end()
        ):
            continue
        report.flagged.append(m.group(1))
        add(
            finding(
                rules,
                "glossary-links",
                where(m.start()),
                page=report.path,
                found=m.group(1),
                key=key,
            )
        )


def check_text(
    markdown: str,
    audience: str,
    rules: Rules,
    glossary: GlossaryForms | None = None,
    page: str = "example.md",
) -> PageReport:
    """Check a piece of Markdown as if it were a whole page (for examples and tests)."""
    return check_page(markdown, audience, page, FilePlaces(page, markdown), rules, glossary)
