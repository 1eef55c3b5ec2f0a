"""Worker middlewares: acknowledge leases, forget final failures, seed each site once."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured

from kcn_crawler import stats_keys
from kcn_crawler.distributed.ledger import OutputLedger


def _scheduler(crawler: Any) -> None:
    """NotConfigured unless this crawler is a Redis worker (its scheduler comes later)."""
    if not crawler.settings.get("KCN_REDIS_URL") or not str(
        crawler.settings.get("SCHEDULER")
    ).endswith("LeasedScheduler"):
        raise NotConfigured


class LeaseAckMiddleware:
    """Spider middleware (outermost): ack a request's lease once its output is in Redis.

    The requests and items a callback yields are handed off after they leave
    the middlewares (:mod:`.ledger`): the lease of the request the response
    answered is acknowledged once the output was read to its end (or the
    callback failed) and every request of it is on the frontier and every item
    pushed. A worker dying before that loses nothing: the lease expires and
    another worker fetches the page again.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> LeaseAckMiddleware:
        _scheduler(crawler)
        middleware = cls(crawler)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(middleware.item_done, signal=signal)
        return middleware

    @property
    def ledger(self) -> OutputLedger:
        return self.crawler.kcn_scheduler.ledger  # type: ignore[no-any-return]

    def item_done(self, response: Any) -> None:
        self.ledger.item_done(response)

    def process_spider_output(self, response: Any, result: Iterable[Any]) -> Iterator[Any]:
        ledger = self.ledger
        try:
            for obj in result:
                ledger.expect(response, obj)
                yield obj
        finally:
            ledger.read(response)

    async def process_spider_output_async(
        self, response: Any, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        ledger = self.ledger
        try:
            async for obj in result:
                ledger.expect(response, obj)
                yield obj
        finally:
            ledger.read(response)

    def process_spider_exception(self, response: Any, exception: Exception) -> None:
        self.ledger.read(response)


class FinalFailureMiddleware:
    """Downloader middleware (outermost): a request that failed for good.

    Its ``process_exception`` only runs when no middleware closer to the
    downloader (retries, Retry-After) turned the failure into a new request:
    the failure is final. The lease is acknowledged (the errback, if any, has
    the failure now) and, unless the request was refused on purpose
    (``IgnoreRequest``: robots.txt, URL rules), it leaves the seen-set, so a
    later walk may schedule it again.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> FinalFailureMiddleware:
        _scheduler(crawler)
        return cls(crawler)

    def process_exception(self, request: Any, exception: Exception) -> None:
        scheduler = self.crawler.kcn_scheduler
        if not isinstance(exception, IgnoreRequest):
            scheduler.forget(request)
            self.crawler.stats.inc_value(stats_keys.REDIS_FORGOTTEN)
        scheduler.ack(request)


class SeedOnceMiddleware:
    """Spider middleware: only the first worker of a site's crawl starts its walk."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> SeedOnceMiddleware:
        _scheduler(crawler)
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        crawl = self.crawler.kcn_scheduler.leased_queue.crawl
        if not crawl.seed_once():
            self.crawler.stats.set_value(stats_keys.REDIS_SEEDED, 0)
            return
        self.crawler.stats.set_value(stats_keys.REDIS_SEEDED, 1)
        async for obj in start:
            yield obj
