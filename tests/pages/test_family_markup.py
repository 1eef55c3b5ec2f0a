"""The family's real markup (docs/anatomy.md, "Observed on real sites") and the misses
of unseen markup: the vendor's tandan layout, hidden elements, captions written as plain
paragraphs, named entities, event dates opening the body, related entries' dates, tables."""

from __future__ import annotations

import unicodedata

import pytest

from kcn_crawler.normalize import clean_paragraphs
from kcn_crawler.pages.article import ArticlePage
from kcn_crawler.pages.base import to_root
from kcn_crawler.pages.headline import meta_title
from tests.pages._fixtures import load

URL = (
    "https://dienbien.gov.vn/portal/Pages/2017-9-27/Hoi-nghi-tong-ket-cong-tac-dan-toc-k3m9x2.aspx"
)
TITLE = "Hội nghị tổng kết công tác dân tộc năm 2017"
P1 = (
    "Tham dự hội nghị có đại diện lãnh đạo UBND các huyện, thị xã, thành phố và cán bộ làm"
    " công tác dân tộc của các xã vùng cao trên địa bàn tỉnh Điện Biên."
)
P2 = (
    "Năm 2017, các chương trình, chính sách dân tộc được triển khai kịp thời, đúng đối tượng,"
    " góp phần nâng cao đời sống vật chất và tinh thần của đồng bào các dân tộc."
)
RELATED = (
    '<div class="{cls}"><p class="tandan-p-article-other">Các tin khác</p><ul>'
    '<li><a href="/portal/Pages/2017-9-20/Ban-Dan-toc-kiem-tra-z9x8c7.aspx">Ban Dân tộc kiểm'
    " tra thực hiện chính sách</a> <span>Đăng ngày 20/09/2017</span></li></ul></div>"
)


def tandan(body: str, *, date: str = "", tail: str = "") -> str:
    """An article page of the vendor's layout (variant tandan-p-article-news-*)."""
    return (
        f"<html><head><title>{TITLE} - CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐIỆN BIÊN</title></head>"
        "<body><form><div id='s4-workspace'><ul class='TD-ul-module-menu-left'><li>"
        "<a href='/portal/Pages/Tin-tuc-su-kien.aspx'>Tin tức - Sự kiện</a></li></ul>"
        "<div class='tandan-div-article-news'>"
        f"<p class='tandan-p-article-news-title'>{TITLE}</p>{date}"
        "<p class='tandan-p-article-main'></p>"
        "<div id='ctl00_PlaceHolderMain_ctl03_label' style='display:none'>Nội dung trang</div>"
        "<div id='ctl00_PlaceHolderMain_ctl03__ControlWrapper_RichHtmlField'"
        " class='ms-rtestate-field' style='display:inline'"
        f" aria-labelledby='ctl00_PlaceHolderMain_ctl03_label'>{body}</div>{tail}"
        f"{RELATED.format(cls='tandan-div-article-other')}</div></div></form></body></html>"
    )


def generic(body: str, *, tail: str = "") -> str:
    """An article page no selector set knows: an h1, a content div, a side column."""
    return (
        f"<html><head><title>{TITLE}</title></head><body><div class='header'><a href='/'>"
        "Trang chủ</a></div><div class='wrap'><div class='main'>"
        f"<h1>{TITLE}</h1><div class='entry'>{body}</div>{tail}</div>"
        "<div class='col'><h3>Liên kết website</h3><ul><li><a href='http://chinhphu.vn'>"
        "Cổng thông tin điện tử Chính phủ</a></li></ul></div></div></body></html>"
    )


def marked_own(page: ArticlePage) -> bool:
    """Whether the page marks its own date as its own (a label, an element of its own)."""
    return page.page_date is not None and page.page_date.marked


def read(html: str, *, fast: bool = True) -> ArticlePage:
    return ArticlePage(URL, html, TITLE, selectors=fast)


