"""Write a fictional national project (153 areas) to benchmark the site at full scale.

Why: the site ships with a couple of councils, but the data format and the build must serve all
153 English councils with children's services. Every area, name and finding here is made up;
the frameworks, glossary, theme and MkDocs config are copied from the real project, so the
synthetic data is checked by exactly the same rules as the real data.

Each area has 3 to 6 inspections, on dates when their framework was in use, with every
judgement the framework asks for, graded from its own scale (never converted), and plain text
of realistic length, written to pass the plain-language rules (short sentences, everyday words,
no glossary words left unlinked). The output is deterministic for a given seed.

Usage::

    PYTHONPATH=scripts python -m bench.synthetic /tmp/national      # writes /tmp/national/...
    >>> make_project(Path("/tmp/national"), Path("."))         # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path
from typing import Any

from inspections import validate
from inspections.load import load_file
from inspections.models import AREA_KINDS, Framework

# Areas per Ofsted region, as in England in 2024 (153 in all).
REGION_COUNTS = {
    "East Midlands": 10,
    "East of England": 11,
    "London": 33,
    "North East, Yorkshire and the Humber": 27,
    "North West": 24,
    "South East": 19,
    "South West": 15,
    "West Midlands": 14,
}
_START = [
    "Ash",
    "Bram",
    "Cold",
    "Dun",
    "Elm",
    "Fair",
    "Glen",
    "Hart",
    "Ivy",
    "Kings",
    "Lang",
    "Marsh",
    "North",
    "Oak",
    "Pen",
    "Red",
    "Stan",
    "Thorn",
    "Up",
    "West",
    "Whit",
    "Yar",
]
_END = [
    "bridge",
    "by",
    "caster",
    "dale",
    "field",
    "ford",
    "ham",
    "holme",
    "ley",
    "mouth",
    "stead",
    "ton",
    "well",
    "wick",
    "worth",
    "moor",
]
_SENTENCES = [
    "Social workers know the children they work with well and visit them often.",
    "Leaders have a clear picture of what works and what still needs to get better.",
    "Children who need help are seen quickly, and their families get support that fits.",
    "When a child may be at risk of harm, the council works closely with police and health.",
    "Children in care live in homes that meet their needs, mostly close to their school.",
    "Young people leaving care get help with money, housing, education and work.",
    "Plans for children are not always clear about what must happen, and by when.",
    "Some children have had too many changes of social worker in a short time.",
    "Managers check the quality of work regularly, and staff say they feel supported.",
    "The council listens to children in care and uses their views to change services.",
    "Not every child gets help to understand their own history and why they are in care.",
    "Most staff have a fair amount of work, so they have time to build relationships.",
    "Children who go missing are offered a talk when they return, and the records are good.",
    "A team at the council helps children in care to attend school and make progress.",
    "There are not enough foster homes, so some children live a long way from home.",
]
_YP = [
    "Social workers know the children they help.",
    "Children get help quickly when they need it.",
    "Some children have had too many new social workers.",
    "Care leavers get help with money and a place to live.",
    "Children in care are listened to.",
    "There are not enough homes near by for children in care.",
]


def area_names(rng: random.Random, count: int) -> list[str]:
    """Distinct made-up place names such as ``Ashbridge``."""
    names: set[str] = set()
    while len(names) < count:
        names.add(rng.choice(_START) + rng.choice(_END))
    return sorted(names)


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def _paragraph(rng: random.Random, sentences: list[str], count: int) -> str:
    return " ".join(rng.sample(sentences, count))


def _in_use(fw: Framework, last: str) -> tuple[dt.date, dt.date]:
    start = validate.date_bounds(fw.in_use.from_)
    end = validate.date_bounds(fw.in_use.to) if fw.in_use.to else None
    return (
        dt.date.fromisoformat(start[0]),
        min(
            dt.date.fromisoformat(end[1]) if end else dt.date.fromisoformat(last),
            dt.date.fromisoformat(last),
        ),
    )


def inspections_for(
    rng: random.Random, area: str, frameworks: dict[str, Framework], last: str = "2026-06-30"
) -> dict[str, dict[str, Any]]:
    """3 to 6 inspections of one area, oldest first, keyed by file slug."""
    usable = {
        k: fw
        for k, fw in frameworks.items()
        if any(not kind.graded or fw.grades for kind in fw.kinds.values())
    }
    spans = {k: _in_use(fw, last) for k, fw in usable.items()}
    earliest = min(s for s, _ in spans.values())
    latest = max(e for _, e in spans.values())
    count = rng.randint(3, 6)
    picked: dict[str, tuple[dt.date, str]] = {}  # month -> (start, framework)
    for offset in rng.sample(range((latest - earliest).days - 70), count * 10):
        start = earliest + dt.timedelta(days=offset)
        month = start.strftime("%Y-%m")
        choices = [
            k for k, (s, e) in spans.items() if s <= start and start + dt.timedelta(days=60) <= e
        ]
        if choices and month not in picked:
            picked[month] = (start, rng.choice(sorted(choices)))
        if len(picked) == count:
            break
    out: dict[str, dict[str, Any]] = {}
    previous: str | None = None
    for month, (start, key) in sorted(picked.items()):
        fw = usable[key]
        kinds = [k for k, kind in fw.kinds.items() if not kind.graded or fw.grades]
        graded_kinds = [k for k in kinds if fw.kinds[k].graded]
        kind = (
            rng.choice(graded_kinds) if graded_kinds and rng.random() < 0.7 else rng.choice(kinds)
        )
        slug = f"{month}-{key}"
        out[slug] = _inspection(
            rng, area, key, fw, kind, start, previous if fw.kinds[kind].graded else None
        )
        # As at national scale, many inspections have no plain summary yet: only Ofsted's
        # grades, areas for improvement and (for visits) theme. A separate generator decides,
        # so the rest of the data is the same as before this was added.
        _maybe_unwritten(out[slug], random.Random(f"{area}/{slug}"))
        if fw.kinds[kind].graded:
            previous = f"{area}/{slug}"
    return out


def _maybe_unwritten(data: dict[str, Any], rng: random.Random) -> None:
    """One inspection in three loses its hand-written text and gets Ofsted's words instead."""
    if rng.random() >= 1 / 3:
        return
    for name in ("summary", "going_well", "must_improve", "next_steps", "how_inspected"):
        data.pop(name, None)
    data["areas_for_improvement"] = [
        {
            "text": rng.choice(_SENTENCES),
            "source": "report",
            "ref": f"paragraph {rng.randint(1, 60)}",
        }
        for _ in range(rng.randint(1, 4))
    ]
    if "topic" in data:
        data["theme"] = "Children in need and those subject to a child protection plan"


