"""Text is cleaned once, by the page object: what it gives is already clean.

Legacy encodings repaired, NFC, invisible characters, odd and repeated spaces out, one
blank line between paragraphs — in every text field the item declares
(``TEXT_FIELDS``), the image captions and the attachment names.  No pipeline cleans
again, so cleaning the page object's output a second time must change nothing.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from kcn_crawler.items import TEXT_FIELDS, Article
from kcn_crawler.normalize.legacy import encode_tcvn3
from kcn_crawler.normalize.text import clean_block, clean_inline
from kcn_crawler.pages.article import ArticlePage
from tests.pages import _fixtures
from tests.pages.test_replica_skins import articles, fetch
from tests.replica.site import SKINS

ART = "https://skhcn.thanhhoa.gov.vn/portal/Pages/2018-1-31/x.aspx"
LONG = "Nội dung bài viết dài, có nhiều câu, nhiều dấu phẩy, để đủ là một đoạn văn thật sự. " * 3


def cleaned_again(item: Article) -> dict[str, Any]:
    """Each text value of ``item`` that a second cleaning would change: {where: (was, now)}."""
    changed: dict[str, Any] = {}
    for name, kind, _toned in TEXT_FIELDS:
        value = getattr(item, name)
        if value:
            again = clean_block(value) if kind == "block" else clean_inline(value)
            if again != value:
                changed[name] = (value, again)
    for entries, key in (("images", "caption"), ("attachments", "name")):
        for i, entry in enumerate(getattr(item, entries)):
            value = entry.get(key)
            if value and clean_inline(value) != value:
                changed[f"{entries}[{i}].{key}"] = (value, clean_inline(value))
    return changed


@pytest.mark.parametrize("skin", SKINS)
def test_every_replica_article_comes_out_clean(skin: str) -> None:
    """The replica's noise (NBSP, zero-width characters, TCVN3 paragraphs, decomposed
    text, empty paragraphs) on every skin: nothing left for a second cleaning."""
    dirty = {}
    for truth in articles(skin):
        item = ArticlePage(truth["url"], fetch(skin, truth["url"])).to_item()
        changed = cleaned_again(item)
        if changed:
            dirty[truth["url"]] = changed
    assert not dirty


@pytest.mark.parametrize("case", _fixtures.cases("ArticlePage"))
def test_every_article_fixture_comes_out_clean(case: str) -> None:
    html, _expected = _fixtures.load("ArticlePage", case)
    item = ArticlePage(ART, html).to_item()
    assert not cleaned_again(item)


def _item(title: str, body: str) -> Article:
    html = f"<html><body><h1>{title}</h1><div><p>{LONG}</p>{body}<p>{LONG}</p></div></body></html>"
    return ArticlePage(ART, html).to_item()


def test_spaces_and_invisible_characters_are_cleaned_page_side() -> None:
    item = _item("Thanh  Hoá&nbsp;tổ chức hội nghị", "<p>hoà\u200b bình</p><p>&nbsp;</p><p></p>")
    assert item.title == "Thanh Hoá tổ chức hội nghị"
    assert item.text == f"{LONG.strip()}\n\nhoà bình\n\n{LONG.strip()}"


def test_decomposed_text_comes_out_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Hội nghị tổng kết")
    item = _item("Hội nghị tổng kết năm", f"<p>{decomposed}</p>")
    assert "\n\nHội nghị tổng kết\n\n" in item.text
    assert unicodedata.is_normalized("NFC", item.text)


def test_tcvn3_paragraph_is_repaired_and_flagged() -> None:
    item = _item("Hội nghị tổng kết năm", f"<p>{encode_tcvn3('Tỉnh Thanh Hoá')}</p>")
    assert "\n\nTỉnh Thanh Hoá\n\n" in item.text
    assert item.repairs == ["tcvn3"]


def test_the_tabs_between_a_table_rows_cells_are_kept() -> None:
    """A table row is one paragraph whose cells a tab separates: cleaning keeps the tab."""
    table = (
        "<table><tr><td>Đợt&nbsp; 1</td><td>Thời  gian</td></tr>"
        "<tr><td>Đợt 2</td><td>30/3 – 30/4/1954</td></tr></table>"
    )
    item = _item("Hội nghị tổng kết năm", table)
    assert "\n\nĐợt 1\tThời gian\n\nĐợt 2\t30/3 – 30/4/1954\n\n" in item.text


def test_an_attachment_named_by_its_file_is_clean() -> None:
    path = "/portal/VanBan/Quy%E1%BA%BFt%20%20%C4%91%E1%BB%8Bnh%C2%A0s%E1%BB%91.pdf"
    link = f"<p><a href='{path}'></a></p>"
    item = _item("Hội nghị tổng kết năm", link)
    assert [a["name"] for a in item.attachments] == ["Quyết định số.pdf"]
