"""Small pieces of the page objects on inline snippets."""

from __future__ import annotations

import pytest

from kcn_crawler.pages.article import ArticlePage
from kcn_crawler.pages.base import precedes, to_root
from kcn_crawler.pages.headline import edge_date, strip_dates, title_text
from kcn_crawler.pages.listing import ListingPage
from kcn_crawler.pages.pager import parse_postback
from kcn_crawler.pages.types import Link, Postback
from kcn_crawler.pages.vicinity import date_line

URL = "https://skhcn.thanhhoa.gov.vn/portal/KenhTin/Tin-tuc.aspx"


@pytest.mark.parametrize(
    ("js", "want"),
    [
        (
            "javascript:__doPostBack('ctl00$m$g_1$gv','Page$3')",
            Postback("ctl00$m$g_1$gv", "Page$3"),
        ),
        ('javascript:__doPostBack("ctl00$x","Page$Next")', Postback("ctl00$x", "Page$Next")),
        ("javascript:__doPostBack(%27ctl00%24x%27,%27Page%242%27)", Postback("ctl00$x", "Page$2")),
        (
            'javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions("ctl00$n", "", '
            'true, "", "", false, true))',
            Postback("ctl00$n", ""),
        ),
        ("javascript:void(0)", None),
        ("/portal/KenhTin/Tin-tuc.aspx?Page=2", None),
    ],
)
def test_parse_postback(js: str, want: Postback | None) -> None:
    assert parse_postback(js) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("HỘI NGHỊ TỔNG KẾT 31-01-2018", "31-01-2018"),
        ("(31/01/2018) Tin tức", "31/01/2018"),
        ("NGHỊ QUYẾT SỐ 81/2017/NQ-HĐND, NGÀY 7/12/2017 CỦA HĐND TỈNH", None),
    ],
)
def test_edge_date(text: str, want: str | None) -> None:
    assert edge_date(text) == want


def test_strip_dates_keeps_inner_dates() -> None:
    assert strip_dates("NGÀY 7/12/2017 CỦA HĐND 31-01-2018") == "NGÀY 7/12/2017 CỦA HĐND"


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Thứ Tư, 31/01/2018 - 08:30", "31/01/2018 - 08:30"),
        ("Cập nhật: 31/01/2018 08:30:15", "31/01/2018 08:30:15"),
        ("(31/01/2018) | Lượt xem: 1.024", "31/01/2018"),
        ("Ngày 19/01/2018, UBND tỉnh Thanh Hóa đã tổ chức Hội nghị", None),
    ],
)
def test_date_line(line: str, want: str | None) -> None:
    assert date_line(line) == want


def test_precedes() -> None:
    root = to_root("<div><p id='a'><b id='b'>x</b></p><p id='c'>y</p></div>")
    a, b, c = (root.xpath(f"//*[@id='{i}']")[0] for i in "abc")
    assert (precedes(a, c), precedes(c, a), precedes(a, b), precedes(b, c)) == (
        True,
        False,
        True,
        True,
    )


def test_calendar_postbacks_are_not_paging() -> None:
    html = (
        "<table><tr><td><a href=\"javascript:__doPostBack('ctl00$Cal','V8918')\">&gt;</a></td>"
        "<td><a href=\"javascript:__doPostBack('ctl00$Cal','8858')\">2</a></td></tr></table>"
    )
    assert ListingPage(URL, html, 1).next_page() is None


def test_calendar_popup_and_print_links_are_not_paging() -> None:
    html = (
        '<a href="/_layouts/iframe.aspx?cal=1&date=2">2</a>'
        '<a href="/portal/KenhTin/Tin-tuc.aspx?Page=2&InNoiDung=1">2</a>'
        '<a href="/portal/KenhTin/Tin-tuc.aspx?Page=2">Trang sau</a>'
    )
    assert ListingPage(URL, html, 1).next_page() == Link(URL + "?Page=2", "Trang sau")


def test_side_box_only_listing_has_no_entries() -> None:
    html = (
        "<div><h3>Tin mới</h3><ul>"
        "<li><a href='/portal/Pages/2018-1-2/a.aspx'>A</a> 02/01/2018</li>"
        "<li><a href='/portal/Pages/2018-1-3/b.aspx'>B</a> 03/01/2018</li></ul></div>"
    )
    assert ListingPage(URL, html).entries() == []


ART = "https://skhcn.thanhhoa.gov.vn/portal/Pages/2018-1-31/x.aspx"
LONG = "Nội dung bài viết dài, có nhiều câu, nhiều dấu phẩy, để đủ là một đoạn văn thật sự. " * 3


def test_article_without_date_reports_it() -> None:
    html = f"<html><body><h1>Một tiêu đề bài viết</h1><div><p>{LONG}</p><p>{LONG}</p></div>"
    raw = ArticlePage(ART, html).to_raw()
    assert (raw.title, raw.date_raw, raw.missing) == ("Một tiêu đề bài viết", None, ["date"])


def test_page_without_body_reports_text() -> None:
    html = "<html><head><title>Đăng nhập</title></head><body><form><input name='u'></form></body>"
    assert "text" in ArticlePage(ART, html).to_raw().missing


