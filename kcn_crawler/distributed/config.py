"""The settings that make a crawler a Redis worker (``KCN_REDIS_URL`` set)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy_redis import defaults
from scrapy_redis.connection import get_redis

from kcn_crawler.distributed.keys import crawl_prefix

# Above "cmdline" like the sites file's entries: the runner merges its settings later.
PRIORITY = 60


def redis_enabled(settings: Any) -> bool:
    """Whether the crawl is distributed (``KCN_REDIS_URL`` set)."""
    return bool(settings.get("KCN_REDIS_URL"))


def site_prefix(settings: Any, spider: str, site: str) -> str:
    """Where one site's crawl lives in Redis."""
    host = urlsplit(site).netloc.lower()
    return crawl_prefix(settings.get("KCN_REDIS_PREFIX", "kcn"), spider, host)


def worker_settings(settings: Any, spider: str, site: str) -> dict[str, Any]:
    """Scheduler, seen-set, limiter, leases and item hand-off of one site's worker crawler."""
    prefix = site_prefix(settings, spider, site)
    delay = settings.getfloat("DOWNLOAD_DELAY", 0.0)
    if settings.get("KCN_REDIS_HOST_DELAY") is not None:
        delay = settings.getfloat("KCN_REDIS_HOST_DELAY")
    return {
        "REDIS_URL": settings.get("KCN_REDIS_URL"),
        "SCHEDULER": "kcn_crawler.distributed.scheduler.LeasedScheduler",
        "SCHEDULER_QUEUE_CLASS": "kcn_crawler.distributed.queue.LeasedPriorityQueue",
        "SCHEDULER_SERIALIZER": "kcn_crawler.distributed.serializer",
        "SCHEDULER_QUEUE_KEY": f"{prefix}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:dupefilter",
        "DUPEFILTER_CLASS": "kcn_crawler.distributed.scheduler.ForgettingDupeFilter",
        "SCHEDULER_PERSIST": True,  # the collector clears the crawl at its end
        # the shared limiter paces the host; the worker's own delay would double it
        "KCN_REDIS_HOST_DELAY": delay,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        # items, catalog, checks and report: the collector's job
        "ITEM_PIPELINES": {"kcn_crawler.distributed.pipeline.RedisItemPipeline": 100},
        "FEEDS": {},
        "KCN_CATALOG": False,
        "KCN_MONITOR": False,
        "KCN_REPORT": False,
        "JOBDIR": None,
        "SPIDER_MIDDLEWARES": {
            **settings.getdict("SPIDER_MIDDLEWARES"),
            "kcn_crawler.distributed.middlewares.LeaseAckMiddleware": 1,
            "kcn_crawler.distributed.middlewares.SeedOnceMiddleware": 2,
        },
        "DOWNLOADER_MIDDLEWARES": {
            **settings.getdict("DOWNLOADER_MIDDLEWARES"),
            "kcn_crawler.distributed.middlewares.FinalFailureMiddleware": 1,
            "kcn_crawler.distributed.limiter.HostLimiterMiddleware": 990,
        },
    }


def apply_worker(crawler: Any, spider: str, site: str) -> None:
    """Make a crawler (not started yet) one site's Redis worker."""
    for name, value in worker_settings(crawler.settings, spider, site).items():
        crawler.settings.set(name, value, priority=PRIORITY)


def connect(settings: Any) -> Any:
    """A Redis client for ``KCN_REDIS_URL`` (scrapy-redis's connection defaults)."""
    params = {**defaults.REDIS_PARAMS, **settings.getdict("REDIS_PARAMS")}
    return get_redis(url=settings.get("KCN_REDIS_URL") or settings.get("REDIS_URL"), **params)