def _inspection(
    rng: random.Random,
    area: str,
    key: str,
    fw: Framework,
    kind: str,
    start: dt.date,
    previous: str | None,
) -> dict[str, Any]:
    graded = fw.kinds[kind].graded
    grades = list(fw.grades)
    judgements = {}
    if graded:
        judged = fw.kinds[kind].judgements  # a kind may judge only some (a re-inspection)
        for jkey, j in fw.judgements.items():
            if judged is not None and jkey not in judged:
                continue
            if j.separate and rng.random() < 0.5:
                continue
            judgements[jkey] = rng.choice(grades)
    finding = lambda: {  # noqa: E731
        "families": _paragraph(rng, _SENTENCES, 2),
        "young_people": rng.choice(_YP),
        "source": "report",
        "ref": f"paragraph {rng.randint(1, 60)}",
    }
    data: dict[str, Any] = {
        "area": area,
        "framework": key,
        "kind": kind,
        "dates": {
            "start": start.isoformat(),
            "end": (start + dt.timedelta(days=4)).isoformat(),
            "published": (start + dt.timedelta(days=rng.randint(35, 56))).isoformat(),
            "source": "report",
        },
        "report": {
            "url": "https://reports.ofsted.gov.uk/",
            "title": "Ofsted's reports website (this area is made up)",
        },
    }
    if not graded:
        data["topic"] = {
            "families": "How the council helps children who need protection.",
            "young_people": "How the council keeps children safe.",
        }
    if previous:
        data["previous"] = previous
    if judgements:
        data["judgements"] = judgements
        data["judgements_source"] = "report"
    data["summary"] = {
        "families": _paragraph(rng, _SENTENCES, 6),
        "young_people": " ".join(rng.sample(_YP, 4)),
    }
    data["going_well"] = [finding() for _ in range(rng.randint(3, 7))]
    data["must_improve"] = [finding() for _ in range(rng.randint(1, 4))]
    data["next_steps"] = {
        "families": "The council must send Ofsted a plan saying how it will "
        "improve the things the report names.",
        "young_people": "The council must make a plan to fix things.",
        "source": "report",
    }
    data["how_inspected"] = {
        "families": _paragraph(rng, _SENTENCES, 2),
        "young_people": "Inspectors talked to children and staff.",
        "days_on_site": rng.choice([5, 10]),
        "source": "report",
    }
    data["sources"] = {
        "report": {
            "url": "https://reports.ofsted.gov.uk/",
            "title": "A made-up Ofsted report, for the benchmark",
        }
    }
    return data


