"""Test material: real seed paragraphs and generated paragraphs in several languages."""

from __future__ import annotations

import random
from pathlib import Path

SEED_PATH = Path(__file__).resolve().parents[1] / "replica" / "seed-page.txt"

# Verbatim from the seed page (title, body start, signature).
SEED_PARAGRAPHS = [
    "HỘI NGHỊ TỔNG KẾT HOẠT ĐỘNG KH&CN NĂM 2017; TRIỂN KHAI NHIỆM VỤ NĂM 2018; TRIỂN KHAI "
    "NGHỊ QUYẾT SỐ 81/2017/NQ-HĐND, NGÀY 7/12/2017 CỦA HĐND TỈNH VỀ CHÍNH SÁCH KHUYẾN KHÍCH "
    "PHÁT TRIỂN KH&CN",
    "Ngày 19/01/2018, UBND tỉnh Thanh Hóa đã tổ chức Hội nghị Tổng kết hoạt động ngành Khoa học "
    "và Công nghệ năm 2017, triển khai nhiệm vụ năm 2018; Triển khai nghị quyết số "
    "81/2017/NQ-HĐND, ngày 07/12/2017 của HĐND tỉnh về chính sách khuyến khích phát triển KH&CN.",
    "Phát biểu kết luận Hội nghị, đồng chí Nguyền Đức Quyền đánh giá cao đóng góp của hoạt động "
    "KH&CN đối với phát triển kinh tế - xã hội của tỉnh.",
    "Hoạt động KH&CN đã được hoàn thiện về thể chế; đặc biệt là được HĐND tỉnh ban hành “Chính "
    "sách khuyến khích phát triển KH&CN trở thành khâu đột phá trong phát triển kinh tế xã hội "
    "giai đoạn 2018 - 2020”.",
    "Cao Thị Ngọc Hà",
    "TP. Quản lý Khoa học",
]

VI_SENTENCES = [
    "Ủy ban nhân dân tỉnh Thanh Hóa vừa ban hành kế hoạch phát triển khoa học và công nghệ "
    "giai đoạn 2021 - 2025.",
    "Người dân vùng cao đã được hỗ trợ giống lúa mới, năng suất tăng rõ rệt so với năm trước.",
    "Ước tính có khoảng 1.250 hộ gia đình được hưởng lợi từ dự án thủy lợi này.",
    "Đồng chí Phó Giám đốc Sở nhấn mạnh việc ứng dụng tiến bộ kỹ thuật vào sản xuất nông nghiệp.",
    "Khuyến khích doanh nghiệp đổi mới công nghệ, nâng cao sức cạnh tranh của sản phẩm.",
    "Quỹ phát triển khoa học và công nghệ tỉnh đã giải ngân hơn 12 tỷ đồng trong quý III.",
    "Ở huyện Mường Lát, nhiều mô hình trồng quế, bưởi da xanh và nuôi ong lấy mật mang lại "
    "hiệu quả kinh tế cao.",
    "Hội đồng nghiệm thu đánh giá đề tài đạt loại khá; nhóm nghiên cứu cần bổ sung số liệu.",
    "Ông Nguyễn Văn Quyết, Trưởng phòng Quản lý công nghệ, cho biết: “Chúng tôi luôn sẵn sàng "
    "hỗ trợ.”",
    "Ấn tượng nhất là sản phẩm nước mắm truyền thống được cấp giấy chứng nhận nhãn hiệu tập thể.",
    "Thời tiết khô hanh, nhiệt độ ngoài trời lên tới 39°C, người dân cần chủ động phòng chống "
    "nắng nóng.",
    "Giữa tháng Bảy, đoàn công tác đã khảo sát khu bảo tồn thiên nhiên Pù Luông và Xuân Liên.",
    "Học sinh giỏi được tuyên dương, khen thưởng kịp thời nhằm động viên tinh thần học tập.",
    "Các xã miền núi tiếp tục được đầu tư đường giao thông, trường học và trạm y tế.",
    "Thuyền đánh cá của ngư dân Sầm Sơn ra khơi an toàn sau cơn bão số 3.",
    "Khỏe mạnh, hòa thuận và ấm no là mong ước của mỗi gia đình trong dịp Tết cổ truyền.",
    "Ẩm thực xứ Thanh nổi tiếng với nem chua, bánh gai Tứ Trụ và chè lam Phủ Quảng.",
    "Ý kiến của cử tri được tổng hợp, gửi tới Quốc hội trước kỳ họp thứ tám.",
    "Giá lúa tăng lên 7.500 đồng/kg, cao hơn 5% so với cùng kỳ; người nông dân phấn khởi.",
    "Ẵm con trên tay, chị Huyền kể lại những ngày khuya khoắt thức trắng vì lũ ống.",
]

