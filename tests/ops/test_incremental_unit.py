"""The incremental middleware's decisions, on requests built by hand."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from kcn_crawler.catalog import Catalog
from kcn_crawler.catalog.runtime import CatalogRuntime
from kcn_crawler.middlewares.incremental import IncrementalMiddleware, out_of_order
from kcn_crawler.normalize.dates import parse_date
from kcn_crawler.pages.published import date_to_meta

SITE = "http://127.0.0.1:1"
CHANNEL = "Tin hoạt động"


def article_request(aid: str, date: str | None, channel: str | None = CHANNEL) -> Request:
    kcn = {
        "kind": "article",
        "article_id": aid,
        "channel": channel,
        "listing_date": date,  # as the listing shows it, parsed once as the spider does
        "listing_parsed": date_to_meta(parse_date(date) if date else None),
    }
    return Request(f"{SITE}/portal/Pages/{aid}.aspx", meta={"kcn": kcn})


def listing_request(page: int, channel: str = CHANNEL) -> Request:
    kcn = {"kind": "listing", "channel": channel, "page": page}
    return Request(f"{SITE}/portal/KenhTin/x.aspx?Page={page}", meta={"kcn": kcn})


def day_request(day: str) -> Request:
    kcn = {"kind": "archive_day", "channel": None, "day": day, "page": 1}
    return Request(f"{SITE}/portal/Pages/default.aspx?d={day}", meta={"kcn": kcn})


def listing_response(kind: str = "listing", **extra: Any) -> HtmlResponse:
    request = Request(f"{SITE}/portal/KenhTin/x.aspx", meta={"kcn": {"kind": kind, **extra}})
    return HtmlResponse(request.url, body=b"<html></html>", request=request)


@pytest.fixture
def middleware(tmp_path: Path) -> IncrementalMiddleware:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    run = catalog.start_run("news", SITE, {})
    for i in range(30):
        item = {"id": f"old-{i}", "url": "u", "site": SITE, "title": "t", "text": f"{i}"}
        catalog.record_item(run, item, {CHANNEL: f"{(i % 28) + 1:02d}/01/2018"})
    catalog.mark_days_completed(SITE, ["2018-01-01", "2018-01-02"], run)
    runtime = CatalogRuntime(catalog, "news", SITE, incremental=True)
    settings = Settings({"KCN_INCREMENTAL_STOP_AFTER": 3, "KCN_INCREMENTAL_DAYS": 2})
    stats = MemoryStatsCollector(SimpleNamespace(settings=Settings()))
    crawler = SimpleNamespace(settings=settings, stats=stats)
    mw = IncrementalMiddleware(crawler, runtime)
    mw.spider_opened(SimpleNamespace(until=__import__("datetime").date(2018, 1, 10)))
    yield mw
    catalog.close()


def test_out_of_order_finds_an_article_listed_above_newer_ones() -> None:
    requests = [
        article_request("edited", "22/10/2016"),
        article_request("new", "28/11/2026"),
        article_request("b", "14/10/2026"),
        article_request("c", "14/10/2026"),
        article_request("undated", None),
        article_request("d", "01/01/2020"),
    ]
    assert out_of_order(requests) == {"edited"}


def test_known_articles_are_skipped_and_paging_stops(middleware: IncrementalMiddleware) -> None:
    output = [
        article_request("new-1", "28/01/2018"),
        article_request("old-2", "03/01/2018"),
        article_request("old-1", "02/01/2018"),
        article_request("old-0", "01/01/2018"),
        listing_request(2),
    ]
    kept = list(middleware.process_spider_output(listing_response(), output))
    assert [r.meta["kcn"].get("article_id") for r in kept] == ["new-1"]
    assert middleware.runtime.skipped == {"old-0", "old-1", "old-2"}
    assert middleware.stats.get_value("kcn/incremental/channels_stopped") == 1


def test_a_new_article_resets_the_run_of_known_ones(middleware: IncrementalMiddleware) -> None:
    output = [
        article_request("old-4", "05/01/2018"),
        article_request("old-3", "04/01/2018"),
        article_request("new-2", "03/01/2018"),
        article_request("old-2", "03/01/2018"),
        listing_request(2),
    ]
    kept = list(middleware.process_spider_output(listing_response(), output))
    assert [r.meta["kcn"]["kind"] for r in kept] == ["article", "listing"]


def test_a_changed_listing_mark_or_a_bump_means_fetch_again(
    middleware: IncrementalMiddleware,
) -> None:
    output = [
        article_request("old-9", "Cập nhật: 01/02/2018 08:30"),  # mark differs
        article_request("old-7", "08/01/2018"),
        article_request("old-6", "07/01/2018"),
    ]
    kept = list(middleware.process_spider_output(listing_response(), output))
    assert [r.meta["kcn"]["article_id"] for r in kept] == ["old-9"]
    bumped = [article_request("old-1", "02/01/2018"), article_request("newer", "05/01/2018")]
    kept = list(middleware.process_spider_output(listing_response(), bumped))
    assert [r.meta["kcn"]["article_id"] for r in kept] == ["old-1", "newer"]


def test_archive_days_recent_or_never_completed(middleware: IncrementalMiddleware) -> None:
    days = ["2018-01-10", "2018-01-09", "2018-01-08", "2018-01-02", "2018-01-01", "2017-12-31"]
    home = listing_response(kind="home")
    kept = list(middleware.process_spider_output(home, [day_request(d) for d in days]))
    assert [r.meta["kcn"]["day"] for r in kept] == [
        "2018-01-10",
        "2018-01-09",
        "2018-01-08",
        "2017-12-31",
    ]


def test_requests_scheduled_outside_the_callbacks_get_the_same_rule(
    middleware: IncrementalMiddleware,
) -> None:
    with pytest.raises(IgnoreRequest):
        middleware.request_scheduled(article_request("old-10", "11/01/2018", channel=None), None)
    middleware.request_scheduled(article_request("brand-new", "11/01/2018", channel=None), None)


def test_a_full_crawl_filters_nothing_but_notes_the_marks(
    middleware: IncrementalMiddleware,
) -> None:
    middleware.active = False
    output = [article_request("old-0", "01/01/2018"), listing_request(2)]
    assert len(list(middleware.process_spider_output(listing_response(), output))) == 2
    assert middleware.runtime.marks_seen["old-0"] == {CHANNEL: "01/01/2018"}
