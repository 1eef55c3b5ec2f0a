"""The collector of a distributed crawl: items from Redis through the usual machinery.

``scrapy collect news -a sites=FILE -s KCN_REDIS_URL=...`` (same spider,
arguments and Redis as the workers) runs, per site, the spider's crawler with
its start replaced: instead of walking the portal it reads the items the
workers pushed to Redis and yields them. So the item pipelines (cleaning,
validation, dedupe, date range, files, catalog revision and the incremental
drop of unchanged articles), the feeds, the catalog's run, the monitor and the
report run exactly once, here, as in a one-process crawl.

It ends for a site when the walk was started, the frontier is empty, no lease
is out, no worker is alive and every item is read; then it adds the workers'
summed stats to its own (requests, responses, extraction counts... the
monitor's inputs) and deletes the crawl's keys from Redis.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

from kcn_crawler import stats_keys
from kcn_crawler.distributed.config import connect, site_prefix
from kcn_crawler.distributed.keys import RedisCrawl
from kcn_crawler.failures import FailureLog

logger = logging.getLogger(__name__)

BATCH = 200
POLL = 0.5  # seconds between looks at an idle crawl


def merge_worker_stats(stats: Any, counters: dict[str, int], failures: list[dict]) -> None:
    """Add the workers' counters and failed URLs to the collector's stats."""
    # the home page's articles were read by one worker, the listings by all: not comparable
    stats.set_value(stats_keys.COVERAGE_DISTRIBUTED, True)
    for key, value in counters.items():
        if key.startswith((stats_keys.REDIS_PREFIX, "memusage/", "log_count/")) or key in (
            "item_scraped_count", "item_dropped_count", "elapsed_time_seconds",
        ):  # fmt: skip
            continue  # the collector's own count, or meaningless summed over workers
        stats.inc_value(key, value)
    statuses = {
        int(key.rsplit("/", 1)[1]): value
        for key, value in counters.items()
        if key.startswith("downloader/response_status_count/")
    }
    robots = counters.get("robotstxt/response_count", 0)
    stats.inc_value(stats_keys.HTTP_RESPONSES, max(0, sum(statuses.values()) - robots))
    stats.inc_value(stats_keys.HTTP_ERRORS, sum(n for code, n in statuses.items() if code >= 400))
    for failure in failures:
        if failure.get("site_error"):
            stats.set_value(stats_keys.SITE_ERROR, failure["reason"])
    FailureLog(stats).extend(f for f in failures if not f.get("site_error"))


class CollectorMixin:
    """Replaces a portal spider's walk by the reading of its items from Redis."""

    crawler: Any
    name: str
    site: str

    async def start(self) -> AsyncIterator[Any]:
        settings = self.crawler.settings
        crawl = RedisCrawl(connect(settings), site_prefix(settings, self.name, self.site))
        waiting_logged = False
        while True:
            items = crawl.pop_items(BATCH)
            for item in items:
                self.crawler.stats.inc_value(stats_keys.REDIS_ITEMS_COLLECTED)
                yield item
            if items:
                continue
            state = crawl.state()
            if state.done and not state.items:
                break
            if not state.seeded and not waiting_logged:
                logger.info("Waiting for workers to start the crawl of %s", self.site)
                waiting_logged = True
            await asyncio.sleep(POLL)
        merge_worker_stats(self.crawler.stats, *crawl.read_stats())
        crawl.clear()
        logger.info("Distributed crawl of %s collected; its Redis keys deleted", self.site)


def collector_class(spidercls: type) -> type:
    """The collector variant of a portal spider (same name, arguments and settings)."""
    return type(f"{spidercls.__name__}Collector", (CollectorMixin, spidercls), {})
