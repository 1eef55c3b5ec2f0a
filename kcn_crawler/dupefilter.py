"""A duplicate filter that makes ``JOBDIR`` resume lose nothing.

Scrapy's ``RFPDupeFilter`` writes a request's fingerprint to
``JOBDIR/requests.seen`` when the request is *scheduled*. A process killed
before the request was fetched (SIGKILL, a crash; scrapy issues 3333 and 4106)
leaves it marked seen but never fetched, and the restarted crawl skips it for
good. After such a death the on-disk queue is stale as well.

With a ``JOBDIR`` this filter instead:

* persists nothing: navigation (home, listing, archive-day pages) is always
  walked again on restart, and Scrapy's stale request queue is discarded;
* treats an article request as seen when the catalog says this job already
  emitted the article (the catalog is written after the feed exporters wrote
  the item), or when this process already scheduled it.

Without a ``JOBDIR`` it is Scrapy's in-memory ``RFPDupeFilter``.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.job import job_dir

from kcn_crawler import stats_keys
from kcn_crawler.catalog.jobs import discard_scheduler_queue
from kcn_crawler.extensions.catalog import catalog_runtime
from kcn_crawler.resume_feeds import exported_ids

logger = logging.getLogger(__name__)


class ResumableDupeFilter(RFPDupeFilter):
    """In-memory fingerprints, plus the catalog's record of what the job emitted."""

    def __init__(self, *args: Any, crawler: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.crawler = crawler
        self.emitted: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> ResumableDupeFilter:
        jobdir = job_dir(crawler.settings)
        dupefilter = cls(
            None,  # no requests.seen: see the module's docstring
            crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=crawler.request_fingerprinter,
            crawler=crawler,
        )
        if not jobdir:
            return dupefilter
        if discard_scheduler_queue(jobdir):
            logger.info("JOBDIR %s: discarded the old request queue; walking again", jobdir)
        runtime = catalog_runtime(crawler)
        if runtime is None or runtime.job is None:
            logger.warning(
                "JOBDIR without the catalog (KCN_CATALOG=0): a resumed crawl re-emits articles"
            )
            return dupefilter
        dupefilter.emitted = runtime.catalog.job_articles(runtime.job.id)
        dupefilter.emitted |= exported_ids(crawler.settings)  # -O files a resumed run appends to
        crawler.stats.set_value(stats_keys.RESUME_JOB, runtime.job.id)
        crawler.stats.set_value(stats_keys.RESUME_ALREADY_EMITTED, len(dupefilter.emitted))
        if runtime.job.resumed or dupefilter.emitted:
            logger.info(
                "Resuming job %s: %d articles already emitted will not be fetched again",
                runtime.job.id,
                len(dupefilter.emitted),
            )
        return dupefilter

    def request_seen(self, request: Any) -> bool:
        kcn = request.meta.get("kcn") or {}
        if self.emitted and kcn.get("kind") == "article" and kcn.get("article_id") in self.emitted:
            if self.crawler is not None:
                self.crawler.stats.inc_value(stats_keys.RESUME_SKIPPED)
            return True
        return super().request_seen(request)
