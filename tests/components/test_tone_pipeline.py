"""The tone pipeline: the user's tone-mark style, on the toned fields only.

The text it gets is already clean (the page object's, see tests/pages/test_clean_once.py).
"""

import pytest
from scrapy.exceptions import NotConfigured

from kcn_crawler.pipelines.tones import ToneStylePipeline
from tests.components.test_exporters import article


def test_old_style_moves_tone_marks_in_title_summary_and_text_only() -> None:
    item = article(
        title="Thanh Hoá", summary="Thuỷ lợi", text="Hoà bình, thuỷ lợi", author="Lê Thuỷ"
    )
    ToneStylePipeline("old").process_item(item)
    assert item.title == "Thanh Hóa"
    assert item.summary == "Thủy lợi"
    assert item.text == "Hòa bình, thủy lợi"
    assert item.author == "Lê Thuỷ", "names are kept as written"


def test_new_style() -> None:
    item = article(title="Thanh Hóa", text="khỏe mạnh, quả hòa")
    ToneStylePipeline("new").process_item(item)
    assert item.title == "Thanh Hoá"
    assert item.text == "khoẻ mạnh, quả hoà"


def test_the_tabs_between_a_table_rows_cells_are_kept() -> None:
    """A table row is one paragraph whose cells a tab separates: the style keeps the tab."""
    item = article(text="Đoạn một.\n\nĐợt 1\tThời gian hòa\n\nĐợt 2\t30/3 – 30/4/1954")
    ToneStylePipeline("new").process_item(item)
    assert item.text == "Đoạn một.\n\nĐợt 1\tThời gian hoà\n\nĐợt 2\t30/3 – 30/4/1954"


def test_an_empty_summary_stays_empty() -> None:
    item = article(summary=None)
    ToneStylePipeline("old").process_item(item)
    assert item.summary is None


def test_keep_is_not_installed() -> None:
    """The default changes nothing: the pipeline is not installed, silently."""
    with pytest.raises(NotConfigured) as raised:
        ToneStylePipeline("keep")
    assert not raised.value.args


def test_an_unknown_style_is_refused_with_a_message() -> None:
    with pytest.raises(NotConfigured, match="KCN_TONE_STYLE must be one of"):
        ToneStylePipeline("modern")
