"""``scrapy crawl news``: every article of every news channel of the home page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from kcn_crawler.pages.home import HomePage
from kcn_crawler.spiders.walks import NewsWalk


class NewsSpider(NewsWalk):
    """Walk each channel (``/portal/KenhTin/…``) through all its listing pages."""

    name = "news"

    def home_is_usable(self, home: HomePage) -> bool:
        return bool(home.candidates())

    def walk_from_home(self, response: Response, home: HomePage) -> Iterator[Any]:
        yield from self.channel_requests(response, home)
