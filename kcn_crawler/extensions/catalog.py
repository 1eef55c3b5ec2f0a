"""Record every run and every emitted article in the catalog (``KCN_CATALOG``).

* ``spider_opened``: a ``runs`` row (spider, site, arguments, start, job);
* ``item_scraped`` (after the feed exporters wrote the item, so a crash never
  counts an unwritten item as emitted): the article row, upserted with its
  content hash and revision, and a ``run_items`` row (new / changed / unchanged);
* ``spider_closed`` (after the monitor and the report): listing marks, archive
  days walked completely (by a run that finished and passed its checks), the
  run's end, counts and exit status.

The extension owns the crawl's :class:`~kcn_crawler.catalog.runtime.CatalogRuntime`;
the other catalog components reach it with :func:`catalog_runtime`.
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from kcn_crawler import stats_keys
from kcn_crawler.catalog.checks import articles_seen, dropped_counts
from kcn_crawler.catalog.jobs import close_job
from kcn_crawler.catalog.runtime import CatalogRuntime, catalog_enabled, open_runtime, run_kind
from kcn_crawler.normalize.urls import article_id
from kcn_crawler.pages.discovery import candidate_key

logger = logging.getLogger(__name__)

SPIDER_ARGS = ("site", "since", "until", "incremental", "max_days")


def spider_args(spider: Any) -> dict[str, Any]:
    """The arguments worth recording for a run."""
    args = {name: getattr(spider, name, None) for name in SPIDER_ARGS}
    return {name: value for name, value in args.items() if value not in (None, "", False)}


def run_counts(stats: dict[str, Any]) -> dict[str, int]:
    """The counts a ``runs`` row keeps, from the crawl's stats."""

    def get(key: str) -> int:
        return int(stats.get(key, 0) or 0)

    return {
        "requests": get("downloader/request_count"),
        "items": get("item_scraped_count"),
        "seen": articles_seen(stats),
        "new": get(stats_keys.CATALOG_NEW),
        "changed": get(stats_keys.CATALOG_CHANGED),
        "unchanged": get(stats_keys.CATALOG_UNCHANGED) + get(stats_keys.CATALOG_UNCHANGED_DROPPED),
        "skipped": get(stats_keys.INCREMENTAL_SKIPPED) + get(stats_keys.RESUME_SKIPPED),
        "dropped": sum(dropped_counts(stats)),
        "errors": get(stats_keys.HTTP_ERRORS) + get(stats_keys.HTTP_EXCEPTIONS),
        "extracted": get(stats_keys.ARTICLES_EXTRACTED),
        "fallback": get(stats_keys.ARTICLES_FALLBACK),
    }


def judged_pages(stats: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    """``(key, url, name, is_channel)`` of every page channel discovery judged this run."""
    rows = [
        (candidate_key(str(c["url"])), str(c["url"]), str(c.get("name") or ""), True)
        for c in stats.get(stats_keys.DISCOVERY_CHANNELS) or []
    ]
    rows += [
        (candidate_key(str(c["url"])), str(c["url"]), str(c.get("name") or ""), False)
        for c in stats.get(stats_keys.DISCOVERY_NOT_CHANNELS) or []
    ]
    return rows


class CatalogExtension:
    """Keep the catalog's ``runs``, ``articles`` and ``run_items`` up to date."""

    def __init__(self, crawler: Any, runtime: CatalogRuntime) -> None:
        self.crawler = crawler
        self.runtime = runtime

    @classmethod
    def from_crawler(cls, crawler: Any) -> CatalogExtension:
        runtime = open_runtime(crawler)
        if runtime is None:
            raise NotConfigured
        extension = cls(crawler, runtime)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Any) -> None:
        rt = self.runtime
        rt.kind = run_kind(rt)
        rt.run_id = rt.catalog.start_run(
            spider.name,
            rt.site,
            spider_args(spider),
            incremental=rt.incremental,
            kind=rt.kind,
            job=rt.job.id if rt.job else None,
        )
        self.crawler.stats.set_value(stats_keys.CATALOG_RUN_ID, rt.run_id)
        self.crawler.stats.set_value(stats_keys.RUN_KIND, rt.kind)
        self.crawler.stats.set_value(stats_keys.CATALOG_PATH, str(rt.catalog.path))
        if rt.incremental:
            logger.info(
                "Incremental crawl: known articles of %s come from %s", rt.site, rt.catalog.path
            )

    def item_scraped(self, item: Any, spider: Any) -> None:
        rt = self.runtime
        if rt.run_id is None:
            return
        adapter = ItemAdapter(item)
        if not adapter.get("id"):
            return
        record = {key: adapter.get(key) for key in ("id", "url", "site", "title", "text")}
        record.update(published=adapter.get("published"), channel=adapter.get("channel"))
        record["site"] = record["site"] or rt.site
        marks = rt.marks_seen.pop(str(record["id"]), None)
        status, _revision = rt.catalog.record_item(rt.run_id, record, marks)
        self.crawler.stats.inc_value(stats_keys.catalog_status(status))

    def spider_closed(self, spider: Any, reason: str) -> None:
        rt = self.runtime
        stats = self.crawler.stats
        try:
            self._save_run_state(reason)
            if rt.run_id is not None:
                rt.catalog.finish_run(
                    rt.run_id,
                    finish_reason=reason,
                    exit_code=int(stats.get_value(stats_keys.EXIT_CODE, 0) or 0),
                    failed_checks=list(stats.get_value(stats_keys.FAILED_CHECKS, []) or []),
                    counts=run_counts(stats.get_stats()),
                    report=stats.get_value(stats_keys.REPORT_PATH),
                )
            if rt.job is not None:
                close_job(rt.job, finished=reason == "finished")
        finally:
            rt.catalog.close()

    def _save_run_state(self, reason: str) -> None:
        """Listing marks of skipped articles; archive days a finished run walked."""
        rt = self.runtime
        rows = [
            (aid, source, mark)
            for aid in rt.skipped
            for source, mark in rt.marks_seen.get(aid, {}).items()
        ]
        if rows:
            rt.catalog.save_marks(rt.site, rows)
        if rt.skipped:
            rt.catalog.touch(rt.site, rt.skipped)
        pages = judged_pages(self.crawler.stats.get_stats())
        if pages:
            rt.catalog.save_site_pages(rt.site, pages)
        failed_checks = int(self.crawler.stats.get_value(stats_keys.EXIT_CODE, 0) or 0)
        if reason != "finished" or failed_checks or not rt.walked_days:
            return  # an interrupted or failed run completes no archive day
        for failure in self.crawler.stats.get_value(stats_keys.FAILURES, []) or []:
            aid = article_id(str(failure.get("url", "")))
            if aid and aid in rt.article_day:
                rt.failed_days.add(rt.article_day[aid])
        days = sorted(rt.walked_days - rt.failed_days)
        rt.catalog.mark_days_completed(rt.site, days, rt.run_id)
        self.crawler.stats.set_value(stats_keys.CATALOG_DAYS_COMPLETED, len(days))


def catalog_runtime(crawler: Any) -> CatalogRuntime | None:
    """The crawl's catalog runtime, owned by its :class:`CatalogExtension`.

    None when the catalog is off (``KCN_CATALOG=0``) or its extension is not enabled.
    Extensions are built first: item pipelines, middlewares and the dupefilter can
    call this from their ``from_crawler``.
    """
    if not catalog_enabled(crawler.settings):
        return None
    extension = crawler.get_extension(CatalogExtension)
    return extension.runtime if extension is not None else None
