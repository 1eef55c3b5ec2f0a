"""``scrapy crawl archive``: the date archive ("Các tin đã đăng ngày"), day by day."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from kcn_crawler.pages.home import HomePage
from kcn_crawler.spiders.walks import ArchiveWalk


class ArchiveSpider(ArchiveWalk):
    """Submit the archive form for each day from ``since`` to ``until``."""

    name = "archive"

    def home_is_usable(self, home: HomePage) -> bool:
        return home.archive_form() is not None

    def walk_from_home(self, response: Response, home: HomePage) -> Iterator[Any]:
        yield from self.archive_requests(response, home)
