"""Which of a page's words the rules judge, and for which audience.

Official names and titles (the fields listed under ``not_checked`` in the rules) and citations
are read but not judged, and a text written for one audience (a ``young_people:`` field) is
held to that audience's limits wherever it is shown. :class:`Scope` answers both questions for
any character of a page's plain text, and counts a sentence's own words.

There are two ways to the same answers. The plain way asks the page's places about each
character (:meth:`~.findings.Places.loc_at`). When the places can list where each field's
words are (``regions``, as :class:`.places.PagePlaces` and :class:`.findings.FilePlaces` do),
the stretches that are not judged and those written for one audience are listed once per page
and searched with :mod:`bisect`, and most sentences are judged whole, not word by word: the
national site has about 150,000 sentences. ``tests/test_check_work.py`` checks that both ways
give the same results.

Example::

    >>> p = plain("Kids are safe. They play.")                                               # doctest: +SKIP
    >>> scope = Scope(p, FilePlaces("x.md", "Kids are safe. They play."), rules, "families")  # doctest: +SKIP
    >>> scope.checked(0), scope.audience_at(0)                                                # doctest: +SKIP
    (True, 'families')
"""

from __future__ import annotations

import bisect

from inspections.audiences import READERS
from inspections.check.findings import Places
from inspections.check.rules import Rules
from inspections.check.text import WORD, Plain, Sentence

FIELD_AUDIENCE = {a.field: a.slug for a in READERS}


class Scope:
    """Which words of one page are judged, and for which audience (see the module's notes)."""

    def __init__(self, p: Plain, places: Places, rules: Rules, audience: str) -> None:
        self.p, self.places, self.rules, self.audience = p, places, rules, audience
        self.references = [(b.start, b.end) for b in p.blocks if b.kind == "reference"]
        self._ref_starts = [a for a, _ in self.references]
        self._ref_ends = [b for _, b in self.references]
        self._field_checked: dict[tuple, bool] = {}  # rules.checked for each field, once
        regions = getattr(places, "regions", None)
        self.fast = regions is not None
        if regions is None:
            return
        found = regions()  # (start, end, field) in Markdown, in order, not overlapping
        skip = [(a, b) for a, b, loc in found if not self.field_checked(loc)]
        self._skip_starts = [a for a, _ in skip]
        self._skip_ends = [b for _, b in skip]
        own = [(a, b, FIELD_AUDIENCE.get(str(loc[-1]))) for a, b, loc in found if loc]
        own = [(a, b, aud) for a, b, aud in own if aud is not None]
        self._aud_starts = [a for a, _, _ in own]
        self._aud_ends = [b for _, b, _ in own]
        self._aud = [aud for _, _, aud in own]

    def field_checked(self, loc: tuple | None) -> bool:
        """False for a field whose words are not judged (official names and titles)."""
        if loc is None:
            return True
        known = self._field_checked.get(loc)
        if known is None:
            known = self._field_checked[loc] = self.rules.checked(loc)
        return known

    def _origin(self, index: int) -> int:
        """:meth:`.text.Plain.origin`, without the call."""
        source = self.p.source
        if index < len(source):
            return source[index]
        return source[-1] + 1 if source else 0

    def in_reference(self, index: int) -> bool:
        """True if plain character ``index`` is in a citation or a quotation."""
        if not self.fast:
            return any(a <= index < b for a, b in self.references)
        i = bisect.bisect_right(self._ref_ends, index)  # the first one ending after index
        return i < len(self._ref_ends) and self._ref_starts[i] <= index

    def checked(self, index: int) -> bool:
        """False for official names and titles, and for citations."""
        if self.in_reference(index):
            return False
        if not self.fast:
            return self.field_checked(self.places.loc_at(self.p.origin(index)))
        offset = self._origin(index)
        i = bisect.bisect_right(self._skip_ends, offset)
        return not (i < len(self._skip_ends) and self._skip_starts[i] <= offset)

    def audience_at(self, index: int) -> str:
        """The audience whose limits the words at ``index`` are held to."""
        if not self.fast:
            found = self.places.loc_at(self.p.origin(index))
            return FIELD_AUDIENCE.get(str(found[-1]), self.audience) if found else self.audience
        if not self._aud_ends:
            return self.audience  # no text on the page is written for one audience
        offset = self._origin(index)
        i = bisect.bisect_right(self._aud_ends, offset)
        if i < len(self._aud_ends) and self._aud_starts[i] <= offset:
            return self._aud[i]
        return self.audience

    def sentences(self, sents: list[Sentence]) -> list[tuple[Sentence, int, int, str]]:
        """(sentence, its words, its own words, its audience) for each sentence that is not a
        citation (see :meth:`own_words` and :meth:`audience_at`)."""
        own_words, audience_at, findall = self.own_words, self.audience_at, WORD.findall
        one_audience = self.fast and not self._aud_ends  # no text for one audience
        out = []
        for s in sents:
            if s.kind == "reference":
                continue
            n = len(findall(s.text))
            aud = self.audience if one_audience else audience_at(s.start)
            out.append((s, n, own_words(s, n), aud))
        return out

    def own_words(self, s: Sentence, n: int) -> int:
        """How many of the ``n`` words of sentence ``s`` are judged (see :meth:`checked`).

        The fast way: when the Markdown the sentence came from (its lowest to its highest
        offset) meets no field that is not judged, and the sentence no citation, all ``n``.
        """
        if self.fast:
            i = bisect.bisect_right(self._ref_ends, s.start)
            if i == len(self._ref_ends) or self._ref_starts[i] >= s.end:
                if not self._skip_ends:
                    return n
                # Plain text never goes back in the Markdown (Plain.source), so these are the
                # lowest and highest offsets of the sentence's characters.
                source = self.p.source
                lo, hi = source[s.start], source[min(s.end, len(source)) - 1]
                j = bisect.bisect_right(self._skip_ends, lo)
                if j == len(self._skip_ends) or self._skip_starts[j] > hi:
                    return n
                return n - self._words_skipped(s, j, hi)
        return sum(1 for m in WORD.finditer(s.text) if self.checked(s.start + m.start()))

    def _words_skipped(self, s: Sentence, j: int, hi: int) -> int:
        """Words of ``s`` (which holds no citation) that start in a field that is not judged:
        the fields from the ``j``-th on that start by Markdown offset ``hi``. Where each word
        starts in the Markdown (:meth:`_origin`) never goes down, so each field's words are
        counted with two binary searches."""
        source, end = self.p.source, len(self.p.source)
        starts = [
            source[i] if i < end else source[-1] + 1
            for i in [s.start + m.start() for m in WORD.finditer(s.text)]
        ]
        skipped = 0
        while j < len(self._skip_ends) and self._skip_starts[j] <= hi:
            a, b = self._skip_starts[j], self._skip_ends[j]
            skipped += bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a)
            j += 1
        return skipped
