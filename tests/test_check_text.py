"""Markdown to plain sentences: what the reader reads, block by block."""

from __future__ import annotations

import pytest

from inspections.check.checker import is_abbreviation
from inspections.check.text import plain, sentences, words


def split(markdown: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in sentences(plain(markdown))]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("One. Two.", [("prose", "One."), ("prose", "Two.")]),
        ("Help, e.g. money. Yes.", [("prose", "Help, e.g. money."), ("prose", "Yes.")]),
        (
            "See paragraph 4.2 of it. Then stop.",
            [("prose", "See paragraph 4.2 of it."), ("prose", "Then stop.")],
        ),
        (
            "## A heading\nA line\nthat goes on.",
            [("heading", "A heading"), ("prose", "A line that goes on.")],
        ),
        ("- first item\n- second item", [("prose", "first item"), ("prose", "second item")]),
        (
            "| Council | Derby |\n|---|---|\n| Kind | Short |",
            [("prose", "Council"), ("prose", "Derby"), ("prose", "Kind"), ("prose", "Short")],
        ),
        (
            "**In short:** Things are good.",
            [("heading", "In short:"), ("prose", "Things are good.")],
        ),
        (
            '!!! note "A title"\n    Body text here.',
            [("heading", "A title"), ("prose", "Body text here.")],
        ),
        (
            'Good. <small class="cite">(Source: the report, paragraph 1)</small>',
            [("prose", "Good."), ("reference", "(Source: the report, paragraph 1)")],
        ),
        ("---\ntitle: x\n---\n\nText **bold** and `code`.", [("prose", "Text bold and code.")]),
        ("&lt;b&gt; is shown as text.", [("prose", "<b> is shown as text.")]),
        ('<span class="grade">Good</span> overall.', [("prose", "Good overall.")]),
    ],
)
def test_sentences(markdown: str, expected: list[tuple[str, str]]) -> None:
    assert split(markdown) == expected


def test_html_table_caption_and_cells_are_separate_blocks() -> None:
    """Each caption and cell is its own block; header cells (<th>) are labels, like headings."""
    html = (
        '<p role="status">2 areas, A to Z.</p>\n'
        "<table>\n<caption>Latest grades for every area, A to Z.</caption>\n"
        '<thead>\n<tr>\n<th scope="col">Area</th>\n<th scope="col">Overall effectiveness</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<th scope="row"><a href="../derby/">Derby</a></th>\n'
        '<td><span class="grade">Requires improvement to be good</span></td>\n'
        "</tr>\n</tbody>\n</table>\n\nThe data is open.\n"
    )
    assert split(html) == [
        ("prose", "2 areas, A to Z."),
        ("prose", "Latest grades for every area, A to Z."),
        ("heading", "Area"),
        ("heading", "Overall effectiveness"),
        ("heading", "Derby"),
        ("prose", "Requires improvement to be good"),
        ("prose", "The data is open."),
    ]


def test_links_keep_their_words_and_remember_the_target() -> None:
    p = plain("Ask your [IRO](../glossary.md#iro) today.")
    assert p.text.strip() == "Ask your IRO today."
    (link,) = p.links
    assert p.text[link.start : link.end] == "IRO"
    assert link.target == "../glossary.md#iro"


def test_offsets_point_into_the_markdown() -> None:
    md = "# Title\n\nSome **bold** words."
    p = plain(md)
    i = p.text.index("words")
    assert md[p.origin(i) : p.origin(i) + 5] == "words"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("When a child might be hurt, workers act fast.", 9),
        ("Children's homes: 21 to 25 March 2022.", 7),
        ("A high-quality, life-story service.", 4),
    ],
)
def test_words(text: str, count: int) -> None:
    assert len(words(text)) == count


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("IRO", True),
        ("IROs", True),
        ("CiCC", True),
        ("DfE", True),
        ("PA", True),
        ("McDonald", False),
        ("Ofsted", False),
        ("I", False),
    ],
)
def test_what_counts_as_an_abbreviation(word: str, expected: bool) -> None:
    assert is_abbreviation(word) is expected


# The quick ways in text.py beside the plain ones they stand for: the same answers.

_PIECES = [
    *"ab Z9 .!?\\[]()<>&;#*_`{}:|-+~\"'\u2019\u00a0\t",
    *["**", "__", "[x](y)", "![i](p.png)", '[x](y "t")', "](z)", "<q>", "</q>", "<small>"],
    *["<td>", "<th>", "</th>", "<b class='x'>", "&amp;", "&nbsp;", "&#160;", "&NotEqualTilde;"],
    *["{: .x}", " {#id}", "\t{.c}", "{x}", "<https://x.y>", "<mailto:a@b.c>", "\\|", "\\*"],
    *["snake_case", " _x_ ", "a  b", "   ", "e.g. ", "Mr. ", "J. Smith"],
]
_LINES = ["## ", "- ", "1. ", "> ", '!!! note "T"', "    ", "```", "| a | b |", "|---|---|", ""]


def _random_texts(seed: int, count: int, lines: bool = False) -> list[str]:
    import random

    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [rnd.choice(_PIECES) for _ in range(rnd.randint(0, 30))]
        if lines:
            for i in sorted(rnd.sample(range(len(parts) + 1), min(4, len(parts) + 1))):
                parts.insert(i, "\n" + rnd.choice(_LINES))
        out.append("".join(parts))
    return out


def test_inline_markdown_is_found_where_the_pattern_finds_it() -> None:
    from inspections.check import inline

    def found(matches) -> list[tuple]:
        return [(m.span(), m.lastgroup, m.groupdict()) for m in matches]

    texts = _random_texts(1, 3000)
    assert sum(1 for t in texts if inline.INLINE.search(t)) > 2000  # the texts have Markdown
    for t in texts:
        assert found(inline.inline_matches(t)) == found(inline.INLINE.finditer(t)), t


def test_plain_runs_in_one_go_are_the_runs_one_by_one() -> None:
    from inspections.check.text import _Builder

    for t in _random_texts(2, 3000):
        for before in ("", "x", " "):
            quick, slow = _Builder(), _Builder()
            for b in (quick, slow):
                b.add(before, 0)
            quick._plain_run(t, 7)
            slow._runs(t, 7)
            assert (quick.chars, quick.src) == (slow.chars, slow.src), (before, t)


def test_plain_text_never_goes_back_in_the_markdown(site_data) -> None:
    """The checker takes a stretch's first and last offsets as its lowest and highest."""
    from inspections.pages import build_pages

    pages = [page.markdown for page in build_pages(site_data).values()]
    for markdown in [*pages, *_random_texts(3, 3000, lines=True)]:
        source = plain(markdown).source
        assert all(a <= b for a, b in zip(source, source[1:], strict=False)), markdown
