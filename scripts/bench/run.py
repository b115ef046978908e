"""``make bench``: time the public commands on the real data and on 153 fictional areas, and
print every target beside its figure (see :mod:`bench.targets`). Exit status 1 if one is missed.

For each data set, in a throw-away copy of the project (:mod:`bench.project`):

1. ``make validate``, best of 5 (median beside it);
2. ``make site``, best of 2: every check, the build and the search index, as a person runs it;
3. the first load of each kind of page, and of the heaviest area pages, in headless Chromium:
   the gzip size of everything fetched (:mod:`bench.weight`);
4. a young person's first search for their area at 4x CPU slowdown (:mod:`bench.search`);
5. ``make preview`` on a free port: new words in a summary and a new grade, three times each,
   timed until the served page shows them; and a word to avoid, timed until the preview names
   the file (:mod:`bench.preview`).

Then, once: ``python -m inspections refresh`` over Ofsted's reports and statistics in
``../shared/ofsted`` (the importer on all 493 reports), in the real data's copy.

The machine is shared and has 2 cores, so wall-clock times vary with other work; each figure is
the best of several runs, with the median beside it.

Usage::

    make bench                                  # both data sets
    PYTHONPATH=scripts python -m bench --data real --keep
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.preview import Edit, Preview, grade_edit, words_edit
from bench.project import real_copy, run_timed, synthetic_copy, timed_make
from bench.search import SLOWDOWN, first_search
from bench.targets import TARGETS, Row, check, exit_status, judge, missed, note, table
from bench.weight import first_loads

FULL_TEXT = "foster"  # words that are no council's name, in many summaries


def _say(text: str) -> None:
    print(text, flush=True)


def _spread(values: list[float], how: str = "best") -> str:
    return f"{how} of {len(values)}, median {statistics.median(values):.2f} s"


def inspection_files(project: Path) -> list[tuple[str, Path]]:
    """Every inspection file as (key, path), key as in its page's address (area/file)."""
    folder = project / "data" / "inspections"
    return [
        (p.relative_to(folder).with_suffix("").as_posix(), p)
        for p in sorted(folder.glob("*/*.yaml"))
    ]


def with_summary(files: list[tuple[str, Path]]) -> tuple[str, Path] | None:
    """The first inspection with a families summary (the words edit changes it)."""
    for key, path in files:
        text = path.read_text(encoding="utf-8")
        if "\nsummary:\n" in text and re.search(r"^  families: ", text, re.MULTILINE):
            return key, path
    return None


def with_grade(files: list[tuple[str, Path]]) -> tuple[str, Path, str] | None:
    """The first inspection graded good or requires improvement overall, with that grade."""
    for key, path in files:
        found = re.search(
            r"^  overall-effectiveness: (good|requires-improvement)$",
            path.read_text(encoding="utf-8"),
            re.MULTILINE,
        )
        if found:
            return key, path, found.group(1)
    return None


def area_name(project: Path, area: str) -> str:
    text = (project / "data" / "areas" / f"{area}.yaml").read_text(encoding="utf-8")
    found = re.search(r"^name: *(.+)$", text, re.MULTILINE)
    return found.group(1).strip().strip("'\"") if found else area


def pages_to_load(site: Path, written: str, heaviest: int = 3) -> list[str]:
    """Every page outside areas/, the 404 page, the area list, one area with an inspection for
    each audience, and the ``heaviest`` area pages (by their HTML's gzip size)."""
    urls = []
    sizes = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        url = "" if rel == "." else rel + "/"
        if rel.split("/")[0] != "areas":
            urls.append(url)
        elif rel != "areas":
            sizes.append((len(gzip.compress(path.read_bytes(), 6)), url))
    area = written.split("/")[0]
    urls += ["404.html", "areas/", f"areas/{area}/", f"areas/{written}/"]
    urls.append(f"areas/{written}/young-people/")
    urls += [url for _, url in sorted(sizes, reverse=True)[:heaviest] if url not in urls]
    return urls


