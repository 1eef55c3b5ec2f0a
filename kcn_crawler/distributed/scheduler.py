"""The worker's scheduler: scrapy-redis's, with leases, liveness and a clean shared end.

On top of :class:`scrapy_redis.scheduler.Scheduler` (frontier and seen-set in
Redis; a new request is marked seen and pushed in one atomic step), every
``KCN_REDIS_HEARTBEAT`` seconds a worker renews its leases and its liveness,
puts expired leases of dead workers back on the frontier and adds its stats to
the crawl's. When its engine is idle it acknowledges any lease it still holds
(nothing is in flight), and stays open while another worker may still add
requests: it closes when the frontier is empty and no lease is out.
A worker stopped early (Ctrl-C, SIGTERM) gives its leases back at once.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from typing import Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from kcn_crawler import stats_keys
from kcn_crawler.distributed.ledger import OutputLedger
from kcn_crawler.distributed.queue import LeasedPriorityQueue

logger = logging.getLogger(__name__)


class ForgettingDupeFilter(RFPDupeFilter):
    """scrapy-redis's seen-set; a request that finally failed is forgotten again."""

    def forget(self, request: Any) -> None:
        """Unmark a request so that a later walk may schedule it again."""
        self.server.srem(self.key, self.request_fingerprint(request))

    def close(self, reason: str = "") -> None:
        """Keep the shared seen-set: other workers still use it (the collector clears it)."""


class StatsPusher:
    """Sends the growth of a worker's numeric stats (and new failed URLs) to Redis."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats
        self.sent: dict[str, int] = {}
        self.failures_sent = 0

    def deltas(self) -> tuple[dict[str, int], list[dict[str, Any]]]:
        current = {
            key: int(value)
            for key, value in self.stats.get_stats().items()
            if isinstance(value, int | float) and not isinstance(value, bool)
        }
        deltas = {k: v - self.sent.get(k, 0) for k, v in current.items() if v != self.sent.get(k)}
        self.sent.update(current)
        failures = list(self.stats.get_value(stats_keys.FAILURES) or [])
        new, self.failures_sent = failures[self.failures_sent :], len(failures)
        error = self.stats.get_value(stats_keys.SITE_ERROR)
        if error:
            new.append({"url": "", "reason": str(error), "site_error": True})
            self.stats.set_value(stats_keys.SITE_ERROR, None)
        return deltas, new


class LeasedScheduler(Scheduler):
    """A worker's scheduler: leases, heartbeat, shared end of the crawl."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.crawler: Any = None
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.heartbeat: task.LoopingCall | None = None
        self.pusher: StatsPusher | None = None
        self.lease_ms = 120_000
        self.interval = 5.0
        self.ledger = OutputLedger(self.ack)  # leases waiting for their output to be in

    @classmethod
    def from_crawler(cls, crawler: Any) -> LeasedScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.lease_ms = int(crawler.settings.getfloat("KCN_REDIS_LEASE", 120.0) * 1000)
        scheduler.interval = crawler.settings.getfloat(
            "KCN_REDIS_HEARTBEAT", min(5.0, scheduler.lease_ms / 4000)
        )
        scheduler.pusher = StatsPusher(crawler.stats)
        crawler.kcn_scheduler = scheduler
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    @property
    def leased_queue(self) -> LeasedPriorityQueue:
        return self.queue  # type: ignore[no-any-return]

    def open(self, spider: Any) -> None:
        super().open(spider)
        self.leased_queue.lease_ms = self.lease_ms
        self.leased_queue.worker = self.worker
        self.beat()
        self.heartbeat = task.LoopingCall(self.beat)
        self.heartbeat.start(self.interval, now=False)

    def beat(self) -> None:
        """Renew this worker's leases, reap dead workers' ones, send stats."""
        queue = self.leased_queue
        try:
            queue.crawl.renew(self.worker, self.lease_ms, sorted(queue.held))
            self.reap()
            self.push_stats()
            self.wake_engine()
        except Exception:  # a Redis hiccup must not stop the heartbeat
            logger.exception("Redis heartbeat failed")

    def reap(self) -> None:
        """Put the requests whose lease expired (a dead worker's) back on the frontier."""
        reaped = self.leased_queue.crawl.reap()
        if reaped:
            logger.info("Put back %d request(s) whose lease expired", reaped)
            if self.stats:
                self.stats.inc_value(stats_keys.REDIS_REAPED, reaped)

    def wake_engine(self) -> None:
        """Let an idle engine look at the shared frontier now, not at its next 5 s beat.

        Other workers fill the frontier at any time; Scrapy's engine only asks
        an empty scheduler again on its own heartbeat (private ``_slot.nextcall``;
        without it, a worker only joins late).
        """
        slot = getattr(getattr(self.crawler, "engine", None), "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None and len(self.queue):
            nextcall.schedule()

    def push_stats(self) -> None:
        if self.pusher is not None:
            self.leased_queue.crawl.add_stats(*self.pusher.deltas())

    def ack(self, request: Any) -> None:
        """The request's response or final failure is handled."""
        lease = request.meta.get("kcn_lease")
        if lease:
            self.leased_queue.ack(lease)

    def forget(self, request: Any) -> None:
        """A request failed for good: not seen any more."""
        forget = getattr(self.df, "forget", None)
        if forget is not None:
            forget(request)

    def spider_idle(self, spider: Any) -> None:
        """Nothing in flight here: drop leftover leases; wait while the crawl goes on."""
        queue = self.leased_queue
        if queue.held:
            queue.crawl.ack(*sorted(queue.held))
            queue.held.clear()
        self.ledger.clear()
        self.reap()
        state = queue.crawl.state()
        if state.frontier or state.leases:
            raise DontCloseSpider

    # scrapy-redis's own versions pass Scrapy 2.13's deprecated ``spider=`` to the stats
    def enqueue_request(self, request: Any) -> bool:
        try:
            if request.dont_filter:
                self.queue.push(request)
            elif not self.leased_queue.push_unseen(
                request, self.df.request_fingerprint(request), self.df.key
            ):
                self.df.log(request, self.spider)
                return False
            if self.stats:
                self.stats.inc_value("scheduler/enqueued/redis")
            return True
        finally:  # in Redis (or seen before): the callback that yielded it may be acked
            self.ledger.request_done(request)

    def next_request(self) -> Any:
        request = self.queue.pop(self.idle_before_close)
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        return len(self) > 0

    def close(self, reason: str) -> None:
        queue = self.leased_queue
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        if queue.held:  # stopped early: give the leases back now
            queue.crawl.release(sorted(queue.held))
            queue.held.clear()
        try:
            self.push_stats()
        finally:
            queue.crawl.leave(self.worker)
        super().close(reason)
