"""Date labels of the portal family, as data: one list for every reader of dates.

The page objects (``kcn_crawler.pages.vocabulary``) build their date-line and
publication-label patterns from these words; :mod:`kcn_crawler.normalize.dates`
strips them before handing a string to dateparser.  ``normalize`` never imports
``pages``, so the words live here, where both can use them.
"""

from __future__ import annotations

import re

__all__ = ["DATE_LINE_ONLY_LABELS", "DATE_NOISE_WORDS", "PUBLICATION_DATE_LABELS", "alternation"]

#: Labels that say the date after them is the publication's ("Đăng ngày", "Cập nhật:").
PUBLICATION_DATE_LABELS: tuple[str, ...] = (
    "cập nhật",
    "ngày đăng",
    "đăng ngày",
    "ngày cập nhật",
    "ngày xuất bản",
    "thời gian đăng",
    "đăng lúc",
    "xuất bản",
    "posted",
    "published",
    "updated",
)
#: Labels that open a date line without naming it the publication's: "Thời gian: …",
#: and a bare "Ngày …", which opens event sentences too ("Ngày 25/09, tại huyện …").
DATE_LINE_ONLY_LABELS: tuple[str, ...] = ("thời gian", "ngày")
#: Words beside a date that dateparser does not read: "lúc" (at) before a time.
DATE_NOISE_WORDS: tuple[str, ...] = ("lúc",)


def alternation(words: tuple[str, ...]) -> str:
    """``words`` as a regex alternation of literal text, in their order (the first
    alternative that matches wins: a longer label goes before its prefix)."""
    return "|".join(re.escape(w) for w in words)
