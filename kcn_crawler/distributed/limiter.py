"""A per-host request rate shared by every worker: one token per host per ``delay``.

Downloader middleware, last before the download handler: before each request
(robots.txt, retries and redirects included) it takes the host's token in
Redis (an atomic Lua script on Redis's own clock: free when ``now >= next``,
then ``next = now + delay``), and while it is not free waits (without blocking
the reactor) and tries again. N workers together therefore send at most one request per ``delay``
to a host, exactly as one process would.

The delay is ``KCN_REDIS_HOST_DELAY`` (seconds; the crawl command sets it to
the site's ``DOWNLOAD_DELAY``, and sets the workers' own delay and AutoThrottle
off so the wait is not paid twice). 0: inert.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured

from kcn_crawler import stats_keys
from kcn_crawler.distributed.config import connect
from kcn_crawler.distributed.keys import TAKE


class HostLimiterMiddleware:
    """Wait for the host's shared token before each download."""

    def __init__(self, server: Any, prefix: str, delay: float, stats: Any) -> None:
        self.server = server
        self.prefix = prefix
        self.delay_ms = int(delay * 1000)
        self.stats = stats
        self.take = server.register_script(TAKE)

    @classmethod
    def from_crawler(cls, crawler: Any) -> HostLimiterMiddleware:
        settings = crawler.settings
        delay = settings.getfloat("KCN_REDIS_HOST_DELAY", 0.0)
        if not settings.get("KCN_REDIS_URL") or delay <= 0:
            raise NotConfigured
        server = connect(settings)
        return cls(server, settings.get("KCN_REDIS_PREFIX", "kcn"), delay, crawler.stats)

    async def process_request(self, request: Any) -> None:
        key = f"{self.prefix}:host:{urlsplit(request.url).netloc.lower()}"
        while (wait_ms := int(self.take(keys=[key], args=[self.delay_ms]))) > 0:
            self.stats.inc_value(stats_keys.REDIS_LIMITER_WAITS)
            await asyncio.sleep(wait_ms / 1000)
