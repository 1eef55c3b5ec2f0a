"""Alerts for scheduled crawls: run the checks as a Spidermon suite (``KCN_ALERT_ACTIONS``).

When the setting names one or more Spidermon actions, the suite
:class:`kcn_crawler.alerts.ChecksMonitorSuite` runs as the spider closes, after
the checks and the report, and a failed check triggers the actions: e-mail
(``spidermon.contrib.actions.email.smtp.SendSmtpEmail``), Slack, Telegram,
Discord, configured by Spidermon's own ``SPIDERMON_*`` settings. A passing run
sends nothing. An action that fails (e.g. the SMTP server is down) is logged by
Spidermon and changes nothing else; the exit code stays the checks'.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

from kcn_crawler import stats_keys
from kcn_crawler.catalog.runtime import spider_site

logger = logging.getLogger(__name__)


class AlertsExtension:
    """Run :class:`~kcn_crawler.alerts.ChecksMonitorSuite` when the spider closes."""

    def __init__(self, crawler: Any, suite: Any) -> None:
        self.crawler = crawler
        self.suite = suite

    @classmethod
    def from_crawler(cls, crawler: Any) -> AlertsExtension:
        names = crawler.settings.getlist("KCN_ALERT_ACTIONS")
        if not names:
            raise NotConfigured
        from spidermon.exceptions import NotConfigured as ActionNotConfigured

        from kcn_crawler.alerts import ChecksMonitorSuite  # Spidermon loads only when used

        try:
            suite = ChecksMonitorSuite(crawler=crawler)
        except (ActionNotConfigured, ImportError, NameError, ValueError) as exc:
            logger.error("Alerts are OFF: KCN_ALERT_ACTIONS=%s: %s", ",".join(names), exc)
            crawler.stats.set_value(stats_keys.ALERTS_ERROR, str(exc))
            raise NotConfigured(str(exc)) from exc
        extension = cls(crawler, suite)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Any, reason: str) -> None:
        from spidermon.contrib.scrapy.runners import SpiderMonitorRunner

        stats = self.crawler.stats
        stats.set_value(stats_keys.SITE, spider_site(spider))
        data = {
            "stats": stats.get_stats(),
            "stats_history": [],
            "crawler": self.crawler,
            "spider": spider,
            "job": None,
        }
        result = SpiderMonitorRunner(spider=spider).run(self.suite, **data)
        failed = not result.all_monitors_passed
        stats.set_value(stats_keys.ALERTS_TRIGGERED, int(failed))
        if failed:
            logger.info(
                "Alerts: the failed checks went to %s",
                ", ".join(action.name for action in self.suite.monitors_failed_actions),
            )