BOTH = pytest.mark.parametrize("fast", [True, False], ids=["fast", "fallback"])


# -- item 3: the vendor's layout on the fast path -------------------------------------
@pytest.mark.parametrize("case", ["tandan_news", "tandan_view", "tandan_nodate"])
@BOTH
def test_vendor_layout_text_is_exact(case: str, fast: bool) -> None:
    """Title, body paragraphs and nothing else: not the hidden label, the related list,
    the tags, the left menu or the slider; entities and &nbsp; as NFC letters and spaces."""
    html, want = load("ArticlePage", case)
    raw = ArticlePage(want["url"], html, want.get("listing_title"), selectors=fast)
    assert raw.extraction == ("selectors" if fast else "fallback")
    assert raw.title == want["title"]
    assert raw.paragraphs == want["text"].split("\n\n")
    assert all(unicodedata.is_normalized("NFC", p) and "  " not in p for p in raw.paragraphs)


def test_vendor_date_element_is_marked_as_the_pages_own() -> None:
    html, want = load("ArticlePage", "tandan_news")
    raw = ArticlePage(want["url"], html, want["listing_title"])
    assert (raw.date_raw, marked_own(raw)) == ("09/03/2023 08:30", True)


def test_named_entities_and_nbsp_inside_sentences() -> None:
    body = (
        "<p>Ng&agrave;y h&ocirc;m nay,&nbsp;&nbsp;đo&agrave;n c&ocirc;ng t&aacute;c"
        "&nbsp;đ&atilde; đến thăm l&agrave;ng nghề dệt thổ cẩm Mỹ Nghiệp của đồng b&agrave;o"
        f" Chăm.</p><p>{P1}</p><p>{P2}</p>"
    )
    for fast in (True, False):
        raw = read(tandan(body), fast=fast)
        assert raw.paragraphs[0] == (
            "Ngày hôm nay, đoàn công tác đã đến thăm làng nghề dệt thổ cẩm Mỹ Nghiệp của đồng"
            " bào Chăm."
        )


def test_title_tag_loses_the_site_name_and_keeps_its_own_dash() -> None:
    root = to_root(
        "<html><head><title>\n Mỹ Nghiệp - vùng văn hóa Chăm - CỔNG THÔNG TIN ĐIỆN TỬ TỈNH"
        " NINH THUẬN</title></head><body></body></html>"
    )
    assert meta_title(root) == "Mỹ Nghiệp - vùng văn hóa Chăm"
    assert meta_title(root, "Mỹ Nghiệp - vùng văn hóa Chăm") == "Mỹ Nghiệp - vùng văn hóa Chăm"


# -- captions written as ordinary paragraphs -------------------------------------------
IMG = "/portal/Photos/2023-02-11/106dffe2c1f733dd1%20(1).jpg"
CAPTION = "Nghệ nhân giới thiệu sản phẩm thổ cẩm với du khách"


@BOTH
def test_ordinary_paragraph_after_an_image_paragraph_is_text_and_caption(fast: bool) -> None:
    raw = read(tandan(f"<p>{P1}</p><p><img src='{IMG}' alt=''></p><p>{CAPTION}</p><p>{P2}</p>"),
               fast=fast)  # fmt: skip
    assert raw.images == [{"url": "https://dienbien.gov.vn" + IMG, "caption": CAPTION}]
    assert raw.paragraphs == [P1, CAPTION, P2]


@BOTH
def test_a_marked_caption_is_caption_only(fast: bool) -> None:
    raw = read(tandan(f"<p>{P1}</p><p><img src='{IMG}'></p><p><em>{CAPTION}</em></p><p>{P2}</p>"),
               fast=fast)  # fmt: skip
    assert raw.images[0]["caption"] == CAPTION
    assert raw.paragraphs == [P1, P2]


