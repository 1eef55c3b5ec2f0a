"""``scrapy crawl portal``: both walks in one crawl, one deduplication.

The news walk and the archive walk run side by side. Articles that only the
archive found are fetched once the channels are exhausted, so an article that
a channel lists always keeps that channel's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import scrapy
from parsel import Selector
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response

from kcn_crawler import stats_keys
from kcn_crawler.normalize.urls import article_id
from kcn_crawler.pages.home import HomePage
from kcn_crawler.pages.types import ArchiveFormSpec, ListingEntry
from kcn_crawler.params import DEFAULT_WINDOW_DAYS, today_in_vietnam
from kcn_crawler.spiders.channels import REPORT_CAP
from kcn_crawler.spiders.walks import ArchiveWalk, NewsWalk


class PortalSpider(NewsWalk, ArchiveWalk):
    """The complete harvest: every channel, and the archive from ``since`` to ``until``."""

    name = "portal"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.archive_only: dict[str, ListingEntry] = {}
        self.deferred_archive: tuple[Selector, ArchiveFormSpec] | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):  # type: ignore[no-untyped-def]
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.fetch_archive_only, signal=signals.spider_idle)
        return spider

    def home_is_usable(self, home: HomePage) -> bool:
        return bool(home.candidates()) or home.archive_form() is not None

    def walk_from_home(self, response: Response, home: HomePage) -> Iterator[Any]:
        yield from self.channel_requests(response, home)
        if self.since is not None or self.incremental:
            yield from self.archive_requests(response, home)
        else:
            # The complete harvest: the archive walks the whole span the channels reach,
            # known once they are walked (see start_deferred_archive). An incremental run
            # keeps its own days (the last few and those no run completed).
            self.deferred_archive = self.archive_form(response, home)

    def start_deferred_archive(self) -> bool:
        """Plan the archive walk from the oldest day a channel listed to ``until``."""
        form, self.deferred_archive = self.deferred_archive, None
        if form is None:
            return False
        until = self.until or today_in_vietnam()
        margin = self.crawler.settings.getint("KCN_ARCHIVE_MARGIN_DAYS", 365)
        if self.oldest_listed is not None and self.oldest_listed <= until:
            since = self.oldest_listed - timedelta(days=margin)
            why = f"the channels' oldest day {self.oldest_listed}, and {margin} days before it"
        else:
            since = until - timedelta(days=DEFAULT_WINDOW_DAYS)
            why = f"the channels list no dated article: the last {DEFAULT_WINDOW_DAYS} days"
        days = [until - timedelta(days=i) for i in range((until - since).days + 1)]
        scheduled = 0
        for request in self.archive_day_requests(*form, days, why):
            self.crawler.engine.crawl(request)
            scheduled += 1
        return scheduled > 0

    def article_request(self, entry: ListingEntry, *, channel: str | None) -> scrapy.Request | None:
        if channel is None:
            # Found by the archive: wait until the channels have had their say.
            self.archive_only.setdefault(entry.url, entry)
            return None
        return super().article_request(entry, channel=channel)

    def fetch_archive_only(self) -> None:
        """On idle: walk the deferred archive; then fetch the articles only it listed."""
        if self.start_deferred_archive():
            raise DontCloseSpider
        pending, self.archive_only = self.archive_only, {}
        self.note_archive_coverage(pending)
        scheduled = 0
        for entry in pending.values():
            request = super().article_request(entry, channel=None)
            if request is not None:
                self.crawler.engine.crawl(request)
                scheduled += 1
        if scheduled:
            self.crawler.stats.inc_value(stats_keys.ARCHIVE_ARTICLES_ONLY_IN_ARCHIVE, scheduled)
            raise DontCloseSpider

    def note_archive_coverage(self, pending: dict[str, ListingEntry]) -> None:
        """How many articles only the archive found, within the span the channels' listings
        cover (channel discovery missed them) and before it (no listing reaches that far)."""
        if not pending or self.oldest_listed is None:
            return
        listed = self.channel_directory().listed_ids()
        in_span = [
            (aid, day) for aid, day in self.archive_listed.items() if day >= self.oldest_listed
        ]
        only = {article_id(url): url for url in pending}
        missed = [only[aid] for aid, _ in in_span if aid in only and aid not in listed]
        older = [
            url
            for aid, url in only.items()
            if aid in self.archive_listed and self.archive_listed[aid] < self.oldest_listed
        ]
        stats = self.crawler.stats
        stats.set_value(
            stats_keys.COVERAGE_CHANNEL_SPAN, f"{self.oldest_listed} .. {self.newest_listed}"
        )
        stats.set_value(stats_keys.COVERAGE_ARCHIVE_IN_SPAN, len(in_span))
        stats.set_value(stats_keys.COVERAGE_ARCHIVE_ONLY_IN_SPAN, len(missed))
        stats.set_value(stats_keys.COVERAGE_ARCHIVE_ONLY_IN_SPAN_URLS, missed[:REPORT_CAP])
        stats.set_value(stats_keys.COVERAGE_ARCHIVE_ONLY_OLDER, len(older))
        stats.set_value(stats_keys.COVERAGE_ARCHIVE_ONLY_OLDER_URLS, older[:REPORT_CAP])
