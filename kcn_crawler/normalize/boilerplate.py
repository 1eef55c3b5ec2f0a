"""Helpers for the page objects: portal chrome labels, ``Nguồn:`` lines, signatures.

Comparisons are case- and accent-insensitive (``fold``) where a label could be
typed either way; the person-name check is deliberately strict (capitalised
Vietnamese syllables) so sentences and all-caps headlines never pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kcn_crawler.normalize.text import clean_inline
from kcn_crawler.normalize.viet import fold, is_syllable

__all__ = [
    "BOILERPLATE_LABELS",
    "is_boilerplate_line",
    "looks_like_person_name",
    "looks_like_role",
    "split_source",
]

#: chrome labels of the portal family (SharePoint 2010 skin, Vietnamese UI)
BOILERPLATE_LABELS = (
    "Bỏ qua Lệnh Ruy-băng", "Bỏ qua nội dung chính", "Skip Ribbon Commands",
    "Skip to main content", "Tìm kiếm", "Tìm kiếm nâng cao", "Search", "Video Clip", "Video",
    "Hình ảnh hoạt động", "Thư viện ảnh", "Nội dung", "In nội dung", "In bài viết", "Bản in",
    "In", "In trang", "Gửi email", "Gửi bài viết", "Chia sẻ", "Các tin đã đăng ngày",
    "Chọn một ngày từ lịch", "Đăng nhập", "Đăng xuất", "Sign In", "Tin liên quan",
    "Các tin khác", "Tin khác", "Tin đã đưa", "Các tin đã đưa", "Xem", "Xem tiếp", "Xem thêm",
    "Xem tất cả", "Chi tiết", "Trang sau", "Trang trước", "Trang đầu", "Trang cuối",
    "Trang tiếp", "Quay lại", "Trở về", "Về đầu trang", "Đầu trang", "Lên đầu trang",
    "Trang chủ", "Sơ đồ cổng", "Sơ đồ site", "Liên hệ", "Tin mới", "Tin mới nhất",
    "Tin đọc nhiều", "Tin nổi bật", "Tin tiêu điểm", "Liên kết website", "Liên kết web",
    "Thống kê truy cập", "Đang truy cập", "Đang online", "Tổng lượt truy cập", "Lượt truy cập",
    "Lượt xem", "Tài liệu đính kèm", "File đính kèm", "Tệp đính kèm", "Tin ảnh", "Văn bản mới",
    "»", "«", ">>", "<<", "|", "Go", "Tìm", "Bình luận", "Ý kiến bạn đọc",
)  # fmt: skip


def _key(s: str) -> str:
    return " ".join(fold(s).lower().replace("-", " ").split())


_LABEL_ALT = "|".join(
    sorted({re.escape(_key(lb)) for lb in BOILERPLATE_LABELS}, key=len, reverse=True)
)
# a line made only of labels ("Bỏ qua Lệnh Ruy-băng Bỏ qua nội dung chính"),
# optionally followed by a colon, a counter or a date ("Lượt xem: 123").
_LABEL_LINE = re.compile(rf"(?:(?:{_LABEL_ALT})\s*[:.|»«›>]*\s*)+(?:[\d./\- :]*)", re.IGNORECASE)
_SOURCE = re.compile(r"^[(\[]?\s*(?:nguồn|nguon|ngu[ồô]n tin)\s*[:：]\s*(.+?)\s*[)\]]?\s*[.;]?$",
                     re.IGNORECASE)  # fmt: skip
_BYLINE_PREFIX = re.compile(
    r"^(?:bài(?:\s*(?:và|,|&)\s*ảnh)?|ảnh|tin(?:\s*(?:và|,|&)\s*ảnh)?|tin,? bài|"
    r"theo|tác giả|người viết|thực hiện|nhóm pv)\s*[:：]?\s+",
    re.IGNORECASE,
)
_NAME_SEP = re.compile(r"\s*(?:\s-\s|–|—|,|;|&|\bvà\b)\s*")
_SHORT_BYLINES = frozenset(("PV", "BBT", "CTV", "BTV", "TTXVN", "VNA", "TTV", "PV-CTV", "TTO"))
# capitalised words that start organisation names or labels, never personal names
_NOT_NAME_WORDS = frozenset((
    "sở", "phòng", "ban", "bộ", "hội", "ty", "tỉnh", "huyện", "xã", "trường", "viện", "cục",
    "tin", "bài", "ảnh", "nguồn", "ủy", "uỷ", "phố", "quận", "tổng", "kết", "xem", "các", "của",
    "và", "theo", "ngày", "tháng", "lịch", "đăng", "nhập", "kiếm", "tìm", "nghị", "hình",
    "hoạt", "động", "chương", "trình", "đề", "án", "kế", "hoạch", "báo", "cáo",
))  # fmt: skip
_ROLE_START = re.compile(
    r"^(?:tp|pgđ|gđ|ptp|cv|ctv|pv|btv|ktv|bbt|ubnd|hđnd|sở|phòng|ban|văn phòng|vp|trung tâm|"
    r"chi cục|cục|trưởng|phó|giám đốc|chánh|chủ tịch|bí thư|chuyên viên|cán bộ|phóng viên|"
    r"biên tập|cộng tác viên|thư ký|kế toán|đài|báo|cổng|hội|viện|trường|khoa|bộ môn|"
    r"đội|tổ|nhóm|công ty|ttcntt|tt)\b\.?",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b[A-ZĐ]{2,}(?:&[A-ZĐ]+)?\b")


def is_boilerplate_line(s: str) -> bool:
    """True for a line of portal chrome ("Tìm kiếm", "In nội dung", "Trang sau", …)."""
    k = _key(clean_inline(s, repair=False)).strip(" .:")
    if not k:
        return True  # an empty or whitespace-only line carries nothing
    return _LABEL_LINE.fullmatch(k) is not None


def split_source(paragraphs: Sequence[str]) -> tuple[list[str], str | None]:
    """Split off a trailing ``Nguồn: …`` paragraph: ``(paragraphs, source | None)``."""
    ps = list(paragraphs)
    while ps and not ps[-1].strip():
        ps.pop()
    if not ps:
        return ps, None
    m = _SOURCE.match(clean_inline(ps[-1], repair=False))
    if m is None or not m.group(1).strip(" .:"):
        return list(paragraphs), None
    return ps[:-1], m.group(1).strip()


def _is_name(s: str) -> bool:
    if s in _SHORT_BYLINES:
        return True
    words = s.replace(".", ". ").split()
    if not 2 <= len(words) <= 5:
        return False
    for i, w in enumerate(words):
        w = w.rstrip(".")
        if len(w) == 1 and w.isupper() and i > 0:
            continue  # "Nguyễn Văn A", "Lê V. Hùng"
        if not (w[:1].isupper() and w[1:].islower() and is_syllable(w)):
            return False
        if w.lower() in _NOT_NAME_WORDS:
            return False
    return True


def looks_like_person_name(s: str) -> bool:
    """True for a Vietnamese personal name or a byline ("Cao Thị Ngọc Hà", "PV", "Bài: Minh Hiếu").

    2–5 capitalised Vietnamese syllables (an initial such as "A" allowed after the
    first); several names may be joined by "-", "," or "và".  Sentences, all-caps
    headlines and organisation names do not pass.
    """
    t = clean_inline(s, repair=False).strip(" ()[]")
    t = _BYLINE_PREFIX.sub("", t).rstrip(" .;:")
    if not t or len(t) > 80:
        return False
    parts = [p for p in _NAME_SEP.split(t) if p]
    return 1 <= len(parts) <= 4 and all(_is_name(p) for p in parts)


def looks_like_role(s: str) -> bool:
    """True for a short position/unit line under a signature.

    E.g. "TP. Quản lý Khoa học", "Phòng QLKH", "Sở KH&CN".
    """
    t = clean_inline(s, repair=False).strip(" ()[]-–")
    if not t or len(t) > 70 or len(t.split()) > 9 or t.endswith(("!", "?")):
        return False
    if t.endswith(".") and not re.search(r"\b\w{1,4}\.$", t):
        return False
    if t.isupper() and len(t.split()) > 3:
        return False  # a headline
    if _ROLE_START.match(t):
        return True
    return len(t.split()) <= 4 and _ACRONYM.search(t) is not None and not t.isupper()
