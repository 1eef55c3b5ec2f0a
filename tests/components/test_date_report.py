"""A page date the page does not mark as its own, far from the URL's day: the URL's day
serves, and the disagreement is counted and listed for the report."""

from __future__ import annotations

from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from kcn_crawler.spiders.news import NewsSpider

SITE = "https://dienbien.gov.vn"
URL = SITE + "/portal/Pages/2017-9-27/Hoi-nghi-tong-ket-cong-tac-dan-toc-k3m9x2.aspx"
PARAS = "".join(
    f"<p>Đoạn văn thứ {i} của bài viết, đủ dài để là một đoạn văn thật sự của nội dung bài,"
    " có nhiều dấu phẩy, nhiều chữ, nhiều câu.</p>"
    for i in range(1, 4)
)


def crawl_one(date_line: str) -> tuple[list, dict]:
    crawler = get_crawler(NewsSpider, {"KCN_MONITOR": False})
    crawler._apply_settings()
    spider = NewsSpider.from_crawler(crawler, site=SITE)
    crawler.spider = spider
    html = (
        "<html><body><h1>Hội nghị tổng kết công tác dân tộc năm 2017</h1>"
        f"<div>{date_line}</div><div class='entry'>{PARAS}</div></body></html>"
    )
    meta = {"kcn": {"kind": "article", "article_id": "x", "channel": None}}
    request = Request(URL, meta=meta)
    response = HtmlResponse(URL, body=html.encode(), encoding="utf-8", request=request)
    items = list(spider.parse_article(response))
    return items, crawler.stats.get_stats()


def test_unmarked_far_page_date_gives_way_to_the_url_day_and_is_reported() -> None:
    items, stats = crawl_one("20/09/2017")
    assert [item.published for item in items] == ["2017-09-27T00:00:00+07:00"]
    assert stats.get("kcn/dates/url_disagreement") == 1
    [failure] = stats["kcn/failures"]
    assert failure["url"] == URL
    assert "20/09/2017" in failure["reason"] and "2017-09-27" in failure["reason"]


def test_a_labelled_page_date_is_taken_and_nothing_is_reported() -> None:
    items, stats = crawl_one("Đăng ngày 20/09/2017")
    assert [item.published for item in items] == ["2017-09-20T00:00:00+07:00"]
    assert "kcn/dates/url_disagreement" not in stats and not stats.get("kcn/failures")
