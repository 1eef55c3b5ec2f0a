"""The workers' only item pipeline: hand each item to the collector through Redis."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured

from kcn_crawler import stats_keys


class RedisItemPipeline:
    """Push the item (as JSON) to its site's ``items`` list; the collector does the rest."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedisItemPipeline:
        if not crawler.settings.get("KCN_REDIS_URL"):
            raise NotConfigured
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        self.crawler.kcn_scheduler.leased_queue.crawl.push_item(ItemAdapter(item).asdict())
        self.crawler.stats.inc_value(stats_keys.REDIS_ITEMS_PUSHED)
        return item
