"""Unit tests: one HTTP exchange turned into WARC record parts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kcn_crawler.warc.records import (
    RawHeaders,
    build_exchange,
    request_block,
    response_head,
    sha1_digest,
    truncation,
    warc_date,
)
from tests.archive.warcs import sha1_label


def test_get_request_block_has_host_first_and_no_fragment() -> None:
    block = request_block(
        "GET", "http://127.0.0.1:8080/a/b.aspx?Page=2#top", [(b"User-Agent", [b"kcn"])], b""
    )
    assert block == (
        b"GET /a/b.aspx?Page=2 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: kcn\r\n\r\n"
    )


def test_post_request_keeps_body_and_length() -> None:
    body = b"__EVENTTARGET=ctl00%24pager&__EVENTARGUMENT=Page%243&__VIEWSTATE=abc"
    block = request_block(
        "POST",
        "http://h/portal/KenhTin/X.aspx",
        [(b"Content-Type", [b"application/x-www-form-urlencoded"])],
        body,
    )
    head, _, sent = block.partition(b"\r\n\r\n")
    assert head.startswith(b"POST /portal/KenhTin/X.aspx HTTP/1.1\r\nHost: h\r\n")
    assert f"Content-Length: {len(body)}".encode() in head
    assert sent == body


def test_response_head_repeats_multi_valued_headers() -> None:
    head = response_head(200, "HTTP/1.1", [(b"Set-Cookie", [b"a=1", b"b=2"])])
    assert head == b"HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n"
    assert response_head(599, None, []).startswith(b"HTTP/1.1 599\r\n")


@pytest.mark.parametrize(
    ("head", "body", "kwargs", "expected"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n", b"abc", {}, (b"abc", None)),
        (b"HTTP/1.1 200 OK\r\n\r\n", b"abcdef", {"max_payload": 4}, (b"abcd", "length")),
        (b"HTTP/1.1 200 OK\r\n\r\n", b"ab", {"dataloss": True}, (b"ab", "disconnect")),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", b"ab", {}, (b"ab", "disconnect")),
        (b"HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n", b"", {}, (b"", None)),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", b"", {"method": "HEAD"}, (b"", None)),
    ],
)
def test_truncation(head: bytes, body: bytes, kwargs: dict, expected: tuple) -> None:
    args = {"method": "GET", "status": int(head.split()[1]), "dataloss": False, "max_payload": 0}
    assert truncation(head, body, **{**args, **kwargs}) == expected


def test_raw_headers_keep_received_bytes() -> None:
    raw = 'HTTP/1.1 200 OK\r\nContent-Disposition: attachment; filename="Báo cáo.pdf"\r\n\r\n'
    raw_bytes = raw.encode("utf-8")  # a server sending UTF-8 bytes in a header
    headers = RawHeaders(raw_bytes, is_request=False)
    headers.compute_headers_buffer()
    assert headers.headers_buff == raw_bytes
    assert headers.get_statuscode() == "200"
    assert headers.protocol == "HTTP/1.1"
    request = RawHeaders(b"POST /x HTTP/1.1\r\nHost: h\r\n\r\n", is_request=True)
    assert request.protocol == "POST"
    assert request.get_header("host") == "h"


def test_build_exchange_digest_and_date() -> None:
    moment = datetime(2018, 1, 31, 1, 30, tzinfo=UTC)
    exchange = build_exchange(
        method="GET",
        url="http://h/a#frag",
        request_headers=[],
        request_body=b"",
        status=200,
        protocol="HTTP/1.1",
        response_headers=[(b"Content-Length", [b"5"])],
        body=b"hello",
        captured=moment,
    )
    assert exchange.url == "http://h/a"
    assert exchange.date == "2018-01-31T01:30:00.000000Z"
    assert exchange.payload_digest == sha1_label(b"hello") == sha1_digest(b"hello")
    assert exchange.truncated is None
    assert warc_date().endswith("Z")
