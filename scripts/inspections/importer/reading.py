"""Read a report file as text, page by page, whether it is a PDF or extracted text.

Why a separate step: a PDF can be encrypted, broken, a scan with no text, or not an Ofsted
report at all. Each of those gets a plain message (:class:`ImportRefused`), never a traceback.
Pages are joined with a form feed (``\\f``) so later steps know where pages end.

Example::

    >>> read_bytes(b"Ofsted inspection\\nJudgement Grade\\n", "report.txt")[:17]
    'Ofsted inspection'
"""

from __future__ import annotations

import re
from pathlib import Path

from inspections.importer import ImportRefused

MAX_BYTES = 60_000_000
MAX_PAGES = 400
GAP = 1.6  # a step down the page of more than this many font sizes is a blank line
OFSTED_SIGNS = re.compile(
    r"ofsted|office for standards in education|his majesty.s inspector|her majesty.s inspector"
    r"|\bHMI\b",
    re.IGNORECASE,
)


def read_report(path: Path) -> str:
    """The text of the report at ``path`` (PDF or plain text), checked to be Ofsted's."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportRefused(
                f"{path}: this file is {size:,} bytes, too large to be an Ofsted "
                "report. Check it is the right file"
            )
        raw = path.read_bytes()
    except IsADirectoryError:
        raise ImportRefused(
            f"{path}: this is a folder, not a report file. Give the PDF or text file of the report"
        ) from None
    except OSError as exc:
        raise ImportRefused(
            f"{path}: this file could not be read ({exc.strerror}). Check the "
            "name and that the file exists"
        ) from None
    return read_bytes(raw, str(path))


def read_bytes(raw: bytes, name: str) -> str:
    """Text from the bytes of a PDF or a text file; refuses anything else."""
    if raw.lstrip()[:5] == b"%PDF-":
        text = _pdf_text(raw, name)
    else:
        text = _plain_text(raw, name)
    if not text.strip():
        raise ImportRefused(f"{name}: there is no text in this file to import")
    if not OFSTED_SIGNS.search(text):
        raise ImportRefused(
            f"{name}: this does not look like an Ofsted report (it never "
            "mentions Ofsted or Her Majesty's Inspectors). Check it is the "
            "report or letter from Ofsted's website"
        )
    return text


def _plain_text(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:4096]:
        raise ImportRefused(
            f"{name}: this is neither a PDF nor a text file. Give the report "
            "as a PDF, or as text copied from it"
        )
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Text saved from Word or Notepad on Windows: every byte is a character in cp1252.
        return raw.decode("cp1252", errors="replace")


def _pdf_text(raw: bytes, name: str) -> str:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImportRefused(
                f"{name}: this PDF is protected by a password, so its text "
                "cannot be read. Download the report again from Ofsted's "
                "website (Ofsted's own PDFs have no password)"
            ) from None
        raise ImportRefused(
            f"{name}: this PDF is damaged or not a PDF we can read "
            f"({exc}). Download it again, or copy its text into a .txt file "
            "and import that"
        ) from None
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise ImportRefused(
                f"{name}: this PDF has {count} pages, far more than an Ofsted "
                "report. Check it is the right file"
            )
        pages = []
        for index in range(count):
            page = pdf[index]
            try:
                pages.append(_page_text(page))
            finally:
                page.close()
    except ImportRefused:
        raise
    except Exception as exc:  # pdfium raises for pages it cannot parse
        raise ImportRefused(
            f"{name}: this PDF is damaged or not a PDF we can read "
            f"({type(exc).__name__}). Download it again, or copy its text into "
            "a .txt file and import that"
        ) from None
    finally:
        pdf.close()
    text = "\f".join(pages)
    if not text.strip():
        raise ImportRefused(
            f"{name}: this PDF has no text we can read (it may be a scan of "
            "paper pages). Import a text copy of the report instead"
        )
    return text


def _page_text(page) -> str:
    """One page's text, with a blank line where the PDF leaves a gap between lines.

    pdfium gives the text in reading order, a line at a time; the gaps between paragraphs
    (which later steps need) are found from where each line starts on the page: a step down
    of more than :data:`GAP` times the font size is a gap (Ofsted's lines are about 1.2 font
    sizes apart, paragraphs about 2.3). A step back up the page (a table cell, a footer read
    early) also starts a new block.
    """
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if len(text) != textpage.count_chars():  # no positions to trust: lines as they come
            return "\n".join(x.strip() for x in text.replace("\r\n", "\n").split("\n"))
        lines: list[tuple[str, float, float]] = []
        pos = 0
        for line in text.split("\r\n"):
            stripped = line.strip()
            if stripped:
                first = pos + len(line) - len(line.lstrip())
                bottom = textpage.get_charbox(first)[1]
                size = pdfium_c.FPDFText_GetFontSize(textpage.raw, first) or 10.0
                lines.append((stripped, bottom, size))
            pos += len(line) + 2
    finally:
        textpage.close()
    out: list[str] = []
    for n, (line, bottom, size) in enumerate(lines):
        if n:
            step = lines[n - 1][1] - bottom
            if step > GAP * min(size, lines[n - 1][2]) or step < -2:
                out.append("")
        # pdfium joins a word hyphenated over two lines, marking the break with U+FFFE; the
        # line break is put back so joining lines decides whether the hyphen stays.
        out.append(line.replace("\ufffe", "-\n"))
    return "\n".join(out)
