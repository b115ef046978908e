"""Problems found in data, reported as ``path:line:column: what is wrong. How to fix it.``

Every check in the project reports through :class:`Problem`, so comms teams see one format,
with the place to look first, whatever went wrong.

Example::

    >>> p = Problem("data/areas/derby.yaml", 3, 7, "The region `East Midland` is not one we know",
    ...             "Use one of: East Midlands, West Midlands")
    >>> str(p)
    'data/areas/derby.yaml:3:7: The region `East Midland` is not one we know. Use one of: East Midlands, West Midlands.'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place. Lines and columns count from 1, as editors show them."""

    path: str
    line: int
    col: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {_sentence(self.message)}"
        if self.fix:
            text += f" {_sentence(self.fix)}"
        return text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


class DataError(Exception):
    """Raised when data has problems; carries every problem so all are reported at once."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def report(self) -> str:
        """The text printed for people: every problem, then a count."""
        n = len(self.problems)
        noun = "problem" if n == 1 else "problems"
        return (
            "\n".join(str(p) for p in self.problems) + f"\n\nFound {n} {noun}. Nothing was built."
        )


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "Did you mean ...?" hint when ``word`` is close to one of ``choices``, else ``""``.

    >>> did_you_mean("outstandng", ["outstanding", "good"])
    'Did you mean `outstanding`?'
    """
    import difflib  # only when a message is written

    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"Did you mean `{close[0]}`?" if close else ""


def one_of(choices: Iterable[str]) -> str:
    """``"Use one of: a, b, c"`` for a fix message."""
    return "Use one of: " + ", ".join(f"`{c}`" for c in choices)