def measure(project: Path, data: str, runs: int) -> list[Row]:
    """Every target for the data in ``project``."""
    rows: list[Row] = []
    best, median, failure = timed_make(project, "validate", runs=5)
    rows.append(
        judge(
            TARGETS["validate"],
            data,
            None if failure else best,
            failure or f"best of 5, median {median:.2f} s",
        )
    )
    _say(f"  validate: {rows[-1].figure}")

    best, median, failure = timed_make(project, "site", runs=runs)
    rows.append(
        judge(
            TARGETS["site"],
            data,
            None if failure else best,
            failure or f"best of {runs}, median {median:.1f} s",
        )
    )
    _say(f"  make site: {rows[-1].figure}")

    files = inspection_files(project)
    written = with_summary(files)
    graded = with_grade(files)
    site = project / "site"
    if failure or written is None:
        why = failure and "make site failed" or "no inspection has a summary"
        for key in ("first-load", "search-bytes", "search-time"):
            rows.append(judge(TARGETS[key], data, None, why))
    else:
        rows += page_weight(site, data, written[0])
        rows += first_search_rows(project, site, data, written[0])
    rows += preview_rows(project, data, written, graded)
    return rows


def page_weight(site: Path, data: str, written: str) -> list[Row]:
    urls = pages_to_load(site, written)
    loads = first_loads(site, urls)
    heaviest = max(loads, key=lambda x: x.gzip_total)
    searchy = [x.page for x in loads if x.fetched_any("/pagefind/", "places.json")]
    rows = [
        judge(
            TARGETS["first-load"],
            data,
            heaviest.gzip_total / 1024,
            f"heaviest of {len(loads)} pages: /{heaviest.page}",
        ),
        check(
            data,
            "The search library and index are not fetched on first load",
            not searchy,
            "not fetched" if not searchy else "fetched on /" + ", /".join(searchy),
        ),
    ]
    _say(f"  first load: {rows[0].figure}")
    return rows


def first_search_rows(project: Path, site: Path, data: str, written: str) -> list[Row]:
    """A young person's first search for their area, best of 3, and a search of every page."""
    area = written.split("/")[0]
    name = area_name(project, area)
    page = f"areas/{written}/young-people/"
    tries = [first_search(site, page, name) for _ in range(3)]
    best = min(tries, key=lambda s: s.ms)
    heaviest = max(tries, key=lambda s: s.gzip_total)
    found = best.first_result.split("/areas/")[-1]
    texts = [first_search(site, page, FULL_TEXT) for _ in range(2)]
    text_best = min(texts, key=lambda s: s.ms)
    rows = [
        judge(
            TARGETS["search-bytes"],
            data,
            heaviest.gzip_total / 1024,
            f"{len(heaviest.fetched)} files; {name!r} from a young people's page",
        ),
        judge(
            TARGETS["search-time"],
            data,
            best.ms / 1000,
            f"best of 3, median {statistics.median(t.ms for t in tries) / 1000:.2f} s",
        ),
        check(
            data,
            "A young person's search for their area lists its young people's page first",
            found.startswith(f"{area}/") and found.endswith("/young-people/"),
            best.first_result or "no result",
        ),
        note(
            data,
            f"First search of every page ({FULL_TEXT!r}, Pagefind), {SLOWDOWN}x CPU slowdown",
            f"{max(t.gzip_total for t in texts) / 1024:.1f} KB gzip; {text_best.ms / 1000:.2f} s "
            f"best of 2; first result {text_best.first_result or 'none'}",
        ),
    ]
    _say(f"  first search: {rows[0].figure}; {rows[1].figure}")
    return rows


