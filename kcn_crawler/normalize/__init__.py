"""Pure normalisation functions: Vietnamese text, legacy encodings, tones, dates, URLs.

No scrapy here (stdlib, dateparser, w3lib only).  See docs/design.md, "normalize API".
"""

from kcn_crawler.normalize.boilerplate import (
    is_boilerplate_line,
    looks_like_person_name,
    looks_like_role,
    split_source,
)
from kcn_crawler.normalize.dates import ParsedDate, date_from_url, find_dates, iso, parse_date
from kcn_crawler.normalize.encoding import decode_html
from kcn_crawler.normalize.legacy import repair_legacy
from kcn_crawler.normalize.text import clean_block, clean_inline, clean_paragraphs, token_f1
from kcn_crawler.normalize.tones import apply_tone_style
from kcn_crawler.normalize.urls import (
    article_id,
    canonical_url,
    is_article_url,
    is_channel_url,
    is_excluded_url,
    site_root,
)

__all__ = [
    "ParsedDate",
    "apply_tone_style",
    "article_id",
    "canonical_url",
    "clean_block",
    "clean_inline",
    "clean_paragraphs",
    "date_from_url",
    "decode_html",
    "find_dates",
    "is_article_url",
    "is_boilerplate_line",
    "is_channel_url",
    "is_excluded_url",
    "iso",
    "looks_like_person_name",
    "looks_like_role",
    "parse_date",
    "repair_legacy",
    "site_root",
    "split_source",
    "token_f1",
]
