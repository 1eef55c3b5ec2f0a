"""One failure log: the spider and the monitor add to the same list, capped once."""

from __future__ import annotations

from types import SimpleNamespace

from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from kcn_crawler.extensions.monitor import MonitorExtension
from kcn_crawler.failures import MAX_FAILURES, FailureLog, record_failure


def crawler() -> SimpleNamespace:
    stats = MemoryStatsCollector(SimpleNamespace(settings=Settings({"STATS_DUMP": False})))
    return SimpleNamespace(settings=Settings({"KCN_CATALOG": False}), stats=stats, spider=None)


def test_spider_and_monitor_failures_go_to_one_list() -> None:
    run = crawler()
    record_failure(run, "http://x/a.aspx", "unreadable: no text")
    monitor = MonitorExtension(run)
    response = SimpleNamespace(url="http://x/b.aspx", status=404)
    monitor.response_received(response, SimpleNamespace(url=response.url), None)
    assert FailureLog(run.stats).entries() == [
        {"url": "http://x/a.aspx", "reason": "unreadable: no text"},
        {"url": "http://x/b.aspx", "reason": "HTTP 404"},
    ]
    assert run.stats.get_value("kcn/failures") == FailureLog(run.stats).entries()


def test_the_log_keeps_at_most_its_cap() -> None:
    run = crawler()
    log = FailureLog(run.stats)
    log.extend({"url": f"http://x/{i}", "reason": "HTTP 500"} for i in range(MAX_FAILURES - 1))
    record_failure(run, "http://x/last", "HTTP 503")
    record_failure(run, "http://x/over", "HTTP 503")
    entries = log.entries()
    assert len(entries) == MAX_FAILURES and entries[-1]["url"] == "http://x/last"