def to_yaml(value: Any, indent: int = 0) -> str:
    """A tiny YAML writer: block mappings and lists, every text JSON-quoted (valid YAML 1.2)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict | list) and v:
                lines.append(f"{pad}{k}:\n{to_yaml(v, indent + 2)}")
            else:
                lines.append(f"{pad}{k}: {_scalar(v)}")
    else:
        for v in value:
            if isinstance(v, dict):
                inner = to_yaml(v, indent + 2)
                lines.append(f"{pad}- {inner.lstrip()}")
            else:
                lines.append(f"{pad}- {_scalar(v)}")
    return "\n".join(lines)


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()/?-]*|\d{4}-\d{2}-\d{2}")
_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def _scalar(v: Any) -> str:
    """Plain where a person would write it plain (like the real data), else double-quoted."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if _PLAIN.fullmatch(v) and v.lower() not in _WORDS and not v.endswith(" "):
        return v
    return json.dumps(v, ensure_ascii=False)


def load_frameworks(repo: Path) -> dict[str, Framework]:
    """The real project's frameworks, checked against the model."""
    out = {}
    for path in sorted((repo / "data" / "frameworks").glob("*.yaml")):
        doc = load_file(path, path.relative_to(repo).as_posix())
        model, problems = validate.check_model(doc, "framework")
        if model is None:
            raise SystemExit("\n".join(str(p) for p in problems))
        out[path.stem] = model
    return out


def make_project(out: Path, repo: Path, *, areas: int = 153, seed: int = 2026) -> dict[str, int]:
    """Write a complete fictional project into ``out`` (emptied first). Returns counts."""
    rng = random.Random(seed)
    shutil.rmtree(out, ignore_errors=True)
    (out / "data").mkdir(parents=True)
    for name in ("frameworks", "schema", "rules", "wording"):
        if (repo / "data" / name).is_dir():
            shutil.copytree(repo / "data" / name, out / "data" / name)
    for name in ("glossary.yaml", "helplines.yaml"):
        if (repo / "data" / name).is_file():
            shutil.copy2(repo / "data" / name, out / "data" / name)
    shutil.copy2(repo / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(repo / "docs", out / "docs")
    (out / "scripts").mkdir()
    for path in (repo / "scripts").glob("*.py"):
        shutil.copy2(path, out / "scripts" / path.name)
    shutil.copytree(repo / "scripts" / "theme", out / "scripts" / "theme")
    frameworks = load_frameworks(repo)
    regions = [r for r, n in REGION_COUNTS.items() for _ in range(n)]
    regions = (regions * (areas // len(regions) + 1))[:areas]
    names = area_names(rng, areas)
    n_insp = 0
    for name, region in zip(names, regions, strict=True):
        slug = _slug(name)
        kind = "london-borough" if region == "London" else rng.choice(AREA_KINDS[:3])
        area = {
            "name": name,
            "council": f"{name} Council (made up)",
            "kind": kind,
            "region": region,
            "website": f"https://{slug}.example.org/",
        }
        path = out / "data" / "areas" / f"{slug}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_yaml(area) + "\n", encoding="utf-8")
        for islug, data in inspections_for(rng, slug, frameworks).items():
            path = out / "data" / "inspections" / slug / f"{islug}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(to_yaml(data) + "\n", encoding="utf-8")
            n_insp += 1
    return {"areas": areas, "inspections": n_insp}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--repo", type=Path, default=Path("."))
    parser.add_argument("--areas", type=int, default=153)
    args = parser.parse_args()
    counts = make_project(args.out, args.repo.resolve(), areas=args.areas)
    print(f"Wrote {counts['areas']} areas and {counts['inspections']} inspections to {args.out}")


if __name__ == "__main__":
    main()
