"""Turn one HTTP exchange (as Scrapy's downloader saw it) into WARC record parts.

The exchange is captured *before* any downloader middleware touched the response
(``response_downloaded`` signal), so the body is still the transferred one:
compressed when the server sent ``Content-Encoding``, and the headers say so.
Twisted has already removed the transfer framing (chunked encoding) and the
hop-by-hop headers (``Transfer-Encoding``, ``Connection``), so the recorded
message is the entity as transferred, with headers that agree with it.

Header bytes are kept as received (latin-1 round trip) through
:class:`RawHeaders`: warcio would otherwise percent-encode non-ASCII values and
the record would no longer hold the headers the server sent.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from urllib.parse import urldefrag, urlsplit

from warcio.statusandheaders import StatusAndHeaders

# Bodies that HTTP says are empty whatever Content-Length says.
_NO_BODY_STATUS = {204, 304}


class RawHeaders(StatusAndHeaders):
    """A :class:`StatusAndHeaders` whose serialised block is fixed bytes.

    ``statusline``/``headers`` stay available for look-ups (warcio and indexers
    read them); the bytes written to the WARC are exactly ``raw``.
    """

    def __init__(self, raw: bytes, *, is_request: bool) -> None:
        lines = raw.decode("latin-1").split("\r\n")
        first, rest = lines[0], [ln for ln in lines[1:] if ln]
        headers = [tuple(ln.split(":", 1)) for ln in rest if ":" in ln]
        pairs = [(name.strip(), value.strip()) for name, value in headers]
        super().__init__(first, pairs, is_http_request=is_request)
        if not is_request:
            protocol, _, status = first.partition(" ")
            self.protocol, self.statusline = protocol, status
        self.raw = raw

    def compute_headers_buffer(self, header_filter: object = None) -> None:
        """Use the received bytes instead of re-serialising (and re-encoding) them."""
        self.headers_buff = self.raw


@dataclass(frozen=True)
class Exchange:
    """One request/response pair, ready to be written as WARC records."""

    url: str
    date: str
    request_block: bytes
    response_head: bytes
    payload: bytes
    payload_digest: str
    truncated: str | None
    ip_address: str | None
    status: int


def warc_date(moment: datetime | None = None) -> str:
    """ISO 8601 UTC with microseconds, as WARC 1.1 allows (``2024-01-31T08:30:00.123456Z``)."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def sha1_digest(data: bytes) -> str:
    """WARC digest label of ``data``: ``sha1:<base32>``, warcio's and pywb's convention."""
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def _header_lines(headers: Iterable[tuple[bytes | str, list[bytes] | bytes]]) -> list[bytes]:
    lines: list[bytes] = []
    for name, values in headers:
        key = name.encode("latin-1") if isinstance(name, str) else name
        for value in values if isinstance(values, list) else [values]:
            val = value.encode("latin-1") if isinstance(value, str) else value
            # A header value never spans lines in the record.
            val = val.replace(b"\r", b" ").replace(b"\n", b" ")
            lines.append(key + b": " + val)
    return lines


def request_block(
    method: str,
    url: str,
    headers: Iterable[tuple[bytes | str, list[bytes] | bytes]],
    body: bytes,
) -> bytes:
    """The HTTP/1.1 request message as sent: request line, headers, blank line, body.

    Twisted adds ``Host`` and ``Content-Length`` itself; they are added here the
    same way when the request headers lack them.
    """
    parts = urlsplit(urldefrag(url)[0])
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    lines = _header_lines(headers)
    names = {ln.split(b":", 1)[0].strip().lower() for ln in lines}
    if b"host" not in names:
        lines.insert(0, b"Host: " + parts.netloc.encode("idna"))
    if b"content-length" not in names and (body or method.upper() in ("POST", "PUT")):
        lines.append(b"Content-Length: " + str(len(body)).encode())
    start = f"{method.upper()} {target} HTTP/1.1".encode("latin-1")
    return b"\r\n".join([start, *lines]) + b"\r\n\r\n" + body


def response_head(
    status: int,
    protocol: str | None,
    headers: Iterable[tuple[bytes | str, list[bytes] | bytes]],
) -> bytes:
    """Status line and headers of a response, ending with the blank line."""
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    start = f"{protocol or 'HTTP/1.1'} {status} {reason}".rstrip().encode("latin-1")
    return b"\r\n".join([start, *_header_lines(headers)]) + b"\r\n\r\n"


def _content_length(head: bytes) -> int | None:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return int(value.strip())
            except ValueError:
                return None
    return None


def truncation(
    head: bytes, body: bytes, *, method: str, status: int, dataloss: bool, max_payload: int
) -> tuple[bytes, str | None]:
    """Cut ``body`` at ``max_payload`` and say why a record is incomplete, if it is.

    Returns ``(payload, reason)`` with reason one of WARC-Truncated's values:
    ``"length"`` (cut here), ``"disconnect"`` (the server's transfer ended early,
    Scrapy's ``dataloss`` flag or fewer bytes than ``Content-Length``) or ``None``.
    """
    if max_payload and len(body) > max_payload:
        return body[:max_payload], "length"
    if dataloss:
        return body, "disconnect"
    declared = _content_length(head)
    body_expected = method.upper() != "HEAD" and status not in _NO_BODY_STATUS
    if declared is not None and body_expected and status >= 200 and declared > len(body):
        return body, "disconnect"
    return body, None


def build_exchange(
    *,
    method: str,
    url: str,
    request_headers: Iterable[tuple[bytes | str, list[bytes] | bytes]],
    request_body: bytes,
    status: int,
    protocol: str | None,
    response_headers: Iterable[tuple[bytes | str, list[bytes] | bytes]],
    body: bytes,
    flags: Iterable[str] = (),
    ip_address: str | None = None,
    captured: datetime | None = None,
    max_payload: int = 0,
) -> Exchange:
    """Everything the WARC writer needs about one exchange, computed once."""
    head = response_head(status, protocol, response_headers)
    payload, truncated = truncation(
        head,
        body,
        method=method,
        status=status,
        dataloss="dataloss" in set(flags),
        max_payload=max_payload,
    )
    return Exchange(
        url=urldefrag(url)[0],
        date=warc_date(captured),
        request_block=request_block(method, url, request_headers, request_body),
        response_head=head,
        payload=payload,
        payload_digest=sha1_digest(payload),
        truncated=truncated,
        ip_address=ip_address,
        status=status,
    )
