"""Seeded Vietnamese text: titles, paragraphs, leads, names, captions, slugs.

Everything here is *clean* text (NFC, new-style tones, single spaces): what a reader sees
and what the ground truth holds. Noise is added at render time (see noise.py).
"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date

SUBJECTS = [
    "Sở Khoa học và Công nghệ",
    "UBND tỉnh Thanh Hóa",
    "Hội đồng KH&CN tỉnh",
    "Trung tâm Ứng dụng tiến bộ KH&CN",
    "Chi cục Tiêu chuẩn Đo lường Chất lượng",
    "Liên hiệp các Hội KH&KT Thanh Hóa",
    "Trường Đại học Hồng Đức",
    "UBND huyện Quảng Xương",
    "UBND huyện Mường Lát",
    "Hội Nông dân tỉnh",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Ban Quản lý Khu kinh tế Nghi Sơn",
    "Trung tâm Thông tin KH&CN",
    "Sở Y tế",
    "Hiệp hội Doanh nghiệp Thanh Hóa",
    "UBND thị xã Bỉm Sơn",
    "Sở Công Thương",
    "Phòng Quản lý Công nghệ",
    "Viện Nông nghiệp Thanh Hóa",
    "UBND huyện Thường Xuân",
]
ACTIONS = [
    "đã tổ chức",
    "phối hợp tổ chức",
    "chủ trì tổ chức",
    "đã tiến hành",
    "long trọng tổ chức",
    "triển khai",
    "đã phối hợp với các đơn vị liên quan tổ chức",
]
EVENTS = [
    "Hội nghị tổng kết",
    "Hội thảo khoa học về",
    "lớp tập huấn về",
    "buổi nghiệm thu mô hình",
    "đoàn kiểm tra liên ngành về",
    "Hội nghị sơ kết",
    "diễn đàn trao đổi kinh nghiệm về",
    "buổi làm việc về",
    "cuộc họp Hội đồng tư vấn tuyển chọn nhiệm vụ về",
]
TOPICS = [
    "chuyển giao tiến bộ kỹ thuật trong sản xuất nông nghiệp",
    "phát triển tài sản trí tuệ",
    "ứng dụng công nghệ thông tin trong cơ quan nhà nước",
    "an toàn bức xạ và hạt nhân",
    "tiêu chuẩn đo lường chất lượng sản phẩm hàng hóa",
    "khởi nghiệp đổi mới sáng tạo",
    "nhân giống lúa chất lượng cao",
    "sản xuất rau an toàn theo tiêu chuẩn VietGAP",
    "bảo tồn nguồn gen cây quế Thường Xuân",
    "nuôi trồng thủy sản nước lợ ven biển",
    "chuyển đổi số trong doanh nghiệp nhỏ và vừa",
    "xây dựng nhãn hiệu chứng nhận nước mắm Hải Tiến",
    "phòng, chống dịch bệnh trên đàn gia súc",
    "năng suất chất lượng sản phẩm chủ lực",
    "truy xuất nguồn gốc nông sản",
    "phát triển dược liệu dưới tán rừng",
    "ứng dụng trí tuệ nhân tạo trong y tế",
    "xử lý rác thải sinh hoạt nông thôn",
    "sở hữu trí tuệ cho sản phẩm OCOP",
    "cơ giới hóa đồng bộ trong sản xuất mía",
]
PLACES = [
    "huyện Quảng Xương",
    "huyện Mường Lát",
    "thị xã Nghi Sơn",
    "huyện Hoằng Hóa",
    "huyện Thọ Xuân",
    "thành phố Sầm Sơn",
    "huyện Như Thanh",
    "huyện Cẩm Thủy",
    "huyện Quan Hóa",
    "huyện Nga Sơn",
    "huyện Thạch Thành",
    "huyện Hậu Lộc",
    "huyện Ngọc Lặc",
    "huyện Bá Thước",
]
OPENERS = [
    "Tham dự có đại diện lãnh đạo {subj}, các sở, ban, ngành cấp tỉnh và {place}.",
    "Theo báo cáo, trong thời gian qua {subj} đã tích cực triển khai các hoạt động về {topic}.",
    "Tại buổi làm việc, các đại biểu đã tập trung thảo luận, đánh giá kết quả {topic}.",
    "Phát biểu tại hội nghị, đồng chí {name} đánh giá cao những kết quả đạt được.",
    "Năm {year}, toàn tỉnh có {num} nhiệm vụ khoa học và công nghệ được triển khai.",
]
CLAUSES = [
    "góp phần nâng cao năng suất, chất lượng và hiệu quả sản xuất",
    "tạo điều kiện thuận lợi cho doanh nghiệp tiếp cận công nghệ mới",
    "từng bước hình thành hệ sinh thái khởi nghiệp đổi mới sáng tạo của tỉnh",
    "đáp ứng yêu cầu phát triển kinh tế - xã hội của địa phương",
    "nâng cao nhận thức của người dân về {topic}",
    "đồng thời chỉ ra những tồn tại, hạn chế cần khắc phục trong thời gian tới",
    "qua đó nhân rộng mô hình ra các xã trên địa bàn {place}",
    "bảo đảm đúng tiến độ, chất lượng theo kế hoạch đã đề ra",
    "thu hút sự tham gia của {num} hộ dân và {num2} doanh nghiệp",
    "với tổng kinh phí thực hiện hơn {num} triệu đồng",
]
ENDINGS = [
    "Đồng chí đề nghị các đơn vị tiếp tục phối hợp chặt chẽ, triển khai quyết liệt {topic}.",
    "Kết thúc {event_short}, các đại biểu thống nhất kiến nghị UBND tỉnh xem xét, hỗ trợ kinh phí.",
    "Hội đồng đã đánh giá kết quả thực hiện đạt loại khá và đề nghị hoàn thiện hồ sơ.",
    "Dịp này, {subj} đã trao giấy khen cho {num} tập thể, cá nhân có thành tích xuất sắc.",
]
EVENT_SHORT = ["hội nghị", "hội thảo", "buổi làm việc", "lớp tập huấn", "chương trình"]
FAMILY = ["Nguyễn", "Lê", "Trần", "Phạm", "Hoàng", "Vũ", "Đỗ", "Cao", "Mai", "Trịnh", "Lường"]
MIDDLE = ["Thị", "Văn", "Đức", "Thị Ngọc", "Hữu", "Minh", "Thanh", "Xuân"]
GIVEN = ["Hà", "Hùng", "Lan", "Quyền", "Thủy", "Dũng", "Hương", "Tuấn", "Phương", "Sơn", "Huyền"]
ROLES = [
    "TP. Quản lý Khoa học",
    "Phòng Quản lý Công nghệ",
    "Trung tâm Thông tin KH&CN",
    "Văn phòng Sở",
    "CTV",
    "Chi cục TĐC",
    "Phòng Kế hoạch - Tài chính",
]
SOURCES = ["Báo Thanh Hóa", "Cổng TTĐT tỉnh Thanh Hóa", "Báo Khoa học và Phát triển", "TTXVN"]
CAPTIONS = [
    "Quang cảnh {event_short}.",
    "Đồng chí {name} phát biểu tại {event_short}.",
    "Các đại biểu tham quan mô hình tại {place}.",
    "Trao giấy chứng nhận cho các học viên.",
    "Đoàn công tác kiểm tra thực tế tại {place}.",
]
DOCS = [
    ("Kế hoạch số {num}/KH-SKHCN", "pdf"),
    ("Quyết định số {num}/QĐ-UBND", "pdf"),
    ("Mẫu đề xuất đặt hàng nhiệm vụ", "docx"),
    ("Danh mục nhiệm vụ KH&CN năm {year}", "xlsx"),
    ("Thông báo kết quả tuyển chọn", "doc"),
    ("Hồ sơ mẫu", "zip"),
    ("Biểu mẫu báo cáo", "xls"),
    ("Tài liệu hội nghị", "rar"),
]
QUIRK_SENTENCES = {
    "new-tones": "Hoạt động này góp phần thúc đẩy phát triển kinh tế - xã hội tỉnh Thanh Hóa,"
    " hòa nhịp với xu thế chung, thu hút sự quan tâm của đông đảo người dân.",
    "d-stroke": "Đồng chí Giám đốc Sở đề nghị các đơn vị Đẩy mạnh công tác tuyên truyền về Đề án.",
}
TABLE_HEAD = ["TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Kinh phí (triệu đồng)"]


def name(rng: random.Random) -> str:
    """A Vietnamese personal name."""
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _fill(rng: random.Random, tpl: str, topic: str, year: int) -> str:
    return tpl.format(
        subj=rng.choice(SUBJECTS),
        place=rng.choice(PLACES),
        topic=topic,
        name=name(rng),
        year=year,
        num=rng.randint(3, 950),
        num2=rng.randint(2, 40),
        event_short=rng.choice(EVENT_SHORT),
    )


def title(rng: random.Random, year: int) -> tuple[str, str]:
    """(title, topic) for an article of *year*."""
    topic = rng.choice(TOPICS)
    kind = rng.randrange(5)
    if kind == 0:
        t = f"{rng.choice(EVENTS)} {topic} năm {year}"
    elif kind == 1:
        t = f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(EVENTS)} {topic}"
    elif kind == 2:
        t = f"Nghiệm thu đề tài: Nghiên cứu {topic} tại {rng.choice(PLACES)}"
    elif kind == 3:
        t = f"Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ về {topic} năm {year + 1}"
    else:
        t = f"Đẩy mạnh {topic} trên địa bàn {rng.choice(PLACES)}"
    return t[0].upper() + t[1:], topic


def event_phrase(d: date) -> str:
    """The event-date opener of a first paragraph, e.g. 'Ngày 19/01/2018'."""
    return f"Ngày {d.day:02d}/{d.month:02d}/{d.year}"


def paragraph(rng: random.Random, topic: str, year: int, first: str | None = None) -> str:
    """One body paragraph of 2-5 sentences; *first* replaces the first sentence."""
    out = [first] if first else [_fill(rng, rng.choice(OPENERS), topic, year)]
    for _ in range(rng.randint(1, 4)):
        c1 = _fill(rng, rng.choice(CLAUSES), topic, year)
        c2 = _fill(rng, rng.choice(CLAUSES), topic, year)
        subj = rng.choice(SUBJECTS)
        out.append(f"{subj} đã chủ động triển khai nhiều giải pháp, {c1}, {c2}.")
    if rng.random() < 0.4:
        out.append(_fill(rng, rng.choice(ENDINGS), topic, year))
    return " ".join(out)


def first_paragraph(rng: random.Random, topic: str, year: int, event_day: date) -> str:
    """A first paragraph opening with an event date that differs from publication."""
    s = (
        f"{event_phrase(event_day)}, {rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} "
        f"{rng.choice(EVENTS)} {topic} tại {rng.choice(PLACES)}."
    )
    return paragraph(rng, topic, year, first=s)


def lead(rng: random.Random, topic: str, year: int) -> str:
    """A one-sentence lead (sapo)."""
    clause = _fill(rng, rng.choice(CLAUSES), topic, year)
    return _fill(rng, "(KHCN) - {subj} vừa tổng kết kết quả ", topic, year) + f"{topic}, {clause}."


def caption(rng: random.Random, topic: str, year: int) -> str:
    """An image caption."""
    return _fill(rng, rng.choice(CAPTIONS), topic, year)


def table(rng: random.Random, topic: str) -> list[list[str]]:
    """A small data table: header row plus 2-4 rows."""
    rows = [list(TABLE_HEAD)]
    for i in range(rng.randint(2, 4)):
        t = rng.choice(TOPICS)
        cost = f"{rng.randint(80, 2500)}"
        rows.append([str(i + 1), f"Nghiên cứu {t}", rng.choice(SUBJECTS), cost])
    return rows


def doc(rng: random.Random, year: int) -> tuple[str, str]:
    """(link text, extension) of an attachment."""
    tpl, ext = rng.choice(DOCS)
    return tpl.format(num=rng.randint(10, 4999), year=year), ext


def ascii_fold(s: str) -> str:
    """Vietnamese without diacritics ('đ' → 'd')."""
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def slug(title_text: str, limit: int = 60, lower: bool = False) -> str:
    """URL slug: the title without diacritics, words joined by '-', cut to *limit*."""
    words = re.findall(r"[A-Za-z0-9]+", ascii_fold(title_text))
    out: list[str] = []
    for w in words:
        if len("-".join([*out, w])) > limit:
            break
        out.append(w)
    s = "-".join(out)
    if not lower and s[:1].islower():
        s = s[0].upper() + s[1:]
    return s.lower() if lower else s


def short_id(rng: random.Random, n: int = 6) -> str:
    """A short random id of lower-case letters and digits."""
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


# Fixed paragraphs for the legacy-encoding article: lower-case toned letters only (TCVN3
# has no precomposed upper-case toned vowels), old-style tones as typed in the 2000s.
TCVN3_PARAGRAPH = (
    "Trung tâm ứng dụng tiến bộ khoa học và công nghệ Thanh Hoá đã phối hợp với các địa phương"
    " xây dựng mô hình sản xuất giống lúa thuần chất lượng cao, giúp nông dân tăng thu nhập"
    " và nâng cao hiệu quả sử dụng đất."
)
