"""Place the tone marks of the toned text fields per the user's ``KCN_TONE_STYLE``.

The text fields come out of the article page object already clean (legacy encodings
repaired, NFC, whitespace; see "Extraction conventions" in docs/design.md): this
pipeline only applies a user setting, "old" (``hòa``) or "new" (``hoà``) tone-mark
placement, to the fields the item declares ``toned`` (title, summary, text).  With the
default, "keep", it is not installed at all.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured

from kcn_crawler.items import TEXT_FIELDS
from kcn_crawler.normalize.tones import apply_tone_style

TONE_STYLES = ("keep", "old", "new")
#: the fields whose tone marks the style moves (names, sources and captions are kept)
TONED_FIELDS: tuple[str, ...] = tuple(name for name, _kind, toned in TEXT_FIELDS if toned)


class ToneStylePipeline:
    """Move the tone marks of the ``toned`` text fields to the user's style."""

    def __init__(self, tone_style: str) -> None:
        if tone_style not in TONE_STYLES:
            raise NotConfigured(f"KCN_TONE_STYLE must be one of {TONE_STYLES}, not {tone_style!r}")
        if tone_style == "keep":
            raise NotConfigured  # nothing to do: not installed (and nothing logged)
        self.tone_style = tone_style

    @classmethod
    def from_crawler(cls, crawler: Any) -> ToneStylePipeline:
        return cls(crawler.settings.get("KCN_TONE_STYLE", "keep"))

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        for name in TONED_FIELDS:
            value = adapter.get(name)
            if value:
                adapter[name] = apply_tone_style(value, self.tone_style)
        return item
