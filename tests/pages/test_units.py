"""Small pieces of the page objects on inline snippets."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcn_crawler.normalize.legacy import encode_tcvn3, encode_vni
from kcn_crawler.pages.article import ArticlePage
from kcn_crawler.pages.base import absolute, clean_tracked, precedes, to_root
from kcn_crawler.pages.headline import edge_date, strip_dates, title_text
from kcn_crawler.pages.listing import ListingPage, is_archive_heading
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
    raw = ArticlePage(ART, html)
    assert (raw.title, raw.date_raw, raw.missing) == ("Một tiêu đề bài viết", None, ["date"])


def test_page_without_body_reports_text() -> None:
    html = "<html><head><title>Đăng nhập</title></head><body><form><input name='u'></form></body>"
    assert "text" in ArticlePage(ART, html).missing


def test_header_today_is_not_the_date() -> None:
    html = (
        "<html><body><div>Thứ Năm, 15/03/2018</div><h2>Tiêu đề của bài viết mẫu</h2>"
        f"<div><p>{LONG}</p><p>Ngày 19/01/2018, {LONG}</p></div></body></html>"
    )
    assert ArticlePage(ART, html).date_raw is None


def test_meta_published_time_serves_when_no_visible_date() -> None:
    html = (
        "<html><head><meta property='article:published_time' content='2018-01-31T08:30:00+07:00'>"
        f"</head><body><h1>Tiêu đề của bài viết mẫu</h1><div><p>{LONG}</p><p>{LONG}</p></div>"
    )
    assert ArticlePage(ART, html).date_raw == "2018-01-31T08:30:00+07:00"


ARTICLE_BOX = (
    "<html><body><div class='menu'><a href='/'>Trang chủ</a></div><article>"
    "<h2>Tiêu đề của bài viết mẫu</h2>{head}<div class='c'><p>{long}</p><p>{long}</p>"
    "<p>Thanh Hóa, ngày 02 tháng 02 năm 2018</p></div>{foot}</article>{after}</body></html>"
)


@pytest.mark.parametrize(
    ("head", "foot", "after", "date"),
    [
        # a date line at the article's foot, in footer markup, with a view counter
        ("", "<footer class='post-footer'><time>31/01/2018 08:30</time> | "
         "<span>Lượt xem: 2.469</span></footer>", "", "31/01/2018 08:30"),
        # the same below a signature, no footer element
        ("", "<p align='right'><b>Lê Văn An</b></p><div><i>31.01.2018</i></div>", "", "31.01.2018"),
        # the body's closing place-and-date line is no publication date
        ("", "", "", None),
        # nor a related list's dates, inside the box or after it
        ("", "<div>Tin khác</div><ul><li><a href='/portal/Pages/2018-1-2/b.aspx'>Bài khác</a>"
         " (02/01/2018)</li></ul>", "", None),
        ("", "<ul><li><a href='/portal/Pages/2018-1-2/b.aspx'>Hội nghị tổng kết hoạt động khoa học"
         " và công nghệ năm 2017</a> (02/01/2018)</li></ul>", "", None),
        ("", "", "<div>31/01/2018</div>", None),
        # a date line after the lead (the lead does not end the title's vicinity)
        ("<div class='sapo'><b>" + LONG + "</b></div><div>Ngày 31 tháng 1 năm 2018</div>", "", "",
         "31 tháng 1 năm 2018"),
    ],
)  # fmt: skip
def test_date_below_the_lead_or_at_the_foot(head: str, foot: str, after: str, date: str) -> None:
    html = ARTICLE_BOX.format(head=head, long=LONG, foot=foot, after=after)
    raw = ArticlePage(ART, html)
    assert raw.date_raw == date
    assert len(raw.paragraphs) == 3 and raw.paragraphs[-1].startswith("Thanh Hóa, ngày")


def test_meta_line_above_the_text_does_not_end_it() -> None:
    html = ARTICLE_BOX.format(
        head="<div>31/01/2018 | Lượt xem: 2178</div>",
        long=LONG,
        foot="",
        after="",
    ).replace("<div class='c'>", "<div class='c'>|<br/>Lượt xem: 12<br/>")
    raw = ArticlePage(ART, html)
    assert raw.date_raw == "31/01/2018"
    assert raw.paragraphs[0] == LONG.strip() and len(raw.paragraphs) == 3


FOOTER_TABLE = (
    "<table><tr><td><b>CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THANH HÓA</b><br/>"
    "Địa chỉ: Số 15 Phan Chu Trinh, phường Điện Biên, TP. Thanh Hóa - Điện thoại: (0237) "
    "3852 462<br/>Ghi rõ nguồn &quot;Sở KH&amp;CN Thanh Hóa&quot; khi phát hành lại thông tin"
    " từ website này.</td></tr></table>"
)


def test_empty_content_box_is_no_text_even_beside_a_table_footer() -> None:
    html = (
        "<html><body><table><tr><td><font size='4'><b>Tiêu đề của bài viết mẫu</b></font></td>"
        f"</tr><tr><td><span id='ctl00_lblNoiDung'></span></td></tr></table>{FOOTER_TABLE}"
        "</body></html>"
    )
    assert "text" in ArticlePage(ART, html).missing


def test_contact_lines_and_copyright_talk_in_the_text_stay() -> None:
    contact = (
        "Hội thảo bàn về bản quyền và sở hữu trí tuệ. Mọi chi tiết xin liên hệ: Phòng Quản lý"
        " Công nghệ, Địa chỉ: Số 15 Phan Chu Trinh, Điện thoại: 0237.3852.532."
    )
    html = (
        "<html><body><h1>Tiêu đề của bài viết mẫu</h1><div>31/01/2018</div>"
        f"<div><p>{LONG}</p><p>{contact}</p></div>{FOOTER_TABLE}</body></html>"
    )
    raw = ArticlePage(ART, html)
    assert raw.paragraphs == [LONG.strip(), contact]


def test_meta_bar_above_the_title_with_channel_and_views() -> None:
    html = (
        "<html><body><div>Thứ Sáu, 27/11/2026</div><div class='meta'><a href='/'>Tin tức - Sự"
        " kiện</a><span>·</span><span>Ngày 31 tháng 1 năm 2018</span><span>·</span>"
        "<span>4.350</span></div><div role='heading'>Tiêu đề của bài viết mẫu</div>"
        f"<div><p>{LONG}</p><p>{LONG}</p></div></body></html>"
    )
    assert ArticlePage(ART, html).date_raw == "31 tháng 1 năm 2018"


def test_image_wrapped_with_its_caption_in_plain_divs() -> None:
    html = (
        "<html><body><h1>Tiêu đề của bài viết mẫu</h1><div>31/01/2018</div><div>"
        f"<div>{LONG}</div><div class='c-img'><img src='/a.jpg'/><div class='c-img__cap'>"
        f"Quang cảnh hội nghị.</div></div><div>{LONG}</div></div></body></html>"
    )
    raw = ArticlePage(ART, html)
    assert raw.paragraphs == [LONG.strip(), LONG.strip()]
    assert raw.images == [
        {"url": "https://skhcn.thanhhoa.gov.vn/a.jpg", "caption": "Quang cảnh hội nghị."}
    ]


def test_attachment_lines_with_type_and_size_are_not_text() -> None:
    html = (
        "<html><body><h1>Tiêu đề của bài viết mẫu</h1><div>31/01/2018</div>"
        f"<div class='c-body'><div>{LONG}</div><div><b>Lê Văn An</b></div><div><i>Văn phòng"
        " Sở</i></div></div><div class='c-attach'><div>Tài liệu đính kèm</div>"
        "<div><a href='/f/mau.xls'>Biểu mẫu báo cáo</a> <span>(xls, 24 KB)</span></div>"
        "<div><a href='/f/hs.zip'>Hồ sơ mẫu</a> <span>(zip)</span></div></div></body></html>"
    )
    raw = ArticlePage(ART, html)
    assert raw.paragraphs == [LONG.strip()]
    assert (raw.author, raw.author_role) == ("Lê Văn An", "Văn phòng Sở")
    assert [a["name"] for a in raw.attachments] == ["Biểu mẫu báo cáo", "Hồ sơ mẫu"]


WORK_CALENDAR = (
    "<div class='ms-webpartzone-cell'><div class='ms-webpart-chrome'>"
    "<div class='ms-webpart-chrome-title'><h2 class='ms-webpart-titleText'>Lịch công tác</h2>"
    "</div><div class='ms-WPBody'><div class='ms-rtestate-field'>"
    + "<p>08h00: Giám đốc Sở chủ trì họp giao ban, dự hội nghị, làm việc với các phòng,"
    " đơn vị trực thuộc về kế hoạch công tác tuần, tháng và quý tới.</p>"
    * 6
    + "</div></div></div></div>"
)
RANKED_LINKS = (
    "<div><div>Xem nhiều</div>"
    + "".join(
        f"<div>{k}</div><a href='/portal/Pages/2018-1-{k}/a{k}.aspx'>Một bài viết được xem nhiều"
        f" số {k} của tháng</a><div>7.5{k}</div>"
        for k in range(1, 6)
    )
    + "</div>"
)


HIGHLIGHTS = (
    "<div class='cot-trai'><div class='khung'><div class='khung-tieude'><span>Tiêu điểm</span>"
    "</div><div class='khung-noidung'>"
    + "<div><a href='/portal/Pages/Gioi-thieu.aspx'>Chương trình hỗ trợ doanh nghiệp</a><div>"
    "Sở Khoa học và Công nghệ tiếp tục hướng dẫn các doanh nghiệp trên địa bàn tỉnh xây dựng"
    " hồ sơ đề nghị hỗ trợ đổi mới công nghệ, ứng dụng tiến bộ kỹ thuật vào sản xuất...</div>"
    "</div>" * 2 + "</div></div></div>"
)
LOGO_CAPTION = (
    "<div class='c-logo'><a href='/'><img src='/logo.png'/></a><div><div>Cổng thông tin"
    " điện tử</div><div>Sở Khoa học và Công nghệ Thanh Hóa</div></div></div>"
)
VIETNAMESE_FOOTER = (
    "<div class='chan-trang'><p>CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ THANH HÓA</p>"
    "<p>Địa chỉ: Số 15 Phan Chu Trinh, phường Điện Biên, TP. Thanh Hóa</p></div>"
)


@pytest.mark.parametrize(
    "box", [WORK_CALENDAR, RANKED_LINKS, HIGHLIGHTS, VIETNAMESE_FOOTER, LOGO_CAPTION]
)
def test_empty_article_beside_a_prose_or_link_box_has_no_text(box: str) -> None:
    html = (
        "<html><body><h1 class='article-title'><span></span></h1><div class='article-content'>"
        f"<div class='ms-rtestate-field'></div></div>{box}</body></html>"
    )
    assert "text" in ArticlePage(ART, html, selectors=False).missing


def test_source_line_after_the_attachments_box() -> None:
    html = (
        "<html><body><div class='article'><h1>Tiêu đề của bài viết mẫu</h1><div>31/01/2018</div>"
        f"<div class='content'><div class='f'><p>{LONG}</p><p>{LONG}</p>"
        "<p style='text-align: right;'><strong>Lê Văn An</strong></p></div></div>"
        "<div class='files'>Văn bản đính kèm <a href='/f/qd.pdf'>Quyết định số 12</a></div>"
        "<div class='src'><span>Nguồn:</span> TTXVN</div></div></body></html>"
    )
    raw = ArticlePage(ART, html)
    assert (raw.author, raw.source) == ("Lê Văn An", "TTXVN")
    assert raw.paragraphs == [LONG.strip(), LONG.strip()]
    assert [a["name"] for a in raw.attachments] == ["Quyết định số 12"]


def test_notice_of_one_sentence_and_its_files_is_read() -> None:
    sentence = "Sở Khoa học và Công nghệ thông báo danh mục nhiệm vụ năm 2019 như sau."
    files = "".join(
        f"<p><a href='/portal/VanBan/2019/qd-{k}.pdf'>Quyết định số {k}/QĐ-UBND về việc phê"
        f" duyệt danh mục nhiệm vụ khoa học và công nghệ</a></p>"
        for k in (12, 13, 14)
    )
    html = (
        "<html><body><h1>Thông báo danh mục nhiệm vụ năm 2019</h1><div>31/01/2018</div>"
        f"<div class='c'><p>{sentence}</p>{files}</div></body></html>"
    )
    raw = ArticlePage(ART, html, selectors=False)
    assert raw.missing == [] and raw.paragraphs[0] == sentence
    assert len(raw.attachments) == 3


def test_layout_cell_named_like_navigation_still_holds_the_article() -> None:
    html = (
        "<html><body><table class='navi-layout'><tr><td class='navi-left'><a href='/'>Trang"
        " chủ</a></td><td class='navi-main'><h1>Tiêu đề của bài viết mẫu</h1><div>31/01/2018"
        f"</div><div><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></div></td></tr></table></body></html>"
    )
    raw = ArticlePage(ART, html, selectors=False)
    assert raw.missing == [] and raw.paragraphs == [LONG.strip()] * 3


def test_title_repeated_in_capitals_atop_the_body_is_neither_lead_nor_text() -> None:
    html = (
        "<html><body><h1>Hội thảo khoa học về chuyển đổi số</h1><div>31/01/2018</div><div>"
        "<p align='center'><b>HỘI THẢO KHOA HỌC VỀ CHUYỂN ĐỔI SỐ</b></p>"
        f"<p><b><i>{LONG.strip()}</i></b></p><p>{LONG}</p><p>{LONG}</p>"
        "<p align='right'><b>(Minh Hà)</b></p></div></body></html>"
    )
    raw = ArticlePage(ART, html, selectors=False)
    assert raw.summary == LONG.strip() and raw.paragraphs == [LONG.strip()] * 2
    assert raw.author == "Minh Hà"


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
    atts = ArticlePage(ART, html).attachments
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
    assert ArticlePage(ART, html).title == "Tiêu đề là một liên kết"


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
    raw = ArticlePage(ART, html, listing_title="Khánh thành cầu Quảng Chính")
    assert (raw.title, raw.extraction) == ("Khánh thành cầu Quảng Chính", "fallback")


# -- listing entry dates: only from the entry's own container -----------------------


def _dates(html: str) -> list[tuple[str, str | None]]:
    return [(e.url.rsplit("/", 1)[-1], e.date_raw) for e in ListingPage(URL, html).entries()]


def test_undated_entry_takes_no_neighbour_date() -> None:
    rows = "".join(
        f"<tr><td><a href='/portal/Pages/2019-5-{d}/b{d}.aspx'><img src='/t{d}.jpg'></a></td>"
        f"<td><a href='/portal/Pages/2019-5-{d}/b{d}.aspx'>Bài số {d}</a>{date}"
        "<div>Tóm tắt ngắn của bài viết, đủ dài để là một đoạn mô tả trên trang danh sách.</div>"
        "</td></tr>"
        for d, date in ((20, " <i>(20/05/2019)</i>"), (18, ""), (17, " <i>(17/05/2019)</i>"))
    )
    html = f"<div><h2>Tin hoạt động</h2><table>{rows}</table><a href='?Page=2'>2</a></div>"
    assert _dates(html) == [
        ("b20.aspx", "20/05/2019"),
        ("b18.aspx", None),
        ("b17.aspx", "17/05/2019"),
    ]


def test_a_date_inside_the_lead_is_not_the_listing_date() -> None:
    items = "".join(
        f"<li><a href='/portal/Pages/2019-5-{d}/b{d}.aspx'>Bài số {d}</a>"
        f"<p>Ngày {d - 1}/05/2019, Sở đã tổ chức hội nghị triển khai nhiệm vụ năm.</p></li>"
        for d in (20, 18)
    )
    assert _dates(f"<ul>{items}</ul>") == [("b20.aspx", None), ("b18.aspx", None)]


@pytest.mark.parametrize(
    ("entry_date", "want"), [("", None), ("<span>16-05-2019 07:30</span>", "16-05-2019 07:30")]
)
def test_single_entry_never_takes_the_box_heading_date(entry_date: str, want: str | None) -> None:
    html = (
        "<div class='a'><div class='b'>Các tin đã đăng ngày 16/05/2019</div><div class='c'>"
        f"<div><a href='/portal/Pages/2019-5-16/x.aspx'>Một bài duy nhất</a>{entry_date}</div>"
        "</div></div><div><div class='b'>Lịch tiếp dân</div><p>Thứ Sáu, 17/05/2019</p></div>"
    )
    assert _dates(html) == [("x.aspx", want)]


def test_flat_list_stops_at_the_next_block() -> None:
    html = (
        "<td><b>TIN TỨC</b><br><a href='/portal/Pages/2021-4-10/a.aspx'>Tin A</a> (10/04/2021)"
        "<br><a href='/portal/Pages/2021-4-8/b.aspx'>Tin B</a><br>"
        "<div>Cập nhật: 12/04/2021</div></td>"
    )
    assert _dates(html) == [("a.aspx", "10/04/2021"), ("b.aspx", None)]


# -- archive results --------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("Các tin đã đăng ngày 16/05/2019", True),
        ("Các tin đã đăng ngày: 16/05/2019", True),
        ("Tin theo ngày 16-05-2019", True),
        ("Các tin đăng ngày 31/01/2018", True),
        ("Các tin đã đăng ngày", False),
        ("Tin mới 16/05/2019", False),
    ],
)
def test_is_archive_heading(label: str, want: bool) -> None:
    assert is_archive_heading(label) is want


def test_archive_results_box_beats_the_form_box_and_side_boxes() -> None:
    side = "".join(
        f"<li><a href='/portal/Pages/2019-5-{d}/s{d}.aspx'>Tin {d}</a> ({d}/05/2019)</li>"
        for d in range(20, 26)
    )
    res = "".join(
        f"<li><a href='/portal/Pages/2019-5-16/r{k}.aspx'>Kết quả {k}</a></li>" for k in range(3)
    )
    html = (
        f"<div><h3>Tin mới</h3><ul>{side}</ul></div>"
        f"<div><h3>Các tin đã đăng ngày 16/05/2019</h3><ul>{res}</ul></div>"
        "<div><h3>Các tin đã đăng ngày</h3><input name='ctl00$d$dDate' value='16/05/2019'>"
        "<input type='submit' name='ctl00$d$xem' value='Xem'></div>"
    )
    urls = [e.url.rsplit("/", 1)[-1] for e in ListingPage(URL, html).entries()]
    assert urls == ["r0.aspx", "r1.aspx", "r2.aspx"]


# -- signatures ---------------------------------------------------------------------


def _tail(end: str, body_end: str = "") -> tuple[str | None, str | None, str]:
    html = (
        "<html><body><h1>Tiêu đề của bài viết mẫu</h1>"
        f"<div class='x'><p>{LONG}</p><p>{LONG}</p>{body_end}</div>{end}</body></html>"
    )
    raw = ArticlePage(ART, html)
    return raw.author, raw.author_role, raw.text


@pytest.mark.parametrize(
    ("end", "body_end"),
    [
        ("<div class='tacgia'><span>Đỗ Thị Ngọc Hương</span><span>Chi cục TĐC</span></div>", ""),
        ("<div id='author-box'><b>Đỗ Thị Ngọc Hương</b> <i>Chi cục TĐC</i></div>", ""),
        ("", "<p class='butdanh'><span>Đỗ Thị Ngọc Hương</span><span>Chi cục TĐC</span></p>"),
        ("", "<div align='right'><strong>Đỗ Thị Ngọc Hương</strong> - <em>Chi cục TĐC</em></div>"),
        ("", "<p><b>Đỗ Thị Ngọc Hương</b><i>Chi cục TĐC</i></p>"),
        ("<div><span>Đỗ Thị Ngọc Hương</span><span>Chi cục TĐC</span></div>", ""),
    ],
)
def test_signature_of_inline_parts(end: str, body_end: str) -> None:
    author, role, text = _tail(end, body_end)
    assert (author, role) == ("Đỗ Thị Ngọc Hương", "Chi cục TĐC")
    assert "Hương" not in text and "TĐC" not in text


def test_author_marked_name_alone() -> None:
    author, role, text = _tail("<div class='chuky'><span>Minh Anh</span></div>")
    assert (author, role, "Minh Anh" in text) == ("Minh Anh", None, False)


def test_plain_closing_sentence_is_no_signature() -> None:
    author, role, text = _tail("", "<p><b>Lưu ý:</b> <i>hồ sơ nộp trước ngày 30/6.</i></p>")
    assert (author, role) == (None, None)
    assert "hồ sơ nộp" in text


# -- legacy encodings repaired while reading ----------------------------------------

VIET = "Tỉnh Thanh Hoá có 35 người được công nhận sáng kiến cấp tỉnh năm nay."


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (encode_tcvn3(VIET), (VIET, "tcvn3")),
        (encode_tcvn3(VIET).replace(" ", "\u00a0 "), (VIET, "tcvn3")),
        (encode_vni(VIET), (VIET, "vni")),
        (VIET, (VIET, None)),
        ("Café au lait, 25°C, ½ giá", ("Café au lait, 25°C, ½ giá", None)),
        ("plain ascii", ("plain ascii", None)),
    ],
)
def test_clean_tracked(raw: str, want: tuple[str, str | None]) -> None:
    assert clean_tracked(raw) == want


def test_tcvn3_soft_hyphen_is_repaired_not_stripped() -> None:
    raw = encode_tcvn3("người được")
    assert "\u00ad" in raw  # TCVN3 "ư" sits on the soft hyphen
    assert clean_tracked(raw) == ("người được", "tcvn3")


def _repairs(body: str, title: str = "Tiêu đề của bài viết mẫu", after: str = "") -> list[str]:
    html = f"<html><body><h1>{title}</h1><div><p>{LONG}</p>{body}<p>{LONG}</p></div>{after}"
    return ArticlePage(ART, html + "</body></html>").repairs


def test_repairs_name_the_legacy_encodings_read() -> None:
    assert _repairs(f"<p>{encode_tcvn3(VIET)}</p>") == ["tcvn3"]
    assert _repairs(f"<p>{encode_vni(VIET)}</p><p>{encode_tcvn3(VIET)}</p>") == ["tcvn3", "vni"]
    assert _repairs("") == []


def test_repairs_count_captions_and_title_not_furniture() -> None:
    cap = encode_tcvn3("Toàn cảnh hội nghị tổng kết năm")
    figure = f"<figure><img src='/portal/Photos/a.jpg'><figcaption>{cap}</figcaption></figure>"
    assert _repairs(figure) == ["tcvn3"]
    assert _repairs("", title=encode_vni("Hội nghị tổng kết công tác năm")) == ["vni"]
    related = f"<div><b>Tin liên quan</b><p>{encode_tcvn3(VIET)}</p></div>"
    assert _repairs("", after=related) == []


BASES = (URL + "?Page=2", "http://127.0.0.1:8080/", "https://user@host.vn:8443/a/b.aspx?x=1#f")
HREF_PIECES = ("/", "a", "..", ".", "Pages", "?", "=", "&", "#", " ", "%20", "ễ", "//", "x.aspx")


@settings(max_examples=300)
@given(
    base=st.sampled_from(BASES),
    start=st.sampled_from(("/", "http://other.vn/", "https://h/", "", "./", "HTTP://H/")),
    pieces=st.lists(st.sampled_from(HREF_PIECES), max_size=6),
)
def test_absolute_matches_urljoin(base: str, start: str, pieces: list[str]) -> None:
    """The fast join of absolute and root-relative hrefs gives what urljoin gives."""
    href = start + "".join(pieces)
    if not href.strip() or href.strip().startswith("#"):
        assert absolute(base, href) is None
    else:
        assert absolute(base, href) == urljoin(base, href.strip())
