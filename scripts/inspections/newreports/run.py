"""Find new reports, draft each with the importer, and open one draft pull request each.

Why one pull request per report, on a branch named from Ofsted's file number
(``new-report/<id>``): that name is the memory between runs. Before anything is downloaded,
an existing branch or pull request (open, closed or merged) with that name means the report
was already proposed, so a second run, or a run after someone closed the pull request, never
opens another. Every report is handled on its own: a broken PDF, a 404 or a timeout is one
message, and the other reports are still processed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from inspections.importer import ImportRefused
from inspections.importer.pipeline import ImportResult, draft_report, import_report, target_path
from inspections.importer.reading import read_report
from inspections.load import load_file
from inspections.newreports.body import commit_message, pr_body, pr_title
from inspections.newreports.fetch import FetchError, Limits, get_page, get_pdf
from inspections.newreports.github import GitHub, GitHubError
from inspections.newreports.known import read_known
from inspections.newreports.ofsted import Report, moved, reports_on_page
from inspections.problems import DataError

MAX_PAGES = 400  # England has 153 councils; a longer list is a mistake
MAX_REPORTS = 2000  # candidates looked at in one run (each costs one API call at most)


@dataclass
class Options:
    """What one run reads, where it writes, and where it opens pull requests."""

    root: Path
    out: Path
    pages: dict[str, str | None] = field(default_factory=dict)  # page -> area (if known)
    since: str | None = None  # ISO day: older reports are not new
    limit: int = 5  # pull requests at most per run
    source: str | None = None  # fetch Ofsted's pages from here instead (tests)
    files: str | None = None  # fetch Ofsted's files from here instead (tests)
    limits: Limits = field(default_factory=Limits)
    github: GitHub | None = None  # None: draft only, open nothing


@dataclass
class Outcome:
    """What happened, for the log; ``problems`` make the run fail after everything ran."""

    opened: list[str] = field(default_factory=list)
    drafted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def area_name(root: Path, where: str) -> str:
    """The area's name (``name:`` in data/areas/<area>.yaml) for a draft at ``where``."""
    slug = Path(where).parent.name
    try:
        data = load_file(root / "data" / "areas" / f"{slug}.yaml").data
    except DataError:
        data = None
    name = data.get("name") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name.strip() else slug


def branch_for(report: Report) -> str:
    return f"new-report/{report.file_id}"


def find_new(options: Options, outcome: Outcome) -> list[tuple[Report, str | None]]:
    """Reports on the provider pages that the site does not have, oldest first."""
    known = read_known(options.root)
    outcome.problems += known.problems
    pages: dict[str, str | None] = {**known.pages, **options.pages}
    found: dict[str, tuple[Report, str | None]] = {}
    if not pages:
        outcome.skipped.append(
            "No Ofsted provider pages to read: add `ofsted_page:` to the files in data/areas/ "
            "(https://reports.ofsted.gov.uk/provider/44/<code>), or give --provider"
        )
    for page in sorted(pages)[:MAX_PAGES]:
        area = pages[page] or known.pages.get(page)
        try:
            html = get_page(moved(page, options.source), options.limits)
        except FetchError as exc:
            outcome.problems.append(f"Provider page: {exc}")
            continue
        reports = reports_on_page(html, page)
        if not reports:
            outcome.skipped.append(f"{page}: no children's services inspection reports listed")
        for report in reports:
            if report.file_id in known.report_ids or report.file_id in found:
                continue
            if options.since and (report.published or "") < options.since:
                continue
            latest = known.latest.get(area or "")
            if latest and report.published and report.published <= latest:
                outcome.skipped.append(
                    f"{report.ofsted_url} ({report.title}): not newer than "
                    f"the newest report the site has for {area} ({latest})"
                )
                continue
            found[report.file_id] = (report, area)
    return sorted(found.values(), key=lambda r: (r[0].published or "", r[0].file_id))


