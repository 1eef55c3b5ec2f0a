"""Date lines: a line that is mostly a date, with its label ("Cập nhật: …") and noise."""

from __future__ import annotations

import re

from kcn_crawler.normalize import find_dates

__all__ = ["DATE_LINE_LABEL", "PUBLICATION_LABEL", "date_line"]

#: Labels that open a date line ("Cập nhật: 31/01/2018 08:30:15").
DATE_LINE_LABEL = re.compile(
    r"^(?:cập nhật|ngày đăng|đăng ngày|ngày cập nhật|ngày xuất bản|thời gian|đăng lúc|"
    r"xuất bản|posted|published|updated|ngày)\s*(?:lúc|vào|ngày)?\s*:?",
    re.I,
)
#: Labels that say the date is the publication's (a bare "Ngày" opens event sentences).
PUBLICATION_LABEL = re.compile(
    r"^\W*(?:cập nhật|ngày đăng|đăng ngày|ngày cập nhật|ngày xuất bản|thời gian đăng|"
    r"đăng lúc|xuất bản|posted|published|updated)",
    re.I,
)
#: A date followed by a comma and a word: a sentence ("Ngày 25/09/2017, tại huyện …"),
#: not a date line — except a weekday or a time after the comma.
_SENTENCE_AFTER = re.compile(r"^\s*,\s*(?!thứ\b|chủ nhật|lúc\b|vào lúc)[^\W\d_]", re.I)
_LINE_NOISE = re.compile(
    r"(?:thứ\s+\w+|chủ nhật|lượt xem\s*:?\s*[\d.,]*|[\d.,]+\s*lượt xem|lượt đọc\s*:?\s*[\d.,]*|"
    r"[|,\-–()/:·•])",
    re.I,
)


def date_line(text: str, slack: int = 12) -> str | None:
    """The date of a line that is mostly a date ("Thứ Tư, 31/01/2018 - 08:30",
    "Cập nhật: 31/01/2018 08:30:15", "(31/01/2018) | Lượt xem: 12"), else ``None``.
    ``slack`` is how many other characters the line may hold.  A date the line goes on
    from with a comma and words ("Ngày 25/09/2017, tại huyện Tuần Giáo") opens a
    sentence: the event's date, never a date line."""
    if len(text) > 90 + slack:
        return None
    hits = find_dates(text)
    if not hits:
        return None
    after = text.find(hits[0])
    if after >= 0 and _SENTENCE_AFTER.match(text[after + len(hits[0]) :]):
        return None
    rest = text
    for h in hits:
        rest = rest.replace(h, " ")
    rest = _LINE_NOISE.sub(" ", DATE_LINE_LABEL.sub("", rest.strip()))
    rest = " ".join(rest.split())
    return hits[0] if len(rest) <= slack and len(rest.split()) <= 6 else None
