"""The two walks of a portal: news channels and the date archive.

``NewsWalk`` follows every channel of the home page through every listing
page (plain links and ASP.NET postbacks). ``ArchiveWalk`` submits the
"Các tin đã đăng ngày" form one day at a time and follows the results. Both
turn listing entries into article requests through ``BasePortalSpider``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import scrapy
from parsel import Selector
from scrapy.http import Response

from kcn_crawler import stats_keys
from kcn_crawler.normalize.dates import date_from_url
from kcn_crawler.normalize.urls import article_id
from kcn_crawler.pages.discovery import candidate_links, judge_channel, list_signature
from kcn_crawler.pages.home import HomePage
from kcn_crawler.pages.listing import ListingPage
from kcn_crawler.pages.types import ArchiveFormSpec, Link, ListingEntry, PageTurn, Postback
from kcn_crawler.spiders.base import BasePortalSpider
from kcn_crawler.spiders.channels import ChannelDirectory
from kcn_crawler.spiders.requests import archive_day_builder, page_selector, postback_request

logger = logging.getLogger(__name__)


def entry_day(entry: ListingEntry) -> date | None:
    """The day a listing shows for an entry, else the day in its URL."""
    if entry.date is not None:
        return entry.date.value.date()
    return date_from_url(entry.url)


class ListingWalk(BasePortalSpider):
    """Follow listing pages (channel or archive results) and their page turns."""

    max_listing_pages = 5000

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.listing_entries_seen: dict[str, set[str]] = {}
        self.oldest_listed: date | None = None  # the oldest day a channel's listing showed
        self.newest_listed: date | None = None
        self.archive_listed: dict[str, date] = {}  # article id -> the archive day listing it

    def listing_walk_key(self, kcn: dict[str, Any]) -> str:
        return f"{kcn['kind']}:{kcn.get('walk') or kcn.get('channel') or kcn.get('day')}"

    def first_page(self, response: Response, page: ListingPage) -> tuple[bool, list[Any]]:
        """A candidate's first page, judged: whether to walk it as a listing, and the
        requests it leads to besides its listing (sub-channels)."""
        return True, []

    def listing_seen(self, kcn: dict[str, Any], article_ids: list[str]) -> None:
        """A listing page showed these articles (the news walk counts them per channel)."""

    def note_listed(self, kcn: dict[str, Any], aid: str, day: date | None) -> None:
        """One entry of a listing, with the day it shows (channels) — for the coverage
        numbers and the span the channels reach."""
        if kcn["kind"] == "listing":
            if day is not None and (self.oldest_listed is None or day < self.oldest_listed):
                self.oldest_listed = day
            if day is not None and (self.newest_listed is None or day > self.newest_listed):
                self.newest_listed = day
        elif kcn["kind"] == "archive_day" and kcn.get("day"):
            self.archive_listed.setdefault(aid, date.fromisoformat(kcn["day"]))

    def parse_listing(self, response: Response) -> Iterator[Any]:
        kcn = response.meta["kcn"]
        stats = self.crawler.stats
        selector = page_selector(response)
        day = date.fromisoformat(kcn["day"]) if kcn.get("day") else None
        page = ListingPage(response.url, selector, page_number=kcn["page"], day=day)
        if kcn.get("candidate"):
            is_listing, requests = self.first_page(response, page)
            yield from requests
            if not is_listing:  # not a channel: it cost one request, never a walk
                return
            kcn = response.meta["kcn"] = {**kcn, "candidate": False}
        stats.inc_value(stats_keys.pages_of(kcn["kind"]))
        entries = page.entries()
        self.listing_seen(kcn, [aid for aid in map(article_id, (e.url for e in entries)) if aid])
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
            self.note_listed(kcn, aid, day)
            if day is not None and self.since and day < self.since:
                past_since = True
                continue
            if day is not None and self.until and day > self.until:
                continue
            request = self.article_request(entry, channel=kcn.get("channel"))
            if request is not None:
                yield request
        if not entries:
            stats.inc_value(stats_keys.empty_pages_of(kcn["kind"]))
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
    """Every channel of the site, through every listing page.

    Channels are found by what they list: each page of the site the home page links
    (menus, quick-launch trees, news boxes, footer site maps) is asked for once; a page
    whose own listing shows articles is a channel and is walked, and the pages it links
    are candidates in turn (sub-channels), down to ``KCN_DISCOVERY_DEPTH``.
    """

    def channel_directory(self) -> ChannelDirectory:
        directory = getattr(self, "_channel_directory", None)
        if directory is None:
            settings = self.crawler.settings
            ignore = settings.get("KCN_DISCOVERY_IGNORE") or ""
            directory = ChannelDirectory(
                self.crawler.stats,
                max_pages=settings.getint("KCN_DISCOVERY_MAX_PAGES", 200),
                max_depth=settings.getint("KCN_DISCOVERY_DEPTH", 2),
                ignore=re.compile(ignore) if ignore else None,
            )
            self._channel_directory = directory
        return directory

    def channel_requests(self, response: Response, home: HomePage) -> Iterator[scrapy.Request]:
        directory = self.channel_directory()
        links = home.candidates()
        directory.read_home(response.url, home.root, home.list_places(), links)
        bounded = bool(self.since or self.until or self.incremental)
        self.crawler.stats.set_value(stats_keys.COVERAGE_BOUNDED, bounded)
        for link in links:
            request = self.candidate_request(link, depth=0)
            if request is not None:
                yield request

    def frame_meta(self) -> dict[str, list[str]]:
        """The site's frame boxes (place → articles) in a form request meta can carry."""
        return {place: sorted(ids) for place, ids in self.channel_directory().frame.items()}

    def candidate_request(
        self, link: Link, depth: int, frame: dict[str, list[str]] | None = None
    ) -> scrapy.Request | None:
        """Page 1 of a page that may be a channel, unless it was asked for already."""
        key = self.channel_directory().claim(link, depth)
        if key is None:
            return None
        kcn = {
            "kind": "listing",
            "channel": link.text,
            "page": 1,
            "walk": key,
            "candidate": True,
            "depth": depth,
            "link": link.url,
            # the home page's lists, for a worker of a distributed crawl that never saw it
            "frame": frame if frame is not None else self.frame_meta(),
        }
        return scrapy.Request(link.url, callback=self.parse_listing, meta={"kcn": kcn})

    def first_page(self, response: Response, page: ListingPage) -> tuple[bool, list[Any]]:
        kcn = response.meta["kcn"]
        directory = self.channel_directory()
        link = Link(url=kcn.get("link") or response.url, text=kcn.get("channel") or "")
        frame = kcn.get("frame") or {}
        evidence = judge_channel(
            page.entries(), list_signature(page.main_list), page.has_pager(), frame
        )
        if not directory.judged(kcn["walk"], link, kcn.get("depth", 0), evidence):
            return False, []
        subs = (
            self.candidate_request(sub, depth=kcn.get("depth", 0) + 1, frame=frame)
            for sub in candidate_links(response.url, page.root)
        )
        return True, [request for request in subs if request is not None]

    def closed(self, reason: str) -> None:
        """The channels found, in the log: name, URL, articles listed."""
        directory = getattr(self, "_channel_directory", None)
        if directory is not None:
            logger.info(
                "Channels found: %d of %d pages looked at\n%s",
                len(directory.channels),
                len(directory.asked),
                directory.summary(),
            )

    def listing_seen(self, kcn: dict[str, Any], article_ids: list[str]) -> None:
        if kcn["kind"] == "listing" and kcn.get("walk"):
            self.channel_directory().listed(kcn["walk"], article_ids)


