"""A site that does not answer ends the crawl at once, with one line saying so.

Until the site has answered once (any HTTP status), requests to it get one
short try (``KCN_SITE_TIMEOUT`` seconds) and no retries: a refused connection,
an unknown host or a timeout marks the site unreachable (stats
``kcn/site/unreachable``, exit status ``KCN_UNREACHABLE_EXIT_CODE``, default
4), logs one ERROR line naming the site and the error, and every further
request to it is dropped quietly. The spider then closes with the reason
``site_unreachable``; the monitor runs no checks and no report is written for
a crawl that never reached the site.

Once the site has answered, failures are retried as usual.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from kcn_crawler import stats_keys

logger = logging.getLogger(__name__)

UNREACHABLE_STAT = stats_keys.SITE_UNREACHABLE
CLOSE_REASON = "site_unreachable"


def site_unreachable(crawler: Any) -> str | None:
    """The error that made the crawl's site unreachable, or None when it answered."""
    stats = getattr(crawler, "stats", None)
    value = stats.get_value(UNREACHABLE_STAT) if stats is not None else None
    return str(value) if value else None


def describe(exception: BaseException) -> str:
    """A one-line description of a download error."""
    text = " ".join(str(exception).split()) or type(exception).__name__
    return text.rstrip(".")


class SiteReachabilityMiddleware:
    """One short, unretried try until the site has answered once."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.timeout = crawler.settings.getfloat("KCN_SITE_TIMEOUT", 30.0)
        self.exit_code = crawler.settings.getint("KCN_UNREACHABLE_EXIT_CODE", 4)
        self.answered = False
        self.error: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> SiteReachabilityMiddleware:
        return cls(crawler)

    def _to_site(self, request: Request) -> bool:
        site = getattr(self.crawler.spider, "site", None)
        if not site:
            return False
        return urlparse_cached(request).netloc == urlparse_cached(Request(site)).netloc

    def process_request(self, request: Request) -> None:
        if self.answered or not self._to_site(request):
            return
        if self.error is not None:
            raise IgnoreRequest(f"site unreachable: {self.error}")
        timeout = request.meta.get("download_timeout") or self.timeout
        request.meta["download_timeout"] = min(float(timeout), self.timeout)

    def process_response(self, request: Request, response: Response) -> Response:
        if not self.answered and self._to_site(request):
            self.answered = True
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if self.answered or isinstance(exception, IgnoreRequest) or not self._to_site(request):
            return
        if self.error is None:
            self.error = describe(exception)
            site = self.crawler.spider.site
            stats = self.crawler.stats
            stats.set_value(UNREACHABLE_STAT, self.error)
            stats.set_value(stats_keys.SITE_ERROR, f"{site} does not answer: {self.error}")
            stats.set_value(stats_keys.EXIT_CODE, self.exit_code)
            logger.error("Site %s does not answer (%s): %s", site, request.url, self.error)
        raise IgnoreRequest(f"site unreachable: {self.error}")
