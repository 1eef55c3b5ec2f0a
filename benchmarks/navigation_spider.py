"""The ``news`` spider without reading articles: the ceiling any extraction can reach.

    scrapy runspider benchmarks/navigation_spider.py -a site=http://127.0.0.1:PORT

Same navigation as ``scrapy crawl news`` (home page, channels, both pagings,
one request per article), but each article page yields a one-field item
without being decoded or parsed, and no pipeline, feed, catalog, monitor or
report runs. Its pages per second against the bare spider's is what the full
crawl would keep if extracting, cleaning and exporting articles cost nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from scrapy.http import Response

from kcn_crawler.spiders.news import NewsSpider


class NavigationOnlySpider(NewsSpider):
    """``news`` with article pages counted, not read."""

    name = "navigation_only"
    custom_settings: ClassVar[dict[str, Any]] = {
        "ITEM_PIPELINES": {},
        "FEEDS": {},
        "KCN_DEFAULT_FEEDS": {},
        "KCN_MONITOR": False,
        "KCN_REPORT": False,
        "KCN_CATALOG": False,
    }

    def parse_article(self, response: Response) -> Iterator[Any]:
        yield {"url": response.url}