class ArchiveWalk(ListingWalk):
    """The date archive form, one day at a time from ``since`` to ``until``."""

    check_span = True

    def archive_form(
        self, response: Response, home: HomePage
    ) -> tuple[Selector, ArchiveFormSpec] | None:
        """The home page's archive form (with the page, whose tokens it posts), or None;
        the page as the home page object read it (not decoded nor searched again)."""
        spec = home.archive_form()
        if spec is None:
            self.fail_site(f"no date archive form ('Các tin đã đăng ngày') on {response.url}")
            return None
        return Selector(root=home.root, base_url=response.url, type="html"), spec

    def archive_requests(self, response: Response, home: HomePage) -> Iterator[scrapy.Request]:
        form = self.archive_form(response, home)
        if form is not None:
            yield from self.archive_day_requests(*form, self.params.archive_days(), "arguments")

    def archive_day_requests(
        self, selector: Selector, spec: ArchiveFormSpec, days: list[date], why: str
    ) -> Iterator[scrapy.Request]:
        """The form submitted for each day (newest first); the span logged and kept."""
        stats = self.crawler.stats
        stats.set_value(stats_keys.ARCHIVE_DAYS_PLANNED, len(days))
        if days:
            span = f"{days[-1]} .. {days[0]}"
            stats.set_value(stats_keys.ARCHIVE_SPAN, span)
            stats.set_value(stats_keys.ARCHIVE_SPAN_FROM, why)
            logger.info("Archive walk: %d days, %s (%s)", len(days), span, why)
        build = archive_day_builder(selector, spec, callback=self.parse_archive_day)
        if build is None:
            return
        for day in days:
            meta = {
                "kcn": {"kind": "archive_day", "channel": None, "day": day.isoformat(), "page": 1}
            }
            yield build(day, meta)

    def parse_archive_day(self, response: Response) -> Iterator[Any]:
        self.crawler.stats.inc_value(stats_keys.ARCHIVE_DAYS)
        yield from self.parse_listing(response)
