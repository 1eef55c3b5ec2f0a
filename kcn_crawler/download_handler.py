"""HTTP download handler with bounded response headers.

``DOWNLOAD_MAXSIZE`` bounds a response's body, not its headers: a server that
streams header lines forever (2 GiB of them in issue 12) grows the crawler's
memory until the download timeout. This handler is Scrapy's HTTP/1.1 handler
with one change: the response parser counts the header section's bytes and
lines and gives up, with a clear error, once either passes its limit
(``KCN_MAX_HEADER_BYTES``, ``KCN_MAX_HEADERS``). Browsers and servers use
similar limits (nginx: 8 KiB a line; Chromium: 256 KiB in all).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.core.downloader.handlers.http11 import (
    HTTP11DownloadHandler,
    _LenientHTTP11ClientFactory,
    _LenientHTTP11ClientProtocol,
    _LenientHTTPClientParser,
)
from twisted.web._newclient import BODY

logger = logging.getLogger(__name__)

MAX_HEADER_BYTES = 256 * 1024
MAX_HEADERS = 256


class HeadersTooLarge(Exception):
    """The response's header section passed the configured limits."""


class _BoundedHTTPClientParser(_LenientHTTPClientParser):
    """Scrapy's lenient response parser, counting the header section as it goes."""

    _kcn_max_bytes = MAX_HEADER_BYTES
    _kcn_max_lines = MAX_HEADERS
    _kcn_bytes = 0
    _kcn_lines = 0

    def lineReceived(self, line: bytes) -> None:
        if self.state != BODY:
            self._kcn_bytes += len(line) + 1
            self._kcn_lines += 1
            if self._kcn_bytes > self._kcn_max_bytes or self._kcn_lines > self._kcn_max_lines + 1:
                raise HeadersTooLarge(
                    f"response headers over {self._kcn_max_bytes} bytes or "
                    f"{self._kcn_max_lines} lines (KCN_MAX_HEADER_BYTES, KCN_MAX_HEADERS)"
                )
        super().lineReceived(line)


class _BoundedHTTP11ClientProtocol(_LenientHTTP11ClientProtocol):
    limits = (MAX_HEADER_BYTES, MAX_HEADERS)

    def request(self, request: Any) -> Any:
        d = super().request(request)
        parser: Any = self._parser
        if parser is not None:  # always set by request(); see Scrapy's own swap
            parser.__class__ = _BoundedHTTPClientParser
            parser._kcn_max_bytes, parser._kcn_max_lines = self.limits
        return d


class _BoundedHTTP11ClientFactory(_LenientHTTP11ClientFactory):
    limits = (MAX_HEADER_BYTES, MAX_HEADERS)

    def buildProtocol(self, addr: Any) -> Any:
        protocol = _BoundedHTTP11ClientProtocol(self._quiescentCallback)  # type: ignore[no-untyped-call]
        protocol.limits = self.limits
        return protocol


class BoundedHeadersDownloadHandler(HTTP11DownloadHandler):
    """``http``/``https`` handler whose responses may not carry unbounded headers."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        limits = (
            crawler.settings.getint("KCN_MAX_HEADER_BYTES", MAX_HEADER_BYTES),
            crawler.settings.getint("KCN_MAX_HEADERS", MAX_HEADERS),
        )
        factory: Any = type("_Factory", (_BoundedHTTP11ClientFactory,), {"limits": limits})
        self._pool._factory = factory
