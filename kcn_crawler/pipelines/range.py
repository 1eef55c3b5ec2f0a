"""Keep only articles published within the spider's ``since``/``until`` days."""

from __future__ import annotations

from datetime import date
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from kcn_crawler import stats_keys


class DateRangePipeline:
    """Drop articles published outside ``-a since`` .. ``-a until`` (Vietnam days)."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> DateRangePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        spider = self.crawler.spider
        since: date | None = getattr(spider, "since", None)
        until: date | None = getattr(spider, "until", None)
        published = ItemAdapter(item).get("published")
        if not published or (since is None and until is None):
            return item
        day = date.fromisoformat(published[:10])
        if (since and day < since) or (until and day > until):
            self.crawler.stats.inc_value(stats_keys.ITEMS_OUT_OF_RANGE)
            raise DropItem(f"published {day} is outside {since} .. {until}")
        return item
