"""The words of a new report's pull request: its title, its body and its commit message.

Why plain: the person who reads it is a comms officer, not a developer. The body says what
the importer found, what a person must still write, and that nothing is published until the
pull request is merged. What came from the report is shown in a code block, so no word in a
PDF can become a link, a mention or a checkbox.
"""

from __future__ import annotations

from inspections.importer.pipeline import ImportResult
from inspections.newreports.ofsted import Report


def _block(lines: list[str]) -> list[str]:
    if not lines:
        return ["(none)"]
    return ["```text", *(line.replace("```", "'''") for line in lines), "```"]


def pr_title(report: Report, area_name: str) -> str:
    day = f", published {report.published}" if report.published else ""
    return f"New Ofsted report: {area_name}{day} (draft to finish)"


def commit_message(report: Report, where: str) -> str:
    return (
        f"Draft {where} from Ofsted's new report\n\nImported from {report.ofsted_url} by "
        "the new-reports workflow. Still to write: the plain-language text."
    )


def pr_body(report: Report, result: ImportResult, where: str) -> str:
    """The pull request's description (Markdown, but plain)."""
    lines = [
        "Ofsted has published a children's services inspection report that the site does "
        "not have yet. This pull request adds a draft of it, made by the importer.",
        "",
        "**Nothing is published until this pull request is merged.** The report is already "
        "public on Ofsted's website, so this public draft shows nothing under embargo.",
        "",
        f"- Ofsted's report: {report.ofsted_url}",
        f"- Listed on: {report.provider_page}",
        f"- Draft file: `{where}`",
        "",
        "## What the importer found",
        "",
        "Grades and areas for improvement are filled in from the report. Check each against "
        "the report.",
        "",
        *_block(result.found),
        "",
        "## What it could not find",
        "",
        *_block(result.missing),
        "",
        "## What a person must write",
        "",
        f'The draft has {len(result.placeholders)} "Still to write" placeholders. The '
        "checks on this pull request fail until each is replaced with plain words:",
        "",
        # The draft was written in a work folder: name it by its place in the project.
        *_block([line.replace(str(result.path), where, 1) for line in result.placeholders]),
        "",
        "## How to finish it",
        "",
        "1. Open the report and the draft file side by side (Files changed, then Edit file).",
        '2. Replace every "Still to write" in our own words: short sentences for young '
        "people, a few plain sentences for families. Quote Ofsted's words only in quotation "
        "marks.",
        "3. Check the grades, dates and areas for improvement against the report.",
        "4. When the checks pass, mark the pull request ready for review. Merging it "
        "publishes the page.",
        "",
        "If this report should not be on the site, close this pull request. It will not be "
        "opened again: the new-reports workflow remembers it by its branch name "
        f"(`new-report/{report.file_id}`).",
    ]
    return "\n".join(lines) + "\n"
