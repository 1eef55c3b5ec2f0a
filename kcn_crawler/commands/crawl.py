"""``scrapy crawl`` for kcn_crawler.

Same as Scrapy's own command, plus two things a scheduler needs:

* spider arguments are validated before the crawl starts: a bad one prints a
  single line naming it and exits with status 2, before any request;
* with a JOBDIR whose job was interrupted, ``-O`` appends rather than
  overwriting what the earlier run exported (``kcn_crawler.resume_feeds``);
* after the crawl, a non-zero ``kcn/exit_code`` stat (set by the monitoring
  checks) becomes the process's exit status, with the failed checks printed.

With ``-a sites=FILE|GROUP`` it runs one crawler per site of the sites file in
this process (``kcn_crawler.multisite``); every entry is checked first, and
the process exits with the highest exit status of the sites.
A site that never answered prints one line and exits with status 4.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from kcn_crawler import stats_keys
from kcn_crawler.distributed.config import apply_worker, redis_enabled
from kcn_crawler.middlewares.reachability import site_unreachable
from kcn_crawler.multisite import apply_site
from kcn_crawler.params import BadArgument, parse_site
from kcn_crawler.resume_feeds import drop_stale, keep_earlier_exports, overwritten_files
from kcn_crawler.sites import SiteEntry, load_sites

if TYPE_CHECKING:
    import argparse

    from scrapy.crawler import Crawler

EXIT_BAD_ARGUMENT = 2
EXIT_UNREACHABLE = 4  # the site never answered (kcn_crawler.middlewares.reachability)


class Command(ScrapyCrawlCommand):
    """Run a spider of the project, validating its arguments first."""

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name: news, archive or portal")
        assert self.crawler_process
        spidercls = self.load_spider(args[0])
        spargs: dict[str, str] = dict(opts.spargs)
        try:
            entries = self.site_entries(spargs)
            plan = [{**spargs, "site": entry.root} for entry in entries] or [spargs]
            validate = getattr(spidercls, "validate_arguments", None)
            if validate is not None:
                for spider_args in plan:
                    validate(**spider_args)
            keep_earlier_exports(self.settings)
        except BadArgument as exc:
            print(f"kcn_crawler: bad argument: {exc}", file=sys.stderr)
            self.exitcode = EXIT_BAD_ARGUMENT
            return
        crawlers = []
        for index, spider_args in enumerate(plan):
            crawler = self._create_crawler(spidercls)
            if entries:
                apply_site(crawler, entries[index])
            self.prepare(crawler, spidercls.name, parse_site(spider_args.get("site")))
            self.crawler_process.crawl(crawler, **spider_args)
            crawlers.append(crawler)
        earlier = {id(c): overwritten_files(c.settings) for c in crawlers}
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return
        for crawler in crawlers:
            stats = crawler.stats
            code = int(stats.get_value(stats_keys.EXIT_CODE, 0) or 0) if stats else 0
            unreachable = site_unreachable(crawler)
            if not unreachable and stats and not stats.get_value("item_scraped_count"):
                drop_stale(earlier[id(crawler)])  # -O FILE holds this run's articles, or is gone
            if unreachable:
                site = getattr(crawler.spider, "site", "") or opts.spargs.get("site", "")
                print(f"kcn_crawler: site unreachable: {site}: {unreachable}", file=sys.stderr)
                self.exitcode = max(self.exitcode, code or EXIT_UNREACHABLE)
            elif code:
                failed = stats.get_value(stats_keys.FAILED_CHECKS, []) if stats else []
                site = getattr(crawler.spider, "site", "")
                label = f"{site}: " if entries and site else ""
                for check in failed or ["a monitoring check failed"]:
                    print(f"kcn_crawler: check failed: {label}{check}", file=sys.stderr)
                self.exitcode = max(self.exitcode, code)

    def load_spider(self, name: str) -> Any:
        """The spider class to run for ``name``."""
        assert self.crawler_process
        return self.crawler_process.spider_loader.load(name)

    def prepare(self, crawler: Crawler, spider: str, site: str) -> None:
        """Last settings of one site's crawler: a Redis worker when ``KCN_REDIS_URL`` is set."""
        if redis_enabled(crawler.settings):
            apply_worker(crawler, spider, site)

    @staticmethod
    def site_entries(spargs: dict[str, str]) -> list[SiteEntry]:
        """The sites of ``-a sites=`` (removed from ``spargs``), or [] for one site."""
        if "sites" not in spargs:
            return []
        if "site" in spargs:
            raise BadArgument("sites: give -a site=URL or -a sites=FILE, not both")
        return load_sites(spargs.pop("sites"))
