"""``scrapy collect SPIDER``: the collector of a distributed crawl (``KCN_REDIS_URL``).

Give it the spider, the ``-a`` arguments (``site``/``sites``, ``since``,
``until``, ``incremental``) and the ``-s``/``-o`` options of the workers; it
writes the exports, the catalog, the checks and the report of every site once
(``kcn_crawler.collector``). Exit codes as ``scrapy crawl``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from kcn_crawler.collector import collector_class
from kcn_crawler.commands.crawl import EXIT_BAD_ARGUMENT
from kcn_crawler.commands.crawl import Command as CrawlCommand
from kcn_crawler.distributed.config import redis_enabled

if TYPE_CHECKING:
    import argparse

    from scrapy.crawler import Crawler


class Command(CrawlCommand):
    """Collect a distributed crawl's items from Redis: catalog, exports, checks, report."""

    def short_desc(self) -> str:
        return "Collect the items of a distributed crawl (KCN_REDIS_URL) into exports and catalog"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if not redis_enabled(self.settings):
            print("kcn_crawler: bad argument: collect needs -s KCN_REDIS_URL=redis://...",
                  file=sys.stderr)  # fmt: skip
            self.exitcode = EXIT_BAD_ARGUMENT
            return
        super().run(args, opts)

    def load_spider(self, name: str) -> Any:
        return collector_class(super().load_spider(name))

    def prepare(self, crawler: Crawler, spider: str, site: str) -> None:
        """The collector is no worker: the project's pipelines, feeds and checks stay on."""
