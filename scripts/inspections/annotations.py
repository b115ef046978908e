"""Problems as GitHub annotations, so a pull request shows each one on the line it is about.

GitHub Actions turns a line like ``::error file=data/areas/derby.yaml,line=3,col=7::message``
printed by any step into a note on that line of the pull request's "Files changed" tab. The
comms officer sees the problem where they made it, without reading the log.

Commands choose this output with ``--format github``; by default they choose it themselves when
they run inside GitHub Actions (``GITHUB_ACTIONS=true``) and print plain lines everywhere else.

Example::

    >>> from inspections.problems import Problem
    >>> print(annotation(Problem("data/areas/derby.yaml", 3, 7, "50% done", "Fix it")))
    ::error file=data/areas/derby.yaml,line=3,col=7,title=Data problem::50%25 done. Fix it.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable

from inspections.problems import Problem

FORMATS = ("text", "github")


def _escape_data(text: str) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, level: str = "error", title: str = "Data problem") -> str:
    """One problem as a GitHub workflow command (``error``, ``warning`` or ``notice``)."""
    message = str(problem).removeprefix(f"{problem.path}:{problem.line}:{problem.col}: ")
    props = ",".join(
        [
            f"file={_escape_property(problem.path)}",
            f"line={problem.line}",
            f"col={problem.col}",
            f"title={_escape_property(title)}",
        ]
    )
    return f"::{level} {props}::{_escape_data(message)}"


def annotations(
    problems: Iterable[Problem], level: str = "error", title: str = "Data problem"
) -> str:
    """Every problem as an annotation, one per line."""
    return "\n".join(annotation(p, level, title) for p in problems)


def add_format_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--format`` option shared by commands that report problems."""
    default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=default,
        help="text: plain `file:line:col` lines; github: also print GitHub annotations, so "
        "problems show on the changed lines of a pull request (default: github inside "
        f"GitHub Actions, text elsewhere; here: {default})",
    )
