"""Runaway paging: a channel whose "next page" never ends is stopped and reported.

A listing that keeps offering a next page with new article links (a broken
pager, a crawler trap, a hostile site) would make the ``news`` walk fetch up to
its page cap, thousands of made-up articles. This spider middleware watches each
channel's listing pages (the requests the spider yields from them) and stops
paging a channel, with a warning, when it looks like no real channel:

* its listing dates leave the plausible range (after tomorrow, before 1995);
* it lists far more articles per day than any portal publishes;
* it runs to far more pages than the site's other channels (thousands of pages, fifty
  times theirs: a real site's biggest channel may well be ten times the others).

Pages of repeated articles need no rule here: the walk itself stops at a page that shows
no article new to that channel, and an article another channel listed already is no sign
of a runaway (a parent channel often lists its sub-channels' articles).

Each stop is recorded in the stat ``kcn/paging/runaway``; :func:`check_paging`
turns it into a failed check (exit status 3).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median
from typing import Any

from scrapy import Request

from kcn_crawler import stats_keys
from kcn_crawler.catalog.checks import Check
from kcn_crawler.pages.published import date_from_meta

logger = logging.getLogger(__name__)

EARLIEST = date(1995, 1, 1)  # parse_date refuses earlier days: no portal is older


@dataclass
class Limits:
    """``KCN_RUNAWAY_*`` settings."""

    min_pages: int = 30  # density and repeats are judged from this many pages on
    max_per_day: float = 30.0  # articles listed per day of the listing's date span
    bad_dates: int = 10  # implausible listing dates (and a quarter of the dated entries)
    page_factor: float = 50.0  # pages vs the median of the site's other channels ...
    page_floor: int = 3000  # ... and at least this many

    @classmethod
    def from_settings(cls, settings: Any) -> Limits:
        return cls(
            min_pages=settings.getint("KCN_RUNAWAY_MIN_PAGES", cls.min_pages),
            max_per_day=settings.getfloat("KCN_RUNAWAY_MAX_PER_DAY", cls.max_per_day),
            bad_dates=settings.getint("KCN_RUNAWAY_BAD_DATES", cls.bad_dates),
            page_factor=settings.getfloat("KCN_RUNAWAY_PAGE_FACTOR", cls.page_factor),
            page_floor=settings.getint("KCN_RUNAWAY_PAGE_FLOOR", cls.page_floor),
        )


@dataclass
class ChannelWalk:
    """What one channel's listing pages have shown so far."""

    pages: int = 0
    articles: int = 0
    dated: int = 0
    implausible: int = 0
    first: date | None = None
    last: date | None = None
    stopped: str | None = None

    def add_date(self, day: date | None, today: date) -> None:
        """Count a listing date (None: shown but outside the plausible range)."""
        self.dated += 1
        if day is None or day > today + timedelta(days=1) or day < EARLIEST:
            self.implausible += 1
            return
        self.first = day if self.first is None else min(self.first, day)
        self.last = day if self.last is None else max(self.last, day)


def runaway_reason(walk: ChannelWalk, others: Iterable[int], limits: Limits) -> str | None:
    """Why this channel's paging looks like no real channel, or None."""
    if walk.implausible >= limits.bad_dates and walk.implausible * 4 >= walk.dated:
        return f"{walk.implausible} listing dates after today or before {EARLIEST.year}"
    if walk.pages >= limits.min_pages and walk.first is not None and walk.last is not None:
        days = (walk.last - walk.first).days + 1
        if walk.articles / days > limits.max_per_day:
            return f"{walk.articles} articles listed within {days} day(s) on {walk.pages} pages"
    rest = sorted(pages for pages in others if pages > 1)  # channels, not one-page candidates
    if rest and walk.pages >= limits.page_floor:
        typical = median(rest)
        if walk.pages > limits.page_factor * max(typical, 1):
            return f"{walk.pages} pages while the site's other channels have {typical:g}"
    return None


class RunawayPagingMiddleware:
    """Stop paging a channel that never ends; record why for the checks."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.limits = Limits.from_settings(crawler.settings)
        self.walks: dict[str, ChannelWalk] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunawayPagingMiddleware:
        return cls(crawler)

    async def process_spider_output(
        self, response: Any, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        kcn = response.meta.get("kcn") or {}
        if kcn.get("kind") != "listing":
            async for out in result:
                yield out
            return
        key = str(kcn.get("walk") or kcn.get("channel"))
        walk = self.walks.setdefault(key, ChannelWalk())
        walk.pages += 1
        today = date.today()
        turns: list[Request] = []
        async for out in result:
            okcn = out.meta.get("kcn", {}) if isinstance(out, Request) else {}
            if okcn.get("kind") == "listing":
                turns.append(out)  # the next page: decided below
                continue
            if okcn.get("kind") == "article":
                walk.articles += 1
                if okcn.get("listing_date"):
                    # parse_date refused days before 1995 or after tomorrow: implausible
                    parsed = date_from_meta(okcn.get("listing_parsed"))
                    walk.add_date(parsed.value.date() if parsed else None, today)
            yield out
        if turns and walk.stopped is None:
            others = [w.pages for k, w in self.walks.items() if k != key]
            walk.stopped = runaway_reason(walk, others, self.limits)
            if walk.stopped is not None:
                self.report(str(kcn.get("channel")), walk)
        if walk.stopped is None:
            for turn in turns:
                yield turn

    def report(self, channel: str, walk: ChannelWalk) -> None:
        line = f"channel {channel!r} stopped at page {walk.pages}: {walk.stopped}"
        logger.warning("Runaway paging: %s", line)
        stats = self.crawler.stats
        found = stats.get_value(stats_keys.PAGING_RUNAWAY) or []
        stats.set_value(stats_keys.PAGING_RUNAWAY, [*found, line])


def check_paging(stats: Any) -> Check:
    """Failed when a channel's paging was stopped as a runaway."""
    found = stats.get_value(stats_keys.PAGING_RUNAWAY) or []
    if found:
        return Check("paging", False, "; ".join(found))
    return Check("paging", True, "no runaway channel")
