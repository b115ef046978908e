"""Bounded downloads: a timeout, a size limit and a content-type check on every request.

Why: the scheduled workflow reads pages and PDFs from another site. A slow, huge or wrong
answer must end as one clear message about that report, never a hung or crashed run.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass

USER_AGENT = "inspections-explained-new-reports (+https://github.com/)"
CHUNK = 64 * 1024


class FetchError(Exception):
    """A download that failed, with a plain sentence saying why."""


@dataclass(frozen=True)
class Limits:
    """How long to wait and how much to read."""

    timeout: float = 30.0  # seconds for the whole download
    max_bytes: int = 25 * 1024 * 1024


def get(url: str, accept: tuple[str, ...], limits: Limits) -> bytes:
    """The body at ``url`` if its content type starts with one of ``accept``.

    Raises :class:`FetchError` for an HTTP error, a timeout, a body over the size limit or a
    content type not in ``accept``.
    """
    if not url.startswith(("https://", "http://")):
        raise FetchError(f"{url}: not a web address")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    deadline = time.monotonic() + limits.timeout
    try:
        with urllib.request.urlopen(request, timeout=limits.timeout) as response:  # noqa: S310
            kind = (response.headers.get_content_type() or "").lower()
            if not kind.startswith(accept):
                raise FetchError(
                    f"{url}: the answer is {kind or 'of no stated type'}, not {' or '.join(accept)}"
                )
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limits.max_bytes:
                raise FetchError(
                    f"{url}: {int(length):,} bytes is over the limit of {limits.max_bytes:,}"
                )
            body = bytearray()
            while len(body) <= limits.max_bytes:
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: no complete answer within {limits.timeout:g} seconds")
                chunk = response.read(CHUNK)
                if not chunk:
                    return bytes(body)
                body += chunk
            raise FetchError(f"{url}: more than {limits.max_bytes:,} bytes, over the limit")
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"{url}: no answer within {limits.timeout:g} seconds") from None
        raise FetchError(f"{url}: could not connect ({reason})") from None
    except TimeoutError:
        raise FetchError(f"{url}: no answer within {limits.timeout:g} seconds") from None
    except OSError as exc:
        raise FetchError(f"{url}: the download broke off ({exc})") from None


def get_pdf(url: str, limits: Limits) -> bytes:
    """A PDF: a PDF content type and a body that starts with ``%PDF-``."""
    body = get(url, ("application/pdf", "application/octet-stream"), limits)
    if not body.startswith(b"%PDF-"):
        raise FetchError(f"{url}: the file is not a PDF (it does not start with %PDF-)")
    return body


def get_page(url: str, limits: Limits) -> str:
    """An HTML page, decoded as UTF-8 (Ofsted's pages are)."""
    return get(url, ("text/html",), limits).decode("utf-8", errors="replace")
