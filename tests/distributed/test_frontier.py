"""The shared frontier and seen-set: a request is marked seen only with being pushed.

A worker that marked a request seen and died before pushing it (or failed to
store it) would lose it for good: every later copy, from any worker, is taken
for a duplicate. The worker's scheduler marks and pushes in one Redis step,
after the request is serialized.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import redis
from scrapy import Request, Spider

from kcn_crawler.distributed import serializer
from kcn_crawler.distributed.scheduler import ForgettingDupeFilter, LeasedScheduler

PAGE_2 = "http://127.0.0.1/portal/KenhTin/Tin-hoat-dong.aspx?Page=2"


@pytest.fixture
def scheduler(redis_url: str) -> Iterator[LeasedScheduler]:
    """A worker's scheduler on a crawl of its own in the tests' Redis."""
    server = redis.Redis.from_url(redis_url)
    prefix = f"kcn:test:{uuid.uuid4().hex}"
    scheduler = LeasedScheduler(
        server=server,
        persist=True,
        queue_key=f"{prefix}:requests",
        queue_cls="kcn_crawler.distributed.queue.LeasedPriorityQueue",
        dupefilter=ForgettingDupeFilter(server, key=f"{prefix}:dupefilter"),
        serializer=serializer,
    )
    scheduler.open(Spider(name="news"))
    yield scheduler
    scheduler.close("finished")
    server.delete(*server.keys(f"{prefix}:*") or [f"{prefix}:none"])


def test_a_request_is_pushed_once(scheduler: LeasedScheduler) -> None:
    assert scheduler.enqueue_request(Request(PAGE_2))
    assert not scheduler.enqueue_request(Request(PAGE_2)), "a copy is a duplicate"
    assert scheduler.enqueue_request(Request(PAGE_2, dont_filter=True))
    assert len(scheduler) == 2


def test_a_request_that_cannot_be_stored_is_not_taken_as_seen(
    scheduler: LeasedScheduler,
) -> None:
    unstorable = Request(PAGE_2, meta={"kcn": {"frame": object()}})
    with pytest.raises(TypeError):
        scheduler.enqueue_request(unstorable)
    assert len(scheduler) == 0
    # the page is still to be fetched: a later copy of it is no duplicate
    assert scheduler.enqueue_request(Request(PAGE_2, meta={"kcn": {"page": 2}}))
    assert len(scheduler) == 1
    popped = scheduler.next_request()
    assert popped is not None and popped.meta["kcn"] == {"page": 2}
