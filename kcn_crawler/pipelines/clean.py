"""Clean the article's text fields: legacy encodings, Unicode, whitespace, tones.

A thin adapter over ``kcn_crawler.normalize``: TCVN3/VNI mojibake is repaired
per paragraph (before invisible characters are stripped, since TCVN3 puts
``ư`` on the soft hyphen), then everything is cleaned and NFC-composed, and
tone marks are placed per ``KCN_TONE_STYLE`` (keep | old | new).
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured

from kcn_crawler.items import TEXT_FIELDS
from kcn_crawler.normalize.legacy import repair_legacy
from kcn_crawler.normalize.text import clean_block, clean_inline
from kcn_crawler.normalize.tones import apply_tone_style

TONE_STYLES = ("keep", "old", "new")
#: text fields that are never None: empty once cleaned, they stay ""
REQUIRED_TEXT = ("title", "text")


def clean_field(value: str | None, style: str, *, block: bool) -> tuple[str | None, set[str]]:
    """Repair, clean and tone-place one text value; returns (value, repairs applied)."""
    if value is None:
        return None, set()
    repairs: set[str] = set()
    parts = value.split("\n\n") if block else [value]
    fixed: list[str] = []
    for part in parts:
        repaired, kind = repair_legacy(part)
        if kind:
            repairs.add(kind)
        fixed.append(repaired)
    joined = "\n\n".join(fixed)
    cleaned = clean_block(joined) if block else clean_inline(joined)
    if style != "keep":
        cleaned = apply_tone_style(cleaned, style)
    return cleaned or None, repairs


class CleanTextPipeline:
    """Normalize the text fields the item declares (``TEXT_FIELDS``) and the captions."""

    def __init__(self, tone_style: str) -> None:
        if tone_style not in TONE_STYLES:
            raise NotConfigured(f"KCN_TONE_STYLE must be one of {TONE_STYLES}, not {tone_style!r}")
        self.tone_style = tone_style

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanTextPipeline:
        return cls(crawler.settings.get("KCN_TONE_STYLE", "keep"))

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        repairs: set[str] = set(adapter.get("repairs") or [])
        for name, kind, toned in TEXT_FIELDS:
            if name not in adapter:
                continue
            value, found = clean_field(
                adapter.get(name), self.tone_style if toned else "keep", block=kind == "block"
            )
            repairs |= found
            adapter[name] = value if value is not None or name not in REQUIRED_TEXT else ""
        for entries, key in (("images", "caption"), ("attachments", "name")):
            for entry in adapter.get(entries) or []:
                entry[key], found = clean_field(entry.get(key), "keep", block=False)
                repairs |= found
        adapter["repairs"] = sorted(repairs)
        return item
