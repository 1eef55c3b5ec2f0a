"""CSV that opens right in Excel and LibreOffice, Vietnamese included.

* UTF-8 with a byte-order mark (Excel reads BOM-less UTF-8 as ANSI);
* the CONTRACT columns first, in CONTRACT order, then the provenance columns;
  appending to a file that already has rows (``-o``, a resumed job's ``-O``)
  writes no second byte-order mark or header;
* lists flattened: one entry per line inside the cell, ``url | caption`` for
  images and ``url | name`` for attachments; ``repairs`` joined with ``, ``;
* cells beginning with ``=``, ``+``, ``-``, ``@``, tab or CR are prefixed with
  ``'`` so no spreadsheet runs them as formulas;
* a cell longer than Excel's 32,767-character limit is cut, with a marker
  (the JSON Lines export keeps the whole value);
* every row is flushed at once, so a killed crawl leaves whole rows.
"""

from __future__ import annotations

from typing import Any

from scrapy.exporters import CsvItemExporter

from kcn_crawler.items import ARTICLE_FIELDS

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_LIMIT = 32767
CUT_MARKER = " […cut: see the JSON Lines export]"
LIST_KEYS = {"images": ("url", "caption"), "attachments": ("url", "name")}


def inert(value: str) -> str:
    """A cell value no spreadsheet will evaluate as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def flatten(name: str, value: Any) -> str:
    """One CSV cell for an item field value."""
    if value is None:
        return ""
    if isinstance(value, list):
        keys = LIST_KEYS.get(name)
        if keys:
            lines = []
            for entry in value:
                parts = [str(entry.get(key) or "") for key in keys]
                lines.append(" | ".join(part for part in parts if part))
            text = "\n".join(lines)
        else:
            text = ", ".join(str(part) for part in value)
    else:
        text = str(value)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - len(CUT_MARKER)] + CUT_MARKER
    return inert(text)


class ArticleCsvExporter(CsvItemExporter):
    """CsvItemExporter with BOM, fixed columns, flattening and formula-injection guard."""

    def __init__(self, file: Any, **kwargs: Any) -> None:
        kwargs.setdefault("encoding", "utf-8")
        if not kwargs.get("fields_to_export"):
            kwargs["fields_to_export"] = list(ARTICLE_FIELDS)
        self._raw_file = file
        super().__init__(file, **kwargs)

    def start_exporting(self) -> None:
        self._headers_not_written = False
        if self._appending():
            return
        self.stream.write(BOM)
        self.csv_writer.writerow(list(self._field_names()))
        self._flush()

    def _appending(self) -> bool:
        """Whether the file already holds something (opened for append)."""
        try:
            return bool(self._raw_file.tell())
        except (AttributeError, OSError, ValueError):
            return False

    def _field_names(self) -> list[str]:
        fields = self.fields_to_export or list(ARTICLE_FIELDS)
        return list(fields.values()) if isinstance(fields, dict) else list(fields)

    def serialize_field(self, field: Any, name: str, value: Any) -> Any:
        return flatten(name, value)

    def export_item(self, item: Any) -> None:
        fields = self.get_serialized_fields(item, default_value="", include_empty=True)
        self.csv_writer.writerow([value for _, value in fields])
        self._flush()

    def _flush(self) -> None:
        self.stream.flush()
        flush = getattr(self._raw_file, "flush", None)
        if flush is not None:
            flush()
