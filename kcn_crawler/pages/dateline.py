"""Date lines: a line that is mostly a date, with its label ("Cập nhật: …") and noise."""

from __future__ import annotations

from kcn_crawler.normalize import find_dates
from kcn_crawler.pages.thresholds import DATE_LINE_MAX_CHARS, DATE_LINE_MAX_WORDS, DATE_LINE_SLACK
from kcn_crawler.pages.vocabulary import (
    DATE_LINE_LABEL,
    DATE_LINE_NOISE,
    DATE_SENTENCE_AFTER,
    PUBLICATION_LABEL,
)

__all__ = ["DATE_LINE_LABEL", "PUBLICATION_LABEL", "date_line"]


def date_line(text: str, slack: int = DATE_LINE_SLACK) -> str | None:
    """The date of a line that is mostly a date ("Thứ Tư, 31/01/2018 - 08:30",
    "Cập nhật: 31/01/2018 08:30:15", "(31/01/2018) | Lượt xem: 12"), else ``None``.
    ``slack`` is how many other characters the line may hold.  A date the line goes on
    from with a comma and words ("Ngày 25/09/2017, tại huyện Tuần Giáo") opens a
    sentence: the event's date, never a date line."""
    if len(text) > DATE_LINE_MAX_CHARS + slack:
        return None
    hits = find_dates(text)
    if not hits:
        return None
    after = text.find(hits[0])
    if after >= 0 and DATE_SENTENCE_AFTER.match(text[after + len(hits[0]) :]):
        return None
    rest = text
    for h in hits:
        rest = rest.replace(h, " ")
    rest = DATE_LINE_NOISE.sub(" ", DATE_LINE_LABEL.sub("", rest.strip()))
    rest = " ".join(rest.split())
    return hits[0] if len(rest) <= slack and len(rest.split()) <= DATE_LINE_MAX_WORDS else None
