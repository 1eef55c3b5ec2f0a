"""A channel whose "next page" never ends (issue 12): stopped, warned, a failed check."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.faults.helpers import run
from tests.faults.server import (
    Handler,
    HostileSite,
    article_title,
    home_html,
    listing_html,
    serve,
)

pytestmark = pytest.mark.crawl

ENDLESS = "/portal/KenhTin/Tin-moi.aspx"


def page_number(path: str) -> int:
    return int(path.split("Page=", 1)[1]) if "Page=" in path else 1


def endless(per_page: int, shown: object):  # type: ignore[no-untyped-def]
    """Listing page N of a channel that never ends: new article links on every page."""

    def fault(h: Handler) -> None:
        page = page_number(h.path)
        links = []
        for i in range(per_page):
            n = 1000 + page * per_page + i
            day = shown(page) if callable(shown) else shown
            links.append((f"/portal/Pages/2018-01-01/Tin-so-{n}.aspx", article_title(n), day))
        h.send(200, listing_html(links, f"{ENDLESS}?Page={page + 1}"))

    return fault


def home(h: Handler) -> None:
    h.send(200, home_html([(HostileSite().channel, "Tin hoạt động"), (ENDLESS, "Tin mới")]))


def test_an_endless_channel_is_stopped_with_a_failed_check(tmp_path: Path) -> None:
    site = HostileSite(
        routes={"/": home, ENDLESS: endless(2, "01/01/2018")}, max_requests=2000, lifetime=60
    )
    with serve(site) as url:
        result = run(tmp_path, url)
    assert result.returncode == 3, result.stderr[-3000:]
    assert any(
        "check failed: paging:" in line and "Tin mới" in line for line in result.check_lines()
    )
    assert "Runaway paging: channel 'Tin mới' stopped at page" in result.stderr
    pages = sum(1 for path in site.paths() if path.startswith(ENDLESS))
    assert pages <= 40
    # the healthy channel's articles are all there, and far fewer than 10,000 items
    assert {article_title(n) for n in (1, 2, 3)} <= result.titles()
    assert len(result.items) <= 100


def test_dates_out_of_range_stop_a_channel(tmp_path: Path) -> None:
    site = HostileSite(
        routes={"/": home, ENDLESS: endless(3, lambda page: f"01/01/{1990 - page}")},
        max_requests=500,
        lifetime=60,
    )
    with serve(site) as url:
        result = run(tmp_path, url)
    assert result.returncode == 3
    assert any("listing dates after today or before 1995" in line for line in result.check_lines())
    assert sum(1 for path in site.paths() if path.startswith(ENDLESS)) <= 6


def test_a_long_plausible_channel_is_walked_to_its_end(tmp_path: Path) -> None:
    """40 pages of 5 articles a day apart: a busy channel, not a runaway."""
    start = date(2018, 3, 1)

    def listing(h: Handler) -> None:
        page = page_number(h.path)
        links = []
        for i in range(5):
            n = page * 5 + i
            day = start - timedelta(days=n // 2)
            links.append(
                (f"/portal/Pages/2018-01-01/Tin-so-{n}.aspx", article_title(n), f"{day:%d/%m/%Y}")
            )
        more = f"{ENDLESS}?Page={page + 1}" if page < 40 else None
        h.send(200, listing_html(links, more))

    site = HostileSite(routes={"/": home, ENDLESS: listing}, max_requests=600, lifetime=60)
    with serve(site) as url:
        result = run(tmp_path, url)
    assert result.returncode == 0, result.check_lines()
    assert len(result.items) == 200 + 3
    assert "Runaway paging:" not in result.stderr
