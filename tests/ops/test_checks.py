"""The monitor's checks on synthetic numbers, and its exit-code contract on fake stats."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from kcn_crawler.catalog.checks import (
    BASELINE_KINDS,
    RunNumbers,
    Thresholds,
    articles_seen,
    dropped_counts,
    run_checks,
)
from kcn_crawler.extensions.monitor import DownloadFailuresMiddleware, MonitorExtension

HEALTHY = RunNumbers(
    items=58,
    seen=58,
    extracted=59,
    fallback=1,
    dateparser=2,
    checked=58,
    incomplete=1,
    responses=70,
    http_errors=1,
)


def failed(numbers: RunNumbers, thresholds: Thresholds | None = None) -> list[str]:
    return [c.name for c in run_checks(numbers, thresholds or Thresholds()) if not c.passed]


def variant(**changes: Any) -> RunNumbers:
    values = dict(HEALTHY.__dict__)
    values.update(changes)
    return RunNumbers(**values)


def test_a_healthy_run_passes_every_check() -> None:
    assert failed(HEALTHY) == []


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        ({"finish_reason": "shutdown"}, "finish"),
        ({"site_error": "no portal home page found"}, "site"),
        ({"seen": 20, "recent_seen": [58, 60, 59]}, "item_count"),
        ({"seen": 0, "items": 0}, "item_count"),
        ({"missing": {"text": 2}}, "field_coverage"),
        ({"http_errors": 9}, "http_errors"),
        ({"exceptions": 5, "http_errors": 3}, "http_errors"),
        ({"fallback": 30, "recent_fallback_rates": [0.0, 0.02]}, "fallback_extraction"),
        ({"dateparser": 30}, "fallback_dates"),
        ({"incomplete": 5}, "dropped_items"),
        ({"dropped_other": 3}, "dropped_items"),
    ],
)
def test_each_check_fails_on_its_own_problem(changes: dict[str, Any], check: str) -> None:
    assert failed(variant(**changes)) == [check]


def test_item_count_compares_with_the_median_of_recent_runs() -> None:
    assert failed(variant(seen=40, recent_seen=[58, 60, 10])) == []
    assert failed(variant(seen=28, recent_seen=[58, 60, 10])) == ["item_count"]


def test_an_incremental_run_with_nothing_new_is_fine() -> None:
    quiet = RunNumbers(incremental=True, seen=41, recent_seen=[40, 42], responses=6)
    assert failed(quiet) == []


def test_rates_over_a_handful_of_observations_are_not_judged() -> None:
    small = RunNumbers(
        incremental=True, seen=41, extracted=2, fallback=1, responses=5, http_errors=1
    )
    assert failed(small) == []
    small.recent_fallback_rates = [0.0]
    assert failed(small, Thresholds(min_sample=1)) == ["http_errors", "fallback_extraction"]


def test_fallback_fails_only_when_it_rises_above_the_sites_history() -> None:
    unseen_markup = variant(fallback=59)
    assert failed(unseen_markup) == [], "a first crawl of an unknown layout is its baseline"
    assert failed(variant(fallback=59, recent_fallback_rates=[1.0, 0.98])) == []
    changed = variant(fallback=59, recent_fallback_rates=[0.0, 0.0, 0.02])
    assert failed(changed) == ["fallback_extraction"]


def test_thresholds_come_from_settings() -> None:
    settings = Settings({"KCN_MONITOR_MAX_HTTP_ERROR_RATE": "0.5", "KCN_MONITOR_MIN_SAMPLE": 3})
    thresholds = Thresholds.from_settings(settings)
    assert thresholds.max_http_error_rate == 0.5 and thresholds.min_sample == 3
    assert thresholds.min_coverage == 0.99


def test_articles_seen_counts_known_articles_too() -> None:
    stats = {"item_scraped_count": 2, "kcn/incremental/skipped": 40, "kcn/resume/skipped": 3}
    assert articles_seen(stats) == 45


def fake_crawler(stats: dict[str, Any], **settings: Any) -> Any:
    collector = MemoryStatsCollector(SimpleNamespace(settings=Settings({"STATS_DUMP": False})))
    collector.set_stats(dict(stats))
    return SimpleNamespace(
        settings=Settings({"KCN_CATALOG": False, **settings}),
        stats=collector,
        spider=SimpleNamespace(name="news", site="http://x", incremental=False),
    )


def test_a_failed_check_sets_the_exit_code_and_logs_one_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    stats = {
        "item_scraped_count": 0,
        "kcn/articles/extracted": 60,
        "kcn/articles/fallback": 60,
        "kcn/articles/incomplete": 60,
    }
    crawler = fake_crawler(stats)
    monitor = MonitorExtension(crawler)
    monitor.responses = 62
    with caplog.at_level("INFO", logger="kcn_crawler.extensions.monitor"):
        monitor.spider_closed(crawler.spider, "finished")
    assert crawler.stats.get_value("kcn/exit_code") == 3
    failed_checks = crawler.stats.get_value("kcn/failed_checks")
    assert [line.split(":")[0] for line in failed_checks] == ["item_count", "dropped_items"]
    lines = [r.getMessage() for r in caplog.records if r.name.endswith("monitor")]
    assert len(lines) == 1
    assert "FAILED" in lines[0] and "dropped_items" in lines[0]


def test_a_healthy_crawl_keeps_exit_code_zero() -> None:
    crawler = fake_crawler({"item_scraped_count": 30, "kcn/articles/extracted": 30})
    monitor = MonitorExtension(crawler)
    monitor.responses = 35
    monitor.spider_closed(crawler.spider, "finished")
    assert crawler.stats.get_value("kcn/exit_code") is None
    assert crawler.stats.get_value("kcn/failed_checks") == []


def test_download_errors_are_counted_with_their_url() -> None:
    crawler = fake_crawler({})
    monitor = MonitorExtension(crawler)
    crawler.get_extension = lambda cls: monitor if cls is MonitorExtension else None
    middleware = DownloadFailuresMiddleware.from_crawler(crawler)
    request = Request("http://x/portal/Pages/2018-1-31/a.aspx")
    middleware.process_exception(request, TimeoutError("took longer than 0.2 seconds"))
    # not failures: a request Scrapy was told to ignore, one whose errback handles it
    middleware.process_exception(request, IgnoreRequest("robots.txt"))
    handled = Request("http://x/", errback=lambda failure: None)
    middleware.process_exception(handled, ConnectionRefusedError("refused"))
    assert monitor.exceptions == 1
    assert crawler.stats.get_value("kcn/failures") == [
        {"url": request.url, "reason": "TimeoutError: took longer than 0.2 seconds"}
    ]


def test_without_the_monitor_no_download_failure_is_counted() -> None:
    crawler = SimpleNamespace(get_extension=lambda cls: None)
    with pytest.raises(NotConfigured):
        DownloadFailuresMiddleware.from_crawler(crawler)


def test_an_empty_date_range_is_not_a_failure() -> None:
    empty = RunNumbers(unbounded=False, responses=30)
    assert failed(empty) == []
    assert failed(RunNumbers(unbounded=True, responses=30)) == ["item_count"]


def test_each_kind_of_run_has_its_baseline() -> None:
    assert BASELINE_KINDS["incremental"] == ("incremental",)
    assert set(BASELINE_KINDS["full"]) == set(BASELINE_KINDS["resumed"]) == {"full", "resumed"}
    quiet = RunNumbers(kind="incremental", incremental=True, seen=3, recent_seen=[3, 2, 4])
    assert failed(quiet) == []
    blind = RunNumbers(kind="incremental", incremental=True, seen=0, recent_seen=[3, 2, 4])
    assert failed(blind) == ["item_count"]
    assert "incremental runs" in run_checks(blind, Thresholds())[1].detail
    # an incremental run on an empty catalog walks everything: a full crawl, and must find some
    assert failed(RunNumbers(kind="full", incremental=True, seen=0, responses=30)) == ["item_count"]


def test_a_resumed_run_is_judged_on_its_whole_job() -> None:
    resumed = RunNumbers(
        kind="resumed", items=26, seen=59, extracted=27, incomplete=1, checked=26, responses=40,
        job_runs=1, earlier_items=32,
    )  # fmt: skip
    assert failed(resumed) == []
    dropped = run_checks(resumed, Thresholds())[-1]
    assert dropped.detail.startswith("1 of 59 articles read over the whole job (2 runs)")
    alone = RunNumbers(**{**resumed.__dict__, "job_runs": 0, "earlier_items": 0})
    assert failed(alone) == ["dropped_items"]  # the resumed part alone: 1 of 27
    broken = RunNumbers(**{**resumed.__dict__, "incomplete": 5, "items": 22, "checked": 22})
    assert failed(broken) == ["dropped_items"]  # 5 of 59 over the whole job


def test_dropped_counts_leave_out_duplicates_range_and_unchanged() -> None:
    stats = {
        "kcn/articles/incomplete": 2,  # refused by the spider, never reached a pipeline
        "item_dropped_count": 8,
        "kcn/items/duplicate": 3,
        "kcn/items/out_of_range": 2,
        "kcn/catalog/unchanged_dropped": 1,
    }
    assert dropped_counts(stats) == (2, 2)
    assert dropped_counts({}) == (0, 0)
