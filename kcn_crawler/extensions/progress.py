"""Progress of long polite crawls: a log line every few seconds, a live line on a terminal.

Every ``KCN_PROGRESS_INTERVAL`` seconds (default 30; 0 turns the lines off)
the log gets one line::

    Progress: channels 5/12 done, listing pages 40, articles 120, archive days 30/365,
    failures 2, 35 pages/min, archive ETA 0:25:12

and one more, ``Progress (end): …``, when the spider closes, whose numbers are
those of the final stats: ``kcn/listing/channels`` (found) and
``kcn/listing/channels_done``, ``kcn/listing/pages``, ``item_scraped_count``,
``kcn/archive/days`` of ``kcn/archive/days_planned`` (less the days an
incremental run skips), and the failed URLs (``kcn/failures``). The number of
archive days planned is logged as soon as the home page is read.

When stderr is a terminal (and ``KCN_PROGRESS_LIVE`` is on, the default) a
tqdm status line stays at the bottom of the screen, the log scrolling above it.

A channel is *done* once its walk has ended: no listing page of it is waiting,
being downloaded or being read. Three small pieces count that: the extension
(requests scheduled or dropped), which owns the counts (:class:`ChannelWalks`),
a downloader middleware (requests that failed for good) and a spider middleware
(listing pages read to the end); the middlewares find the extension with
``crawler.get_extension``. Without the extension (no progress lines) nothing is
counted; the archive days planned are logged all the same.
"""

from __future__ import annotations

import io
import logging
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from kcn_crawler import stats_keys

logger = logging.getLogger(__name__)

READ_FLAG = "kcn_progress_read"  # response meta: its listing page was counted as read
LIVE_REFRESH = 1.0  # seconds between updates of the terminal status line


def _kcn(meta: Any) -> dict[str, Any]:
    return (meta or {}).get("kcn") or {}


def _walk(kcn: dict[str, Any]) -> str:
    """The channel walk a listing request belongs to (its key, else its channel's name)."""
    return str(kcn.get("walk") or kcn.get("channel"))


def _replaces_another(request: Request) -> bool:
    """A retry or redirect stands for a request already counted."""
    return bool(request.meta.get("retry_times") or request.meta.get("redirect_times"))


@dataclass
class ChannelWalks:
    """Listing pages of each channel scheduled and not finished yet."""

    pending: Counter[str] = field(default_factory=Counter)
    archive_started: float | None = None  # monotonic time the archive days were planned

    def started(self, request: Request) -> None:
        kcn = _kcn(request.meta)
        if kcn.get("kind") == "listing" and not _replaces_another(request):
            self.pending[_walk(kcn)] += 1

    def finished(self, meta: Any) -> None:
        kcn = _kcn(meta)
        if kcn.get("kind") == "listing":
            walk = _walk(kcn)
            if kcn.get("candidate"):
                # still a candidate once read: the page was judged no channel (or failed)
                self.pending.pop(walk, None)
                return
            self.pending[walk] = max(0, self.pending[walk] - 1)

    def response_read(self, response: Any) -> None:
        """A listing response's callback ran to its end (or failed): once per response."""
        if response.meta.get(READ_FLAG):
            return
        response.meta[READ_FLAG] = True
        self.finished(response.meta)

    def found(self) -> int:
        return len(self.pending)

    def done(self) -> int:
        return sum(1 for count in self.pending.values() if count <= 0)


def walks_of(crawler: Any) -> ChannelWalks | None:
    """The channel walk counts of the crawl's :class:`ProgressExtension`; None without it."""
    extension = crawler.get_extension(ProgressExtension)
    return extension.walks if extension is not None else None