@BOTH
def test_running_text_after_a_caption_less_image_is_no_caption(fast: bool) -> None:
    """The paragraph after an image paragraph is its caption only when it reads like one:
    one short sentence. Running text (several sentences, or a long one) stays text only."""
    running = f"{P2} {P1}"
    raw = read(tandan(f"<p>{P1}</p><p><img src='{IMG}' alt=''></p><p>{running}</p>"), fast=fast)
    assert raw.images[0]["caption"] is None
    assert raw.paragraphs == [P1, running]


@BOTH
def test_a_centred_image_paragraph_takes_no_plain_caption(fast: bool) -> None:
    """An image paragraph the page marks (centred) before a plain paragraph: no caption."""
    raw = read(
        tandan(f"<p>{P1}</p><p style='text-align:center'><img src='{IMG}'></p><p>{P2}</p>"),
        fast=fast,
    )
    assert raw.images[0]["caption"] is None
    assert raw.paragraphs == [P1, P2]


# -- hidden elements -----------------------------------------------------------------------
HIDDEN = [
    "<p style='display: none'>{}</p>",
    "<p style='DISPLAY:NONE;color:red'>{}</p>",
    "<p hidden>{}</p>",
    "<div aria-hidden='true'>{}</div>",
    "<p><span style='visibility:hidden'>{}</span></p>",
]
SECRET = "Bản nháp của biên tập viên, chưa duyệt, không hiển thị trên trang, không được đăng."


@pytest.mark.parametrize("markup", HIDDEN)
@pytest.mark.parametrize("page", [tandan, generic], ids=["tandan", "generic"])
@BOTH
def test_hidden_elements_never_enter_text(markup: str, page, fast: bool) -> None:
    raw = read(page(f"<p>{P1}</p>{markup.format(SECRET)}<p>{P2}</p>"), fast=fast)
    assert raw.paragraphs == [P1, P2]


@BOTH
def test_the_rich_text_fields_label_is_never_text(fast: bool) -> None:
    """The label SharePoint names in aria-labelledby, even when no style hides it."""
    html = (
        f"<html><body><div class='tandan-title-view'>{TITLE}</div><div class='tandan-content-view'>"
        "<div id='ctl00_PlaceHolderMain_ctl08_label' class='ms-hidden'>Nội dung trang</div>"
        "<div class='ms-rtestate-field' aria-labelledby='ctl00_PlaceHolderMain_ctl08_label'>"
        f"<p>{P1}</p><p>{P2}</p></div></div></body></html>"
    )
    assert read(html, fast=fast).paragraphs == [P1, P2]


# -- item 4: dates -------------------------------------------------------------------------
OPENERS = [
    "<p>Ngày 25/09/2017, tại huyện Tuần Giáo:</p>",
    "<p><strong>Ngày 25/09/2017</strong>, tại huyện Tuần Giáo, Ban Dân tộc tỉnh tổ chức hội"
    " nghị tổng kết công tác dân tộc, triển khai nhiệm vụ năm 2018.</p>",
    "<p>Ngày 25/09/2017, tại huyện Tuần Giáo<br/>Ban Dân tộc tỉnh tổ chức hội nghị tổng kết"
    " công tác dân tộc, triển khai nhiệm vụ năm 2018 với nhiều nội dung.</p>",
]


@pytest.mark.parametrize("opener", OPENERS, ids=["short", "bold", "br"])
@pytest.mark.parametrize("page", [tandan, generic], ids=["tandan", "generic"])
@BOTH
def test_an_event_date_opening_the_body_is_text_never_the_date(opener, page, fast) -> None:
    raw = read(page(f"{opener}<p>{P1}</p><p>{P2}</p>"), fast=fast)
    assert raw.date_raw is None and "date" in raw.missing
    assert raw.paragraphs[0].startswith("Ngày 25/09/2017, tại huyện Tuần Giáo")
    assert raw.paragraphs[-2:] == [P1, P2]


