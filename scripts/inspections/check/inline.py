"""Inline Markdown, as the words check reads it: links keep their words; emphasis markers,
code marks, tags, attribute lists and the tails of split links are not read; entities are one
character. :mod:`.text` uses these patterns to make each line plain.

:func:`inline_matches` finds what ``INLINE.finditer`` finds, trying the long pattern only
where a match can start (the check reads about 60,000 lines with inline Markdown at national
scale).

Example::

    >>> [m.group() for m in inline_matches("See **this** [IRO](glossary.md#iro).")]
    ['**', '**', '[IRO](glossary.md#iro)']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LINK_TAIL = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")  # "](x)" of a link split by a value
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")
_ATTR = re.compile(r"\s*\{[:#.][^{}]*\}")
_MARK = re.compile(r"\*\*|__|[*`]|(?<![\w])_|_(?![\w])")

# Read as references, not as our prose: citations (<small>) and quotations of Ofsted's own
# words (<q>), which stay exactly as Ofsted wrote them.
REFERENCE_TAG = re.compile(r"<(/?)(?:small|q)\b", re.I)
# HTML table parts: each caption and cell is its own block, like a Markdown table's cells.
# A header cell (<th>) is a label, read like a heading.
TABLE_TAG = re.compile(r"<(/?)(table|caption|thead|tbody|tfoot|tr|th|td)\b", re.I)

# One run of a plain stretch of text: words with single spaces between them (kept as they
# are, so a whole phrase is one run), an escape's backslash (before a character that is not a
# letter or digit: ``str.isalnum`` is ``\w`` without ``_``), a backslash shown as it is,
# other spaces, or link brackets.
RUN = re.compile(
    r"(?P<plain>[^\s\\\[\]]+(?: [^\s\\\[\]]+)*)|(?P<escape>\\(?=\W|_))"
    r"|(?P<backslash>\\)|(?P<space>\s+)|(?P<bracket>[\[\]]+)"
)


INLINE = re.compile(
    r"(?P<link>(?P<bang>!?)\[(?P<words>[^\]]*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\))"
    r"|<(?P<auto>(?:https?|mailto|tel):[^>\s]*)>"
    r"|(?P<entity>" + _ENTITY.pattern + ")"
    r"|" + _TAG.pattern + r"|" + _ATTR.pattern + r"|" + _LINK_TAIL.pattern + r"|" + _MARK.pattern
)


# Where a match of INLINE can start: an image's "!", a link's "[" or "](", a tag's or
# autolink's "<", an entity's "&", an attribute list's "{" (or the spaces before it), an
# emphasis or code marker.
INLINE_AT = re.compile(r"[!\[\]<&{*_`]")


def inline_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`INLINE` in ``text``, as ``INLINE.finditer(text)`` finds them.

    The regex engine would try the long pattern at every character; here it is tried only
    where a match can start (:data:`INLINE_AT`), found by a quick scan: most lines have no
    inline Markdown, or only a little. ``tests/test_check_text.py`` compares the two.
    """
    pos = 0
    while (found := INLINE_AT.search(text, pos)) is not None:
        at = found.start()
        if text[at] == "{":  # an attribute list starts at the spaces before its "{"
            while at > pos and text[at - 1].isspace():
                at -= 1
        m = INLINE.match(text, at)
        if m is None:
            pos = found.start() + 1
        else:
            yield m
            pos = m.end()
