"""Badges for comms teams: one small SVG per council with its latest grades and their date.

A council can put its badge on its own website, linked to its page here; the badge lives at a
stable address (``badges/<area>.svg``) and is made again on every build, so it always shows the
latest graded inspection in the data. The badge is plain SVG: no script, no link, no font or
image from elsewhere (the system font stack), and the words carry every fact, so colour is
never the only signal. Screen readers get the same words from ``role="img"``, ``aria-label``
and ``<title>``.

What it shows, from the latest graded inspection (:func:`latest_graded`):

- the area's everyday name and the inspection's dates;
- overall effectiveness when the inspection has it, else every top-level judgement (from
  April 2026 Ofsted gives no overall grade), each with the grade in Ofsted's words.

An area with no graded inspection on the site still gets a badge, which says so: every
council's snippet works, and none claims a grade it does not have.

The words around the facts are data (``badge:`` in ``data/wording/comms-kit.yaml``, see
:mod:`inspections.kitwords`).

Example::

    >>> badge = badge_for(site, "derby", words)   # doctest: +SKIP
    >>> badge.label                                # doctest: +SKIP
    'Derby. Ofsted inspection, 19 to 23 May 2025. Overall effectiveness: Outstanding.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from inspections.context import date_range, date_text
from inspections.models import Inspection
from inspections.national import HEADLINE, headline_judgements, is_graded
from inspections.site import Entry, Site

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
SIZE = 14  # px, the grade lines; the name is a little larger
NAME_SIZE = 16
LINE = 22  # px between baselines
PAD = 12
CHAR = 0.6  # a generous width of one character, in ems (no font is measured: readers' differ)
INK = "#0b0c0c"  # on white: contrast 19.6:1
BAND = "#1d3f6e"  # the name's band; white on it: contrast 10.9:1
NOT_KNOWN = "not known"  # what date_range and date_text say of a date nobody recorded
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


@dataclass(frozen=True)
class Badge:
    """One council's badge: its lines of text and the sentence screen readers hear."""

    area: str
    name: str
    lines: tuple[str, ...]  # under the name: the dates, then one line per grade

    @property
    def label(self) -> str:
        """Every line as sentences (the badge's ``aria-label``, ``<title>`` and alt text)."""
        return " ".join(_sentence(t) for t in (self.name, *self.lines))


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def plain(text: str) -> str:
    """Words without Markdown links: ``[Overall effectiveness](glossary:x)`` gives the words."""
    return LINK.sub(r"\1", str(text))


def latest_graded(site: Site, area: str) -> Entry[Inspection] | None:
    """The area's latest inspection that gave grades (None if it has none)."""
    return next((e for e in site.inspections_of(area) if is_graded(site, e)), None)


def grade_lines(site: Site, entry: Entry[Inspection]) -> list[str]:
    """``Judgement: Grade`` lines: overall effectiveness when given, else each top-level
    judgement the inspection gave (every one it gave, if it judged only parts), in the
    framework's order. Grades are Ofsted's words, or ``Not known`` as in the open data."""
    insp = entry.model
    fw = site.frameworks[insp.framework].model
    given = [k for k in fw.judgements if k in insp.judgements]
    top = [k for k in headline_judgements(fw) if k in insp.judgements]
    keys = [HEADLINE] if HEADLINE in insp.judgements else (top or given)
    lines = []
    for key in keys:
        grade = insp.judgements[key]
        words = fw.grades[grade].official if grade in fw.grades else "Not known"
        lines.append(f"{plain(fw.judgements[key].families)}: {words}")
    return lines


def when(insp: Inspection, words: dict[str, str]) -> str:
    """The inspection's dates in words (``dated``); when nobody recorded them, the day the
    report came out (``published``), else ``undated``: never a date we made up."""
    dates = date_range(insp.dates.start, insp.dates.end)
    if dates != NOT_KNOWN:
        return words["dated"].format(dates=dates)
    published = date_text(insp.dates.published)
    if published != NOT_KNOWN:
        return words["published"].format(date=published)
    return words["undated"]


def badge_for(site: Site, area: str, words: dict[str, str]) -> Badge:
    """The badge of ``area``; ``words`` are the kit's ``badge`` words (:mod:`inspections.kitwords`)."""
    name = str(site.areas[area].model.name)
    entry = latest_graded(site, area)
    if entry is None:
        return Badge(area, name, (words["no_grades"],))
    return Badge(area, name, (when(entry.model, words), *grade_lines(site, entry)))


def svg(badge: Badge) -> str:
    """The badge as a standalone SVG document (deterministic: the same badge, the same text)."""
    longest = max([len(badge.name) * NAME_SIZE, *(len(t) * SIZE for t in badge.lines)], default=0)
    width = round(longest * CHAR) + 2 * PAD
    band = LINE + PAD
    height = band + LINE * len(badge.lines) + PAD // 2
    label = _attribute(badge.label)
    rows = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{label}">',
        f"<title>{label}</title>",
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" rx="4" '
        f'fill="#ffffff" stroke="{BAND}"/>',
        f'<path d="M0.5 {band}V4.5a4 4 0 0 1 4-4H{width - 4.5}a4 4 0 0 1 4 4V{band}Z" '
        f'fill="{BAND}"/>',
        f'<g font-family="{_attribute(FONT)}" font-size="{SIZE}" fill="{INK}">',
        f'<text x="{PAD}" y="{LINE}" font-size="{NAME_SIZE}" font-weight="bold" '
        f'fill="#ffffff">{escape(badge.name, quote=False)}</text>',
    ]
    for i, text in enumerate(badge.lines):
        rows.append(
            f'<text x="{PAD}" y="{band + LINE * (i + 1) - 3}">{escape(text, quote=False)}</text>'
        )
    rows += ["</g>", "</svg>", ""]
    return "\n".join(rows)


def _attribute(text: str) -> str:
    """``text`` for an attribute in double quotes (apostrophes stay as they are)."""
    return escape(text, quote=False).replace('"', "&quot;")


def areas_badged(site: Site) -> list[str]:
    """Every area on the site, in a stable order (each gets a badge)."""
    return sorted(site.areas)


def files(site: Site, words: dict[str, str]) -> dict[str, str]:
    """``badges/<area>.svg`` for every area, by its path in the built site."""
    return {f"badges/{a}.svg": svg(badge_for(site, a, words)) for a in areas_badged(site)}
