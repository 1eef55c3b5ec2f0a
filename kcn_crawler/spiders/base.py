"""Shared navigation of the portal spiders: start, home page, articles.

Spiders hold no selectors: page objects (``kcn_crawler.pages``) read pages,
the spiders turn what they found into requests and items.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from kcn_crawler import failures, stats_keys
from kcn_crawler.extraction import read_article
from kcn_crawler.middlewares.reachability import CLOSE_REASON as UNREACHABLE_REASON
from kcn_crawler.middlewares.reachability import site_unreachable
from kcn_crawler.normalize.dates import date_from_url
from kcn_crawler.normalize.urls import article_id, canonical_url
from kcn_crawler.pages.article import ArticleContext
from kcn_crawler.pages.home import HomePage
from kcn_crawler.pages.published import (
    Published,
    date_from_meta,
    date_to_meta,
    missing_fields,
    utc_now_iso,
)
from kcn_crawler.pages.types import ListingEntry
from kcn_crawler.params import CrawlParams, check_argument_names, parse_params
from kcn_crawler.spiders.requests import content_type, page_selector

logger = logging.getLogger(__name__)

# Where a portal's home page may live; the first that answers with a page wins.
#: Scheduler priority of article requests, above listing pages and archive days (0).
ARTICLE_PRIORITY = 1

HOME_PATHS = ("/", "/portal/Pages/default.aspx", "/portal/pages/default.aspx", "/portal/")


class BasePortalSpider(scrapy.Spider):
    """Base of ``news``, ``archive`` and ``portal``: arguments, home, article pages."""

    check_span: ClassVar[bool] = False  # the archive walk limits its day range

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        super().update_settings(settings)
        # -o/-O replace the default exports instead of adding to them.
        if not settings.getdict("FEEDS"):
            settings.set("FEEDS", settings.getdict("KCN_DEFAULT_FEEDS"), priority="spider")

    @classmethod
    def validate_arguments(cls, **kwargs: Any) -> CrawlParams:
        """Validate ``-a`` arguments; raises BadArgument with a one-line message."""
        check_argument_names(kwargs)
        return parse_params(
            site=kwargs.get("site"),
            since=kwargs.get("since"),
            until=kwargs.get("until"),
            max_days=kwargs.get("max_days"),
            incremental=kwargs.get("incremental", False),
            check_span=cls.check_span,
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        params = self.validate_arguments(**kwargs)
        for key in ("site", "since", "until", "max_days", "incremental"):
            kwargs.pop(key, None)
        super().__init__(*args, **kwargs)
        self.params = params
        self.site = params.site
        self.since = params.since
        self.until = params.until
        self.incremental = params.incremental
        self.kcn_start = datetime.now(UTC).strftime("%Y-%m-%dT%H-%M-%S")
        self.scheduled_ids: set[str] = set()

    # --- start and home ---------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self.home_request(0)

    def home_request(self, attempt: int) -> scrapy.Request:
        """Request the home page at the ``attempt``-th known location."""
        return scrapy.Request(
            self.site + HOME_PATHS[attempt],
            callback=self.parse_home,
            errback=self.home_failed,
            meta={"kcn": {"kind": "home", "attempt": attempt}, "handle_httpstatus_list": [404]},
            dont_filter=True,
        )

    def parse_home(self, response: Response) -> Iterator[Any]:
        attempt = response.meta["kcn"]["attempt"]
        home = HomePage(response.url, page_selector(response)) if response.status == 200 else None
        if home is None or not self.home_is_usable(home):
            if attempt + 1 < len(HOME_PATHS):
                yield self.home_request(attempt + 1)
            else:
                self.fail_site(f"no portal home page found at {self.site}")
            return
        yield from self.walk_from_home(response, home)

    def home_failed(self, failure: Any) -> Iterator[Any]:
        if site_unreachable(self.crawler):
            raise CloseSpider(UNREACHABLE_REASON)  # logged once by the middleware
        attempt = failure.request.meta["kcn"]["attempt"]
        if attempt + 1 < len(HOME_PATHS):
            yield self.home_request(attempt + 1)
        else:
            self.fail_site(f"home page unreachable at {self.site}: {failure.value}")

    def fail_site(self, message: str) -> None:
        """Log a fatal navigation problem and record it for the monitor."""
        logger.error(message)
        self.crawler.stats.inc_value(stats_keys.SITE_UNUSABLE)
        self.crawler.stats.set_value(stats_keys.SITE_ERROR, message)

    def home_is_usable(self, home: HomePage) -> bool:
        """Whether this home page has what the spider's walks need."""
        raise NotImplementedError

    def walk_from_home(self, response: Response, home: HomePage) -> Iterator[Any]:
        """The requests the spider's walks start with."""
        raise NotImplementedError

    # --- articles ---------------------------------------------------------------
    def article_request(self, entry: ListingEntry, *, channel: str | None) -> scrapy.Request | None:
        """Request one article page of a listing, unless this crawl already asked for it."""
        url = entry.url
        aid = article_id(url)
        if aid is None or aid in self.scheduled_ids:
            return None
        self.scheduled_ids.add(aid)
        meta = {
            "kcn": {
                "kind": "article",
                "article_id": aid,
                "channel": channel,
                "listing_date": entry.date_raw,  # as shown: the incremental mark
                "listing_parsed": date_to_meta(entry.date),
                "listing_title": entry.title,
            }
        }
        # Articles before further listing pages: the frontier holds about one listing page's
        # articles at a time, not the whole site's (memory flat whatever the site's size).
        return scrapy.Request(
            canonical_url(url), callback=self.parse_article, meta=meta, priority=ARTICLE_PRIORITY
        )

    def parse_article(self, response: Response) -> Iterator[Any]:
        """The article's item, unless the page lacks a title, text or any date.

        The one validation of an article: an unreadable page is not emitted, counted
        (``kcn/articles/incomplete``, ``kcn/articles/missing/<field>``) and listed among
        the run's failures.  The page object's fields are already clean, so what is
        checked here is what would be exported (no pipeline empties a field)."""
        kcn = response.meta["kcn"]
        stats = self.crawler.stats
        aid = kcn["article_id"]
        same_page = article_id(response.url) == aid
        if not same_page:
            logger.warning("Article %s answered from another page: %s", aid, response.url)
            stats.inc_value(stats_keys.ARTICLES_MOVED)
        asked = response.url if same_page or response.request is None else response.request.url
        context = ArticleContext(
            article_id=aid,
            site=self.site,
            channel=kcn.get("channel"),
            item_url=asked,
            crawled_at=utc_now_iso(),
            listing_date=kcn.get("listing_date"),
            listing_parsed=date_from_meta(kcn.get("listing_parsed")),
        )
        page = read_article(
            response.url, response.body, content_type(response), kcn.get("listing_title"), context
        )
        item, published = page.to_item(), page.publication
        # The page object holds the parsed tree and every cached field: let it go before
        # this generator waits at its yield, while the pipelines and feeds take the item.
        del page
        stats.inc_value(stats_keys.ARTICLES_EXTRACTED)
        stats.inc_value(stats_keys.articles_by_extraction(item.extraction))
        if published.overruled:
            self.report_overruled_date(response.url, published)
        for unreadable in published.unparsed:
            logger.warning("Unreadable date %r on %s: not used", unreadable, response.url)
            stats.inc_value(stats_keys.DATES_UNPARSED)
        # The page's own date may be absent: the listing's or the URL's then serves.
        missing = missing_fields(item)
        if missing:
            logger.warning(
                "Unreadable article %s: no %s (%s extraction); not emitted",
                response.url,
                ", ".join(missing),
                item.extraction,
            )
            stats.inc_value(stats_keys.ARTICLES_INCOMPLETE)
            for field in missing:
                stats.inc_value(stats_keys.articles_missing(field))
            self.record_failure(response.url, f"unreadable: no {', '.join(missing)}")
            return
        if published.source is not None and published.source != "page":
            stats.inc_value(stats_keys.dates_from(published.source))
        if published.method == "dateparser":
            stats.inc_value(stats_keys.DATES_DATEPARSER)
        if published.url_mismatch:
            stats.inc_value(stats_keys.DATES_URL_MISMATCH)
        yield item

    def report_overruled_date(self, url: str, published: Published) -> None:
        """A page date far from the URL's day, not marked as the page's own: set aside,
        counted (``kcn/dates/url_disagreement``) and listed in the report."""
        self.crawler.stats.inc_value(stats_keys.DATES_URL_DISAGREEMENT)
        url_day = date_from_url(url)
        logger.warning(
            "Date on %s: the page shows %r, the URL says %s; %s date used",
            url,
            published.overruled,
            url_day,
            published.source,
        )
        self.record_failure(
            url,
            f"date disagrees with the URL: page {published.overruled}, URL {url_day}"
            f" ({published.source} date used)",
        )

    def record_failure(self, url: str, reason: str) -> None:
        """Keep a failed URL for the run's report (:mod:`kcn_crawler.failures`)."""
        failures.record_failure(self.crawler, url, reason)
