"""Checks after every crawl (``KCN_MONITOR``, default on); a failure fails the crawl.

The checks (``kcn_crawler.catalog.checks``): the run finished and the site was
usable; articles found vs. the catalog's recent runs of this spider on this
site; title/published/text coverage; HTTP error rate; fallback extraction rate;
dates read by the fallback parser; dropped articles. Thresholds are the
``KCN_MONITOR_*`` settings.

A failed check sets the stats ``kcn/exit_code`` (``KCN_MONITOR_EXIT_CODE``,
default 3: ``scrapy crawl`` exits with it) and ``kcn/failed_checks``, and logs
one ERROR line naming the failed checks.

Everything is counted from Scrapy's public hooks: the signals ``response_received``,
``item_scraped``, ``item_dropped`` and ``spider_error``, and for requests that failed
without a response a downloader middleware's ``process_exception``
(:class:`DownloadFailuresMiddleware`, installed by the ops add-on). Failed URLs
(HTTP errors, dropped articles, spider errors, requests that failed for good)
go to the run's failure log (:mod:`kcn_crawler.failures`) for the report.
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured

from kcn_crawler import stats_keys
from kcn_crawler.catalog.checks import (
    BASELINE_KINDS,
    COVERED_FIELDS,
    RunNumbers,
    Thresholds,
    articles_seen,
    dropped_counts,
    run_checks,
)
from kcn_crawler.catalog.coverage import CoverageThresholds, coverage_checks
from kcn_crawler.catalog.runtime import incremental_requested, spider_site
from kcn_crawler.extensions.catalog import catalog_runtime, spider_args
from kcn_crawler.failures import FailureLog
from kcn_crawler.middlewares.reachability import site_unreachable
from kcn_crawler.middlewares.runaway import check_paging

logger = logging.getLogger(__name__)


def unbounded(spider: Any) -> bool:
    """Whether the spider walks everything (no date range): then it must find articles."""
    ranged = getattr(spider, "since", None) or getattr(spider, "until", None)
    return not ranged and getattr(spider, "name", "") != "archive"


class MonitorExtension:
    """Count what the checks need during the crawl, run them at the end."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.thresholds = Thresholds.from_settings(crawler.settings)
        self.coverage_thresholds = CoverageThresholds.from_settings(crawler.settings)
        self.exit_code = crawler.settings.getint("KCN_MONITOR_EXIT_CODE", 3)
        self.failures = FailureLog(crawler.stats)
        self.responses = 0
        self.http_errors = 0
        self.exceptions = 0
        self.dropped_incomplete = 0
        self.missing_fields: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> MonitorExtension:
        if not crawler.settings.getbool("KCN_MONITOR", True):
            raise NotConfigured
        monitor = cls(crawler)
        connect = crawler.signals.connect
        connect(monitor.response_received, signal=signals.response_received)
        connect(monitor.item_scraped, signal=signals.item_scraped)
        connect(monitor.item_dropped, signal=signals.item_dropped)
        connect(monitor.spider_error, signal=signals.spider_error)
        connect(monitor.spider_closed, signal=signals.spider_closed)
        return monitor

    # --- during the crawl ------------------------------------------------------
    def download_failed(self, request: Any, error: BaseException) -> None:
        """A request failed for good, without a response (:class:`DownloadFailuresMiddleware`)."""
        self.exceptions += 1
        self.failures.add(request.url, f"{type(error).__name__}: {error}"[:300])

    def response_received(self, response: Any, request: Any, spider: Any) -> None:
        if request.url.endswith("/robots.txt"):
            return
        self.responses += 1
        if response.status >= 400:
            self.http_errors += 1
            self.failures.add(response.url, f"HTTP {response.status}")

    def _missing(self, item: Any) -> list[str]:
        adapter = ItemAdapter(item)
        missing = [name for name in COVERED_FIELDS if not adapter.get(name)]
        for name in missing:
            self.missing_fields[name] = self.missing_fields.get(name, 0) + 1
        return missing

    def item_scraped(self, item: Any, spider: Any) -> None:
        self._missing(item)

    def item_dropped(self, item: Any, response: Any, exception: Any, spider: Any) -> None:
        missing = self._missing(item)
        if not missing:
            return
        self.dropped_incomplete += 1
        adapter = ItemAdapter(item)
        url = adapter.get("url") or getattr(response, "url", "?")
        self.failures.add(str(url), f"dropped: no {', '.join(missing)}")

    def spider_error(self, failure: Any, response: Any, spider: Any) -> None:
        self.failures.add(response.url, f"spider error: {failure.getErrorMessage()}"[:300])

    # --- at the end ------------------------------------------------------------
    def numbers(self, reason: str) -> RunNumbers:
        """Gather the checks' inputs from the stats and what was counted."""
        stats = self.stats.get_stats()

        def get(key: str) -> int:
            return int(stats.get(key, 0) or 0)

        missing = {name: self.missing_fields.get(name, 0) for name in COVERED_FIELDS}
        incomplete, dropped_other = dropped_counts(stats)
        runtime = catalog_runtime(self.crawler)
        numbers = RunNumbers(
            finish_reason=reason,
            incremental=incremental_requested(self.crawler),
            kind=runtime.kind if runtime is not None else "full",
            unbounded=unbounded(self.crawler.spider),
            items=get("item_scraped_count"),
            seen=articles_seen(stats),
            extracted=get(stats_keys.ARTICLES_EXTRACTED),
            fallback=get(stats_keys.ARTICLES_FALLBACK),
            dateparser=get(stats_keys.DATES_DATEPARSER),
            checked=get("item_scraped_count") + self.dropped_incomplete,
            missing=missing,
            incomplete=incomplete,
            dropped_other=dropped_other,
            responses=self.responses,
            http_errors=self.http_errors,
            exceptions=self.exceptions,
            site_error=stats.get(stats_keys.SITE_ERROR),
        )
        if runtime is not None and runtime.job is not None and runtime.job.resumed:
            numbers.job_runs, numbers.earlier_items = runtime.catalog.job_history(
                runtime.job.id, runtime.run_id
            )
        runs = self.recent_runs(numbers.kind)
        numbers.recent_seen = [int(run.get("seen") or 0) for run in runs]
        numbers.recent_fallback_rates = [
            int(run.get("fallback") or 0) / int(run["extracted"])
            for run in runs
            if int(run.get("extracted") or 0) >= self.thresholds.min_sample
        ]
        return numbers

    def recent_runs(self, kind: str) -> list[dict[str, Any]]:
        """The recent finished runs of this spider on this site that a run of ``kind`` faces."""
        runtime = catalog_runtime(self.crawler)
        if runtime is None:
            return []
        return runtime.catalog.recent_runs(
            self.crawler.spider.name,
            spider_site(self.crawler.spider),
            kinds=BASELINE_KINDS.get(kind, (kind,)),
            limit=self.thresholds.recent_runs,
            exclude=runtime.run_id,
            args=spider_args(self.crawler.spider),
        )

    def spider_closed(self, spider: Any, reason: str) -> None:
        if site_unreachable(self.crawler):
            return  # the site never answered: nothing to check (exit status 4)
        # A distributed crawl's collector got these from the workers (kcn_crawler.collector).
        self.responses += int(self.stats.get_value(stats_keys.HTTP_RESPONSES, 0) or 0)
        self.http_errors += int(self.stats.get_value(stats_keys.HTTP_ERRORS, 0) or 0)
        self.stats.set_value(stats_keys.HTTP_RESPONSES, self.responses)
        self.stats.set_value(stats_keys.HTTP_ERRORS, self.http_errors)
        self.stats.set_value(stats_keys.HTTP_EXCEPTIONS, self.exceptions)
        numbers = self.numbers(reason)
        self.stats.set_value(stats_keys.SITE, spider_site(spider))
        self.stats.set_value(stats_keys.RUN_KIND, numbers.kind)
        self.stats.set_value(
            stats_keys.ARTICLES_DROPPED, numbers.incomplete + numbers.dropped_other
        )
        if numbers.job_runs:
            self.stats.set_value(stats_keys.JOB_RUNS, numbers.job_runs + 1)
            self.stats.set_value(stats_keys.JOB_EARLIER_ITEMS, numbers.earlier_items)
        checks = run_checks(numbers, self.thresholds)
        checks += coverage_checks(self.stats.get_stats(), self.coverage_thresholds)
        checks.append(check_paging(self.stats))
        failed = [check.line() for check in checks if not check.passed]
        self.stats.set_value(
            stats_keys.CHECKS,
            [{"name": c.name, "passed": c.passed, "detail": c.detail} for c in checks],
        )
        self.stats.set_value(stats_keys.FAILED_CHECKS, failed)
        if failed:
            self.stats.set_value(stats_keys.EXIT_CODE, self.exit_code)
            logger.error("Monitor: %d check(s) FAILED: %s", len(failed), "; ".join(failed))
        else:
            logger.info("Monitor: all %d checks passed", len(checks))


class DownloadFailuresMiddleware:
    """Requests that failed for good without a response, handed to the monitor.

    Closest to the engine among the downloader middlewares: it sees an exception
    only once the retries gave it up. ``IgnoreRequest`` is no failure (robots.txt,
    URL rules, an unreachable site), and a request with an errback (the home page)
    is left to the spider, as Scrapy itself logs no download error for it.
    """

    def __init__(self, monitor: MonitorExtension) -> None:
        self.monitor = monitor

    @classmethod
    def from_crawler(cls, crawler: Any) -> DownloadFailuresMiddleware:
        monitor = crawler.get_extension(MonitorExtension)
        if monitor is None:
            raise NotConfigured
        return cls(monitor)

    def process_exception(self, request: Any, exception: Exception) -> None:
        if isinstance(exception, IgnoreRequest) or request.errback is not None:
            return
        self.monitor.download_failed(request, exception)
