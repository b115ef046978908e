"""Refuse text that could attack readers, before anything is built.

Data text is Markdown written by people, pasted from Word, PDFs and web pages, and may come in
a pull request from outside the team. Markdown lets text carry HTML, links to any scheme,
images from other sites and (with the ``attr_list`` extension MkDocs uses) attributes such as
``onclick``. So every text value in every data file is checked here, and each problem names
the file, line and column and says how to write the same thing safely:

- no raw HTML: tags, comments or character codes like ``&nbsp;`` (write Markdown instead);
- links only as ``[words](address)``, to ``https://``, ``mailto:``, ``tel:`` or the glossary
  (``[words](glossary:key)``): no ``javascript:``, ``data:`` or ``http:``, no bare
  ``<https://...>`` links (their words would not say where they go), no reference-style
  ``[1]: address`` lines;
- no images or other embedded content (they would make readers' browsers contact another
  server, which tells it who is reading);
- no curly brackets ``{...}`` (Markdown attribute lists, like ``{: onclick=...}``);
- web address fields (``url:``, ``website:``) hold only characters an address needs, and
  ``seed:`` holds a file name, never a path out of ../shared/seeds/.

The renderer (:mod:`inspections.render`) escapes text as well, so anything that slipped past
these rules still renders inert; these rules exist to tell the writer, at the right line.

Example::

    >>> from inspections.load import load_text
    >>> doc = load_text("summary:\\n  young_people: Hi <script>x</script>\\n", "data/x.yaml")
    >>> for p in check_text(doc): print(p)  # doctest: +NORMALIZE_WHITESPACE
    data/x.yaml:2:20: Raw HTML (`<script>`) is not allowed in text. Write it in Markdown
    instead: **bold**, [link words](https://...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from inspections.load import Document
from inspections.problems import Problem
from inspections.urls import SAFE_TARGET  # one rule for what a link may point to

# A whole `url:` field may also hold round brackets (Wikipedia-style addresses).
URL_FIELD = re.compile(
    r"https://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
    r"(?:[/?#][A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]*)?"
)
GLOSSARY_TARGET = re.compile(r"glossary:[^\s()]*")
URL_FIELDS = ("url", "website")
SEED_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # a name, never a path like ../../x
# Tags that fetch something from another server when the page is shown.
EMBEDS = (
    "img",
    "image",
    "iframe",
    "frame",
    "embed",
    "object",
    "video",
    "audio",
    "source",
    "picture",
    "svg",
    "track",
)
MARKDOWN_HELP = "Write it in Markdown instead: **bold**, [link words](https://...)"

_COMMENT = re.compile(r"<!--")
_AUTOLINK = re.compile(r"<\s*([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*|[^<>\s@]+@[^<>\s]+)>")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9:-]*)|<[!?]")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_IMAGE = re.compile(r"!\s*\[")
_LINK_START = re.compile(r"\]\(")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:", re.M)
_BRACES = re.compile(r"\{[^}\n]*\}")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Every pattern below needs one of these characters, so text without them is skipped at once.
_SUSPECT_CHARS = "<&[]{"
_SUSPECT = re.compile(r"[<&\[\]{]")
_FIELD_RULES = (*URL_FIELDS, "seed")  # fields with rules of their own


def check_text(doc: Document) -> Iterator[Problem]:
    """Every safety problem in every text value of ``doc``, each at its own line."""
    from inspections.validate import doc_fields, doc_texts  # validate imports load

    if doc.may_contain_any(_SUSPECT_CHARS):
        chosen = [
            (loc, text)
            for loc, text in doc_texts(doc)
            if not loc
            or loc[-1] in _FIELD_RULES
            or type(loc[-1]) is not str
            or _SUSPECT.search(text)
        ]
    else:
        # None of the characters the Markdown checks look for is in the file (most files):
        # only the fields with rules of their own, and texts in lists, need looking at.
        fields = doc_fields(doc)
        chosen = [found for name in (*_FIELD_RULES, int) for found in fields.get(name, ())]
    for loc, text in chosen:  # texts without these need no look (the common case)
        for needle, message, fix in problems_in(text, field=_field(loc)):
            line, col = doc.locate(loc, needle)
            yield Problem(doc.path, line, col, message, fix)


def _field(loc: tuple[Any, ...]) -> str:
    named = [p for p in loc if isinstance(p, str)]
    return named[-1] if named else ""


def problems_in(text: str, field: str = "") -> Iterator[tuple[str, str, str]]:
    """``(the words at fault, what is wrong, how to fix it)`` for each problem in ``text``.

    >>> for _, message, fix in problems_in("[Click](javascript:alert(1))"): print(message)
    The link `javascript:alert(1)` is not allowed: links may only go to `https://`, `mailto:` or \
