"""``scrapy crawl`` for kcn_crawler.

Same as Scrapy's own command, plus two things a scheduler needs:

* spider arguments are validated before the crawl starts: a bad one prints a
  single line naming it and exits with status 2, before any request;
* with a JOBDIR whose job was interrupted, ``-O`` appends rather than
  overwriting what the earlier run exported (``kcn_crawler.resume_feeds``);
* after the crawl, a non-zero ``kcn/exit_code`` stat (set by the monitoring
  checks) becomes the process's exit status, with the failed checks printed;
  a site that never answered prints one line and exits with status 4.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from kcn_crawler.middlewares.reachability import site_unreachable
from kcn_crawler.params import BadArgument
from kcn_crawler.resume_feeds import keep_earlier_exports

if TYPE_CHECKING:
    import argparse

EXIT_BAD_ARGUMENT = 2


class Command(ScrapyCrawlCommand):
    """Run a spider of the project, validating its arguments first."""

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name: news, archive or portal")
        assert self.crawler_process
        spidercls = self.crawler_process.spider_loader.load(args[0])
        validate = getattr(spidercls, "validate_arguments", None)
        if validate is not None:
            try:
                validate(**opts.spargs)
                keep_earlier_exports(self.settings)
            except BadArgument as exc:
                print(f"kcn_crawler: bad argument: {exc}", file=sys.stderr)
                self.exitcode = EXIT_BAD_ARGUMENT
                return
        crawler = self._create_crawler(spidercls)
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return
        stats = crawler.stats
        code = int(stats.get_value("kcn/exit_code", 0) or 0) if stats else 0
        unreachable = site_unreachable(crawler)
        if unreachable:
            site = getattr(crawler.spider, "site", "") or opts.spargs.get("site", "")
            print(f"kcn_crawler: site unreachable: {site}: {unreachable}", file=sys.stderr)
            self.exitcode = code or 4
        elif code:
            failed = stats.get_value("kcn/failed_checks", []) if stats else []
            for check in failed or ["a monitoring check failed"]:
                print(f"kcn_crawler: check failed: {check}", file=sys.stderr)
            self.exitcode = code
