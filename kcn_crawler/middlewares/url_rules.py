"""The one URL rule that decides what is never fetched.

Print views, the calendar popup (a crawler trap), sign-in pages, and other
hosts are refused here, whoever asked for them — including redirects, which
pass through the downloader middlewares again.
"""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.exceptions import IgnoreRequest

from kcn_crawler import stats_keys
from kcn_crawler.normalize.urls import is_excluded_url

logger = logging.getLogger(__name__)


class UrlRulesMiddleware:
    """Raise IgnoreRequest for URLs that kcn_crawler never fetches."""

    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        site = getattr(self.crawler.spider, "site", None)
        if request.url.endswith("/robots.txt") or not site:
            return
        if request.meta.get("kcn_allow_any_url"):
            return
        if is_excluded_url(request.url, site):
            if self.crawler.stats:
                self.crawler.stats.inc_value(stats_keys.URLS_EXCLUDED)
            logger.debug("Not fetching %s (excluded by the URL rules)", request.url)
            raise IgnoreRequest(f"excluded URL: {request.url}")
