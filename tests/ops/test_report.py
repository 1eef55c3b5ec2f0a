"""The run report page: its content, its chart, where it goes, and how Chromium renders it."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from parsel import Selector
from scrapy.settings import Settings

from kcn_crawler.catalog.report_html import month_chart, render_report
from kcn_crawler.extensions.report import report_path
from tests.ops.chromium import dump_dom, needs_chromium, screenshot

REPORT = {
    "spider": "news",
    "site": "http://127.0.0.1:8080",
    "args": "site=http://127.0.0.1:8080, incremental=True",
    "incremental": True,
    "start": "2026-11-27T20:40:43+00:00",
    "end": "2026-11-27T20:41:00+00:00",
    "duration": 17.0,
    "finish_reason": "finished",
    "exit_code": 3,
    "run_id": 7,
    "counts": {"requests": 71, "items": 6, "new": 5, "changed": 1, "skipped": 35},
    "checks": [
        {"name": "finish", "passed": True, "detail": "finish reason 'finished'"},
        {"name": "http_errors", "passed": False, "detail": "9 of 71 requests failed"},
    ],
    "failures": [{"url": "http://127.0.0.1:8080/portal/Pages/x.aspx?a=<b>", "reason": "HTTP 404"}],
    "months": [("2016-10", 1), ("2026-11", 5)],
    "exports": ["exports/news/2026-11-27T20-40-43.jsonl"],
}


def test_the_page_holds_counts_checks_failures_and_chart() -> None:
    page = Selector(text=render_report(REPORT))
    assert page.css("#count-items::text").get() == "6"
    assert page.css("#count-changed::text").get() == "1"
    assert page.css("#count-failures::text").get() == "0"  # counts as given
    assert "FAILED: http_errors" in page.css("#status::text").get()
    assert page.css("tr.check.fail::attr(data-check)").getall() == ["http_errors"]
    assert page.css("#failures a::text").get().endswith("?a=<b>")  # escaped, then parsed
    bars = [int(n) for n in page.css("rect.bar::attr(data-count)").getall()]
    assert (len(bars), bars[0], bars[-1], sum(bars)) == (122, 1, 5, 6)  # 2016-10 .. 2026-11


def test_no_script_and_nothing_fetched_from_elsewhere() -> None:
    html = render_report(REPORT)
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)=["']https?://(?!127\.0\.0\.1)""", html)


def test_the_chart_is_inline_svg_with_one_bar_per_month() -> None:
    svg = month_chart([("2018-01", 3), ("2018-02", 0), ("2019-01", 9)])
    chart = Selector(text=svg)
    assert chart.css("svg#month-chart")
    assert len(chart.css("rect.bar")) == 13  # every month, empty ones too
    assert "2019" in svg and "<title>2019-01: 9</title>" in svg
    assert "No dated articles" in month_chart([])


def test_the_report_goes_beside_the_first_local_feed(tmp_path: Path) -> None:
    spider = SimpleNamespace(name="news", kcn_start="2026-11-27T20-40-43")
    default = Settings({"FEEDS": {"exports/%(name)s/%(kcn_start)s.jsonl": {"format": "jsonl"}}})
    start = spider.kcn_start
    assert report_path(default, spider, start) == Path("exports/news/2026-11-27T20-40-43.html")
    single = Settings({"FEEDS": {str(tmp_path / "out.jsonl"): {"format": "jsonlines"}}})
    assert report_path(single, spider, start) == tmp_path / "out.html"
    remote = Settings({"FEEDS": {"s3://bucket/x.jsonl": {"format": "jsonlines"}}})
    assert report_path(remote, spider, start) == Path("exports/news/2026-11-27T20-40-43.html")


@needs_chromium
def test_chromium_renders_the_page_with_its_numbers(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_report(REPORT), "utf-8")
    dom = Selector(text=dump_dom(page))
    assert dom.css("#count-requests::text").get() == "71"
    assert dom.css("#count-new::text").get() == "5"
    assert sum(int(n) for n in dom.css("svg#month-chart rect.bar::attr(data-count)").getall()) == 6
    assert screenshot(page, tmp_path / "report.png").stat().st_size > 10_000