@dataclass(frozen=True)
class Snapshot:
    """The numbers of one progress line."""

    elapsed: float
    walks_channels: bool
    walks_archive: bool
    channels_found: int
    channels_done: int
    listing_pages: int
    articles: int
    days_planned: int | None
    days_done: int
    failures: int
    responses: int
    archive_elapsed: float | None

    def rate(self) -> float:
        """Pages per minute since the crawl started."""
        return self.responses * 60.0 / self.elapsed if self.elapsed > 0 else 0.0

    def eta(self) -> str:
        """Time left for the archive walk at its pace so far ("?" before the first day)."""
        if not self.days_planned or not self.archive_elapsed or not self.days_done:
            return "?"
        left = max(0, self.days_planned - self.days_done)
        seconds = left * self.archive_elapsed / self.days_done
        return str(timedelta(seconds=round(seconds)))

    def parts(self) -> list[str]:
        parts = []
        if self.walks_channels:
            found = self.channels_found if self.channels_found else "?"
            parts.append(f"channels {self.channels_done}/{found} done")
            parts.append(f"listing pages {self.listing_pages}")
        parts.append(f"articles {self.articles}")
        if self.walks_archive:
            planned = self.days_planned if self.days_planned is not None else "?"
            parts.append(f"archive days {self.days_done}/{planned}")
        parts.append(f"failures {self.failures}")
        parts.append(f"{self.rate():.0f} pages/min")
        if self.walks_archive:
            parts.append(f"archive ETA {self.eta()}")
        return parts

    def line(self) -> str:
        return ", ".join(self.parts())

    def live_parts(self) -> list[str]:
        """The status line's words; tqdm itself shows days or pages, rate and ETA."""
        skipped = ("archive days", "archive ETA")
        return [part for part in self.parts() if not part.startswith(skipped)][:-1]


class ProgressExtension:
    """Log progress every ``KCN_PROGRESS_INTERVAL`` s; a tqdm status line on a terminal."""

    def __init__(self, crawler: Any, interval: float, live: bool) -> None:
        self.crawler = crawler
        self.interval = interval
        self.live = live
        self.walks = ChannelWalks()
        self.responses = 0
        self.started = time.monotonic()
        self.loops: list[task.LoopingCall] = []
        self.bar: Any = None
        self.console: list[logging.StreamHandler[Any]] = []

    @classmethod
    def from_crawler(cls, crawler: Any) -> ProgressExtension:
        interval = crawler.settings.getfloat("KCN_PROGRESS_INTERVAL", 30.0)
        live = crawler.settings.getbool("KCN_PROGRESS_LIVE", True) and _is_terminal(sys.stderr)
        if interval <= 0 and not live:
            raise NotConfigured
        extension = cls(crawler, interval, live)
        connect = crawler.signals.connect
        connect(extension.spider_opened, signal=signals.spider_opened)
        connect(extension.spider_closed, signal=signals.spider_closed)
        connect(extension.request_scheduled, signal=signals.request_scheduled)
        connect(extension.request_dropped, signal=signals.request_dropped)
        connect(extension.response_received, signal=signals.response_received)
        return extension

    # --- counting -----------------------------------------------------------------
    def request_scheduled(self, request: Request, spider: Any) -> None:
        self.walks.started(request)

    def request_dropped(self, request: Request, spider: Any) -> None:
        self.walks.finished(request.meta)  # a dropped retry or redirect ends its original

    def response_received(self, response: Any, request: Request, spider: Any) -> None:
        if not request.url.endswith("/robots.txt"):
            self.responses += 1

    def snapshot(self) -> Snapshot:
        stats = self.crawler.stats
        spider = self.crawler.spider

        def get(key: str) -> int:
            return int(stats.get_value(key, 0) or 0)

        planned = stats.get_value(stats_keys.ARCHIVE_DAYS_PLANNED)
        if planned is not None:
            planned = int(planned) - get(stats_keys.INCREMENTAL_DAYS_SKIPPED)
        started = self.walks.archive_started
        now = time.monotonic()
        return Snapshot(
            elapsed=now - self.started,
            walks_channels=hasattr(spider, "channel_requests"),
            walks_archive=hasattr(spider, "archive_requests"),
            channels_found=get(stats_keys.LISTING_CHANNELS),
            channels_done=self.walks.done(),
            listing_pages=get(stats_keys.LISTING_PAGES),
            articles=get("item_scraped_count"),
            days_planned=planned,
            days_done=get(stats_keys.ARCHIVE_DAYS),
            failures=len(stats.get_value(stats_keys.FAILURES) or []),
            responses=self.responses,
            archive_elapsed=None if started is None else now - started,
        )

    # --- output -------------------------------------------------------------------
    def log_progress(self) -> None:
        logger.info("Progress: %s", self.snapshot().line())

    def refresh_live(self) -> None:
        if self.bar is None:
            return
        snap = self.snapshot()
        if snap.walks_archive and snap.days_planned:
            self.bar.total = snap.days_planned
            self.bar.unit = " days"
            self.bar.update(snap.days_done - self.bar.n)
        else:
            self.bar.update(snap.responses - self.bar.n)
        self.bar.set_postfix_str(", ".join(snap.live_parts()), refresh=True)

    def spider_opened(self, spider: Any) -> None:
        self.started = time.monotonic()
        if self.interval > 0:
            self._loop(self.log_progress, self.interval)
        if self.live:
            self._open_bar(spider)
            self._loop(self.refresh_live, LIVE_REFRESH)

    def _loop(self, function: Any, every: float) -> None:
        loop = task.LoopingCall(function)
        loop.start(every, now=False)
        self.loops.append(loop)

    def _open_bar(self, spider: Any) -> None:
        from tqdm import tqdm

        self.bar = tqdm(
            desc=spider.name, unit=" pages", file=sys.stderr, dynamic_ncols=True, leave=True
        )
        self.console = _console_handlers()
        for handler in self.console:  # log lines scroll above the status line
            handler.setStream(_AboveTheBar(handler.stream))

    def spider_closed(self, spider: Any, reason: str) -> None:
        for loop in self.loops:
            if loop.running:
                loop.stop()
        snap = self.snapshot()
        if snap.walks_channels:
            self.crawler.stats.set_value(stats_keys.LISTING_CHANNELS_DONE, snap.channels_done)
        if self.bar is not None:
            self.refresh_live()
            self.bar.close()
            for handler in self.console:
                if isinstance(handler.stream, _AboveTheBar):
                    handler.setStream(handler.stream.stream)
        if self.interval > 0:
            logger.info("Progress (end): %s", snap.line())


