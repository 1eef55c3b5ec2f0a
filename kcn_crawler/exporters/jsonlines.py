"""JSON Lines that stay valid when a crawl is killed midway.

Each item is encoded to one complete line, written with a single call and
flushed at once, so the file never ends with a torn line. UTF-8, Vietnamese
letters written as letters (no ``\\u`` escapes).
"""

from __future__ import annotations

from typing import Any

from scrapy.exporters import JsonLinesItemExporter


class AtomicJsonLinesExporter(JsonLinesItemExporter):
    """JsonLinesItemExporter that writes and flushes whole lines only."""

    def __init__(self, file: Any, **kwargs: Any) -> None:
        kwargs.setdefault("encoding", "utf-8")
        kwargs.setdefault("ensure_ascii", False)
        super().__init__(file, **kwargs)

    def export_item(self, item: Any) -> None:
        line = self.encoder.encode(dict(self.get_serialized_fields(item))) + "\n"
        self.file.write(line.encode(self.encoding or "utf-8"))
        self.file.flush()
