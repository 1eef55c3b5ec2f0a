"""A site that never answers fails fast.

With the polite defaults (60 s download timeout, 3 retries, four home page
locations) a server that accepts connections and never answers kept a crawl
waiting about 20 minutes. Until the site has answered once, this middleware
gives each request a short timeout (``KCN_FIRST_CONTACT_TIMEOUT``) and few
retries (``KCN_FIRST_CONTACT_RETRIES``); after ``KCN_FIRST_CONTACT_FAILURES``
failed downloads with no answer at all, the crawl stops with one line saying
so (the ``site`` check fails: exit status 3). Once any response has arrived,
the usual timeout and retries apply.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.utils.defer import deferred_from_coro

logger = logging.getLogger(__name__)


class FirstContactMiddleware:
    """Short timeouts until the first response; give up on a site that never answers."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.default_timeout = settings.getfloat("DOWNLOAD_TIMEOUT", 180.0)
        self.timeout = min(
            settings.getfloat("KCN_FIRST_CONTACT_TIMEOUT", 10.0), self.default_timeout
        )
        self.retries = settings.getint("KCN_FIRST_CONTACT_RETRIES", 1)
        self.max_failures = settings.getint("KCN_FIRST_CONTACT_FAILURES", 3)
        self.answered = False
        self.failures = 0
        self.gave_up = False

    @classmethod
    def from_crawler(cls, crawler: Any) -> FirstContactMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if self.answered:
            return
        # DownloadTimeoutMiddleware (350) has set the default; a request's own value stays.
        if request.meta.get("download_timeout") in (None, self.default_timeout):
            request.meta["download_timeout"] = self.timeout
        request.meta.setdefault("max_retry_times", self.retries)
        request.meta["kcn_first_contact"] = True

    def process_response(self, request: Request, response: Any) -> Any:
        self.answered = True
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if self.answered or not request.meta.get("kcn_first_contact"):
            return
        self.failures += 1
        if self.failures < self.max_failures or self.gave_up:
            return
        self.gave_up = True
        site = getattr(self.crawler.spider, "site", request.url)
        message = (
            f"site never answered: {self.failures} requests to {site} failed "
            f"({type(exception).__name__}, {self.timeout:g} s timeout each); giving up"
        )
        logger.error(message)
        stats = self.crawler.stats
        stats.inc_value("kcn/site/unusable")
        stats.set_value("kcn/site/error", message)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="site_unreachable"))
