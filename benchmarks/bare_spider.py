"""A bare spider for the benchmark: fetches a list of URLs and extracts nothing.

    scrapy runspider benchmarks/bare_spider.py -a urls_file=urls.txt

It is the baseline the full crawl is compared with: same pages, same Scrapy,
same settings, no parsing, no items.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, ClassVar

import scrapy


class BareSpider(scrapy.Spider):
    """Request every URL of ``urls_file``; count responses, nothing else."""

    name = "bare"
    custom_settings: ClassVar[dict[str, Any]] = {
        "ITEM_PIPELINES": {},
        "FEEDS": {},
        "KCN_MONITOR": False,
        "KCN_REPORT": False,
        "KCN_CATALOG": False,
    }

    def __init__(self, urls_file: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = Path(urls_file).read_text("utf-8").split()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse, dont_filter=True)

    def parse(self, response: scrapy.http.Response) -> None:
        return None
