"""When a worker may acknowledge a lease: once its response's output is safe in Redis.

The requests and items a callback yields leave the spider middlewares *before*
Scrapy's scraper handles them: the scraper buffers them (up to twice
``CONCURRENT_ITEMS``) and only then schedules the requests and runs the item
pipelines. A lease acknowledged when the output has been read would let a worker
killed in between lose the rest of it for good — a listing's last articles and
its next page, so every older page of the channel — since nobody fetches an
acknowledged page again.

The ledger counts, per response, the objects read but not handed off yet: a
request until the scheduler pushed it to the frontier (or the shared seen-set
filtered it), an item until the pipelines are done with it (``item_scraped``,
``item_dropped``, ``item_error``; the worker's pipeline pushes it to Redis). The
response's request is acknowledged once its output is read to the end and
nothing of it is left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scrapy import Request


class OutputLedger:
    """Per response: output read but not yet in Redis; acknowledges when none is left."""

    def __init__(self, ack: Callable[[Request], None]) -> None:
        self._ack = ack
        self._pending: dict[int, tuple[Any, int]] = {}  # id(response) -> (response, count)
        self._read: set[int] = set()  # responses whose output was read to its end
        self._requests: dict[int, tuple[Request, Any]] = {}  # id(request) -> (it, response)

    def expect(self, response: Any, obj: Any) -> None:
        """The response's callback yielded ``obj``: hold the lease until it is handed off."""
        if obj is None:  # the scraper ignores it
            return
        _, count = self._pending.get(id(response), (response, 0))
        self._pending[id(response)] = (response, count + 1)
        if isinstance(obj, Request):
            self._requests[id(obj)] = (obj, response)

    def request_done(self, request: Request) -> None:
        """The scheduler is done with a request: pushed to the frontier, or filtered."""
        entry = self._requests.get(id(request))
        if entry is None or entry[0] is not request:
            return  # not a callback's output: a retry, a redirect, a start request
        del self._requests[id(request)]
        self._settle(entry[1])

    def item_done(self, response: Any) -> None:
        """The pipelines are done with one item of ``response``."""
        if id(response) in self._pending:
            self._settle(response)

    def read(self, response: Any) -> None:
        """The response's output was read to its end (or its callback failed)."""
        self._read.add(id(response))
        self._check(response)

    def waiting(self) -> int:
        """Responses whose lease waits for part of their output."""
        return len(self._pending)

    def clear(self) -> None:
        """Forget everything (the worker is idle: nothing is in flight any more)."""
        self._pending.clear()
        self._read.clear()
        self._requests.clear()

    def _settle(self, response: Any) -> None:
        _, count = self._pending[id(response)]
        self._pending[id(response)] = (response, max(0, count - 1))
        self._check(response)

    def _check(self, response: Any) -> None:
        key = id(response)
        if key not in self._read or self._pending.get(key, (None, 0))[1] > 0:
            return
        self._read.discard(key)
        self._pending.pop(key, None)
        request = getattr(response, "request", None)
        if request is not None:
            self._ack(request)
