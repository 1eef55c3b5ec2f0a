"""Default exports: ``exports/<spider>/<start>.jsonl`` and ``.csv`` that parse back."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from kcn_crawler.exporters.csv import FORMULA_STARTS
from kcn_crawler.items import ARTICLE_FIELDS, CONTRACT_FIELDS
from tests.crawl.helpers import run_crawl


def test_without_o_a_crawl_writes_jsonl_and_csv_side_by_side(
    tmp_path: Path, replica_per_skin: Any
) -> None:
    replica = replica_per_skin("classic")
    run = run_crawl("news", tmp_path, "-a", f"site={replica.url}", output=None)
    assert run.returncode == 0, run.stderr[-3000:]
    folder = tmp_path / "exports" / "news"
    jsonl = sorted(folder.glob("*.jsonl"))
    csvs = sorted(folder.glob("*.csv"))
    assert len(jsonl) == 1 and len(csvs) == 1
    assert jsonl[0].stem == csvs[0].stem, "both files carry the crawl's start time"

    raw = jsonl[0].read_text("utf-8")
    assert "\\u" not in raw, "Vietnamese letters are written as letters"
    items = [json.loads(line) for line in raw.splitlines()]
    listed = [a for a in replica.truth()["articles"] if a["channels"]]
    assert len(items) == len(listed)
    assert all(tuple(item)[: len(CONTRACT_FIELDS)] == CONTRACT_FIELDS for item in items)

    data = csvs[0].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines(keepends=True)))
    assert tuple(rows[0]) == ARTICLE_FIELDS
    assert [row["id"] for row in rows] == [item["id"] for item in items]
    by_id = {item["id"]: item for item in items}
    for row in rows:
        item = by_id[row["id"]]
        assert row["title"].lstrip("'") == item["title"]
        for name, cell in row.items():
            assert not cell.startswith(FORMULA_STARTS), f"{name} of {row['id']} is a formula"
        if item["images"]:
            assert row["images"].splitlines()[0].startswith(item["images"][0]["url"])


def test_o_replaces_the_default_exports(tmp_path: Path, replica_per_skin: Any) -> None:
    replica = replica_per_skin("classic")
    run = run_crawl("news", tmp_path, "-a", f"site={replica.url}", output="mine.jsonl")
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.items
    assert not list((tmp_path / "exports").glob("news/*.jsonl"))
    assert not list((tmp_path / "exports").glob("news/*.csv"))
