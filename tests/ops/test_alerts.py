"""Alerts: a failing run mails the analyst through Spidermon's SMTP action; a passing one does not.

End to end: real crawls of the replica, a real SMTP server on 127.0.0.1 (aiosmtpd).
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from spidermon.contrib.scrapy.runners import SpiderMonitorRunner

from kcn_crawler import settings as project_settings
from kcn_crawler.alerts import ChecksMonitorSuite
from kcn_crawler.extensions.alerts import AlertsExtension
from tests.ops.helpers import FAST, crawl
from tests.ops.smtp import smtp_server
from tests.replica.process import run_replica


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.crawl
def test_a_failing_run_mails_its_failed_checks_and_a_passing_one_does_not(tmp_path: Path) -> None:
    port = free_port()
    with smtp_server() as mailbox:
        alerting = FAST + mailbox.settings(to="analyst@example.org")
        with run_replica(articles=60, seed=7, skin="classic", port=port) as healthy:
            good = crawl(tmp_path, "news", healthy.url, settings=alerting)
        assert good.returncode == 0, good.stats.get("kcn/failed_checks")
        assert good.items
        assert mailbox.messages == []  # a passing run sends nothing

        with run_replica(articles=60, seed=7, skin="classic", port=port, broken=True) as broken:
            bad = crawl(tmp_path, "news", broken.url, settings=alerting)
        assert bad.returncode == 3  # the exit code is kept
        failed = [line.split(":")[0] for line in bad.stats["kcn/failed_checks"]]
        assert "fallback_extraction" in failed

    assert len(mailbox.messages) == 1
    assert mailbox.recipients == [["analyst@example.org"]]
    mail = mailbox.messages[0]
    subject = str(mail["Subject"])
    assert broken.url in subject and "FAILED" in subject
    assert all(name in subject for name in failed), subject
    body = mail.get_content()
    assert broken.url in body
    for line in bad.stats["kcn/failed_checks"]:
        assert f"- {line}" in body
    assert "Report: exports/news/" in body


def fake_crawler(stats: dict[str, Any], **settings: Any) -> Any:
    values = {k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()}
    collector = MemoryStatsCollector(SimpleNamespace(settings=Settings({"STATS_DUMP": False})))
    collector.set_stats(dict(stats))
    return SimpleNamespace(
        settings=Settings({**values, **settings}),
        stats=collector,
        spider=SimpleNamespace(name="news", site="http://portal.example", log=lambda *a, **k: None),
    )


FAILED = {
    "kcn/site": "http://portal.example",
    "kcn/checks": [{"name": "item_count", "passed": False, "detail": "0 articles found"}],
    "kcn/failed_checks": ["item_count: 0 articles found (at least 1)"],
    "kcn/exit_code": 3,
}
PASSED = {
    "kcn/site": "http://portal.example",
    "kcn/checks": [{"name": "item_count", "passed": True, "detail": "58 articles"}],
    "kcn/failed_checks": [],
}
TELEGRAM = {
    "KCN_ALERT_ACTIONS": [
        "spidermon.contrib.actions.telegram.notifiers.SendTelegramMessageSpiderFinished"
    ],
    "SPIDERMON_TELEGRAM_SENDER_TOKEN": "token",
    "SPIDERMON_TELEGRAM_RECIPIENTS": ["@analysts"],
    "SPIDERMON_TELEGRAM_FAKE": True,  # log the message instead of calling Telegram
}


def run_suite(stats: dict[str, Any], **settings: Any) -> Any:
    crawler = fake_crawler(stats, **settings)
    suite = ChecksMonitorSuite(crawler=crawler)
    data = {"stats": crawler.stats.get_stats(), "crawler": crawler, "spider": crawler.spider}
    return SpiderMonitorRunner(spider=crawler.spider).run(suite, **data)


@pytest.mark.parametrize("stats", [FAILED, PASSED, {}], ids=["failed", "passed", "monitor-off"])
def test_the_telegram_action_gets_the_failed_checks_only_when_they_failed(
    stats: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="spidermon.contrib.actions.telegram"):
        result = run_suite(stats, **TELEGRAM)
    sent = [r.getMessage() for r in caplog.records if r.name.startswith("spidermon.contrib")]
    if stats is FAILED:
        assert not result.all_monitors_passed
        assert len(sent) == 1
        assert "http://portal.example" in sent[0]
        assert "- item_count: 0 articles found (at least 1)" in sent[0]
    else:
        assert sent == []


def test_alerts_without_an_action_are_off_and_a_misconfigured_one_says_why(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(NotConfigured):
        AlertsExtension.from_crawler(fake_crawler({}))
    crawler = fake_crawler({}, KCN_ALERT_ACTIONS="kcn_crawler.alerts.SendSmtpEmail")
    with caplog.at_level(logging.ERROR), pytest.raises(NotConfigured):
        AlertsExtension.from_crawler(crawler)
    lines = [r.getMessage() for r in caplog.records if r.name == "kcn_crawler.extensions.alerts"]
    assert len(lines) == 1 and "Alerts are OFF" in lines[0] and "SPIDERMON_EMAIL_TO" in lines[0]
