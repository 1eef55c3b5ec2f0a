"""Channels known by what they list, and pagers read by their structure (issue 10)."""

from __future__ import annotations

from kcn_crawler.pages.discovery import (
    candidate_key,
    candidate_links,
    judge_channel,
    list_signature,
    looks_like_news,
)
from kcn_crawler.pages.home import HomePage
from kcn_crawler.pages.listing import ListingPage
from kcn_crawler.pages.pager import label_rel
from kcn_crawler.pages.types import Link

SITE = "https://dienbien.gov.vn"

FRAME = """
<div id="left"><ul class="TD-ul-module-menu-left">
  <li><a href="/portal/Pages/Tin-tuc-su-kien.aspx">Tin tức sự kiện</a></li>
  <li><a href="/portal/Pages/co_che_chinh_sach.aspx">Cơ chế chính sách</a></li>
  <li><a href="/portal/KenhTin/Thong-bao.aspx">Thông báo</a></li>
  <li><a href="/portal/Pages/Gioi-thieu.aspx">Giới thiệu</a></li>
  <li><a href="/en/pages/News-133.aspx">News</a></li>
  <li><a href="/portal/Pages/default.aspx">Trang chủ</a></li>
  <li><a href="/portal/VanBan/2023-02/quyet-dinh.pdf">Quyết định</a></li>
  <li><a href="/_layouts/Authenticate.aspx?Source=/">Đăng nhập</a></li>
  <li><a href="https://thanhhoa.gov.vn/portal/Pages/Tin-tuc.aspx">Tỉnh Thanh Hóa</a></li>
</ul></div>
<div id="right" class="box-new"><div class="title">Tin mới</div><ul class="tin-moi">
  <li><a href="/portal/Pages/2023-3-9/Bai-mot-ch8p98kq.aspx">Bài một</a></li>
  <li><a href="/portal/Pages/2023-3-8/Bai-hai-ab12cd34.aspx">Bài hai</a></li>
  <li><a href="/portal/Pages/2023-3-7/Bai-ba-ef56gh78.aspx">Bài ba</a></li>
</ul></div>
"""


def page(main: str) -> str:
    return f"<html><body><form>{FRAME}<div id='main'>{main}</div></form></body></html>"


HOME = page("<p>Chào mừng</p>")
STATIC = page("<h1>Giới thiệu</h1><p>Điện Biên là tỉnh miền núi biên giới.</p>")
CHANNEL = page(
    "".join(
        f"<div class='channel-news'><p class='channel-news-title'>"
        f"<a href='/portal/Pages/2023-2-{d}/Tin-ngay-{d}-x{d}yz.aspx'>Tin ngày {d}</a></p>"
        f"<span>{d:02d}/02/2023</span><p>Tóm tắt của tin ngày {d} với đủ chữ để là một lời dẫn"
        " dài hơn sáu mươi ký tự.</p></div>"
        for d in range(20, 10, -1)
    )
    + "<div class='pager'><span class='CurrentPage'>1</span>"
    "<a href='/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=2'>2</a>"
    "<a href='/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=3'>3</a>"
    "<a href='/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=2'>Tiếp</a></div>"
)


def _judge(html: str, url: str) -> bool:
    home = HomePage(SITE + "/portal/Pages/default.aspx", HOME)
    listing = ListingPage(url, html)
    entries = listing.entries()
    evidence = judge_channel(
        entries, list_signature(listing.main_list), listing.has_pager(), home.list_places()
    )
    return evidence.is_channel


def test_candidates_are_the_sites_own_pages_whatever_their_folder() -> None:
    links = candidate_links(SITE + "/portal/Pages/default.aspx", HomePage(SITE, HOME).root)
    urls = [link.url for link in links]
    assert urls == [
        SITE + "/portal/Pages/Tin-tuc-su-kien.aspx",
        SITE + "/portal/Pages/co_che_chinh_sach.aspx",
        SITE + "/portal/KenhTin/Thong-bao.aspx",
        SITE + "/portal/Pages/Gioi-thieu.aspx",
        SITE + "/en/pages/News-133.aspx",
    ], "articles, home, files, sign-in and other hosts are no candidates"
    assert links[0].text == "Tin tức sự kiện"


