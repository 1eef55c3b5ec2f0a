"""The text-cleaning pipeline: NFC, legacy repair flagged, tone style on request."""

import unicodedata

from kcn_crawler.pipelines.clean import CleanTextPipeline
from tests.components.test_exporters import article


def test_keep_style_changes_nothing_but_cleaning() -> None:
    item = article(title="Thanh  Hoá\u00a0tổ chức", text="hoà\u200b bình\n\n\n\nđoạn hai")
    CleanTextPipeline("keep").process_item(item)
    assert item.title == "Thanh Hoá tổ chức"
    assert item.text == "hoà bình\n\nđoạn hai"


def test_old_style_moves_tone_marks_in_title_and_text_only() -> None:
    item = article(title="Thanh Hoá", text="Hoà bình, thuỷ lợi", author="Lê Thuỷ")
    CleanTextPipeline("old").process_item(item)
    assert item.title == "Thanh Hóa"
    assert item.text == "Hòa bình, thủy lợi"
    assert item.author == "Lê Thuỷ", "names are kept as written"


def test_new_style() -> None:
    item = article(title="Thanh Hóa", text="khỏe mạnh, quả hòa")
    CleanTextPipeline("new").process_item(item)
    assert item.title == "Thanh Hoá"
    assert item.text == "khoẻ mạnh, quả hoà"


def test_decomposed_text_comes_out_composed() -> None:
    item = article(text=unicodedata.normalize("NFD", "Hội nghị tổng kết"))
    CleanTextPipeline("keep").process_item(item)
    assert item.text == "Hội nghị tổng kết"
    assert unicodedata.is_normalized("NFC", item.text)


def test_tcvn3_paragraph_is_repaired_and_flagged() -> None:
    item = article(text="Đoạn một.\n\nTØnh Thanh Ho¸")
    CleanTextPipeline("keep").process_item(item)
    assert item.text == "Đoạn một.\n\nTỉnh Thanh Hoá"  # 0xB8 is "á": typed new-style
    assert item.repairs == ["tcvn3"]


def test_the_tabs_between_a_table_rows_cells_are_kept() -> None:
    """A table row is one paragraph whose cells a tab separates: cleaning keeps the tab."""
    item = article(text="Đoạn một.\n\nĐợt\u00a0 1\tThời  gian\n\nĐợt 2\t30/3 – 30/4/1954")
    CleanTextPipeline("new").process_item(item)
    assert item.text == "Đoạn một.\n\nĐợt 1\tThời gian\n\nĐợt 2\t30/3 – 30/4/1954"
