"""A worker acknowledges a page's lease only once what the page led to is in Redis.

Scrapy's scraper reads a callback's output into a buffer (up to twice
``CONCURRENT_ITEMS``) before it schedules the requests and runs the item
pipelines: a lease acknowledged when the output has been read would let a worker
killed in between lose a listing's last articles and its next page for good.
These tests read the output to its end first, as the scraper does, then hand
each object off (the scheduler pushed a request, the pipelines finished an item).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from types import SimpleNamespace
from typing import Any

from scrapy import Request
from scrapy.http import HtmlResponse

from kcn_crawler.distributed.ledger import OutputLedger
from kcn_crawler.distributed.middlewares import LeaseAckMiddleware

LISTING = "http://127.0.0.1/portal/KenhTin/Tin-hoat-dong.aspx"


class Scheduler:
    """The worker scheduler's part here: the ledger, and the acknowledgements made."""

    def __init__(self) -> None:
        self.acked: list[str] = []
        self.ledger = OutputLedger(self.ack)

    def ack(self, request: Request) -> None:
        self.acked.append(request.meta["kcn_lease"])


def worker() -> tuple[Scheduler, LeaseAckMiddleware]:
    scheduler = Scheduler()
    return scheduler, LeaseAckMiddleware(SimpleNamespace(kcn_scheduler=scheduler))


def listing_page(lease: str = "7") -> HtmlResponse:
    request = Request(LISTING, meta={"kcn_lease": lease})
    return HtmlResponse(LISTING, body=b"<html></html>", request=request)


def read(middleware: LeaseAckMiddleware, response: Any, output: Iterable[Any]) -> list[Any]:
    """The middleware's async output read to its end, as the scraper's buffer does."""

    async def callback() -> AsyncIterator[Any]:
        for obj in output:
            yield obj

    async def drain() -> list[Any]:
        result = middleware.process_spider_output_async(response, callback())
        return [obj async for obj in result]

    return asyncio.run(drain())


def test_the_lease_waits_for_every_request_and_item_of_the_page() -> None:
    scheduler, middleware = worker()
    page = listing_page()
    articles = [Request(f"http://127.0.0.1/portal/Pages/2019-5-16/a{i}.aspx") for i in range(3)]
    next_page = Request(LISTING + "?Page=2")
    output = read(middleware, page, [*articles, {"id": "an item"}, next_page])
    assert len(output) == 5
    assert scheduler.acked == [], "read to its end, nothing of it in Redis yet"
    for request in articles:
        scheduler.ledger.request_done(request)
    middleware.item_done(page)
    assert scheduler.acked == [], "the next page is not on the frontier yet"
    scheduler.ledger.request_done(next_page)
    assert scheduler.acked == ["7"]


def test_a_page_without_output_is_acknowledged_when_read() -> None:
    scheduler, middleware = worker()
    assert read(middleware, listing_page(), [None]) == [None]
    assert scheduler.acked == ["7"]


def test_a_failed_callback_waits_for_what_it_yielded_before() -> None:
    scheduler, middleware = worker()
    page = listing_page()
    article = Request("http://127.0.0.1/portal/Pages/2019-5-16/a.aspx")

    async def failing() -> AsyncIterator[Any]:
        yield article
        raise ValueError("broken page")

    async def drain() -> list[Any]:
        out = []
        try:
            async for obj in middleware.process_spider_output_async(page, failing()):
                out.append(obj)
        except ValueError:
            middleware.process_spider_exception(page, ValueError())
        return out

    assert asyncio.run(drain()) == [article]
    assert scheduler.acked == []
    scheduler.ledger.request_done(article)
    assert scheduler.acked == ["7"]


def test_other_requests_and_pages_do_not_count() -> None:
    scheduler, middleware = worker()
    first, second = listing_page("1"), listing_page("2")
    article = Request("http://127.0.0.1/portal/Pages/2019-5-16/a.aspx")
    read(middleware, first, [article])
    read(middleware, second, [{"id": "an item"}])
    # a retry pushed by the downloader, not a callback's output: changes nothing
    scheduler.ledger.request_done(Request("http://127.0.0.1/portal/Pages/2019-5-16/a.aspx"))
    assert scheduler.acked == []
    middleware.item_done(second)
    assert scheduler.acked == ["2"]
    scheduler.ledger.request_done(article)
    assert scheduler.acked == ["2", "1"]
    assert scheduler.ledger.waiting() == 0
