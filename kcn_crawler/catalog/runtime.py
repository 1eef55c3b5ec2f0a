"""What the catalog's components share during one crawl.

The catalog extension opens one :class:`CatalogRuntime` per crawl (one SQLite
connection, the run's id, what the listings showed) with :func:`open_runtime`
and owns it; the catalog pipeline, the incremental middleware, the resumable
dupefilter, the monitor and the report reach it through the extension
(:func:`kcn_crawler.extensions.catalog.catalog_runtime`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kcn_crawler.catalog.jobs import Job, load_job
from kcn_crawler.catalog.store import Catalog
from kcn_crawler.params import parse_bool

DEFAULT_CATALOG_PATH = "exports/catalog.sqlite"


@dataclass
class CatalogRuntime:
    """Per-crawl state of the catalog components."""

    catalog: Catalog
    spider_name: str
    site: str
    incremental: bool
    job: Job | None = None
    run_id: int | None = None
    kind: str = "full"  # full, incremental or resumed: see run_kind()
    # article id -> {source: mark}: the dates listings showed this run
    marks_seen: dict[str, dict[str, str]] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)  # known articles not fetched again
    article_day: dict[str, str] = field(default_factory=dict)  # article id -> archive day
    walked_days: set[str] = field(default_factory=set)
    failed_days: set[str] = field(default_factory=set)

    def note_mark(self, article_id: str, source: str, mark: str | None) -> None:
        """Remember the date a listing showed beside an article."""
        if mark:
            self.marks_seen.setdefault(article_id, {})[source] = mark


def catalog_enabled(settings: Any) -> bool:
    """Whether the catalog is on (setting ``KCN_CATALOG``, default on)."""
    return settings.getbool("KCN_CATALOG", True)


def run_kind(runtime: CatalogRuntime) -> str:
    """What kind of run this is, for the checks' baselines (call before any item is recorded).

    ``incremental``: incremental was asked for and the catalog knows articles of the
    site (on an empty catalog an incremental run is a full crawl, and counts as one);
    ``resumed``: the run continues an interrupted job (same JOBDIR), judged on the
    whole job; ``full``: anything else.
    """
    if runtime.incremental and runtime.catalog.has_articles(runtime.site):
        return "incremental"
    if runtime.job is not None and runtime.job.resumed:
        return "resumed"
    return "full"


def incremental_requested(crawler: Any) -> bool:
    """``-a incremental=1`` on the spider, else the ``KCN_INCREMENTAL`` setting."""
    value = getattr(crawler.spider, "incremental", None)
    if value is not None and value != "":
        try:
            if parse_bool("incremental", value):
                return True
        except ValueError:
            return False
    return crawler.settings.getbool("KCN_INCREMENTAL", False)


def spider_site(spider: Any) -> str:
    """The site root a spider crawls (``spider.site``), or its name as a fallback."""
    site = getattr(spider, "site", None)
    if site:
        return str(site)
    urls = getattr(spider, "start_urls", None) or []
    return str(urls[0]) if urls else f"spider:{getattr(spider, 'name', '?')}"


def open_runtime(crawler: Any) -> CatalogRuntime | None:
    """A new catalog runtime for the crawler's spider; None when the catalog is off."""
    if not catalog_enabled(crawler.settings) or crawler.spider is None:
        return None
    path = crawler.settings.get("KCN_CATALOG_PATH") or DEFAULT_CATALOG_PATH
    timeout = crawler.settings.getfloat("KCN_CATALOG_TIMEOUT", 60.0)
    jobdir = crawler.settings.get("JOBDIR")
    runtime = CatalogRuntime(
        catalog=Catalog(path, timeout),
        spider_name=crawler.spider.name,
        site=spider_site(crawler.spider),
        incremental=incremental_requested(crawler),
        job=load_job(jobdir) if jobdir else None,
    )
    return runtime
