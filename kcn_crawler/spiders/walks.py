"""The two walks of a portal: news channels and the date archive.

``NewsWalk`` follows every channel of the home page through every listing
page (plain links and ASP.NET postbacks). ``ArchiveWalk`` submits the
"Các tin đã đăng ngày" form one day at a time and follows the results. Both
turn listing entries into article requests through ``BasePortalSpider``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from typing import Any

import scrapy
from parsel import Selector
from scrapy.http import Response

from kcn_crawler.normalize.dates import date_from_url, parse_date
from kcn_crawler.normalize.urls import article_id
from kcn_crawler.pages.archive import find_archive_form
from kcn_crawler.pages.home import HomePage
from kcn_crawler.pages.listing import ListingPage
from kcn_crawler.pages.types import Link, ListingEntry, PageTurn, Postback
from kcn_crawler.spiders.base import BasePortalSpider
from kcn_crawler.spiders.requests import archive_day_request, page_selector, postback_request

logger = logging.getLogger(__name__)


def entry_day(entry: ListingEntry) -> date | None:
    """The day a listing shows for an entry, else the day in its URL."""
    if entry.date_raw:
        parsed = parse_date(entry.date_raw)
        if parsed is not None:
            return parsed.value.date()
    return date_from_url(entry.url)


class ListingWalk(BasePortalSpider):
    """Follow listing pages (channel or archive results) and their page turns."""

    max_listing_pages = 5000

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.listing_entries_seen: dict[str, set[str]] = {}

    def listing_walk_key(self, kcn: dict[str, Any]) -> str:
        return f"{kcn['kind']}:{kcn.get('channel') or kcn.get('day')}"

    def parse_listing(self, response: Response) -> Iterator[Any]:
        kcn = response.meta["kcn"]
        stats = self.crawler.stats
        stats.inc_value(f"kcn/{kcn['kind']}/pages")
        selector = page_selector(response)
        day = date.fromisoformat(kcn["day"]) if kcn.get("day") else None
        page = ListingPage(response.url, selector, page_number=kcn["page"], day=day)
        entries = page.entries()
        seen = self.listing_entries_seen.setdefault(self.listing_walk_key(kcn), set())
        new_entries = 0
        past_since = False
        for entry in entries:
            aid = article_id(entry.url)
            if aid is None:
                continue
            if aid not in seen:
                seen.add(aid)
                new_entries += 1
            day = entry_day(entry) if kcn["kind"] == "listing" else None
            if day is not None and self.since and day < self.since:
                past_since = True
                continue
            if day is not None and self.until and day > self.until:
                continue
            request = self.article_request(
                entry.url,
                channel=kcn.get("channel"),
                listing_date=entry.date_raw,
                listing_title=entry.title,
            )
            if request is not None:
                yield request
        if not entries:
            stats.inc_value(f"kcn/{kcn['kind']}/empty_pages")
        if past_since or new_entries == 0 or kcn["page"] >= self.max_listing_pages:
            return
        turn = page.next_page()
        if turn is not None:
            request = self.page_turn_request(selector, turn, kcn)
            if request is not None:
                yield request

    def page_turn_request(
        self, selector: Selector, turn: PageTurn, kcn: dict[str, Any]
    ) -> scrapy.Request | None:
        """The request for the next listing page: a link or a postback of the page's form."""
        meta = {"kcn": {**kcn, "page": kcn["page"] + 1}}
        if isinstance(turn, Link):
            return scrapy.Request(turn.url, callback=self.parse_listing, meta=meta)
        if isinstance(turn, Postback):
            return postback_request(selector, turn, callback=self.parse_listing, meta=meta)
        return None


class NewsWalk(ListingWalk):
    """Every channel of the home page, through every listing page."""

    def channel_requests(self, home: HomePage) -> Iterator[scrapy.Request]:
        channels = home.channels()
        self.crawler.stats.set_value("kcn/listing/channels", len(channels))
        for link in channels:
            meta = {"kcn": {"kind": "listing", "channel": link.text, "page": 1}}
            yield scrapy.Request(link.url, callback=self.parse_listing, meta=meta)


class ArchiveWalk(ListingWalk):
    """The date archive form, one day at a time from ``since`` to ``until``."""

    check_span = True

    def archive_requests(self, response: Response, home: HomePage) -> Iterator[scrapy.Request]:
        selector = page_selector(response)
        spec = find_archive_form(response.url, selector)
        if spec is None:
            self.fail_site(f"no date archive form ('Các tin đã đăng ngày') on {response.url}")
            return
        days = self.params.archive_days()
        self.crawler.stats.set_value("kcn/archive/days_planned", len(days))
        for day in days:
            meta = {
                "kcn": {"kind": "archive_day", "channel": None, "day": day.isoformat(), "page": 1}
            }
            request = archive_day_request(
                selector, spec, day, callback=self.parse_archive_day, meta=meta
            )
            if request is not None:
                yield request

    def parse_archive_day(self, response: Response) -> Iterator[Any]:
        self.crawler.stats.inc_value("kcn/archive/days")
        yield from self.parse_listing(response)
