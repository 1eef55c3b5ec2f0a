"""Incremental crawls: fetch only what the catalog does not hold yet, or what changed.

Switched on by ``-a incremental=1`` (or ``KCN_INCREMENTAL``); the first run on
an empty catalog is a full crawl. Decisions use the request meta contract
(``meta["kcn"]``, docs/design.md):

* ``article`` requests: an article the catalog holds is skipped, unless its
  listing hints at an edit — then it is fetched again and the catalog pipeline
  compares content hashes (changed → emitted, ``revision``+1; same → dropped).
  Two hints, both free: the date the listing shows beside it (its "mark", e.g.
  an "updated" time) differs from the one stored for the same listing; or the
  listing shows it above a newer article (portals sort by modification time,
  so an edited article jumps to the top with its old publication date).
* ``listing`` requests: a channel stops paging once it has shown a run of
  ``KCN_INCREMENTAL_STOP_AFTER`` (default 10) consecutive catalogued articles.
* ``archive_day`` requests: only the last ``KCN_INCREMENTAL_DAYS`` (default 3)
  days up to ``until`` (default today), plus days no finished run completed.

Every run, incremental or not, notes the listing marks and archive days walked
for the catalog.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import IgnoreRequest, NotConfigured

from kcn_crawler import stats_keys
from kcn_crawler.catalog.runtime import CatalogRuntime, incremental_requested
from kcn_crawler.extensions.catalog import catalog_runtime
from kcn_crawler.pages.published import date_from_meta
from kcn_crawler.params import today_in_vietnam

logger = logging.getLogger(__name__)

SKIP, NEW, RECHECK = "skipped", "new", "rechecked"
DECIDED = "kcn_incremental"  # request meta key: this middleware let the request through


LISTING_KINDS = ("listing", "archive_day")


def listing_source(kcn: dict[str, Any]) -> str:
    """Which listing showed an article: its channel, else the archive."""
    return str(kcn.get("channel") or "archive")


def out_of_order(requests: Iterable[Any]) -> set[str]:
    """Ids of the articles a listing shows above a newer one (in listing order)."""
    dated = []
    for request in requests:
        kcn = request.meta.get("kcn") or {}
        parsed = date_from_meta(kcn.get("listing_parsed"))
        if kcn.get("article_id") and parsed is not None and parsed.method == "fast":
            dated.append((kcn["article_id"], parsed.value))
    bumped: set[str] = set()
    newest_below = None
    for article, when in reversed(dated):
        if newest_below is not None and when < newest_below:
            bumped.add(article)
        newest_below = when if newest_below is None else max(newest_below, when)
    return bumped


class IncrementalMiddleware:
    """Spider middleware filtering requests against the catalog when incremental."""

    def __init__(self, crawler: Any, runtime: CatalogRuntime) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.runtime = runtime
        self.stop_after = crawler.settings.getint("KCN_INCREMENTAL_STOP_AFTER", 10)
        self.recent_days = crawler.settings.getint("KCN_INCREMENTAL_DAYS", 3)
        self.active = False
        self.known: set[str] = set()
        self.marks: dict[str, dict[str, str]] = {}
        self.completed_days: set[str] = set()
        self.not_channels: set[str] = set()  # pages earlier runs found were no channel
        self.keep_days: set[str] = set()
        self.run_length: dict[str, int] = {}  # channel -> consecutive catalogued articles

    @classmethod
    def from_crawler(cls, crawler: Any) -> IncrementalMiddleware:
        runtime = catalog_runtime(crawler)
        if runtime is None:
            if crawler.spider is not None and incremental_requested(crawler):
                logger.warning("incremental=1 needs the catalog (KCN_CATALOG=1): full crawl")
            raise NotConfigured
        middleware = cls(crawler, runtime)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.request_scheduled, signal=signals.request_scheduled)
        return middleware

    def spider_opened(self, spider: Any) -> None:
        rt = self.runtime
        self.active = rt.incremental
        if not self.active:
            return
        catalog = rt.catalog
        self.known = set(catalog.known(rt.site))
        self.marks = catalog.marks(rt.site)
        self.completed_days = catalog.completed_days(rt.site)
        pages = catalog.site_pages(rt.site)
        self.not_channels = {key for key, is_channel in pages.items() if not is_channel}
        until = getattr(spider, "until", None) or today_in_vietnam()
        if isinstance(until, date):
            self.keep_days = {
                (until - timedelta(days=i)).isoformat() for i in range(self.recent_days)
            }
        self.stats.set_value(stats_keys.INCREMENTAL_KNOWN, len(self.known))

    # --- decisions ------------------------------------------------------------
    def article_decision(self, kcn: dict[str, Any], bumped: bool = False) -> str:
        """``new``, ``rechecked`` (a hint of an edit) or ``skipped`` for an article request."""
        aid = kcn.get("article_id")
        if not aid or aid not in self.known:
            return NEW
        mark = kcn.get("listing_date")
        stored = self.marks.get(aid, {}).get(listing_source(kcn))
        if bumped or (mark and stored and mark != stored):
            return RECHECK
        return SKIP

    def allow(self, request: Request, bumped: set[str] | frozenset[str] = frozenset()) -> bool:
        """Whether a request a callback yielded goes on (updates the per-channel runs)."""
        kcn = request.meta.get("kcn") or {}
        kind = kcn.get("kind")
        if kind == "article":
            self.runtime.note_mark(
                kcn.get("article_id") or "", listing_source(kcn), kcn.get("listing_date")
            )
            if not self.active:
                return True
            decision = self.article_decision(kcn, kcn.get("article_id") in bumped)
            channel = str(kcn.get("channel"))
            self.stats.inc_value(stats_keys.incremental_decision(decision))
            if decision == NEW:
                self.run_length[channel] = 0
                return True
            self.run_length[channel] = self.run_length.get(channel, 0) + 1
            if decision == SKIP:
                self.runtime.skipped.add(kcn["article_id"])
                return False
            return True
        if not self.active:
            return True
        if kind == "listing" and kcn.get("candidate") and kcn.get("walk") in self.not_channels:
            # a page an earlier run found listing nothing of its own: not asked again
            self.stats.inc_value(stats_keys.INCREMENTAL_PAGES_SKIPPED)
            return False
        channel_done = self.run_length.get(str(kcn.get("channel")), 0) >= self.stop_after
        if kind == "listing" and (kcn.get("page") or 1) > 1 and channel_done:
            self.stats.inc_value(stats_keys.INCREMENTAL_CHANNELS_STOPPED)
            return False
        if kind == "archive_day" and (kcn.get("page") or 1) == 1:
            day = kcn.get("day")
            if day and day not in self.keep_days and day in self.completed_days:
                self.stats.inc_value(stats_keys.INCREMENTAL_DAYS_SKIPPED)
                return False
        return True

    # --- spider middleware hooks -------------------------------------------------
    def process_spider_input(self, response: Any) -> None:
        kcn = response.meta.get("kcn") or {}
        if kcn.get("kind") == "archive_day" and kcn.get("day") and response.status == 200:
            self.runtime.walked_days.add(kcn["day"])

    def _filter(self, response: Any, obj: Any, bumped: set[str]) -> bool:
        if not isinstance(obj, Request):
            return True
        kcn = response.meta.get("kcn") or {}
        if kcn.get("kind") == "archive_day" and kcn.get("day"):
            article = (obj.meta.get("kcn") or {}).get("article_id")
            if article:
                self.runtime.article_day[article] = kcn["day"]
        if self.allow(obj, bumped):
            obj.meta[DECIDED] = True
            return True
        return False

    def _page(self, response: Any, output: list[Any]) -> Iterator[Any]:
        """A listing page's output, decided with the whole page in view."""
        bumped = out_of_order(o for o in output if isinstance(o, Request)) if self.active else set()
        for obj in output:
            if self._filter(response, obj, bumped):
                yield obj

    def process_spider_output(self, response: Any, result: Iterable[Any]) -> Iterator[Any]:
        if (response.meta.get("kcn") or {}).get("kind") in LISTING_KINDS:
            yield from self._page(response, list(result))
            return
        for obj in result:
            if self._filter(response, obj, set()):
                yield obj

    async def process_spider_output_async(
        self, response: Any, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        if (response.meta.get("kcn") or {}).get("kind") in LISTING_KINDS:
            for obj in self._page(response, [o async for o in result]):
                yield obj
            return
        async for obj in result:
            if self._filter(response, obj, set()):
                yield obj

    def request_scheduled(self, request: Request, spider: Any) -> None:
        """Article requests that bypassed the callbacks (``engine.crawl``) get the same rule."""
        kcn = request.meta.get("kcn") or {}
        if not self.active or kcn.get("kind") != "article" or request.meta.get(DECIDED):
            return
        if kcn.get("article_id") in self.runtime.skipped:
            raise IgnoreRequest("known article, unchanged")
        if self.article_decision(kcn) == SKIP:
            self.runtime.skipped.add(kcn["article_id"])
            self.stats.inc_value(stats_keys.INCREMENTAL_SKIPPED)
            raise IgnoreRequest("known article, unchanged")