def test_header_today_is_not_the_date() -> None:
    html = (
        "<html><body><div>Thứ Năm, 15/03/2018</div><h2>Tiêu đề của bài viết mẫu</h2>"
        f"<div><p>{LONG}</p><p>Ngày 19/01/2018, {LONG}</p></div></body></html>"
    )
    assert ArticlePage(ART, html).to_raw().date_raw is None


def test_meta_published_time_serves_when_no_visible_date() -> None:
    html = (
        "<html><head><meta property='article:published_time' content='2018-01-31T08:30:00+07:00'>"
        f"</head><body><h1>Tiêu đề của bài viết mẫu</h1><div><p>{LONG}</p><p>{LONG}</p></div>"
    )
    assert ArticlePage(ART, html).to_raw().date_raw == "2018-01-31T08:30:00+07:00"


def test_pager_submit_button_is_a_postback() -> None:
    html = (
        '<form><input type="submit" name="ctl00$q$btnSearch" value="Tìm kiếm" />'
        '<input type="submit" name="ctl00$m$g_1$btnXem" value="Xem" />'
        '<input type="submit" name="ctl00$m$g_1$btnNext" value="Trang sau" /></form>'
    )
    assert ListingPage(URL, html, 1).next_page() == Postback("ctl00$m$g_1$btnNext", "")


def test_sharepoint_download_link_is_an_attachment() -> None:
    html = (
        "<html><body><h1>Tiêu đề của bài viết mẫu</h1>"
        f"<div><p>{LONG}</p><p>{LONG}</p><p><a href='/_layouts/download.aspx?"
        "SourceUrl=%2Fportal%2FDocuments%2FQD-12.pdf'>Quyết định 12</a></p></div></body></html>"
    )
    atts = ArticlePage(ART, html).to_raw().attachments
    assert atts == [
        {
            "url": "https://skhcn.thanhhoa.gov.vn/_layouts/download.aspx?"
            "SourceUrl=%2Fportal%2FDocuments%2FQD-12.pdf",
            "name": "Quyết định 12",
        }
    ]


def test_unlabelled_dated_box_loses_to_the_paged_listing() -> None:
    side = "".join(
        f"<li><a href='/portal/Pages/2018-1-{d}/s{d}.aspx'>Tin {d}</a> {d:02d}/01/2018</li>"
        for d in range(1, 6)
    )
    main = "".join(
        f"<div><a href='/portal/Pages/2018-2-{d}/m{d}.aspx'>Bài {d}</a></div>" for d in range(1, 5)
    )
    html = (
        f"<table><tr><td><ul>{side}</ul></td><td><div class='list'>{main}"
        "<div class='pg'><a href='?Page=2'>2</a></div></div></td></tr></table>"
    )
    urls = [e.url.rsplit("/", 1)[-1] for e in ListingPage(URL, html).entries()]
    assert urls == ["m1.aspx", "m2.aspx", "m3.aspx", "m4.aspx"]


def test_title_linking_to_its_own_page() -> None:
    html = (
        "<html><body><div class='crumbs'><a href='/portal/Pages/default.aspx'>Trang chủ</a> » "
        "<a href='/portal/KenhTin/Tin-tuc.aspx'>Tin tức</a></div>"
        "<h2><a href='/portal/Pages/2018-1-31/x.aspx'>Tiêu đề là một liên kết</a></h2>"
        f"<div><p>{LONG}</p><p>{LONG}</p></div></body></html>"
    )
    assert ArticlePage(ART, html).to_raw().title == "Tiêu đề là một liên kết"


@pytest.mark.parametrize(
    ("title_html", "title", "date"),
    [
        ("<h1>Lịch công tác tuần từ 29/01/2018 đến 02/02/2018</h1>",
         "Lịch công tác tuần từ 29/01/2018 đến 02/02/2018", None),
        ("<h1>Hội nghị tổng kết <span>31-01-2018</span></h1>", "Hội nghị tổng kết", "31-01-2018"),
        ("<h1>Hội nghị tổng kết (31/01/2018)</h1>", "Hội nghị tổng kết", "31/01/2018"),
        ("<td>HỘI NGHỊ TỔNG KẾT&nbsp;&nbsp; 31-01-2018</td>", "HỘI NGHỊ TỔNG KẾT", "31-01-2018"),
    ],
)  # fmt: skip
def test_title_text(title_html: str, title: str, date: str | None) -> None:
    root = to_root(f"<table><tr>{title_html}</tr></table>" if "<td" in title_html else title_html)
    el = root.xpath("//h1 | //td")[0]
    assert title_text(el) == (title, date)


def test_fast_path_defers_to_the_listing_title() -> None:
    """A site whose "TieuDe" class marks box headings: the listing's link text unmasks it."""
    html = (
        "<html><body><div class='TieuDe'>Tin tức - Sự kiện</div>"
        "<h2>Khánh thành cầu Quảng Chính</h2>"
        f"<div class='NoiDung'><p>{LONG}</p><p>{LONG}</p></div></body></html>"
    )
    raw = ArticlePage(ART, html, listing_title="Khánh thành cầu Quảng Chính").to_raw()
    assert (raw.title, raw.extraction) == ("Khánh thành cầu Quảng Chính", "fallback")
