"""Runaway paging rules: a real site's big channel is no runaway; an endless one is."""

from __future__ import annotations

from datetime import date

from kcn_crawler.middlewares.runaway import ChannelWalk, Limits, runaway_reason


def walk(pages: int, articles: int, first: date, last: date) -> ChannelWalk:
    w = ChannelWalk(pages=pages, articles=articles, dated=articles, first=first, last=last)
    return w


def test_a_big_channel_among_small_ones_and_one_page_candidates_is_no_runaway() -> None:
    """thanhhoa.gov.vn-like: 'Tin tức' of 900 pages beside channels of 3-8 pages and many
    static pages (one page each, judged no channel)."""
    big = walk(900, 9000, date(2012, 1, 1), date(2026, 12, 1))
    others = [3, 5, 8, 4, *([1] * 20)]
    assert runaway_reason(big, others, Limits()) is None


def test_thousands_of_pages_fifty_times_the_other_channels_is_a_runaway() -> None:
    endless = walk(3000, 30000, date(2000, 1, 1), date(2026, 12, 1))
    assert runaway_reason(endless, [10, 20, 30, 1, 1], Limits()) is not None


def test_many_articles_on_one_day_is_a_runaway() -> None:
    dense = walk(40, 400, date(2018, 1, 1), date(2018, 1, 1))
    assert "within 1 day" in (runaway_reason(dense, [], Limits()) or "")