class _AboveTheBar(io.TextIOBase):
    """A log stream that writes through tqdm, so lines appear above the status line."""

    def __init__(self, stream: Any) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        from tqdm import tqdm

        tqdm.write(text, file=self.stream, end="")
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


def _console_handlers() -> list[logging.StreamHandler[Any]]:
    """The root logger's handlers that write to the terminal's stderr (Scrapy's own)."""
    return [
        handler
        for handler in logging.getLogger().handlers
        if isinstance(handler, logging.StreamHandler)
        and not isinstance(handler, logging.FileHandler)
        and handler.stream is sys.stderr
    ]


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class ProgressDownloaderMiddleware:
    """A listing request that failed for good (or was ignored) ends its part of the walk.

    Placed closest to the engine: it sees an exception only after the retry
    middleware gave up on it.
    """

    def __init__(self, walks: ChannelWalks) -> None:
        self.walks = walks

    @classmethod
    def from_crawler(cls, crawler: Any) -> ProgressDownloaderMiddleware:
        walks = walks_of(crawler)
        if walks is None:
            raise NotConfigured
        return cls(walks)

    def process_exception(self, request: Request, exception: Exception) -> None:
        self.walks.finished(request.meta)


class ProgressSpiderMiddleware:
    """A listing page read to its end (its next page scheduled, or none); the days planned."""

    def __init__(self, crawler: Any, walks: ChannelWalks | None) -> None:
        self.crawler = crawler
        self.walks = walks
        self.days_logged = False

    @classmethod
    def from_crawler(cls, crawler: Any) -> ProgressSpiderMiddleware:
        return cls(crawler, walks_of(crawler))

    def _ended(self, response: Any) -> None:
        kind = _kcn(response.meta).get("kind")
        if kind == "listing":
            if self.walks is not None:
                self.walks.response_read(response)
        elif kind == "home":
            self._log_days_planned()

    def _log_days_planned(self) -> None:
        stats = self.crawler.stats
        planned = stats.get_value(stats_keys.ARCHIVE_DAYS_PLANNED)
        if planned is None or self.days_logged:
            return
        self.days_logged = True
        if self.walks is not None:
            self.walks.archive_started = time.monotonic()
        spider = self.crawler.spider
        params = getattr(spider, "params", None)
        days = params.archive_days() if params is not None else []
        span = f" ({days[-1]} .. {days[0]})" if days else ""
        skipped = int(stats.get_value(stats_keys.INCREMENTAL_DAYS_SKIPPED, 0) or 0)
        already = f"; {skipped} already complete, skipped" if skipped else ""
        logger.info("Archive walk: %d days planned%s%s", int(planned), span, already)

    def process_spider_output(self, response: Any, result: Iterable[Any]) -> Iterator[Any]:
        try:
            yield from result
        finally:
            self._ended(response)

    async def process_spider_output_async(
        self, response: Any, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        try:
            async for obj in result:
                yield obj
        finally:
            self._ended(response)

    def process_spider_exception(self, response: Any, exception: Exception) -> None:
        self._ended(response)
