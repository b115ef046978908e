"""Which built pages the browser tests visit: every kind of page, and a spread of councils.

The site has ~160 councils and ~1,850 pages; checking each in four states (and with the Nu
HTML Checker) would not fit CI's 2 cores and 90 minutes. The project's rule is "every kind of
page and a spread of councils, not all 1,600 pages". So the tests visit every page that is not
a council's (home, guide, compare pages, 404...) plus, for the councils in ``COUNCILS``, the
area page and every inspection page for both audiences. The councils are fixed, so a failure
can be reproduced; what they show is read from the built pages, and the selection fails loudly
when the data no longer shows a kind it is meant to cover, naming councils that do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

COUNCILS = (
    "derby",
    "derbyshire",
    "northamptonshire",
    "blackpool",
    "knowsley",
    "kensington-and-chelsea",
    "calderdale",
    "cornwall",
)

# What the spread is meant to show, and the council chosen to show it.
MUST_SHOW = {
    "a council that no longer exists": "northamptonshire",
    "a graded inspection with no overall grade": "blackpool",
    "a 2026 inspection": "blackpool",
    "an overall grade of inadequate": "knowsley",
    "a London borough with a long name": "kensington-and-chelsea",
    "an inspection with no summary yet": "derby",
    "an inspection with a summary": "knowsley",
    "kind: Focused visit": "derbyshire",
    "kind: Monitoring visit": "blackpool",
    "framework: sif-2013": "derby",
    "framework: slac-2009": "derby",
}

_KIND = re.compile(r"<td>Kind</td>\s*<td>([^<(]+)")
_FRAMEWORK = re.compile(r'#framework">Framework</a></td>\s*<td><a href="[^"]*#([a-z0-9-]+)"')
_VISITED = re.compile(r"<td>Inspectors visited</td>\s*<td>([^<]*)")
_H1 = re.compile(r"<h1[^>]*>([^<]+)</h1>")


def page_path(built_site: Path, html: Path) -> str:
    """``areas/derby/index.html`` -> ``areas/derby/``, as a path below the site root."""
    return html.relative_to(built_site).as_posix().removesuffix("index.html")


def _inspection_traits(text: str) -> set[str]:
    kind, framework = _KIND.search(text), _FRAMEWORK.search(text)
    visited = _VISITED.search(text)
    traits = {
        f"kind: {kind.group(1).strip() if kind else 'NOT FOUND'}",
        f"framework: {framework.group(1) if framework else 'NOT FOUND'}",
    }
    if "A plain summary of this report has not been written yet" in text:
        traits.add("an inspection with no summary yet")
    elif 'id="summary"' in text:
        traits.add("an inspection with a summary")
    if 'data-judgement="overall-effectiveness" data-grade="inadequate"' in text:
        traits.add("an overall grade of inadequate")
    if (
        re.search(r"<td>Grades</td>\s*<td>Yes", text)
        and 'data-judgement="overall-effectiveness"' not in text
    ):
        traits.add("a graded inspection with no overall grade")
    if visited and "2026" in visited.group(1):
        traits.add("a 2026 inspection")
    return traits


def council_traits(built_site: Path) -> dict[str, set[str]]:
    """What each council's built pages show (kinds, frameworks, grades...), by council."""
    traits: dict[str, set[str]] = defaultdict(set)
    for area in sorted((built_site / "areas").glob("*/index.html")):
        council, text = area.parent.name, area.read_text(encoding="utf-8")
        name = _H1.search(text)
        if "This council no longer exists" in text:
            traits[council].add("a council that no longer exists")
        if "London region" in text and name and len(name.group(1)) >= 20:
            traits[council].add("a London borough with a long name")
        for family in sorted(area.parent.glob("*/index.html")):
            traits[council] |= _inspection_traits(family.read_text(encoding="utf-8"))
            if not (family.parent / "young-people" / "index.html").is_file():
                traits[council].add(f"NO PAGE FOR YOUNG PEOPLE: {family.parent.name}")
    return traits


def select_pages(built_site: Path) -> list[str]:
    """Every page outside areas/<council>/, and every page of the councils in ``COUNCILS``.

    Raises AssertionError, naming what is missing and councils that have it, when a chosen
    council is gone or no longer shows what it was chosen for, or when the site has a kind of
    inspection or a framework that none of the chosen councils has.
    """
    traits = council_traits(built_site)
    problems = [f"council {c!r} is not on the built site" for c in COUNCILS if c not in traits]
    chosen = set().union(*(traits.get(c, set()) for c in COUNCILS))
    for what, council in MUST_SHOW.items():
        if what not in traits.get(council, set()):
            have = sorted(c for c, t in traits.items() if what in t)[:5]
            problems.append(
                f"{council} no longer shows {what!r}: choose another council in "
                f"COUNCILS/MUST_SHOW ({', '.join(have) or 'no council has it now'})"
            )
    on_site = set().union(*traits.values())
    for what in sorted(
        t for t in on_site - chosen if t.startswith(("kind: ", "framework: ", "NO PAGE"))
    ):
        have = sorted(c for c, t in traits.items() if what in t)[:5]
        problems.append(f"no chosen council shows {what!r}: add one of {', '.join(have)}")
    problems += [
        f"a chosen council's pages could not be read: {what}"
        for what in sorted(chosen)
        if "NOT FOUND" in what or what.startswith("NO PAGE")
    ]
    assert not problems, "page selection for the browser tests:\n" + "\n".join(problems)
    paths = []
    for html in sorted(built_site.rglob("*.html")):
        path = page_path(built_site, html)
        parts = path.split("/")
        if parts[0] != "areas" or len(parts) < 3 or parts[1] in COUNCILS:
            paths.append(path)
    return paths
