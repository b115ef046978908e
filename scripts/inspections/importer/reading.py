"""Read a report file as text, page by page, whether it is a PDF or extracted text.

Why a separate step: a PDF can be encrypted, broken, a scan with no text, or not an Ofsted
report at all. Each of those gets a plain message (:class:`ImportRefused`), never a traceback.
Pages are joined with a form feed (``\\f``) so later steps know where pages end.

Example::

    >>> read_bytes(b"Ofsted inspection\\nJudgement Grade\\n", "report.txt")[:17]
    'Ofsted inspection'
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from inspections.importer import ImportRefused

MAX_BYTES = 60_000_000
MAX_PAGES = 400
OFSTED_SIGNS = re.compile(
    r"ofsted|office for standards in education|his majesty.s inspector|her majesty.s inspector"
    r"|\bHMI\b", re.IGNORECASE)


def read_report(path: Path) -> str:
    """The text of the report at ``path`` (PDF or plain text), checked to be Ofsted's."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportRefused(f"{path}: this file is {size:,} bytes, too large to be an Ofsted "
                                "report. Check it is the right file")
        raw = path.read_bytes()
    except IsADirectoryError:
        raise ImportRefused(f"{path}: this is a folder, not a report file. Give the PDF or text "
                            "file of the report") from None
    except OSError as exc:
        raise ImportRefused(f"{path}: this file could not be read ({exc.strerror}). Check the "
                            "name and that the file exists") from None
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
        raise ImportRefused(f"{name}: this does not look like an Ofsted report (it never "
                            "mentions Ofsted or Her Majesty's Inspectors). Check it is the "
                            "report or letter from Ofsted's website")
    return text


def _plain_text(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:4096]:
        raise ImportRefused(f"{name}: this is neither a PDF nor a text file. Give the report "
                            "as a PDF, or as text copied from it")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Text saved from Word or Notepad on Windows: every byte is a character in cp1252.
        return raw.decode("cp1252", errors="replace")


def _pdf_text(raw: bytes, name: str) -> str:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # noise about odd PDFs, not errors
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except Exception:
                unlocked = 0
            if not unlocked:
                raise ImportRefused(f"{name}: this PDF is protected by a password, so its text "
                                    "cannot be read. Download the report again from Ofsted's "
                                    "website (Ofsted's own PDFs have no password)")
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise ImportRefused(f"{name}: this PDF has {count} pages, far more than an Ofsted "
                                "report. Check it is the right file")
        pages = [_page_text(page) for page in reader.pages]
    except ImportRefused:
        raise
    except Exception as exc:  # pypdf raises many kinds of error for broken files
        raise ImportRefused(f"{name}: this PDF is damaged or not a PDF we can read "
                            f"({type(exc).__name__}). Download it again, or copy its text into "
                            "a .txt file and import that") from None
    text = "\f".join(pages)
    if not text.strip():
        raise ImportRefused(f"{name}: this PDF has no text we can read (it may be a scan of "
                            "paper pages). Import a text copy of the report instead")
    return text


def _page_text(page) -> str:
    """One page's text, keeping blank lines between paragraphs (pypdf's layout mode)."""
    try:
        text = page.extract_text(extraction_mode="layout")
    except Exception:
        text = page.extract_text()
    lines = text.split("\n")
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return "\n".join(x[indent:].rstrip() for x in lines)