def preview_rows(
    project: Path,
    data: str,
    written: tuple[str, Path] | None,
    graded: tuple[str, Path, str] | None,
) -> list[Row]:
    """``make preview``: each kind of edit three times (the grade back and forth), best of each
    and the slowest kind judged; then a word to avoid, three times."""
    if written is None:
        return [
            judge(TARGETS[k], data, None, "no inspection has a summary")
            for k in ("preview", "words")
        ]
    words = words_edit(written[1], f"areas/{written[0]}/")
    edits: list[Edit] = [words, words, words]
    if graded:
        key, path, old = graded
        new = "outstanding" if old == "good" else "good"
        there = grade_edit(path, f"areas/{key}/", key, old, new)
        back = grade_edit(path, f"areas/{key}/", key, new, old)
        edits = [words, there, words, back, words, there]
    kinds: dict[str, list[float | None]] = {}
    reported: list[float | None] = []
    try:
        with Preview(project) as preview:
            preview.wait_served(edits[0].url_path)
            _say(f"  make preview served its first page after {preview.started_in:.0f} s")
            for edit in edits:
                took = preview.until_shown(edit)
                kinds.setdefault("words" if edit is words else "a grade", []).append(took)
            for _ in range(3):
                reported.append(preview.until_reported(written[1]))
    except RuntimeError as exc:
        why = str(exc).strip().splitlines()
        return [judge(TARGETS[k], data, None, " ".join(why[:3])) for k in ("preview", "words")]
    worst = None
    parts = []
    for kind, times in kinds.items():
        seen = [t for t in times if t is not None]
        if len(seen) < len(times):
            parts.append(f"{kind}: {len(times) - len(seen)} of {len(times)} never shown")
            worst = float("inf")
            continue
        parts.append(f"{kind}: best {min(seen):.2f} s, median {statistics.median(seen):.2f} s")
        worst = max(worst or 0.0, min(seen))
    rows = [
        judge(
            TARGETS["preview"],
            data,
            None if worst in (None, float("inf")) else worst,
            "slowest kind's best of 3; " + "; ".join(parts),
        )
    ]
    seen = [t for t in reported if t is not None]
    rows.append(
        judge(
            TARGETS["words"],
            data,
            min(seen) if len(seen) == len(reported) else None,
            _spread(seen) if len(seen) == len(reported) else "the preview never named the word",
        )
    )
    _say(f"  preview: {rows[0].figure}\n  words: {rows[1].figure}")
    return rows


def refresh_row(repo: Path, project: Path) -> Row:
    """``python -m inspections refresh`` over all of Ofsted's reports and statistics, once."""
    shared = repo.resolve().parent / "shared" / "ofsted"
    reports = shared / "reports"
    if not (reports / "index.csv").is_file():
        return judge(TARGETS["import"], "reports", None, f"no reports at {reports}")
    count = len(list(reports.rglob("*.pdf")))
    command = [
        sys.executable,
        "-m",
        "inspections",
        "refresh",
        "--statistics",
        str(shared / "statistics"),
        "--reports",
        str(reports),
    ]
    wall, failure = run_timed(command, project, timeout=900)
    return judge(
        TARGETS["import"], "reports", None if failure else wall, failure or f"{count} reports, once"
    )


def start_up_row(project: Path) -> Row:
    """``python -m inspections --help``, best of 5: the part of every command that reads no
    data (starting Python and importing the command line), shown beside validate's figure."""
    walls = []
    for _ in range(5):
        wall, failure = run_timed([sys.executable, "-m", "inspections", "--help"], project)
        if failure:
            return note("any", "Start-up of a command", failure)
        walls.append(wall)
    return note(
        "any",
        "Start-up of a command, reading no data (`python -m inspections --help`)",
        f"{min(walls):.2f} s ({_spread(walls)})",
    )


def run(repo: Path, work: Path, which: list[str], runs: int) -> list[Row]:
    rows: list[Row] = [start_up_row(repo)]
    _say(f"start-up: {rows[0].figure}")
    real = None
    for data in which:
        if data == "real":
            project = real = real_copy(repo, work / "real")
        else:
            project, _ = synthetic_copy(repo, work / "synthetic", work)
        files = inspection_files(project)
        areas = len(list((project / "data" / "areas").glob("*.yaml")))
        label = f"{data} ({areas} areas, {len(files)} inspections)"
        _say(f"{label}, in {project}")
        start = time.perf_counter()
        rows += measure(project, label, runs)
        _say(f"  ({time.perf_counter() - start:.0f} s for this data set)")
    if real is not None:
        rows.append(refresh_row(repo, real))
        _say(f"refresh: {rows[-1].figure}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=("both", "real", "synthetic"), default="both")
    parser.add_argument("--runs", type=int, default=2, help="runs of make site (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    which = ["real", "synthetic"] if args.data == "both" else [args.data]
    work = Path(tempfile.mkdtemp(prefix="inspections-bench-"))
    try:
        rows = run(Path.cwd(), work, which, args.runs)
    finally:
        if args.keep:
            _say(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    _say("")
    _say(
        f"Machine: {os.cpu_count()} cores, shared with other work; Python {sys.version.split()[0]}"
    )
    _say(table(rows))
    for row in missed(rows):
        _say(f"MISSED ({row.data}): {row.target}: {row.figure}")
    return exit_status(rows)
