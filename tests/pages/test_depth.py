"""No recursion on document depth anywhere in page reading (issue 12)."""

from __future__ import annotations

import pytest
from lxml import etree

from kcn_crawler.extraction import read_article
from kcn_crawler.pages import entry_dates, fallback, listing
from kcn_crawler.pages.base import raw_text, to_root
from kcn_crawler.pages.body import walk
from kcn_crawler.pages.depth import flatten

URL = "http://127.0.0.1/portal/Pages/2018-01-31/Hoi-nghi-tong-ket.aspx"
TITLE = "Hội nghị tổng kết khoa học công nghệ năm 2018"
PARA = (
    "Sở Khoa học và Công nghệ tỉnh Thanh Hóa tổ chức hội nghị tổng kết công tác năm, "
    "với sự tham gia của đại diện các sở, ban, ngành và doanh nghiệp trên địa bàn tỉnh."
)


def deep_article(depth: int) -> bytes:
    body = "".join(f"<p>{PARA} Đoạn {i}.</p>" for i in range(4))
    return (
        f"<html><head><title>{TITLE}</title></head><body><div id='content'>"
        f"<h1 class='title'>{TITLE}</h1><p class='date'>Ngày 31/01/2018</p>"
        + "<div>" * depth
        + body
        + "</div>" * depth
        + "</div></body></html>"
    ).encode()


@pytest.mark.parametrize("depth", [1_000, 2_100, 10_000])
def test_a_deeply_nested_article_is_read_whole(depth: int) -> None:
    raw = read_article(URL, deep_article(depth), "text/html; charset=utf-8", TITLE)
    assert raw.missing == []
    assert raw.title == TITLE
    assert raw.text is not None
    for i in range(4):
        assert f"Đoạn {i}." in raw.text
    assert raw.html is not None and "Đoạn 3." in raw.html


def chain(depth: int) -> etree._Element:
    """A tree ``depth`` elements deep built directly (no parser limit)."""
    root = etree.Element("html")
    node = etree.SubElement(root, "body")
    for i in range(depth):
        node = etree.SubElement(node, "div" if i % 2 else "span")
        node.text = "x, "
        node.tail = "y"
    etree.SubElement(node, "p").text = PARA
    return root


def test_every_walk_survives_depth_10000() -> None:
    root = chain(10_000)
    assert PARA in raw_text(root)
    blocks, _images = walk(root[0], URL)
    assert any(PARA in b.text for b in blocks)
    out: dict = {}
    total, _links = fallback._stats(root, out, False)
    assert total >= len(PARA) + 10_000
    paras: list = []
    fallback._measure(root, set(), {}, paras, {}, False)
    assert paras
    assert PARA in listing._text_outside_links(root)
    lines: list[list[str]] = [[]]
    entry_dates._lines(root, lines)
    assert any(PARA in "".join(line) for line in lines)


def test_flatten_keeps_text_and_paragraphs() -> None:
    html = b"<div>" * 5 + b"<p>a</p><p>b</p>" + b"</div>" * 5
    flat = flatten(html, max_depth=2)
    assert flat == b"<div><div><p>a</p><p>b</p></div></div>"
    root = to_root(b"<html><body>" + b"<div>" * 5000 + b"<p>end</p>" + b"</div>" * 5000)
    assert "end" in raw_text(root)