def already_proposed(github: GitHub, branch: str) -> tuple[str, bool] | None:
    """Why a pull request for ``branch`` must not be opened again, and whether a person must
    act (a branch with no pull request: an earlier run that could not open one); or None."""
    pulls = github.pulls_from(branch)
    if pulls:
        pull = pulls[0]
        return (
            f"pull request #{pull.get('number')} ({pull.get('state')}) already proposes it",
            False,
        )
    if github.branch_sha(branch):
        return (
            f"the branch {branch} exists but no pull request comes from it (an earlier run "
            "could not open one). Open a draft pull request from it by hand, or delete the "
            "branch and the next run makes both again",
            True,
        )
    return None


def draft(report: Report, area: str | None, options: Options) -> tuple[ImportResult, str]:
    """Download the report, write its draft under ``out``; also the draft's path in the
    project. Raises FetchError or ImportRefused."""
    pdf = get_pdf(moved(report.ofsted_url, options.files), options.limits)
    folder = options.out / report.file_id
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{report.file_id}.pdf"
    path.write_bytes(pdf)
    with (folder / "index.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "ofsted_url", "published", "local_authority"])
        writer.writerow([path.name, report.ofsted_url, report.published or "", ""])
    entry = {
        "file": path.name,
        "ofsted_url": report.ofsted_url,
        "published": report.published or "",
    }
    facts, _, _ = draft_report(read_report(path), options.root, path.name, None, area, entry)
    where = target_path(Path("."), facts)
    if (options.root / where).exists():  # the site has a file there: never replace it
        where = where.with_name(f"{where.stem}-{report.file_id}{where.suffix}")
    out = folder / where.name
    out.unlink(missing_ok=True)  # a draft left by an earlier run of this command
    result = import_report(path, options.root, area=area, out=out)
    return result, where.as_posix()


def propose(report: Report, area: str | None, options: Options, outcome: Outcome) -> bool:
    """Everything for one report; every failure is one line in ``outcome.problems``.

    False when the report was already proposed (nothing downloaded), so it does not count
    towards the run's limit."""
    branch = branch_for(report)
    label = f"{report.ofsted_url} ({report.title})"
    github = options.github
    try:
        if github:
            proposed = already_proposed(github, branch)
            if proposed:
                why, act = proposed
                (outcome.problems if act else outcome.skipped).append(f"{label}: {why}")
                return False
        result, where = draft(report, area, options)
    except (FetchError, ImportRefused, GitHubError) as exc:
        outcome.problems.append(f"{label}: nothing opened. {str(exc).rstrip('.')}.")
        return True
    outcome.drafted.append(f"{label}: draft {result.path} (for {where})")
    if not github:
        return True
    try:
        base = github.default_branch()
        head = github.branch_sha(base)
        if not head:
            raise GitHubError(f"the default branch {base} was not found")
        github.create_branch(branch, head)
        github.add_file(branch, where, result.text, commit_message(report, where))
        url = github.open_draft(
            branch,
            base,
            pr_title(report, area_name(options.root, where)),
            pr_body(report, result, where),
        )
    except GitHubError as exc:
        hint = ""
        if " 403 " in str(exc):
            hint = (
                " If GitHub says Actions may not create pull requests, tick Settings > "
                'Actions > General > "Allow GitHub Actions to create and approve pull '
                'requests".'
            )
        outcome.problems.append(f"{label}: the pull request was not opened. {exc}{hint}")
        return True
    outcome.opened.append(f"{label}: {url}")
    return True


def run(options: Options) -> Outcome:
    """One whole run: find, then propose at most ``options.limit`` reports."""
    outcome = Outcome()
    tried = 0
    for report, area in find_new(options, outcome)[:MAX_REPORTS]:
        if tried >= options.limit:
            outcome.skipped.append(
                f"{report.ofsted_url} ({report.title}): over this run's "
                f"limit of {options.limit}; a later run takes it"
            )
            continue
        try:
            tried += propose(report, area, options, outcome)
        except Exception as exc:  # noqa: BLE001 - one odd report must not stop the others
            tried += 1
            outcome.problems.append(
                f"{report.ofsted_url} ({report.title}): nothing opened. An unexpected error "
                f"({type(exc).__name__}: {exc}); please report it with this line"
            )
    return outcome
