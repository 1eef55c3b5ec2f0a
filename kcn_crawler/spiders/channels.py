"""The channels a crawl found, and what it knows of the home page's own links.

Navigation state, kept apart from the spiders' callbacks: which candidate pages were
asked for (each once), which turned out to be channels (name, URL, articles listed),
which did not and why, and which articles the home page links that no channel listing
has shown yet (the coverage check's numbers). The numbers live in the crawl stats
(``kcn/discovery/*``, ``kcn/coverage/*``), updated in place so the monitor and the
report read them whenever the crawl ends.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from kcn_crawler import stats_keys
from kcn_crawler.pages.discovery import (
    ChannelEvidence,
    article_keys,
    candidate_key,
    looks_like_news,
)
from kcn_crawler.pages.types import Link

logger = logging.getLogger(__name__)

# Lists kept in the stats for the report are capped at this many entries.
REPORT_CAP = 200


@dataclass
class Channel:
    """A page that lists articles of its own."""

    name: str
    url: str
    depth: int  # 0: linked from the home page; 1+: a sub-channel
    row: dict[str, Any]  # its row of the report's channel table (stats)
    listed: set[str] = field(default_factory=set)


@dataclass
class ChannelDirectory:
    """Every candidate page of a crawl, asked for once; the channels among them."""

    stats: Any
    max_pages: int = 200  # candidate pages fetched at most (KCN_DISCOVERY_MAX_PAGES)
    max_depth: int = 2  # sub-channels of sub-channels at most (KCN_DISCOVERY_DEPTH)
    ignore: re.Pattern[str] | None = None  # test-only: URLs never taken for channels
    asked: set[str] = field(default_factory=set)
    channels: dict[str, Channel] = field(default_factory=dict)
    frame: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.report: list[dict[str, Any]] = []
        self.rejected: list[dict[str, str]] = []
        self.home_unreached: dict[str, str] = {}
        self.stats.set_value(stats_keys.DISCOVERY_CHANNELS, self.report)
        self.stats.set_value(stats_keys.DISCOVERY_NOT_CHANNELS, self.rejected)

    # --- the home page -----------------------------------------------------------
    def read_home(self, url: str, root: Any, frame: dict[str, set[str]], links: list[Link]) -> None:
        """Note the home page's lists (the site's frame) and the articles it links."""
        self.frame = frame
        self.home_unreached = dict(article_keys(url, root))
        self.stats.set_value(stats_keys.COVERAGE_HOME_LINKED, len(self.home_unreached))
        self.stats.set_value(stats_keys.COVERAGE_HOME_REACHED, 0)
        self.stats.set_value(stats_keys.COVERAGE_HOME_UNREACHED, self.home_unreached)
        self.stats.set_value(stats_keys.DISCOVERY_LISTING_LIKE, sum(map(looks_like_news, links)))

    # --- candidates ---------------------------------------------------------------
    def claim(self, link: Link, depth: int) -> str | None:
        """The candidate's key if it is to be fetched now (new, within the budget), else None."""
        if depth > self.max_depth:
            return None
        key = candidate_key(link.url)
        if key in self.asked:
            return None
        if self.ignore is not None and self.ignore.search(link.url):
            self.stats.inc_value(stats_keys.DISCOVERY_IGNORED)
            return None
        if len(self.asked) >= self.max_pages:
            self.stats.inc_value(stats_keys.DISCOVERY_OVER_BUDGET)
            return None
        self.asked.add(key)
        self.stats.inc_value(stats_keys.DISCOVERY_CANDIDATES)
        return key

    def judged(self, key: str, link: Link, depth: int, evidence: ChannelEvidence) -> bool:
        """Record what a candidate's first page showed; True when it is a channel."""
        if not evidence.is_channel:
            self.stats.inc_value(stats_keys.DISCOVERY_NOT_CHANNEL)
            if len(self.rejected) < REPORT_CAP:
                self.rejected.append({"url": link.url, "name": link.text, "why": evidence.reason})
            logger.debug("Not a channel: %s (%s)", link.url, evidence.reason)
            return False
        name = link.text or link.url.rsplit("/", 1)[-1]
        row = {"name": name, "url": link.url, "articles": 0, "depth": depth}
        self.channels[key] = Channel(name=name, url=link.url, depth=depth, row=row)
        self.report.append(row)
        self.stats.set_value(stats_keys.LISTING_CHANNELS, len(self.channels))
        logger.info("Channel found: %s <%s> (%s)", name, link.url, evidence.reason)
        return True

    def listed(self, key: str, article_ids: list[str]) -> None:
        """A listing page of channel ``key`` showed these articles."""
        channel = self.channels.get(key)
        if channel is None:
            return
        channel.listed.update(article_ids)
        channel.row["articles"] = len(channel.listed)
        reached = [aid for aid in article_ids if aid in self.home_unreached]
        for aid in reached:
            del self.home_unreached[aid]
        if reached:
            self.stats.inc_value(stats_keys.COVERAGE_HOME_REACHED, len(reached))

    def listed_ids(self) -> set[str]:
        """Every article some channel listed."""
        out: set[str] = set()
        for channel in self.channels.values():
            out |= channel.listed
        return out

    def summary(self) -> str:
        """One line per channel for the log: name, URL, articles listed."""
        return "\n".join(
            f"  {c.name} <{c.url}>: {len(c.listed)} articles" for c in self.channels.values()
        )