SHORT = "Ban Dân tộc tỉnh tổ chức hội nghị tổng kết công tác dân tộc năm 2017."
SHORT2 = "Hội nghị đã khen thưởng các tập thể và cá nhân có thành tích xuất sắc."
ENTRY = "<li><a href='/portal/Pages/2017-9-20/Ban-Dan-toc-kiem-tra-z9x8c7.aspx'>Ban Dân tộc"
BOXES = {
    "unheaded related list": f"<ul>{ENTRY} kiểm tra chính sách</a> (20/09/2017)</li></ul>",
    "labelled related entries": f"<ul>{ENTRY} kiểm tra</a> <span>Đăng ngày 20/09/2017</span>"
    "</li></ul>",
    "side box in the content": "<div class='box'><div class='box-hd'>Sự kiện</div><ul>"
    f"{ENTRY} kiểm tra</a><br/>20/09/2017</li></ul></div>",
}


@pytest.mark.parametrize("box", BOXES.values(), ids=BOXES.keys())
@BOTH
def test_a_related_entrys_date_is_never_the_articles(box: str, fast: bool) -> None:
    """A short article with no date of its own: the entries after it keep their dates."""
    raw = read(generic(f"<p>{SHORT}</p><p>{SHORT2}</p>", tail=box), fast=fast)
    assert raw.date_raw is None
    assert raw.paragraphs == [SHORT, SHORT2]


@pytest.mark.parametrize(
    ("line", "marked"),
    [("25/09/2017", False), ("Đăng ngày 25/09/2017", True), ("Cập nhật: 25/09/2017", True)],
)
def test_whether_the_page_marks_its_date(line: str, marked: bool) -> None:
    html = generic(f"<p>{P1}</p><p>{P2}</p>").replace("</h1>", f"</h1><div>{line}</div>")
    raw = read(html, fast=False)
    assert (raw.date_raw, marked_own(raw)) == ("25/09/2017", marked)


def test_a_date_element_of_its_own_is_marked() -> None:
    html = generic(f"<p>{P1}</p><p>{P2}</p>").replace(
        "</h1>", "</h1><div class='news-meta'><span class='ngaydang'>25/09/2017</span></div>"
    )
    raw = read(html, fast=False)
    assert (raw.date_raw, marked_own(raw)) == ("25/09/2017", True)


# -- item 5: tables and <br> bodies ------------------------------------------------------
TABLE = (
    "<table border='1'><tr><td>Đợt</td><td>Thời gian</td><td></td></tr>"
    "<tr><td>Đợt 1</td><td>13/3 &ndash; 17/3/1954</td><td>Mở màn</td></tr></table>"
)


@BOTH
def test_table_cells_are_separated_by_a_tab_only(fast: bool) -> None:
    raw = read(tandan(f"<p>{P1}</p>{TABLE}<p>{P2}</p>"), fast=fast)
    assert raw.paragraphs == [P1, "Đợt\tThời gian", "Đợt 1\t13/3 – 17/3/1954\tMở màn", P2]


def test_cleaning_keeps_the_tabs_between_cells() -> None:
    assert clean_paragraphs([" Đợt 1 \t 13/3\u00a0–\u00a017/3 \t\t Mở\tmàn "]) == [
        "Đợt 1\t13/3 – 17/3\tMở\tmàn"
    ]


BR_BODY = "<br/><br/>".join([P1, P2, SHORT, SHORT2])


def test_a_layout_cell_of_br_separated_paragraphs_is_read_as_paragraphs() -> None:
    html = (
        f"<html><head><title>{TITLE} - CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐIỆN BIÊN</title></head>"
        "<body><table><tr><td width='5'></td><td>"
        f"{BR_BODY}</td></tr></table></body></html>"
    )
    for fast in (True, False):
        raw = read(html, fast=fast)
        assert raw.paragraphs == [P1, P2, SHORT, SHORT2]
        assert raw.title == TITLE