def test_a_candidate_is_one_page_whatever_its_paging_or_tracking_query() -> None:
    base = SITE + "/portal/Pages/Tin-tuc-su-kien.aspx"
    assert candidate_key(base + "?PageIndex=3") == candidate_key(
        base.upper().replace("HTTPS", "https")
    )
    assert candidate_key(base + "?fbclid=x#top") == candidate_key(base)
    assert candidate_key(base + "?CatID=5") != candidate_key(base)


def test_a_page_listing_articles_of_its_own_is_a_channel() -> None:
    assert _judge(CHANNEL, SITE + "/portal/Pages/Tin-tuc-su-kien.aspx")


def test_a_static_page_with_the_sites_news_box_is_no_channel() -> None:
    assert not _judge(STATIC, SITE + "/portal/Pages/Gioi-thieu.aspx")


def test_a_small_channel_without_pager_is_still_a_channel() -> None:
    small = page(
        "<ul class='list'>"
        + "".join(
            f"<li><a href='/portal/pages/2021-5-{d}/Tin-{d}-cz7od4fe8gt9z.aspx'>Tin {d}</a>"
            f" ({d:02d}/05/2021)</li>"
            for d in (7, 6)
        )
        + "</ul>"
    )
    assert _judge(small, SITE + "/portal/Pages/co_che_chinh_sach.aspx")


def test_page_index_pager_next_is_the_link_after_the_current_page() -> None:
    url = SITE + "/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=2"
    html = page(
        "<a href='/portal/Pages/2023-2-1/A-x1.aspx'>A</a>"
        "<div class='pager'><a href='?PageIndex=1'>1</a><span class='CurrentPage'>2</span>"
        "<a href='?PageIndex=3'>3</a></div>"
    )
    turn = ListingPage(url, html, page_number=2).next_page()
    assert isinstance(turn, Link) and turn.url.endswith("?PageIndex=3")


def test_unlabelled_next_after_current_marker_is_found() -> None:
    """A pager whose forward link says nothing the crawler knows: its place tells."""
    url = SITE + "/portal/Pages/Tin.aspx?trang=2"
    html = page(
        "<a href='/portal/Pages/2023-2-1/A-x1.aspx'>A</a>"
        "<p class='nav'><a href='Tin.aspx?trang=1'>[1]</a> <b>[2]</b>"
        " <a href='Tin.aspx?trang=3'>[3]</a></p>"
    )
    turn = ListingPage(url, html, page_number=2).next_page()
    assert isinstance(turn, Link) and turn.url.endswith("trang=3")


def test_next_labels_are_read_by_their_words_and_arrows() -> None:
    for label in ("Xem trang sau", "Tin tiếp theo »", "→", "▶", "Trang kế ›", "Next page"):
        assert label_rel(label) == "next", label
    for label in ("← Trang trước", "Previous"):
        assert label_rel(label) == "prev", label
    assert label_rel("Trang cuối »") == "last"
    assert label_rel("Tin tức sự kiện") is None


def test_an_arrow_image_without_words_leads_forward_by_its_file_name() -> None:
    url = SITE + "/portal/Pages/Tin.aspx"
    html = page(
        "<a href='/portal/Pages/2023-2-1/A-x1.aspx'>A</a>"
        "<div><a href='Tin.aspx?p=2'><img src='/images/btn_next.gif'></a></div>"
    )
    turn = ListingPage(url, html, page_number=1).next_page()
    assert isinstance(turn, Link) and turn.url.endswith("p=2")


def test_a_read_more_link_to_another_page_is_no_page_turn() -> None:
    url = SITE + "/portal/Pages/Tin.aspx"
    html = page(
        "<a href='/portal/Pages/2023-2-1/A-x1.aspx'>A</a>"
        "<div class='box'><a href='/portal/Pages/Thong-bao.aspx'>Xem tiếp các thông báo</a></div>"
    )
    assert ListingPage(url, html, page_number=1).next_page() is None


def test_news_like_links_are_counted_by_url_or_name() -> None:
    assert looks_like_news(Link(SITE + "/portal/KenhTin/A.aspx", "A"))
    assert looks_like_news(Link(SITE + "/portal/Pages/Tin-tuc-su-kien.aspx", "Tin tức sự kiện"))
    assert not looks_like_news(Link(SITE + "/portal/Pages/Gioi-thieu.aspx", "Giới thiệu"))
