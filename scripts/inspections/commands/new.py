"""Start a new inspection file, with every field and a note on what goes where.

Example:

  python -m inspections new --area derby --kind ilacs --start 2025-06-09

writes data/inspections/derby/2025-06-ilacs.yaml. Every place you must fill in says
"Still to write", and `make validate` lists each one with its line number until it is replaced,
so an unfinished file can never be published. An existing file is never overwritten.

--kind is either a kind of framework or a kind of inspection or visit:

  ilacs, sif         a graded inspection under the framework of that kind in use on the start
                     date (for ILACS: a standard inspection; the file says how to change it to a
                     short one)
  focused-visit,     that kind of inspection or visit, under the framework in use on the start
  monitoring-visit,  date
  standard, short

The framework is the file in data/frameworks/ whose `in_use` dates include the start date.
Use --framework ilacs-2018 (a file name) to choose it yourself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

from inspections.commands._options import add_root
from inspections.load import load_file
from inspections.models import PLACEHOLDER
from inspections.newfile import FrameworkInfo, template
from inspections.problems import DataError, did_you_mean
from inspections.validate import date_bounds


class NewFileError(Exception):
    """Something the person asked for cannot be done; the message says what to do instead."""


# ---------------------------------------------------------------------------- arguments


def _start_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"`{value}` is not a date we can read: write the first day inspectors were on site "
            "as YYYY-MM-DD, for example 2025-06-09"
        ) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--area", required=True, help="the area's file name in data/areas/, e.g. derby"
    )
    parser.add_argument(
        "--kind",
        required=True,
        help="ilacs (or another kind of framework), or a kind of inspection or "
        "visit such as focused-visit: see above",
    )
    parser.add_argument(
        "--start",
        required=True,
        type=_start_date,
        help="the first day inspectors were on site, YYYY-MM-DD",
    )
    parser.add_argument(
        "--framework",
        help="the framework's file name in data/frameworks/, if you want to "
        "choose it yourself (e.g. ilacs-2018)",
    )
    parser.add_argument(
        "--name",
        help="the new file's name without .yaml (default: the start month and "
        "the kind, e.g. 2025-06-ilacs)",
    )
    add_root(parser)


def run(args: argparse.Namespace) -> int:
    try:
        path, count = create(
            args.root,
            area=args.area,
            kind=args.kind,
            start=args.start,
            framework=args.framework,
            name=args.name,
        )
    except NewFileError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    rel = path.relative_to(args.root.resolve()).as_posix()
    print(
        f"Wrote {rel}.\n"
        f'Fill in the {count} places marked "{PLACEHOLDER}" (and check the rest), then run '
        "`make validate`: it lists every place still to fill in, with its line number."
    )
    return 0


# ---------------------------------------------------------------------------- choosing


def _load(path: Path, root: Path) -> dict[str, Any] | None:
    """A data file's values, or None if it has problems (``validate`` reports those)."""
    try:
        data = load_file(path, path.relative_to(root).as_posix()).data
    except DataError:
        return None
    return data if isinstance(data, dict) else None


def frameworks(root: Path) -> dict[str, FrameworkInfo]:
    """Every readable framework file, by key."""
    found = {}
    for path in sorted((root / "data" / "frameworks").glob("*.yaml")):
        data = _load(path, root)
        if not data or not isinstance(data.get("in_use"), dict):
            continue
        try:
            first = date_bounds(str(data["in_use"]["from"]))
            last = date_bounds(str(data["in_use"].get("to") or "9999"))
        except Exception:  # a bad date: validate reports it; skip the file here
            continue
        if not first or not last:
            continue
        family = re.sub(r"-\d{4}$", "", path.stem)
        found[path.stem] = FrameworkInfo(
            key=path.stem,
            family=family,
            short_name=str(data.get("short_name") or family),
            in_use=(first[0], last[1]),
            kinds={k: v for k, v in (data.get("kinds") or {}).items() if isinstance(v, dict)},
            judgements={
                k: v for k, v in (data.get("judgements") or {}).items() if isinstance(v, dict)
            },
            grades=list(data.get("grades") or {}),
        )
    return found


