"""Channels a site's crawl does not walk: ``KCN_SKIP_CHANNELS`` (a sites file's ``skip_channels``).

A listing request of a channel whose name (as the home page shows it) is in the
list is dropped before it is scheduled; the names are compared without case
or surrounding spaces. Empty list (the default): inert.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from scrapy import Request
from scrapy.exceptions import NotConfigured

from kcn_crawler import stats_keys


def _key(name: object) -> str:
    return " ".join(str(name or "").split()).casefold()


class SkipChannelsMiddleware:
    """Spider middleware dropping the listing requests of the channels to skip."""

    def __init__(self, stats: Any, names: Iterable[str]) -> None:
        self.stats = stats
        self.skip = {_key(name) for name in names}

    @classmethod
    def from_crawler(cls, crawler: Any) -> SkipChannelsMiddleware:
        names = crawler.settings.getlist("KCN_SKIP_CHANNELS")
        if not names:
            raise NotConfigured
        return cls(crawler.stats, names)

    def keep(self, obj: Any) -> bool:
        """False for a listing request of a skipped channel."""
        if not isinstance(obj, Request):
            return True
        kcn = obj.meta.get("kcn") or {}
        if kcn.get("kind") == "listing" and _key(kcn.get("channel")) in self.skip:
            self.stats.inc_value(stats_keys.LISTING_CHANNELS_SKIPPED)
            return False
        return True

    def process_spider_output(self, response: Any, result: Iterable[Any]) -> Iterator[Any]:
        yield from (obj for obj in result if self.keep(obj))

    async def process_spider_output_async(
        self, response: Any, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for obj in result:
            if self.keep(obj):
                yield obj
