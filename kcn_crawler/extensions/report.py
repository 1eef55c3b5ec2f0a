"""Write each run's HTML report next to its exports (``KCN_REPORT``, default on).

The page (``kcn_crawler.catalog.report_html``) lands beside the first local
feed, with the feed's name and ``.html``: by default
``exports/<spider>/<kcn_start>.html``; with ``-O out.jsonl``, ``out.html``.
It shows the counts, new/changed/unchanged articles, the checks, the failed
URLs and a chart of the run's articles per month.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from kcn_crawler import stats_keys
from kcn_crawler.catalog.report_coverage import coverage_from_stats
from kcn_crawler.catalog.report_html import render_report
from kcn_crawler.catalog.runtime import incremental_requested, spider_site
from kcn_crawler.extensions.catalog import catalog_runtime, run_counts, spider_args
from kcn_crawler.middlewares.reachability import site_unreachable

logger = logging.getLogger(__name__)


class _UriParams(dict[str, Any]):
    """Feed URI parameters: spider attributes, like Scrapy's feed exporter."""

    def __init__(self, spider: Any, start: str) -> None:
        super().__init__(name=spider.name, time=start, batch_id=1, batch_time=start)
        self.spider = spider

    def __missing__(self, key: str) -> Any:
        return getattr(self.spider, key, "")


def feed_paths(settings: Any, spider: Any, start: str) -> list[Path]:
    """The local files the crawl's feeds write to."""
    paths = []
    for uri in settings.getdict("FEEDS"):
        text = str(uri)
        parts = urlsplit(text)
        if parts.scheme not in ("", "file") and len(parts.scheme) > 1:
            continue
        try:
            filled = text % _UriParams(spider, start)
        except (TypeError, ValueError, KeyError):
            continue
        local = unquote(urlsplit(filled).path) if parts.scheme == "file" else filled
        paths.append(Path(local))
    return paths


def argument_line(spider: Any) -> str:
    """Every spider argument with the value the run used, e.g. ``max_days=3660``."""
    params = getattr(spider, "params", None)
    if params is None:
        return ", ".join(f"{k}={v}" for k, v in spider_args(spider).items())
    values = {
        "site": params.site,
        "since": params.since or "none",
        "until": params.until or "none",
        "max_days": params.max_days,
        "incremental": int(params.incremental),
    }
    return ", ".join(f"{name}={value}" for name, value in values.items())


def report_path(settings: Any, spider: Any, start: str) -> Path:
    """Where the report goes: beside the first local feed, else ``exports/<spider>/``."""
    feeds = feed_paths(settings, spider, start)
    if feeds:
        return feeds[0].with_suffix(".html")
    return Path("exports") / spider.name / f"{start}.html"


def _job_line(stats: dict[str, Any]) -> str:
    """The JOBDIR job a run belongs to, and for a resumed one what its earlier runs did."""
    job = stats.get(stats_keys.RESUME_JOB)
    if not job:
        return ""
    runs = int(stats.get(stats_keys.JOB_RUNS, 0) or 0)
    if runs < 2:
        return str(job)
    earlier = int(stats.get(stats_keys.JOB_EARLIER_ITEMS, 0) or 0)
    return f"{job}: run {runs} of the job; its earlier runs emitted {earlier} articles"


class ReportExtension:
    """Collect articles per month; write the HTML report when the spider closes."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.months: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Any) -> ReportExtension:
        if not crawler.settings.getbool("KCN_REPORT", True):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def item_scraped(self, item: Any, spider: Any) -> None:
        published = ItemAdapter(item).get("published")
        if published:
            self.months[str(published)[:7]] += 1

    def build(self, spider: Any, reason: str) -> dict[str, Any]:
        """The report's data, from the stats, the checks and the catalog."""
        stats = self.crawler.stats.get_stats()
        started = stats.get("start_time") or datetime.now(UTC)
        ended = datetime.now(UTC)
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        counts: dict[str, Any] = dict(run_counts(stats))
        counts["unchanged"] = int(stats.get(stats_keys.CATALOG_UNCHANGED, 0) or 0) + int(
            stats.get(stats_keys.CATALOG_UNCHANGED_DROPPED, 0) or 0
        )
        counts["responses"] = stats.get(stats_keys.HTTP_RESPONSES, 0)
        counts["incomplete"] = stats.get(stats_keys.ARTICLES_INCOMPLETE, 0)
        counts["set_aside"] = int(stats.get(stats_keys.ITEMS_DUPLICATE, 0) or 0) + int(
            stats.get(stats_keys.ITEMS_OUT_OF_RANGE, 0) or 0
        )
        counts["http_errors"] = counts.pop("errors", 0)
        failures = list(stats.get(stats_keys.FAILURES, []) or [])
        counts["failures"] = len(failures)
        months = sorted(self.months.items())
        chart_title = "Articles per month (this run)"
        runtime = catalog_runtime(self.crawler)
        if not months and runtime is not None:
            months = runtime.catalog.months(runtime.site)
            chart_title = "Articles per month (whole catalog of the site; this run emitted none)"
        return {
            "spider": spider.name,
            "site": spider_site(spider),
            "args": argument_line(spider),
            "incremental": incremental_requested(self.crawler),
            "kind": stats.get(stats_keys.RUN_KIND) or "full",
            "job": _job_line(stats),
            "start": started.isoformat(timespec="seconds"),
            "end": ended.isoformat(timespec="seconds"),
            "duration": (ended - started).total_seconds(),
            "finish_reason": reason,
            "exit_code": stats.get(stats_keys.EXIT_CODE, 0),
            "run_id": stats.get(stats_keys.CATALOG_RUN_ID),
            "counts": counts,
            "checks": list(stats.get(stats_keys.CHECKS, []) or []),
            "failures": failures,
            "coverage": coverage_from_stats(stats),
            "months": months,
            "chart_title": chart_title,
        }

    def spider_closed(self, spider: Any, reason: str) -> None:
        if site_unreachable(self.crawler):
            return  # a crawl that never reached its site has nothing to report
        start = str(getattr(spider, "kcn_start", "") or "")
        if not start:
            start_time = self.crawler.stats.get_value("start_time") or datetime.now(UTC)
            start = start_time.strftime("%Y-%m-%dT%H-%M-%S")
        path = report_path(self.crawler.settings, spider, start)
        report = self.build(spider, reason)
        feeds = feed_paths(self.crawler.settings, spider, start)
        report["exports"] = [str(p) for p in feeds if p.exists()]  # none when nothing exported
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".html.tmp")
            tmp.write_text(render_report(report), "utf-8")
            tmp.replace(path)
        except OSError as exc:
            logger.error("Could not write the run report %s: %s", path, exc)
            return
        self.crawler.stats.set_value(stats_keys.REPORT_PATH, str(path))
        logger.info("Run report: %s", path)
