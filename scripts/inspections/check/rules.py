"""Load the plain-language rules from ``data/rules/plain-language.yaml``.

The rules are data so the comms team can read and change them: limits per audience, words to
avoid with plain replacements, abbreviations, which glossary entries pages must link. A mistake
in the file is reported like any data problem (``file:line:col: what is wrong. How to fix it.``).

Example::

    >>> rules = load_rules(Path("data/rules/plain-language.yaml"))   # doctest: +SKIP
    >>> rules.rule("sentence-length").limit("young-people")         # doctest: +SKIP
    20
"""

from __future__ import annotations

import fnmatch
import functools
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from inspections.audiences import SLUGS, YOUNG_PEOPLE
from inspections.load import Document, load_file
from inspections.problems import DataError
from inspections.validate import _problem

RULES_FILE = Path("data/rules/plain-language.yaml")
Audience = Literal[SLUGS]  # type: ignore[valid-type]  # the audiences module's slugs
Level = Literal["error", "warning"]
RULE_IDS = (
    "sentence-length",
    "average-sentence-length",
    "reading-level",
    "median-reading-level",
    "words-to-avoid",
    "abbreviations",
    "unknown-abbreviations",
    "glossary-links",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Example(_Strict):
    """A text that must pass or fail a rule, for the tests."""

    audience: Audience = YOUNG_PEOPLE.slug
    text: str = Field(min_length=1)


class Examples(_Strict):
    pass_: list[Example] = Field(default_factory=list, alias="pass")
    fail: list[Example] = Field(default_factory=list)


class Word(_Strict):
    """A word or phrase to avoid, in all the forms to catch, and what to say instead."""

    avoid: list[str] = Field(min_length=1, description="The word or phrase, in every form.")
    use: str = Field(min_length=1, description="Plain words to use instead.")
    except_: list[str] = Field(
        default_factory=list, alias="except", description="Phrases in which the word is right."
    )
    level: Level | None = None
    audiences: list[Audience] | None = None


class Rule(_Strict):
    """One rule: its level, what to tell people, and its settings."""

    level: Level
    message: str = Field(min_length=1)
    suggestion: str = Field(min_length=1)
    limits: dict[Audience, float] = Field(default_factory=dict)
    min_words: int = 0
    words: list[Word] = Field(default_factory=list)
    known: list[str] = Field(default_factory=list)
    allowed: list[str] = Field(default_factory=list)
    not_required: list[str] = Field(default_factory=list)
    exempt_pages: list[str] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)

    def limit(self, audience: str) -> float | None:
        return self.limits.get(audience)  # type: ignore[call-overload]


class Rules(_Strict):
    """The whole rules file."""

    audiences: dict[Audience, str]
    rules: dict[str, Rule]
    not_checked: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _all_rules(self) -> Rules:
        missing = [r for r in RULE_IDS if r not in self.rules]
        unknown = [r for r in self.rules if r not in RULE_IDS]
        if missing or unknown:
            raise ValueError(
                (f"rules missing: {', '.join(missing)}. " if missing else "")
                + (f"rules we do not know: {', '.join(unknown)}. " if unknown else "")
                + f"The rules are: {', '.join(RULE_IDS)}"
            )
        return self

    def rule(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def checked(self, loc: tuple) -> bool:
        """False for fields listed under ``not_checked`` (official names and titles)."""
        dotted = ".".join(str(x) for x in loc)
        pattern = _any_of(tuple(self.not_checked))
        return pattern is None or not pattern.match(dotted)


@functools.lru_cache(maxsize=16)
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """Shell-style patterns as one regex (what ``fnmatch.fnmatchcase`` does for each)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


def _unfold(value: Any) -> Any:
    """Drop the "\\a" marks ruamel.yaml leaves where it folded a ``>`` block's lines."""
    if isinstance(value, str):
        return value.replace("\a", "")
    if isinstance(value, list):
        return [_unfold(v) for v in value]
    if isinstance(value, dict):
        return {k: _unfold(v) for k, v in value.items()}
    return value


def load_rules(path: Path, shown_as: str | None = None) -> Rules:
    """Load and check the rules file; raise :class:`DataError` with every problem in it."""
    doc: Document = load_file(path, shown_as or str(path))
    try:
        return Rules.model_validate(_unfold(doc.data))
    except ValidationError as exc:
        raise DataError([_problem(doc, Rules, err) for err in exc.errors()]) from None
