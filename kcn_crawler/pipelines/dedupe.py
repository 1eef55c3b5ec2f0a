"""One article, one item: drop a second item with an id already emitted."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from kcn_crawler import stats_keys


class DedupeArticlePipeline:
    """Keep the first item of each article id in this crawl."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> DedupeArticlePipeline:
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        article_id = str(ItemAdapter(item).get("id"))
        if article_id in self.seen:
            self.stats.inc_value(stats_keys.ITEMS_DUPLICATE)
            raise DropItem(f"duplicate article {article_id}")
        self.seen.add(article_id)
        return item
