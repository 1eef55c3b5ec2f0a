"""CSV and JSON Lines exporters: what a spreadsheet user and a pandas user get."""

import csv
import io
import json
from pathlib import Path

from kcn_crawler.exporters.csv import EXCEL_CELL_LIMIT, ArticleCsvExporter, flatten
from kcn_crawler.exporters.jsonlines import AtomicJsonLinesExporter
from kcn_crawler.items import ARTICLE_FIELDS, CONTRACT_FIELDS, Article


def article(**changes: object) -> Article:
    fields: dict = {
        "id": "2018-1-31/hoi-nghi",
        "url": "https://skhcn.thanhhoa.gov.vn/portal/Pages/2018-1-31/Hoi-nghi.aspx",
        "site": "https://skhcn.thanhhoa.gov.vn",
        "channel": "Tin hoạt động",
        "title": "Hội nghị tổng kết",
        "published": "2018-01-31T00:00:00+07:00",
        "summary": None,
        "text": "Đoạn một.\n\nĐoạn hai.",
        "html": "<p>Đoạn một.</p>",
        "author": "Cao Thị Ngọc Hà",
        "author_role": "TP. Quản lý Khoa học",
        "images": [{"url": "https://x/a.jpg", "caption": "Ảnh hội nghị"}],
        "attachments": [{"url": "https://x/qd.pdf", "name": "Quyết định"}],
        "crawled_at": "2026-11-27T20:00:00+00:00",
    }
    fields.update(changes)
    return Article(**fields)


def export_csv(*items: Article) -> str:
    buffer = io.BytesIO()
    exporter = ArticleCsvExporter(buffer)
    exporter.start_exporting()
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    return buffer.getvalue().decode("utf-8")


def test_csv_starts_with_bom_and_contract_columns_in_order() -> None:
    text = export_csv(article())
    assert text.startswith("\ufeff")
    header = next(csv.reader(io.StringIO(text[1:])))
    assert tuple(header[: len(CONTRACT_FIELDS)]) == CONTRACT_FIELDS
    assert tuple(header) == ARTICLE_FIELDS


def test_csv_header_is_written_even_without_items() -> None:
    rows = list(csv.reader(io.StringIO(export_csv()[1:])))
    assert len(rows) == 1 and rows[0][0] == "id"


def test_csv_appended_to_a_file_with_rows_writes_no_second_header(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    for title in ("Một", "Hai"):  # two runs, the second in append mode (-o, resumed -O)
        with path.open("ab") as file:
            exporter = ArticleCsvExporter(file)
            exporter.start_exporting()
            exporter.export_item(article(title=title))
            exporter.finish_exporting()
    text = path.read_text("utf-8")
    assert text.count("\ufeff") == 1
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [row["title"] for row in rows] == ["Một", "Hai"]


def test_csv_flattens_lists_one_entry_per_line() -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv(article())[1:])))
    assert rows[0]["images"] == "https://x/a.jpg | Ảnh hội nghị"
    assert rows[0]["attachments"] == "https://x/qd.pdf | Quyết định"
    assert rows[0]["summary"] == ""
    assert rows[0]["text"] == "Đoạn một.\n\nĐoạn hai."


def test_csv_makes_formula_cells_inert() -> None:
    item = article(title='=HYPERLINK("http://evil")', summary="-2+3", author="@cmd")
    row = next(csv.DictReader(io.StringIO(export_csv(item)[1:])))
    assert row["title"] == '\'=HYPERLINK("http://evil")'
    assert row["summary"] == "'-2+3"
    assert row["author"] == "'@cmd"
    assert flatten("text", "\tx") == "'\tx" and flatten("text", "\rx") == "'\rx"
    assert flatten("text", "+84 912") == "'+84 912"


def test_csv_cuts_cells_beyond_the_excel_limit() -> None:
    cell = flatten("html", "x" * (EXCEL_CELL_LIMIT + 10))
    assert len(cell) == EXCEL_CELL_LIMIT and cell.endswith("JSON Lines export]")


def test_jsonlines_keeps_vietnamese_letters_and_types() -> None:
    buffer = io.BytesIO()
    exporter = AtomicJsonLinesExporter(buffer)
    exporter.start_exporting()
    exporter.export_item(article())
    exporter.finish_exporting()
    raw = buffer.getvalue().decode("utf-8")
    assert "Hội nghị" in raw and "\\u" not in raw
    assert raw.endswith("\n") and raw.count("\n") == 1
    loaded = json.loads(raw)
    assert loaded["images"] == [{"url": "https://x/a.jpg", "caption": "Ảnh hội nghị"}]
    assert loaded["summary"] is None
