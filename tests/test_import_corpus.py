"""The importer on every real Ofsted report in ../shared/ofsted/reports (issue 13).

Checks what the importer reads against two independent sources:

- Ofsted's official statistics (ILACS history since 2018; the 2009-2023 table for the single
  inspection framework, re-inspections and board reviews): every grade cell and kind must
  agree, or be explained in tests/importer_corpus/disagreements.toml;
- 66 reports read by a person (tests/importer_corpus/areas_for_improvement.toml): kind,
  grades and the areas for improvement item by item.

Marked ``corpus``: it reads all 493 PDFs (about 25 s of CPU, in two processes). Select it
with ``-m corpus``; skip it in a quick run with ``-m "not corpus"``. Skips, saying why, when
../shared is not beside the project.
"""

from __future__ import annotations

import csv
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from inspections.importer.extract import LAC_WARNING, ReportFacts, load_frameworks, read_folder
from inspections.importer.facts import words

sys.path.insert(0, str(Path(__file__).parent / "importer_corpus"))
from statistics_cells import GRADES, cells, council_key, match  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "ofsted"
REPORTS = SHARED / "reports"
CORPUS = ROOT / "tests" / "importer_corpus"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (REPORTS / "index.csv").is_file(),
        reason=f"Ofsted's reports are not at {REPORTS} (../shared beside the "
        "project): the corpus test needs them",
    ),
]


@pytest.fixture(scope="module")
def corpus() -> dict[str, ReportFacts | str]:
    return read_folder(REPORTS, load_frameworks(ROOT), workers=2)


