"""The web links in column A of Ofsted's statistics, by sheet row.

Why a module of its own: python-calamine gives each cell's value (the words "Ofsted Local
Authority Webpage"), not the address behind it, and Ofsted writes that address as a
``HYPERLINK("https://reports.ofsted.gov.uk/provider/44/<code>"; ...)`` formula. An .ods file
is a zip holding ``content.xml``, so the formulas are read from there with the standard
library, counting rows the way the spreadsheet does (repeated empty rows included).

Example (with ``../shared`` beside the project)::

    links = column_a_links(Path("../shared/ofsted/statistics/LA_Inspection_..._2025.ods"),
                           "Inspections_as_at_31_March")
    links[4]      # 'https://reports.ofsted.gov.uk/provider/44/301' (Barking and Dagenham)
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_LINK = re.compile(r'HYPERLINK\("(https?://[^"]+)"')
MAX_CONTENT = 200_000_000  # an .ods's content.xml; Ofsted's are a few MB


class LinksUnreadable(Exception):
    """The file is not an .ods spreadsheet we can read links from; the message says why."""


def column_a_links(path: Path, sheet: str) -> dict[int, str]:
    """The address in each row's first cell of ``sheet``, by spreadsheet row number (from 1).

    Rows whose first cell holds no link are left out.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("content.xml")
            if info.file_size > MAX_CONTENT:
                raise LinksUnreadable(f"{path}: the spreadsheet is too large to read")
            with archive.open(info) as content:
                return _links(content, sheet)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
        raise LinksUnreadable(f"{path}: not an .ods spreadsheet we can read ({exc})") from None


def _links(content, sheet: str) -> dict[int, str]:
    found: dict[int, str] = {}
    inside = False
    row = 0
    first_cell_done = False
    for event, elem in ElementTree.iterparse(content, events=("start", "end")):
        tag = elem.tag
        if tag == f"{_TABLE}table":
            if event == "start":
                inside = elem.get(f"{_TABLE}name") == sheet
                row = 0
            elif inside:
                return found
            else:
                elem.clear()
            continue
        if not inside:
            continue
        if tag == f"{_TABLE}table-row":
            if event == "start":
                row += 1
                first_cell_done = False
            else:
                row += int(elem.get(f"{_TABLE}number-rows-repeated", "1")) - 1
                elem.clear()
        elif tag == f"{_TABLE}table-cell" and event == "start" and not first_cell_done:
            first_cell_done = True
            match = _LINK.search(elem.get(f"{_TABLE}formula") or "")
            if match:
                found[row] = match.group(1)
    return found
