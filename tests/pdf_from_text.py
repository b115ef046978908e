"""Make a small, real PDF from text, so tests can take the importer's PDF path offline.

Written by hand (about 40 lines of PDF syntax) rather than with a PDF library, so the tests
need nothing beyond the project's own dependencies. Pages split at form feeds and at lines
starting with one space (how the seed report marks a new page); each line is placed with
its own text operator, and a blank line leaves a gap, as in Ofsted's PDFs.

Example::

    >>> pdf_bytes("Ofsted\\n\\nHello")[:8]
    b'%PDF-1.4'
"""

from __future__ import annotations

import re


def split_pages(text: str) -> list[list[str]]:
    pages: list[list[str]] = [[]]
    for line in text.split("\n"):
        parts = line.split("\f")
        for n, part in enumerate(parts):
            if n or (re.match(r"^ \S", part) and pages[-1]):
                pages.append([])
            pages[-1].append(part.strip())
    return [p for p in pages if any(p)]


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_bytes(text: str) -> bytes:
    """A PDF with one text line per line of ``text`` (Helvetica, A4)."""
    pages = split_pages(text)
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree (filled in below)
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )  # 3
    kids = []
    for lines in pages:
        ops = [b"BT /F1 10 Tf 12 TL 56 790 Td"]
        for line in lines:
            ops.append(b"(" + _escape(line) + b") Tj T*" if line else b"T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = (
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % k for k in kids)
        + b"] /Count %d >>" % len(kids)
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