@pytest.fixture(scope="module")
def index() -> list[dict[str, str]]:
    with (REPORTS / "index.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _facts(corpus: dict, name: str) -> ReportFacts:
    found = corpus[name]
    assert not isinstance(found, str), f"{name} was refused: {found}"
    return found


def test_every_report_is_read(corpus, index) -> None:
    refused = {name: why for name, why in corpus.items() if isinstance(why, str)}
    assert len(corpus) == len(index) == 493
    assert refused == {}


def test_every_report_is_graded_and_never_a_visit(corpus) -> None:
    """The folder holds graded inspections only: none may be drafted as a visit."""
    kinds = Counter((f.framework, f.kind) for f in corpus.values())
    visits = [n for n, f in corpus.items() if not f.graded or "visit" in (f.kind or "")]
    assert visits == []
    assert kinds[("sif-2013", "lscb-review")] == 1  # Surrey 2015: the standalone board review
    assert kinds[("tlac-2013", "inspection")] == 4  # the 2013 looked after children inspections


def test_grades_agree_with_the_statistics_or_are_explained(corpus, index) -> None:
    reports: dict[str, list[tuple[str, str]]] = {}
    for row in index:
        reports.setdefault(council_key(row["local_authority"]), []).append(
            (row["published"], row["file"])
        )
    expected = tomllib.loads((CORPUS / "disagreements.toml").read_text(encoding="utf-8"))
    found: dict[str, dict[str, str]] = {}
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    checked: set[str] = set()
    for cell in cells(SHARED / "statistics"):
        name = match(cell, reports)
        if cell.what == "lscb" and (name is None or cell.judgement not in corpus[name].judgements):
            # the review was published on its own (Surrey 2015)
            name = next(
                (n for _, n in reports.get(cell.council, []) if corpus[n].kind == "lscb-review"),
                name,
            )
        if name is None:
            continue  # an inspection whose report is not in the set
        names = [name]
        checked.add(name)
        facts = corpus[names[0]]
        key = cell.judgement
        if key == "children-in-care" and facts.framework == "ilacs-2018":
            key = "children-in-care-and-care-leavers"
        got = facts.kind if key == "kind" else facts.judgements.get(key)
        total[cell.what] += 1
        if got == cell.value:
            right[cell.what] += 1
        else:
            found.setdefault(names[0], {})[cell.judgement] = f"{cell.value} != {got}"
    listed = {
        name: {
            key: f"{entry['statistics']} != {entry['report']}" for key, entry in judgements.items()
        }
        for name, judgements in expected.items()
    }
    print(f"\nCells right / total: {dict(right)} / {dict(total)}; {len(checked)} reports")
    assert found == listed
    # Every report published by the statistics' date (31 March 2025) was checked.
    assert [
        r["file"] for r in index if r["published"] <= "2025-03-31" and r["file"] not in checked
    ] == []
    assert sum(total.values()) > 2500  # every table was read


def test_no_grade_is_missing_or_invented(corpus) -> None:
    """Every judgement of the framework is graded, except where the report says why not."""
    unknown = {
        n: sorted(k for k, g in f.judgements.items() if g == "unknown") for n, f in corpus.items()
    }
    unknown = {n: keys for n, keys in unknown.items() if keys}
    assert unknown == {
        # "Not Judged" in the judgement table on page 1 (small councils)
        "isles-of-scilly/2016-06-27.pdf": ["adoption", "care-leavers", "children-looked-after"],
        "london-corporation/2016-09-20.pdf": ["adoption"],
    }
    for name, facts in corpus.items():
        if facts.framework == "ilacs-2026":  # from April 2026: no overall effectiveness
            assert "overall-effectiveness" not in facts.judgements, name
        if facts.family == "lac-2013":  # their own framework, with a warning of what is left out
            assert facts.framework == "tlac-2013" and LAC_WARNING in facts.warnings, name


def test_reinspections_are_named(corpus) -> None:
    """Checked one by one against the statistics' kind cells above; here, the two ways a
    report says so (its title; "This is a re-inspection" in its text), and only SIF ones."""
    named = {n: f.framework for n, f in corpus.items() if f.kind == "re-inspection"}
    assert {"rotherham/2018-01-29.pdf", "lambeth/2018-05-09.pdf"} <= set(named)
    assert set(named.values()) == {"sif-2013"}


def test_the_report_address_comes_from_index_csv(corpus, index) -> None:
    for row in index:
        facts = corpus[row["file"]]
        assert (facts.ofsted_url, facts.dates["published"]) == (
            row["ofsted_url"],
            row["published"],
        ), row["file"]


# ---------------------------------------------------------------- hand-counted reports


def _truth() -> dict[str, dict]:
    return tomllib.loads((CORPUS / "areas_for_improvement.toml").read_text(encoding="utf-8"))


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip().lower()


KINDS = {"sif": "standard", "lac-2013": "inspection"}
# Labels the hand counts print differently from the framework's official names.
LABELS = {
    "local safeguarding children board": "lscb-review",
}
# 2013 looked after children judgements that tlac-2013 has no place for (see LAC_WARNING).
NOT_CARRIED = {
    "capacity to improve",
    "outcomes for looked after children and young people",
    "quality of provision",
    "leadership and management",
}


@pytest.mark.parametrize("name", sorted(_truth()))
def test_hand_counted_report(corpus, name: str) -> None:
    truth = _truth()[name]
    facts = _facts(corpus, name)
    assert facts.kind == KINDS.get(truth["kind"], truth["kind"])
    items = facts.areas_for_improvement
    assert len(items) == truth["count"], [" ".join(i.split()[:6]) for i in items]
    for item, first in zip(items, truth["first_words"], strict=True):
        assert _plain(item).startswith(_plain(first)), (item[:80], first)
    names = {
        " ".join(words(j.official)).removeprefix("the "): key
        for key, j in load_frameworks(ROOT)[facts.framework].judgements.items()
    }
    for label, printed in truth["grades"].items():
        if truth["kind"] == "lac-2013" and label in NOT_CARRIED:
            continue
        key = LABELS.get(label) or names.get(" ".join(words(label)).removeprefix("the "))
        grade = GRADES.get(_plain(printed).replace("require ", "requires "))
        if key is None:  # a label Ofsted printed differently from the framework's name
            key = next(
                k for k, line in facts.judgement_lines.items() if _plain(label) in _plain(line)
            )
        assert facts.judgements.get(key) == grade, (label, printed)
