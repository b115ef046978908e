"""Finding glossary terms, abbreviations and phrases in a page's words, quickly.

The glossary's forms (:class:`GlossaryForms`), a fast matcher for many phrases at once
(:class:`_Finder`, used through :func:`phrase_finder` and :meth:`GlossaryForms.finder`), and
the small tests the rules use: is a word an abbreviation, is it inside a glossary link, is it
explained in brackets.

Example::

    >>> is_abbreviation("IRO"), is_abbreviation("McDonald")
    (True, False)
    >>> [m.group() for m in phrase_finder("looked after").finditer(*_both("Children looked  After."))]
    ['looked  After']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from inspections.check.text import Plain

_GLOSSARY_TARGET = re.compile(r"(?:^|/)glossary(?:\.md|/)?#([\w-]+)$|^glossary:([\w-]+)$")
# A word with two capitals or more, not after a letter, apostrophe or hyphen. The look-behind
# comes after the first capital, so the engine jumps from capital to capital.
ABBREVIATION = re.compile(r"([A-Z](?<![\w\u2019'-][A-Z])[A-Za-z]*[A-Z][A-Za-z]*)(?![\w])")


def _both(text: str) -> tuple[str, Folded]:
    """``text`` and its :func:`fold` (for the example above)."""
    return text, fold(text)


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
      nor can an all-ASCII phrase one of whose runs (:func:`_runs`) is not a whole run of the
      page, so it is left out (most phrases are on no page at all);
    - a match can only start where a phrase's first run of letters (:func:`_head`) starts a run
      of the folded text (:func:`_head_at_run_start`; inside a run the character before is a
      letter or digit, which ``(?<![\\w-])`` refuses), so the pattern is tried only there, with
      only the phrases starting there, in the same order, skipping places inside the last
      match, as ``finditer`` does.

    A phrase that does not start with an ASCII letter or digit is looked for the slow way.
    """

    def __init__(self, phrases: list[str]):
        self.phrases = phrases
        self.keys = [_key(p) for p in phrases]
        self.heads = [_head(p) for p in phrases]
        self.exact = [p.isascii() for p in phrases]
        # What the page must hold (see Folded.may_hold): every run of an all-ASCII phrase
        # as a whole run, or else the longest run somewhere.
        self._needs = [
            _runs(p) if exact else key
            for p, key, exact in zip(phrases, self.keys, self.exact, strict=True)
        ]

    def may_match(self, folded: Folded) -> bool:
        """False if no phrase can match (a quick test before :meth:`finditer`): a loop, not
        ``any`` over :meth:`Folded.may_hold` (with all of an all-ASCII phrase's runs), as it runs
        for every phrase on every page."""
        runs, text = folded.runs, folded.text
        for need in self._needs:
            if need is None or (need in text if type(need) is str else need <= runs):
                return True
        return False

    def finditer(self, text: str, folded: Folded) -> Iterator[re.Match[str]]:
        """Matches in ``text``, in order; ``folded`` is :func:`fold` (``text``)."""
        runs, lower = folded.runs, folded.text
        keep = [
            i
            for i, need in enumerate(self._needs)
            if need is None or (need in lower if type(need) is str else need <= runs)
        ]
        if not keep:
            return
        if any(self.heads[i] is None for i in keep):
            yield from self._pattern(tuple(keep)).finditer(text)
            return
        by_head: dict[str, list[int]] = {}  # phrases sharing a first run are looked for once
        for i in keep:
            by_head.setdefault(self.heads[i], []).append(i)  # type: ignore[arg-type]
        starting: dict[int, list[int]] = {}  # offset -> phrases whose first word is there
        for head, group in by_head.items():
            for found in _head_at_run_start(head).finditer(lower):
                at = found.start()
                before = starting.get(at)
                starting[at] = group if before is None else sorted(before + group)
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
def phrase_finder(phrase: str) -> _Finder:
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
def _head_at_run_start(head: str) -> re.Pattern[str]:
    """Finds ``head`` in folded text where it starts a run of ASCII letters and digits.

    The look-behind comes after the words, so the engine looks for the words themselves.
    """
    words = re.escape(head)
    return re.compile(words + r"(?<![a-z0-9_]" + words + ")")


def _runs(phrase: str) -> frozenset[str]:
    """The runs of ASCII letters and digits in an all-ASCII phrase, lower-cased: wherever the
    phrase matches, each is a whole run of the :func:`fold` of the text (as :func:`_key` is),
    as its pattern has no letter next to a run that could match a letter or digit."""
    return frozenset(r.lower() for r in _ASCII_RUN.findall(phrase))


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


def in_glossary_link(p: Plain, start: int, end: int) -> str | None:
    for link in p.links:
        if link.start <= start and end <= link.end:
            key = _glossary_key(link.target)
            if key:
                return key
    return None


def explained_in_brackets(text: str, start: int, end: int) -> bool:
    """``words (ABBR)`` or ``ABBR (what it stands for)``."""
    after = text[end : end + 200].lstrip()
    if after.startswith("(") and len(re.findall(r"\w+", after[1 : after.find(")")])) >= 2:
        return True
    before = text[:start].rstrip()
    if before.endswith("(") and text[end : end + 1] == ")":
        return len(re.findall(r"\w+", before[-200:-1])) >= 2
    return False
