"""The share card: the picture a link preview shows, made at build time as a PNG.

Link previews (messaging apps, social sites) do not show SVG, so the card is a PNG, 1200 by 630
pixels, drawn with Pillow from the site's neutral share text (never a page's title: a preview
on a shared device must not say what the reader was looking at).

The font is Aileron Regular, the font Pillow ships inside its own package
(``ImageFont.load_default(size=...)``, Pillow 10.1 or later): Aileron is by Sora Sagano
(dotcolon.net), released into the public domain (CC0 1.0); Pillow's licence is the permissive
MIT-CMU (HPND) licence. Nothing is read from the machine's fonts, so every build draws the
same card, and the bytes are the same too (no time stamp or other metadata is written).

Example::

    >>> png = card("Inspections explained", "What Ofsted found.")  # doctest: +SKIP
    >>> png[:8]                                                      # doctest: +SKIP
    b'\\x89PNG\\r\\n\\x1a\\n'
"""

from __future__ import annotations

import functools
import io

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630  # the size Open Graph previews expect (1.91:1)
MARGIN = 80
BACKGROUND = (29, 63, 110)  # dark blue; white text on it has a contrast of 10.9:1
TEXT = (255, 255, 255)
RULE = (255, 255, 255)
TITLE_SIZE = 84
TEXT_SIZE = 48
GAP = 1.3  # line height, as a multiple of the font size


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of ``text`` no wider than ``width`` pixels, broken between words."""
    lines: list[str] = []
    for word in text.split():
        line = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(line) <= width:
            lines[-1] = line
        else:
            lines.append(word)
    return lines


@functools.lru_cache(maxsize=4)
def card(title: str, description: str) -> bytes:
    """The share card as PNG bytes: ``title`` large, a rule, then ``description``."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    big = ImageFont.load_default(size=TITLE_SIZE)
    small = ImageFont.load_default(size=TEXT_SIZE)
    width = WIDTH - 2 * MARGIN
    titles, lines = wrap(title, big, width), wrap(description, small, width)
    height = len(titles) * round(TITLE_SIZE * GAP) + 18 + round(TEXT_SIZE * 0.8)
    height += len(lines) * round(TEXT_SIZE * GAP)
    y = max(MARGIN, (HEIGHT - height) // 2)  # the text in the middle, top to bottom
    for line in titles:
        draw.text((MARGIN, y), line, font=big, fill=TEXT)
        y += round(TITLE_SIZE * GAP)
    y += 10
    draw.rectangle((MARGIN, y, MARGIN + 160, y + 8), fill=RULE)
    y += 8 + round(TEXT_SIZE * 0.8)
    for line in lines:
        draw.text((MARGIN, y), line, font=small, fill=TEXT)
        y += round(TEXT_SIZE * GAP)
    out = io.BytesIO()
    # A palette of few colours keeps the file small; PNG has no date unless one is added.
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, "PNG", optimize=True
    )
    return out.getvalue()
