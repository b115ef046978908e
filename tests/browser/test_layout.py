"""Reflow, text spacing, large text, and focus that is always visible, on every built page.

- At 320 CSS pixels wide (400% zoom of a 1280-pixel screen) nothing scrolls sideways except
  wide tables inside their own scroll box (WCAG 1.4.10).
- With WCAG 1.4.12's text spacing, and with text twice as large (1.4.4), no text is cut off
  by a box too small for it.
- Tabbing through a page, every focused element has a visible outline and is not hidden under
  the sticky header (2.4.7, 2.4.11).
"""

from __future__ import annotations

import pytest

TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""
LARGE_TEXT = "html { font-size: 250% !important; }"  # material's 125% doubled

# Elements whose text is cut off: clipped by their own overflow, and visible. The header bar is
# left out: it repeats the site name and the page title (both in full on the page, the title
# as its h1) and shortens them with "..." on narrow screens (see docs/accessibility.md).
CLIPPED = """() => {
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest(".md-header")) continue;
    if (!el.checkVisibility() || !el.innerText || !el.innerText.trim()) continue;
    const s = getComputedStyle(el);
    const clipsX = ["hidden", "clip"].includes(s.overflowX);
    const clipsY = ["hidden", "clip"].includes(s.overflowY);
    if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;  // visually hidden on purpose
    if ((clipsX && el.scrollWidth > el.clientWidth + 1) ||
        (clipsY && el.scrollHeight > el.clientHeight + 1)) {
      out.push(el.tagName.toLowerCase() + "." + [...el.classList].join(".") + ": "
               + el.innerText.trim().slice(0, 40));
    }
  }
  return out;
}"""

SIDEWAYS = """() => {
  const root = document.scrollingElement;
  return root.scrollWidth > root.clientWidth + 1 ? root.scrollWidth : 0;
}"""


def test_no_sideways_scrolling_at_320_pixels(site_url, page_paths, context_for):
    page = context_for("light", 320).new_page()
    problems = []
    for path in page_paths:
        page.goto(site_url + path, wait_until="load")
        wide = page.evaluate(SIDEWAYS)
        if wide:
            problems.append(f"/{path}: the page is {wide}px wide at 320px, so it scrolls sideways")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "name,css,width",
    [
        ("text-spacing", TEXT_SPACING, 320),
        ("text-spacing", TEXT_SPACING, 1280),
        ("200%-text", LARGE_TEXT, 1280),
    ],
    ids=["text-spacing-320", "text-spacing-1280", "200%-text-1280"],
)
def test_text_is_not_cut_off(name, css, width, site_url, page_paths, context_for):
    page = context_for("light", width).new_page()
    problems = []
    for path in page_paths:
        page.goto(site_url + path, wait_until="load")
        page.add_style_tag(content=css)
        page.wait_for_timeout(50)
        problems += [
            f"/{path} ({name}, {width}px): text cut off: {c}" for c in page.evaluate(CLIPPED)
        ]
        if width == 1280 and page.evaluate(SIDEWAYS):
            problems.append(f"/{path} ({name}): the page scrolls sideways")
    assert not problems, "\n".join(problems)


# Where the focused element is, whether it has an outline, and what is drawn on top of its
# middle (a hidden radio button shows its focus on the label after it).
FOCUS = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  const what = el.tagName.toLowerCase() + " "
    + (el.innerText || el.getAttribute("aria-label") || el.id || "").trim().slice(0, 30);
  if (el.classList.contains("md-option")) el = el.nextElementSibling;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return {
    what, size: r.width * r.height,
    onScreen: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    covered: !!top && !el.contains(top) && !top.contains(el) && !!top.closest(".md-header")
             && !el.closest(".md-header"),
    outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
  };
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_focus_is_visible_and_not_under_the_header(width, site_url, context_for):
    page = context_for("light", width).new_page()
    problems, seen = [], 0
    for path in ["areas/derby/2022-03-ilacs/", "glossary/"]:
        page.goto(site_url + path, wait_until="load")
        for _ in range(60):
            page.keyboard.press("Tab")
            f = page.evaluate(FOCUS)
            if f is None:
                continue
            seen += 1
            where = f"/{path} at {width}px, {f['what']!r}"
            if not f["size"] or not f["onScreen"]:
                problems.append(f"{where}: focus went to something not on screen")
            elif not f["outline"]:
                problems.append(f"{where}: no visible focus outline")
            elif f["covered"]:
                problems.append(f"{where}: focus is hidden under the sticky header")
    assert seen > 40, "Tab reached too few elements to test"
    assert not problems, "\n".join(problems)
