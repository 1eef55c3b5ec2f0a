"""``scrapy crawl portal``: both walks in one crawl, one deduplication.

The news walk and the archive walk run side by side. Articles that only the
archive found are fetched once the channels are exhausted, so an article that
a channel lists always keeps that channel's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response

from kcn_crawler.pages.home import HomePage
from kcn_crawler.spiders.walks import ArchiveWalk, NewsWalk


class PortalSpider(NewsWalk, ArchiveWalk):
    """The complete harvest: every channel, and the archive from ``since`` to ``until``."""

    name = "portal"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.archive_only: dict[str, dict[str, Any]] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):  # type: ignore[no-untyped-def]
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.fetch_archive_only, signal=signals.spider_idle)
        return spider

    def home_is_usable(self, home: HomePage) -> bool:
        return bool(home.channels()) or home.archive_form() is not None

    def walk_from_home(self, response: Response, home: HomePage) -> Iterator[Any]:
        yield from self.channel_requests(home)
        yield from self.archive_requests(response, home)

    def article_request(
        self,
        url: str,
        *,
        channel: str | None,
        listing_date: str | None,
        listing_title: str | None,
    ) -> scrapy.Request | None:
        if channel is None:
            # Found by the archive: wait until the channels have had their say.
            self.archive_only.setdefault(
                url, {"listing_date": listing_date, "listing_title": listing_title}
            )
            return None
        return super().article_request(
            url, channel=channel, listing_date=listing_date, listing_title=listing_title
        )

    def fetch_archive_only(self) -> None:
        """On idle, fetch the articles that only the archive listed."""
        pending, self.archive_only = self.archive_only, {}
        scheduled = 0
        for url, hints in pending.items():
            request = super().article_request(url, channel=None, **hints)
            if request is not None:
                self.crawler.engine.crawl(request)
                scheduled += 1
        if scheduled:
            self.crawler.stats.inc_value("kcn/archive/articles_only_in_archive", scheduled)
            raise DontCloseSpider