EN_SENTENCES = [
    "The provincial science department held its annual review conference on Wednesday.",
    "Researchers presented 42 projects, worth about $1.2 million, to the evaluation board.",
    "Copyright © 2024 Department of Science and Technology. All rights reserved.",
    "Temperatures reached 39°C in the afternoon; half (½) of the fields were irrigated.",
    "Please contact the webmaster at admin@example.gov.vn for further information.",
    "The café served crème brûlée and a naïve rosé to the visiting delegation.",
]
FR_SENTENCES = [
    "Le comité s'est réuni à Hanoï où les délégués ont présenté leurs résultats.",
    "Cette année, l'économie régionale a connu une croissance de 7,5 % grâce à l'agriculture.",
    "Noël approche : les élèves préparent des cœurs en papier et un gâteau à la crème.",
    "Ça coûte 12,50 € ; c'est très cher pour un œuf à la coque, n'est-ce pas ?",
    "La forêt tropicale abrite des espèces rares, protégées depuis 1986 par un décret.",
    "Je ne sais pas où il est allé, mais il reviendra sûrement à l'aube.",
    "Les maïs et les blés dorés s'étendent à perte de vue sous un ciel d'été.",
]
DE_SENTENCES = [
    "Die Straße war nach dem Regen überflutet, aber die Brücke blieb geöffnet.",
    "Grüße aus München: das Bier ist kühl und die Würste sind köstlich.",
    "Für die Übersetzung benötigt man etwa fünf Tage und einen Wörterbuch-Zugang.",
]
MISC_LINES = [
    "Giá: 1.500.000 đ",
    "25°C – 30°C",
    "½ kg",
    "© 2024",
    "Điện thoại: (0237) 3852 641 – Fax: (0237) 3852 642",
    "Email: skhcn@thanhhoa.gov.vn",
    "Tel: +84 237 385 2641 | ® 2018",
    "Số: 81/2017/NQ-HĐND",
    "1/2 – 3/4 – 99,9 % – ±0,5 mm – 10² m²",
    "µg/l ≤ 0,05",
]


def seed_lines() -> list[str]:
    """Non-empty lines of the real seed page (a copy kept in the repository)."""
    return [ln for ln in SEED_PATH.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _para(rng: random.Random, sentences: list[str], k: tuple[int, int]) -> str:
    return " ".join(rng.sample(sentences, rng.randint(*k)))


def vietnamese_paragraphs(n: int, seed: int = 1) -> list[str]:
    """``n`` paragraphs of 1–4 Vietnamese sentences (seed material mixed in)."""
    rng = random.Random(seed)
    pool = VI_SENTENCES + SEED_PARAGRAPHS[1:4]  # sentences only: no headline, no signature
    return [_para(rng, pool, (1, 4)) for _ in range(n)]


def varied_paragraphs(n: int, seed: int = 2) -> list[str]:
    """``n`` paragraphs cycling Vietnamese, English, French, German and miscellany."""
    rng = random.Random(seed)
    kinds = [VI_SENTENCES + SEED_PARAGRAPHS, EN_SENTENCES, FR_SENTENCES, DE_SENTENCES]
    out = []
    for i in range(n):
        if i % 5 == 4:
            out.append(rng.choice(MISC_LINES))
        else:
            out.append(_para(rng, kinds[i % 5], (1, 3)))
    return out


def headline(s: str) -> str:
    """An all-caps headline, as editors type titles."""
    return s.upper()
