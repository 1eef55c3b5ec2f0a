"""Give each article its ``revision``; in incremental mode, drop unchanged ones.

Runs last among the item pipelines (the text is clean by then, so its hash is
stable). The catalog is only written once the item is exported (the catalog
extension, on ``item_scraped``): an item dropped or lost before that is not
counted as emitted.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from kcn_crawler import stats_keys
from kcn_crawler.catalog.runtime import CatalogRuntime
from kcn_crawler.catalog.store import content_hash
from kcn_crawler.extensions.catalog import catalog_runtime


class CatalogPipeline:
    """Set ``revision`` from the catalog; drop known, unchanged articles when incremental."""

    def __init__(self, crawler: Any, runtime: CatalogRuntime) -> None:
        self.crawler = crawler
        self.runtime = runtime

    @classmethod
    def from_crawler(cls, crawler: Any) -> CatalogPipeline:
        runtime = catalog_runtime(crawler)
        if runtime is None:
            raise NotConfigured
        return cls(crawler, runtime)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        article_id, site = adapter.get("id"), adapter.get("site") or self.runtime.site
        if not article_id:
            return item
        digest = content_hash(adapter.get("title"), adapter.get("text"))
        status, revision = self.runtime.catalog.classify(site, article_id, digest)
        adapter["revision"] = revision
        if status == "unchanged" and self.runtime.incremental:
            marks = self.runtime.marks_seen.pop(article_id, {})
            if marks:
                rows = [(article_id, source, mark) for source, mark in marks.items()]
                self.runtime.catalog.save_marks(site, rows)
            self.runtime.catalog.touch(site, [article_id])
            self.crawler.stats.inc_value(stats_keys.CATALOG_UNCHANGED_DROPPED)
            raise DropItem(
                f"article {article_id} unchanged since revision {revision}", log_level="DEBUG"
            )
        return item
