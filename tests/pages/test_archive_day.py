"""Rules added after the fourth replica skin: short archive answers, labelled signatures."""

from datetime import date

import pytest

from kcn_crawler.pages import ListingPage
from kcn_crawler.pages.signature import strip_author_label

BASE = "http://site.test/portal/Pages/KetQua.aspx?ngay=10/02/2016"


def side_box_links() -> str:
    rows = "".join(
        f'<li><a href="/portal/Pages/2026-10-{d}/Tin-moi-so-{d}abc123.aspx">Tin mới số {d} về '
        f"hoạt động khoa học</a> <span>({d}/10/2026)</span></li>"
        for d in range(10, 16)
    )
    return f'<div class="zoneB"><div class="t">Các bài khác</div><ul>{rows}</ul></div>'


ANSWER = (
    '<div class="zoneA"><ul class="x9"><li><h3><a href="/portal/Pages/2016-02-10/'
    'Hoi-thao-khoa-hocn4f9aft.aspx">Hội thảo khoa học về truy xuất nguồn gốc</a></h3>'
    '<span class="d">10/02/2016</span><p>Sáng nay, Sở Khoa học và Công nghệ tổ chức hội thảo '
    "về truy xuất nguồn gốc nông sản trên địa bàn tỉnh.</p></li></ul></div>"
)


def page(day: date | None) -> ListingPage:
    html = f"<html><body><form>{ANSWER}{side_box_links()}</form></body></html>"
    return ListingPage(BASE, html, day=day)


def test_a_one_entry_answer_dated_the_day_beats_a_bigger_box_of_other_days() -> None:
    entries = page(date(2016, 2, 10)).entries()
    assert [e.title for e in entries] == ["Hội thảo khoa học về truy xuất nguồn gốc"]
    assert entries[0].date_raw == "10/02/2016"


def test_a_day_no_list_carries_gives_no_entries_from_side_boxes() -> None:
    assert page(date(2016, 2, 11)).entries() == []


def test_without_a_day_the_bigger_dated_list_wins() -> None:
    assert len(page(None).entries()) == 6


@pytest.mark.parametrize(
    ("signed", "name"),
    [
        ("Tác giả: Lường Minh Hà", "Lường Minh Hà"),
        ("tác giả : Cao Thị Ngọc Hà", "Cao Thị Ngọc Hà"),
        ("Người viết: Lê Văn Tám", "Lê Văn Tám"),
        ("Bài và ảnh: Minh Hiếu", "Minh Hiếu"),
        ("Cao Thị Ngọc Hà", "Cao Thị Ngọc Hà"),
        ("Tác giả:", "Tác giả:"),
    ],
)
def test_a_label_before_the_signers_name_is_not_the_name(signed: str, name: str) -> None:
    assert strip_author_label(signed) == name