`tel:` addresses, or to the glossary
    """
    if field in URL_FIELDS and text.startswith("https://") and not URL_FIELD.fullmatch(text):
        bad = sorted({c for c in text if not re.fullmatch(r"[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]", c)})
        shown = " ".join(f"`{c}`" if c.strip() else "a space" for c in bad) or "its shape"
        yield (
            text,
            f"This web address has characters an address cannot have ({shown})",
            "Copy the address again from your browser's address bar",
        )
    if field == "seed" and not SEED_NAME.fullmatch(text):
        yield (
            text,
            f"`{_short(text)}` is not a file name in ../shared/seeds/",
            "Write just the file's name, like `002_ac570c76320a66fd.txt`, with no folders",
        )
    if not _SUSPECT.search(text):
        return  # no `<`, `&`, `[`, `]` or `{`: none of the checks below can match
    done: set[int] = set()  # positions already reported, so one `<` gets one message
    for m in _COMMENT.finditer(text):
        done.add(m.start())
        yield (
            m.group(),
            "An HTML comment (`<!-- -->`) is not allowed in text",
            "Delete it. A note for the team can go on its own line starting with `#`",
        )
    for m in _AUTOLINK.finditer(text):
        if m.start() in done:
            continue
        done.add(m.start())
        target = m.group(1)
        yield (
            m.group(),
            f"A link in angle brackets (`<{_short(target)}>`) is not allowed in text",
            "Write it as a link whose words say where it goes: "
            "[words](https://...)"
            + (
                ""
                if SAFE_TARGET.fullmatch(target) or "@" in target and ":" not in target
                else ". Links may only go to https://, mailto: or tel:"
            ),
        )
    opened: set[str] = set()
    for m in _TAG.finditer(text):
        if m.start() in done:
            continue
        done.add(m.start())
        name = (m.group(2) or "").lower()
        if m.group(1) and name in opened:
            continue  # `</b>` after `<b>`: one message is enough
        opened.add(name)
        shown = f"<{m.group(1)}{name}>" if name else m.group()
        if name in EMBEDS:
            yield (
                m.group(),
                f"Raw HTML (`{shown}`) is not allowed in text, and images or "
                "other embedded content would make readers' browsers contact another "
                "website",
                "Describe it in words, or link to it: [words](https://...)",
            )
        else:
            yield (m.group(), f"Raw HTML (`{shown}`) is not allowed in text", MARKDOWN_HELP)
    for m in _ENTITY.finditer(text):
        yield (
            m.group(),
            f"HTML character codes (`{m.group()}`) are not allowed in text",
            "Type the character itself (for `&nbsp;` an ordinary space, for `&amp;` just `&`)",
        )
    for m in _IMAGE.finditer(text):
        yield (
            m.group(),
            "Images are not allowed in text: they would make readers' "
            "browsers fetch them from another website",
            "Describe it in words, or link to it: [words](https://...)",
        )
    for m in _LINK_START.finditer(text):
        target = _target(text, m.end())
        problem = _target_problem(target)
        if problem:
            yield (text[m.start() + 2 :].lstrip()[:40] or "](", *problem)
        elif not text.startswith(f"]({target})", m.start()):
            yield (
                text[m.start() : m.start() + 40],
                "This link is not written as [words](address)",
                "Put only the address inside the round brackets, with no spaces or quotes",
            )
    for m in _REFERENCE.finditer(text):
        yield (
            m.group().strip(),
            "Reference-style links (a line like `[1]: address`) are not allowed in text",
            "Put the address inside the link itself: [words](https://...)",
        )
    for m in _BRACES.finditer(text):
        yield (
            m.group(),
            f"Curly brackets (`{_short(m.group())}`) are not allowed in text: "
            "Markdown reads them as instructions for the page",
            "Use round brackets instead",
        )


def _target(text: str, start: int) -> str:
    """The address of a link whose ``](`` ends at ``start``, as Markdown would read it.

    >>> _target("[x]( javascript:alert(1)) more", 5)
    'javascript:alert(1)'
    """
    while start < len(text) and text[start] in " \t\n<":
        start += 1
    depth, end = 0, start
    while end < len(text) and not text[end].isspace() and text[end] not in '>"':
        if text[end] == "(":
            depth += 1
        elif text[end] == ")":
            if depth == 0:
                break
            depth -= 1
        end += 1
    return text[start:end]


def _target_problem(target: str) -> tuple[str, str] | None:
    """What is wrong with a link's address, if anything."""
    if not target:
        return (
            "This link has no address",
            "Put the address in the round brackets: [words](https://...)",
        )
    if GLOSSARY_TARGET.fullmatch(target) or SAFE_TARGET.fullmatch(target):
        return None  # glossary keys are checked against the glossary elsewhere
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(1).lower() == "http":
        return (
            f"The link `{_short(target)}` starts with `http://`",
            "Use the `https://` address (check it opens in your browser)",
        )
    if scheme and scheme.group(1).lower() not in ("https", "mailto", "tel", "glossary"):
        return (
            f"The link `{_short(target)}` is not allowed: links may only go to "
            "`https://`, `mailto:` or `tel:` addresses, or to the glossary",
            "Link to a public web page instead: [words](https://...)",
        )
    if "(" in target or ")" in target:
        return (
            f"The link `{_short(target)}` has round brackets in its address",
            "Write `%28` for `(` and `%29` for `)` in the address",
        )
    if scheme and scheme.group(1).lower() in ("https", "mailto", "tel", "glossary"):
        return (
            f"The link `{_short(target)}` is not a complete address",
            "Copy the address again from your browser's address bar",
        )
    return (
        f"The link `{_short(target)}` is not a full address",
        "Write the full address starting with https://, or link to the glossary with "
        "[words](glossary:key)",
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
