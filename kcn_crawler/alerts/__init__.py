"""kcn_crawler's checks as Spidermon monitors, so Spidermon's actions can send alerts.

:class:`ChecksMonitorSuite` holds one monitor, :class:`ChecksMonitor`: it fails
when the run's checks (``kcn_crawler.catalog.checks``, run by the monitor
extension) failed, with one line per failed check. The suite's failure actions
are the Spidermon action classes named by the ``KCN_ALERT_ACTIONS`` setting
(e-mail over SMTP, Slack, Telegram, Discord, ...); the alerts extension runs
the suite when a crawl closes. The exit code stays the monitor extension's.

:class:`SendSmtpEmail` is Spidermon's SMTP e-mail action, sending a readable
plain-text mail.
"""

from __future__ import annotations

import warnings
from typing import Any

from scrapy.utils.misc import load_object
from spidermon import Monitor, MonitorSuite, monitors

from kcn_crawler import stats_keys

with warnings.catch_warnings():
    # Spidermon's SMTP action sends with scrapy.mail, deprecated since Scrapy 2.13
    warnings.simplefilter("ignore")
    from scrapy.mail import MailSender
    from spidermon.contrib.actions.email.smtp import SendSmtpEmail as _SpidermonSendSmtpEmail


@monitors.name("kcn_crawler checks")
class ChecksMonitor(Monitor):
    """The checks kcn_crawler runs after every crawl."""

    @monitors.name("every check passed")
    def test_every_check_passed(self) -> None:
        """Fails with the failed checks, one per line (``kcn/failed_checks``)."""
        stats = self.data.stats
        if not stats.get(stats_keys.CHECKS):
            self.skipTest("the checks did not run (KCN_MONITOR=0)")
        failed = list(stats.get(stats_keys.FAILED_CHECKS) or [])
        site = stats.get(stats_keys.SITE) or "?"
        if failed:
            self.fail(f"{len(failed)} check(s) failed on {site}:\n" + "\n".join(failed))


class ChecksMonitorSuite(MonitorSuite):
    """kcn_crawler's checks; on failure, the actions of ``KCN_ALERT_ACTIONS``."""

    monitors = [ChecksMonitor]  # noqa: RUF012 - Spidermon's declarative style

    def __init__(self, *args: Any, crawler: Any = None, **kwargs: Any) -> None:
        actions = list(kwargs.pop("monitors_failed_actions", None) or [])
        if crawler is not None:
            actions += [load_object(path) for path in crawler.settings.getlist("KCN_ALERT_ACTIONS")]
        super().__init__(*args, monitors_failed_actions=actions, crawler=crawler, **kwargs)


class SendSmtpEmail(_SpidermonSendSmtpEmail):  # type: ignore[misc]
    """Spidermon's SMTP e-mail action, sent as a readable plain-text mail.

    Spidermon's own ``SendSmtpEmail`` hands Scrapy's ``MailSender`` the whole
    MIME message as the text of a new one, so the mail shows raw MIME headers and
    an HTML report. This one sends the text body (``SPIDERMON_BODY_TEXT``) in UTF-8;
    its settings are Spidermon's (``SPIDERMON_EMAIL_*``, ``SPIDERMON_SMTP_*``).
    """

    body_html_template = None

    def send_message(self, message: Any, **kwargs: Any) -> Any:
        sender = MailSender(
            smtphost=self.smtp_host,
            mailfrom=self.sender,
            smtpuser=self.smtp_user,
            smtppass=self.smtp_password,
            smtpport=self.smtp_port,
            smtptls=self.smtp_enforce_tls,
            smtpssl=self.smtp_enforce_ssl,
        )
        return sender.send(
            to=self.to,
            subject=message["Subject"],
            body=self.get_body_text(),
            cc=self.cc,
            charset="utf-8",
        )
