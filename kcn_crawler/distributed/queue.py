"""scrapy-redis's priority queue, with a lease on every popped request.

scrapy-redis pops a request and forgets it: a worker that dies with it loses
it. Here a pop moves the request to the crawl's ``leased`` hash under a lease
with a deadline (atomically, in Lua); the lease id travels in the request's
meta (``kcn_lease``), and the worker acknowledges it once the response (or the
final failure) is handled. A worker renews its leases while it lives; any
worker puts expired leases back on the frontier (:meth:`RedisCrawl.reap`).

A retry or redirect of a leased request is pushed with the old lease's meta:
the push acknowledges that lease, so the request is neither lost nor doubled.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from kcn_crawler.distributed.keys import RedisCrawl

LEASE = "kcn_lease"  # request meta key: the lease a popped request is under


class LeasedPriorityQueue(PriorityQueue):
    """Priority queue whose ``pop`` leases the request instead of forgetting it."""

    lease_ms = 120_000

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        # the crawl's prefix is the queue key without ":requests"
        self.crawl = RedisCrawl(server, self.key.rsplit(":", 1)[0])
        self.held: set[str] = set()  # leases this worker holds
        self.worker = ""  # this worker's id, recorded with each lease it takes

    def _encode_request(self, request: Request) -> Any:
        data = request.to_dict(spider=self.spider)
        data["meta"] = {k: v for k, v in data.get("meta", {}).items() if k != LEASE}
        return self.serializer.dumps(data)

    def push(self, request: Request) -> None:
        super().push(request)
        self._pushed(request)

    def push_unseen(self, request: Request, fingerprint: str, seen_key: str) -> bool:
        """Push the request unless the seen-set has its fingerprint (which it then gets),
        atomically; False when it was seen before."""
        data = self._encode_request(request)
        pushed = self.crawl.push_unseen(fingerprint, -request.priority, data, seen_key)
        if pushed:
            self._pushed(request)
        return pushed

    def _pushed(self, request: Request) -> None:
        lease = request.meta.get(LEASE)
        if lease:  # a retry or redirect of a leased request: it lives on as this one
            self.ack(lease)

    def pop(self, timeout: int = 0) -> Request | None:
        found = self.crawl.pop(self.lease_ms, self.worker)
        if found is None:
            return None
        lease, data = found
        request = self._decode_request(data)
        request.meta[LEASE] = lease
        self.held.add(lease)
        return request

    def ack(self, lease: str) -> None:
        """The leased request is handled (idempotent)."""
        self.held.discard(lease)
        self.crawl.ack(lease)
