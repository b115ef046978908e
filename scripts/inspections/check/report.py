"""The plain-language report, for people: one row per page, then every problem.

Printed by ``python -m inspections check`` and written to ``build/plain-language-report.md``
(outside ``site/``, so it is never published). Markdown, so it reads well in a terminal, in an
editor, and in a pull request.

Example::

    >>> print(page_table([PageReport("index.md", "everyone", words=90, sentences=9,
    ...                              average=10.0, longest=23)], rules=None))
    | Page | Audience | Reading level (limit) | Average sentence (limit) | Longest sentence (limit) | Words flagged |
    |---|---|---|---|---|---|
    | index.md | everyone | too short to score | 10.0 words | 23 words | none |
"""

from __future__ import annotations

import statistics

from inspections.audiences import SLUGS
from inspections.check.checker import PageReport, Result
from inspections.check.rules import Rules


def _limit(rules: Rules | None, rule: str, audience: str) -> str:
    if rules is None:
        return ""
    value = rules.rule(rule).limit(audience)
    if value is None:
        return ""
    return f" ({int(value) if float(value).is_integer() else value})"


def page_table(pages: list[PageReport], rules: Rules | None) -> str:
    """One row per page: audience, reading level, average and longest sentence, words flagged."""
    rows = [
        "| Page | Audience | Reading level (limit) | Average sentence (limit) "
        "| Longest sentence (limit) | Words flagged |",
        "|---|---|---|---|---|---|",
    ]
    for p in pages:
        grade = (
            f"grade {p.grade:.1f}{_limit(rules, 'reading-level', p.audience)}"
            if p.grade is not None
            else "too short to score"
        )
        average = f"{p.average:.1f} words{_limit(rules, 'average-sentence-length', p.audience)}"
        longest = f"{p.longest} words{_limit(rules, 'sentence-length', p.audience)}"
        flagged = ", ".join(dict.fromkeys(p.flagged)) or "none"
        mark = " ⚠" if any(f.level == "error" for f in p.findings) else ""
        rows.append(
            f"| {p.path}{mark} | {p.audience} | {grade} | {average} | {longest} | {flagged} |"
        )
    return "\n".join(rows)


def summary(result: Result) -> str:
    """Counts and the middle reading level for each audience."""
    lines = []
    for audience in SLUGS:
        grades = [p.grade for p in result.pages if p.audience == audience and p.grade is not None]
        count = sum(1 for p in result.pages if p.audience == audience)
        if count:
            middle = (
                f", middle reading level grade {statistics.median(grades):.1f}" if grades else ""
            )
            lines.append(f"- {audience}: {count} page{'s' if count != 1 else ''}{middle}")
    errors, warnings = len(result.errors), len(result.warnings)
    verdict = (
        "Every page is within its limits."
        if not errors
        else f"{errors} error{'s' if errors != 1 else ''}: these stop the site being built."
    )
    lines.append("")
    lines.append(
        verdict + (f" {warnings} warning{'s' if warnings != 1 else ''}." if warnings else "")
    )
    return "\n".join(lines)


def render(result: Result, rules: Rules | None) -> str:
    """The whole report as Markdown."""
    parts = [
        "# Plain-language report",
        "",
        "Made by `python -m inspections check` from data/rules/plain-language.yaml.",
        "",
        summary(result),
        "",
        "## Pages",
        "",
        page_table(result.pages, rules),
        "",
    ]
    if result.findings:
        parts += [
            "## Problems",
            "",
            "Each line says where the words are (`file:line:column`), the rule, the words "
            "found and how to fix it.",
            "",
            "```text",
            *(str(f) for f in result.findings),
            "```",
            "",
        ]
    return "\n".join(parts)
