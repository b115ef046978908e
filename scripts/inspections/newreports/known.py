"""What the site already has: the Ofsted reports its inspection files name, and each area's
provider page.

Why: a report is new only when no file in data/inspections/ names its address (as its
``report: url`` or a source's ``url``). A file that cannot be read is scanned as text for
Ofsted file addresses instead, so a broken file never makes an old report look new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from inspections.load import load_file
from inspections.newreports.ofsted import FILE_URL, is_provider_page
from inspections.problems import DataError
from inspections.site import data_files

ANY_FILE_URL = re.compile(r"https?://files\.ofsted\.gov\.uk/v1/file/(\d{1,12})")


@dataclass
class Known:
    """Report file ids the site has, the newest publication day per area, provider pages."""

    report_ids: set[str] = field(default_factory=set)
    latest: dict[str, str] = field(default_factory=dict)  # area -> ISO day
    pages: dict[str, str] = field(default_factory=dict)  # provider page -> area
    problems: list[str] = field(default_factory=list)


def _urls(data: dict) -> list[str]:
    urls = [(data.get("report") or {}).get("url")]
    urls += [s.get("url") for s in (data.get("sources") or {}).values() if isinstance(s, dict)]
    return [u.strip() for u in urls if isinstance(u, str)]


def _published(data: dict) -> str | None:
    value = (data.get("dates") or {}).get("published")
    if isinstance(value, dict):
        value = value.get("value")
    return str(value)[:10] if value else None


def read_known(root: Path) -> Known:
    """Everything :class:`Known` holds, from ``root``/data."""
    known = Known()
    files = data_files(root)
    for path in files["inspection"]:
        try:
            data = load_file(path).data or {}
        except DataError:
            data = None
        if not isinstance(data, dict):
            text = path.read_text(encoding="utf-8", errors="replace")
            known.report_ids.update(ANY_FILE_URL.findall(text))
            continue
        for url in _urls(data):
            match = FILE_URL.match(url.replace("http://", "https://", 1))
            if match:
                known.report_ids.add(match[1])
        area, day = data.get("area"), _published(data)
        if isinstance(area, str) and day and day > known.latest.get(area, ""):
            known.latest[area] = day
    for path in files["area"]:
        try:
            data = load_file(path).data or {}
        except DataError as exc:
            known.problems.append(exc.report())
            continue
        page = data.get("ofsted_page") if isinstance(data, dict) else None
        if isinstance(page, str) and page.strip():
            if is_provider_page(page.strip()):
                known.pages[page.strip().rstrip("/")] = path.stem
            else:
                known.problems.append(
                    f"{path}: ofsted_page is {page!r}, which is not an Ofsted provider page; "
                    "write it as https://reports.ofsted.gov.uk/provider/44/<code>"
                )
    return known
