"""Incremental ``archive`` crawls re-walk only the last days and the days never completed."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.ops.helpers import crawl
from tests.replica.process import run_replica

pytestmark = pytest.mark.crawl

RECENT_DAYS = 3  # KCN_INCREMENTAL_DAYS's default
SPAN = 12


def test_archive_rewalks_recent_and_uncompleted_days_only(tmp_path: Path) -> None:
    with run_replica(articles=60, seed=7, skin="classic") as replica:
        until = date.fromisoformat(replica.truth()["last_day"])
        since = until - timedelta(days=SPAN - 1)
        args = ("-a", f"since={since}", "-a", f"until={until}")
        full = crawl(tmp_path, "archive", replica.url, *args)
        assert full.stats["kcn/archive/days"] == SPAN
        assert full.items, full.stderr[-3000:]
        assert full.stats.get("kcn/catalog/days_completed") == SPAN, full.stats.get(
            "kcn/failed_checks"
        )

        again = crawl(tmp_path, "archive", replica.url, *args, "-a", "incremental=1")
        assert again.items == []
        assert again.stats["kcn/archive/days"] == RECENT_DAYS
        assert again.stats["kcn/incremental/days_skipped"] == SPAN - RECENT_DAYS

        gap = (until - timedelta(days=7)).isoformat()
        conn = sqlite3.connect(tmp_path / "exports" / "catalog.sqlite")
        with conn:
            conn.execute("DELETE FROM archive_days WHERE day = ?", (gap,))
        conn.close()
        third = crawl(tmp_path, "archive", replica.url, *args, "-a", "incremental=1")
        assert third.stats["kcn/archive/days"] == RECENT_DAYS + 1
        assert third.items == []
