"""Boilerplate labels, the Nguồn: line, signature name and role heuristics."""

from __future__ import annotations

import pytest

from kcn_crawler.normalize.boilerplate import (
    is_boilerplate_line,
    looks_like_person_name,
    looks_like_role,
    split_source,
)
from tests.unit._corpus import SEED_PARAGRAPHS, VI_SENTENCES

CHROME = [
    "Bỏ qua Lệnh Ruy-băng",
    "Bỏ qua nội dung chính",
    "Bỏ qua Lệnh Ruy-băng Bỏ qua nội dung chính",
    "Tìm kiếm",
    "TÌM KIẾM",
    "Tim kiem",
    " Video Clip ",
    "HÌNH ẢNH HOẠT ĐỘNG",
    "Nội dung",
    "In nội dung",
    "Các tin đã đăng ngày",
    "Các tin đã đăng ngày 31/01/2018",
    "Chọn một ngày từ lịch.",
    "ĐĂNG NHẬP",
    "Tin liên quan",
    "Các tin khác:",
    "Tin đã đưa",
    "Xem",
    "Trang sau",
    "Trang trước",
    "»",
    "Lượt xem: 1234",
    "\u00a0",
    "",
]
CONTENT = [
    "Nội dung chính của hội nghị là tổng kết hoạt động năm 2017.",
    "Xem xét việc ban hành quy định mới.",
    "Trang sau đó, tác giả viết tiếp.",
    "Tìm kiếm giải pháp cho người dân vùng lũ.",
    "Tin liên quan đến dự án được công bố hôm nay.",
    *SEED_PARAGRAPHS,
    *VI_SENTENCES,
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", CONTENT)
def test_content_lines(line: str) -> None:
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Một.", "Hai.", "Nguồn: Báo Thanh Hóa"], (["Một.", "Hai."], "Báo Thanh Hóa")),
        (["Một.", "Nguồn: baothanhhoa.vn", "", " "], (["Một."], "baothanhhoa.vn")),
        (["Một.", "(Nguồn: Sở KH&CN)"], (["Một."], "Sở KH&CN")),
        (["Một.", "NGUỒN: TTXVN"], (["Một."], "TTXVN")),
        (["Một.", "Nguồn : Cổng TTĐT tỉnh."], (["Một."], "Cổng TTĐT tỉnh")),
        (
            ["Nguồn nhân lực chất lượng cao là ưu tiên."],
            (["Nguồn nhân lực chất lượng cao là ưu tiên."], None),
        ),
        (["Nguồn: X", "Một đoạn sau."], (["Nguồn: X", "Một đoạn sau."], None)),
        (["Một.", "Nguồn:"], (["Một.", "Nguồn:"], None)),
        ([], ([], None)),
    ],
)
def test_split_source(paragraphs: list[str], expected: tuple[list[str], str | None]) -> None:
    assert split_source(paragraphs) == expected


NAMES = [
    "Cao Thị Ngọc Hà",
    "Nguyễn Văn A",
    "PV",
    "Minh Hiếu",
    "Lê Văn Hùng.",
    "Trần Thị Thu Trang",
    "Nguyễn Thị Dung",
    "Bài, ảnh: Minh Hiếu",
    "Minh Hiếu - Thu Hà",
    "Hoàng Quỳnh",
    "  Cao Thị Ngọc Hà  ",
]
NOT_NAMES = [
    "HỘI NGHỊ TỔNG KẾT",
    "CAO THỊ NGỌC HÀ ĐÃ PHÁT BIỂU TẠI HỘI NGHỊ",
    "Hội nghị tổng kết hoạt động",
    "Đây là câu.",
    "Sở Khoa Học",
    "Tin liên quan",
    "John Smith",
    "TP. Quản lý Khoa học",
    "Nguyễn",
    "Một Hai Ba Bốn Năm Sáu",
    "31-01-2018",
    "",
    *SEED_PARAGRAPHS[:4],
]


@pytest.mark.parametrize("s", NAMES)
def test_person_names(s: str) -> None:
    assert looks_like_person_name(s)


@pytest.mark.parametrize("s", NOT_NAMES)
def test_not_person_names(s: str) -> None:
    assert not looks_like_person_name(s)


ROLES = [
    "TP. Quản lý Khoa học",
    "Phòng QLKH",
    "Sở KH&CN",
    "Trưởng phòng Quản lý Công nghệ",
    "Phó Giám đốc Sở",
    "Văn phòng Sở",
    "Trung tâm Thông tin KH&CN",
    "PV Báo Thanh Hóa",
]
NOT_ROLES = [
    "Cao Thị Ngọc Hà",
    "HỘI NGHỊ TỔNG KẾT HOẠT ĐỘNG KH&CN NĂM 2017",
    "Ngày 19/01/2018, UBND tỉnh Thanh Hóa đã tổ chức Hội nghị Tổng kết hoạt động ngành",
    "Phòng chống dịch bệnh là nhiệm vụ cấp bách của toàn dân trong mùa mưa bão năm nay.",
    "Tại sao?",
    "",
]


@pytest.mark.parametrize("s", ROLES)
def test_roles(s: str) -> None:
    assert looks_like_role(s)


@pytest.mark.parametrize("s", NOT_ROLES)
def test_not_roles(s: str) -> None:
    assert not looks_like_role(s)
