"""Progress counting: when a channel's walk has ended, and what a progress line says."""

from __future__ import annotations

from types import SimpleNamespace

from scrapy import Request

from kcn_crawler.extensions.progress import (
    ChannelWalks,
    ProgressDownloaderMiddleware,
    ProgressExtension,
    Snapshot,
)


def listing(channel: str, page: int = 1, **meta: object) -> Request:
    kcn = {"kind": "listing", "channel": channel, "page": page}
    return Request(f"http://127.0.0.1/{channel}/{page}", meta={"kcn": kcn, **meta})


def response_to(request: Request) -> SimpleNamespace:
    return SimpleNamespace(meta=request.meta)


def test_a_walk_ends_when_its_last_page_was_read_without_a_next_one() -> None:
    walks = ChannelWalks()
    first, other = listing("Tin tức"), listing("Thông báo")
    walks.started(first)
    walks.started(other)
    assert (walks.found(), walks.done()) == (2, 0)
    second = listing("Tin tức", 2)
    walks.started(second)  # page 1 read: it scheduled page 2
    walks.response_read(response_to(first))
    walks.response_read(response_to(first))  # a response counts once
    assert walks.done() == 0
    walks.response_read(response_to(second))
    assert walks.done() == 1


def test_retries_and_redirects_stand_for_their_request_and_failures_end_it() -> None:
    extension = ProgressExtension(SimpleNamespace(), 30.0, False)
    crawler = SimpleNamespace(get_extension=lambda cls: extension)
    middleware = ProgressDownloaderMiddleware.from_crawler(crawler)
    walks = extension.walks
    request = listing("Tin tức")
    walks.started(request)
    walks.started(listing("Tin tức", retry_times=1))  # the retry of the same page
    walks.started(listing("Tin tức", redirect_times=1))  # where it was redirected
    assert walks.done() == 0
    middleware.process_exception(request, OSError("gave up"))
    assert walks.done() == 1
    assert middleware.walks is walks


def test_a_redirect_the_dupefilter_drops_ends_the_walk() -> None:
    extension = ProgressExtension(SimpleNamespace(settings=None), 30.0, False)
    walks = extension.walks
    walks.started(listing("Tin tức"))
    redirected = listing("Tin tức", redirect_times=1)
    walks.started(redirected)
    extension.request_dropped(redirected, None)
    assert walks.done() == 1


def test_other_requests_are_not_channels() -> None:
    walks = ChannelWalks()
    article = {"kind": "article", "article_id": "2018-1-31/x"}
    walks.started(Request("http://127.0.0.1/a", meta={"kcn": article}))
    walks.started(Request("http://127.0.0.1/"))
    assert walks.found() == 0


def snapshot(**changes: object) -> Snapshot:
    values: dict = {
        "elapsed": 120.0,
        "walks_channels": True,
        "walks_archive": True,
        "channels_found": 12,
        "channels_done": 5,
        "listing_pages": 40,
        "articles": 120,
        "days_planned": 365,
        "days_done": 65,
        "failures": 2,
        "responses": 70,
        "archive_elapsed": 100.0,
    }
    values.update(changes)
    return Snapshot(**values)


def test_the_line_names_every_number_and_the_archive_eta() -> None:
    assert snapshot().line() == (
        "channels 5/12 done, listing pages 40, articles 120, archive days 65/365, "
        "failures 2, 35 pages/min, archive ETA 0:07:42"  # 300 days left at 65 per 100 s
    )


def test_before_anything_is_known_the_line_says_so() -> None:
    line = snapshot(channels_found=0, days_planned=None, days_done=0, archive_elapsed=None)
    assert line.line() == (
        "channels 5/? done, listing pages 40, articles 120, archive days 0/?, "
        "failures 2, 35 pages/min, archive ETA ?"
    )
    news = snapshot(walks_archive=False).line()
    assert "archive" not in news and news.startswith("channels 5/12 done")