def choose(
    fws: dict[str, FrameworkInfo], kind: str, start: str, framework: str | None = None
) -> tuple[FrameworkInfo, str]:
    """The framework and the kind of inspection for ``--kind`` on ``start``."""
    families = sorted({f.family for f in fws.values()})
    kinds = sorted({k for f in fws.values() for k in f.kinds})
    if framework:
        if framework not in fws:
            raise NewFileError(
                f"There is no framework `{framework}` in data/frameworks/. "
                + (did_you_mean(framework, fws) or "Use one of: " + ", ".join(sorted(fws)))
            )
        candidates = [fws[framework]]
    else:
        candidates = [f for f in fws.values() if f.in_use[0] <= start <= f.in_use[1]]
    if kind in families or kind in fws:
        wanted = [f for f in candidates if kind in (f.family, f.key)]
        if not wanted:
            in_use = ", ".join(f"{f.key} (use --kind {f.family})" for f in candidates)
            raise NewFileError(
                f"No {kind.upper()} framework in data/frameworks/ was in use on {start}. "
                + (
                    f"In use then: {in_use}."
                    if in_use
                    else "Check the start date, or add the framework first."
                )
            )
        fw = max(wanted, key=lambda f: f.in_use[0])
        graded = fw.graded_kinds()
        if not graded:
            raise NewFileError(
                f"{fw.key} has no graded kind of inspection. Use --kind with one "
                "of: " + ", ".join(fw.kinds)
            )
        return fw, graded[0]
    if kind in kinds:
        wanted = [f for f in candidates if kind in f.kinds]
        if not wanted:
            others = sorted(f.key for f in fws.values() if kind in f.kinds)
            raise NewFileError(
                f"No framework in use on {start} has the kind `{kind}` (it belongs to "
                f"{', '.join(others)}). Check the start date, or choose the framework with "
                "--framework."
            )
        return max(wanted, key=lambda f: f.in_use[0]), kind
    hint = did_you_mean(kind, [*families, *kinds])
    raise NewFileError(
        f"`{kind}` is not a kind we know. "
        + (hint + " " if hint else "")
        + "Use a kind of framework ("
        + ", ".join(families)
        + ") or a kind of inspection or "
        "visit (" + ", ".join(kinds) + ")."
    )


def previous_inspection(
    root: Path, area: str, start: str, fws: dict[str, FrameworkInfo]
) -> str | None:
    """The area's latest graded inspection that started before ``start``, as ``area/slug``."""
    best: tuple[str, str] | None = None
    for path in sorted((root / "data" / "inspections" / area).glob("*.yaml")):
        data = _load(path, root)
        if not data:
            continue
        fw = fws.get(str(data.get("framework")))
        if not fw or not fw.kinds.get(str(data.get("kind")), {}).get("graded"):
            continue
        began = (data.get("dates") or {}).get("start")
        value = began.get("value") if isinstance(began, dict) else began
        try:
            bounds = date_bounds(str(value))
        except Exception:
            continue
        if bounds and bounds[0] < start and (best is None or bounds[0] > best[0]):
            best = (bounds[0], f"{area}/{path.stem}")
    return best[1] if best else None


# ---------------------------------------------------------------------------- writing


def create(
    root: Path,
    *,
    area: str,
    kind: str,
    start: str,
    framework: str | None = None,
    name: str | None = None,
) -> tuple[Path, int]:
    """Write the new file; return its path and how many placeholders it has."""
    root = Path(root).resolve()
    area_file = root / "data" / "areas" / f"{area}.yaml"
    if not area_file.is_file():
        known = sorted(p.stem for p in (root / "data" / "areas").glob("*.yaml"))
        raise NewFileError(
            f"There is no area `{area}` in data/areas/. "
            + (
                did_you_mean(area, known)
                or "Add the area first, or use one of: " + ", ".join(known)
            )
        )
    area_data = _load(area_file, root) or {}
    area_name = str(area_data.get("name") or area)
    fws = frameworks(root)
    fw, inspection_kind = choose(fws, kind, start, framework)
    graded = bool(fw.kinds[inspection_kind].get("graded"))
    slug = name or f"{start[:7]}-{fw.family if graded else inspection_kind}"
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise NewFileError(
            f"`{slug}` cannot be a file name: use lower-case letters, numbers "
            "and single hyphens, e.g. 2025-06-ilacs"
        )
    target = root / "data" / "inspections" / area / f"{slug}.yaml"
    text = template(
        area=area,
        area_name=area_name,
        fw=fw,
        kind=inspection_kind,
        start=start,
        previous=previous_inspection(root, area, start, fws),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
            out.write(text)
    except FileExistsError:
        rel = target.relative_to(root).as_posix()
        raise NewFileError(
            f"{rel} already exists, so nothing was written (it is never overwritten). Open "
            "that file to carry on, or choose another file name with --name, e.g. --name "
            f"{slug}-2"
        ) from None
    count = sum(
        1 for line in text.splitlines() if not line.lstrip().startswith("#") and PLACEHOLDER in line
    )
    return target, count
