"""Retries that honour ``Retry-After``.

Scrapy's own RetryMiddleware retries 429/503 at once, ignoring the server's
``Retry-After``. This subclass waits the time the server asks for (seconds or
an HTTP date, capped by ``KCN_RETRY_AFTER_MAX``) before retrying; a longer
wait than the cap is not retried, so a crawl never hangs for hours.
"""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.response import response_status_message

from kcn_crawler import stats_keys

logger = logging.getLogger(__name__)

_SECONDS = re.compile(r"[0-9]+")


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value, or None when absent/unreadable."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if not text:
        return None
    if _SECONDS.fullmatch(text):  # ASCII digits only: str.isdigit() also takes "²" and "٣"
        return float(text)
    if not text.isascii():  # an HTTP date is ASCII
        return None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """RetryMiddleware that sleeps for ``Retry-After`` before retrying."""

    max_wait: float = 120.0  # KCN_RETRY_AFTER_MAX, set in from_crawler

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        middleware = super().from_crawler(crawler)
        middleware.max_wait = crawler.settings.getfloat("KCN_RETRY_AFTER_MAX", 120.0)
        return middleware

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        stats = self.crawler.stats
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is not None:
            if wait > self.max_wait:
                logger.warning(
                    "Not retrying %s: Retry-After %.0f s is longer than KCN_RETRY_AFTER_MAX",
                    request.url,
                    wait,
                )
                if stats:
                    stats.inc_value(stats_keys.RETRY_AFTER_TOO_LONG)
                return response
            if stats:
                stats.inc_value(stats_keys.RETRY_AFTER_WAITS)
            await asyncio.sleep(wait)
        return self._retry(request, response_status_message(response.status)) or response
