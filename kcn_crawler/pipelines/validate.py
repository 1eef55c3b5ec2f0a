"""Drop articles that cannot be emitted whole: no title, no date or no text.

The spider already refuses pages it cannot read; this is the last guard, after
cleaning (a title of invisible characters is empty once cleaned).
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

logger = logging.getLogger(__name__)

REQUIRED = ("id", "url", "title", "published", "text")


class ValidateArticlePipeline:
    """Refuse an article with an empty required field, counting it."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> ValidateArticlePipeline:
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        empty = [name for name in REQUIRED if not adapter.get(name)]
        if empty:
            self.stats.inc_value("kcn/articles/incomplete")
            self.stats.inc_value("kcn/items/invalid")  # dropped here, counted once above
            raise DropItem(f"article {adapter.get('url')} has no {', '.join(empty)}")
        return item
