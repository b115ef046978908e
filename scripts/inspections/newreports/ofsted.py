"""Read an Ofsted provider page: the children's services inspection reports it links to.

Why here: Ofsted's reports site (https://reports.ofsted.gov.uk/provider/44/<code>) is the
maintained public list of each council's reports. Each report is a link of class
``publication-link`` to ``https://files.ofsted.gov.uk/v1/file/<id>`` holding a
``<span class="nonvisual">`` that names it, e.g. "Children's services inspection, PDF - 09 May
2025" (the structure the public ofsted-ilacs-scrape-tool relies on). Only links to Ofsted's
file store are kept, so nothing else can be fetched or named in a pull request.

Example::

    >>> page = ('<a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/501">'
    ...         '<span class="nonvisual">Children\\'s services inspection, PDF - 9 May 2025</span></a>')
    >>> [(r.file_id, r.published) for r in reports_on_page(page, "https://reports.ofsted.gov.uk/provider/44/1")]
    [('501', '2025-05-09')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

FILES = "https://files.ofsted.gov.uk"
REPORTS = "https://reports.ofsted.gov.uk"
FILE_URL = re.compile(r"^https://files\.ofsted\.gov\.uk/v1/file/(\d{1,12})/?$")
PROVIDER_URL = re.compile(
    r"^https://reports\.ofsted\.gov\.uk/provider/\d{1,3}/[A-Za-z0-9]{1,20}/?$"
)
DATE = re.compile(r"\b(\d{1,2}) ([A-Za-z]+) (\d{4})\b")
MAX_LINKS = 500  # a provider page lists tens of reports; more means it is not one


@dataclass(frozen=True)
class Report:
    """One report on a provider page."""

    file_id: str  # Ofsted's file number: the report's stable identity
    title: str  # the link's words, e.g. "Children's services inspection, PDF - 09 May 2025"
    published: str | None  # the day in the title (ISO), when it has one
    provider_page: str

    @property
    def ofsted_url(self) -> str:
        return f"{FILES}/v1/file/{self.file_id}"


class _Links(HTMLParser):
    """Collects (href, nonvisual text) for each ``a.publication-link``, and the first h1."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.heading = ""
        self._href: str | None = None
        self._text: list[str] = []
        self._nonvisual = 0
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "a" and "publication-link" in classes and len(self.links) < MAX_LINKS:
            self._href, self._text = values.get("href") or "", []
        elif tag == "span" and self._href is not None and "nonvisual" in classes:
            self._nonvisual += 1
        elif tag == "h1" and not self.heading:
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._nonvisual:
            self._nonvisual -= 1
        elif tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None
        elif tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._nonvisual:
            self._text.append(data)
        if self._in_h1:
            self.heading += data


def is_childrens_services_inspection(title: str) -> bool:
    """The scraper's test: the link names a children's services inspection (ILACS, and the
    single inspections before it), not a focused visit, monitoring visit or joint inspection."""
    words = title.lower().replace("\u2019", "'")
    return "children's services inspection" in words or (
        "children" in words
        and "services" in words
        and "inspection" in words
        and "visit" not in words
        and "joint" not in words
    )


def _published(title: str) -> str | None:
    match = DATE.search(title)
    if not match:
        return None
    try:
        day = dt.datetime.strptime(" ".join(match.groups()), "%d %B %Y")
    except ValueError:
        return None
    return day.date().isoformat()


def reports_on_page(html: str, page_url: str) -> list[Report]:
    """The children's services inspection reports linked from one provider page."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    seen: set[str] = set()
    out: list[Report] = []
    for href, title in parser.links:
        match = FILE_URL.match(urljoin(FILES, href.strip()))
        if not match or match[1] in seen or not is_childrens_services_inspection(title):
            continue
        seen.add(match[1])
        out.append(Report(match[1], title, _published(title), page_url))
    return out


def page_heading(html: str) -> str:
    """The page's first heading (the council's name on a provider page)."""
    parser = _Links()
    parser.feed(html)
    return " ".join(parser.heading.split())


def is_provider_page(url: str) -> bool:
    return bool(PROVIDER_URL.match(url))


def moved(url: str, base: str | None) -> str:
    """``url`` fetched from ``base`` instead of its own site (for a local test server)."""
    if not base:
        return url
    parts = urlsplit(url)
    return base.rstrip("/") + parts.path + (f"?{parts.query}" if parts.query else "")
