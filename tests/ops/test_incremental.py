"""Incremental crawls of a running replica: only what is new or edited is fetched and emitted.

One replica, one catalog, crawls in sequence (as cron would run them): a full
``news`` crawl, an incremental one with nothing new, then — after the replica
publishes 5 articles and edits 1 — an incremental one that emits exactly those 6.
The full crawl's HTML report is opened in headless Chromium.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from parsel import Selector

from tests.ops.chromium import dump_dom, needs_chromium
from tests.ops.helpers import Run, crawl
from tests.replica.process import run_replica

pytestmark = pytest.mark.crawl

STOP_AFTER = 10  # KCN_INCREMENTAL_STOP_AFTER's default


@dataclass
class History:
    """The crawls of the module, in order, and what the replica did between them."""

    workdir: Path
    site: str
    channels: int
    full: Run
    quiet: Run
    quiet_log: list[dict[str, Any]]
    after: Run
    published: list[str] = field(default_factory=list)
    edited: str = ""


def known_article(workdir: Path, channel_listed: set[str]) -> str:
    """An old article of the catalog that a channel lists (to edit it)."""
    conn = sqlite3.connect(workdir / "exports" / "catalog.sqlite")
    ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY published")]
    conn.close()
    return next(aid for aid in ids if aid in channel_listed)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[History]:
    workdir = tmp_path_factory.mktemp("incremental")
    with run_replica(articles=60, seed=7, skin="classic") as replica:
        truth = replica.truth()
        full = crawl(workdir, "news", replica.url)
        replica.clear_log()
        quiet = crawl(workdir, "news", replica.url, "-a", "incremental=1")
        quiet_log = replica.log()
        listed = {a["id"] for a in truth["articles"] if a["channels"]}
        edited = known_article(workdir, listed)
        published = [article["id"] for article in replica.publish(5)]
        replica.edit(edited)
        after = crawl(workdir, "news", replica.url, "-a", "incremental=1")
        yield History(
            workdir,
            replica.url,
            len(truth["channels"]),
            full,
            quiet,
            quiet_log,
            after,
            published,
            edited,
        )


def test_the_first_run_is_a_full_crawl(history: History) -> None:
    full = history.full
    assert full.items, full.stderr[-3000:]
    assert all(item["revision"] == 1 for item in full.items)
    assert full.stats["kcn/catalog/new"] == len(full.items)


def test_a_rerun_with_nothing_new_costs_little_and_emits_nothing(history: History) -> None:
    quiet = history.quiet
    assert quiet.items == []
    requests = quiet.stats["downloader/request_count"]
    assert requests <= history.channels + STOP_AFTER, quiet.stats
    assert len(history.quiet_log) == requests  # the replica agrees
    assert quiet.stats["kcn/incremental/skipped"] >= STOP_AFTER
    # the pages an earlier run found were no channel are not asked for again
    assert quiet.stats["kcn/incremental/pages_skipped"] >= 1


def test_after_publish_and_edit_exactly_those_six_are_emitted(history: History) -> None:
    items = {item["id"]: item for item in history.after.items}
    assert set(items) == {*history.published, history.edited}
    assert len(history.after.items) == 6
    assert items[history.edited]["revision"] == 2
    assert all(items[aid]["revision"] == 1 for aid in history.published)
    assert history.after.stats["kcn/catalog/changed"] == 1


def test_the_catalog_holds_runs_and_revisions(history: History) -> None:
    conn = sqlite3.connect(history.workdir / "exports" / "catalog.sqlite")
    runs = conn.execute("SELECT incremental, items, new, changed, end FROM runs ORDER BY run_id")
    assert [row[:4] for row in runs] == [
        (0, len(history.full.items), len(history.full.items), 0),
        (1, 0, 0, 0),
        (1, 6, 5, 1),
    ]
    revision = conn.execute("SELECT revision FROM articles WHERE id = ?", (history.edited,))
    assert revision.fetchone()[0] == 2
    conn.close()


@needs_chromium
def test_the_report_renders_with_the_numbers_of_the_run(history: History) -> None:
    full = history.full
    report = Path(full.stats["kcn/report/path"])
    if not report.is_absolute():
        report = history.workdir / report
    assert report.parent == history.workdir / "exports" / "news"
    dom = Selector(text=dump_dom(report))
    assert dom.css("#count-items::text").get() == str(full.stats["item_scraped_count"])
    assert dom.css("#count-new::text").get() == str(full.stats["kcn/catalog/new"])
    requests = str(full.stats["downloader/request_count"])
    assert dom.css("#count-requests::text").get() == requests
    bars = dom.css("svg#month-chart rect.bar::attr(data-count)").getall()
    assert sum(int(n) for n in bars) == len(full.items)
    names = dom.css("#checks tr.check::attr(data-check)").getall()
    assert names == [check["name"] for check in full.stats["kcn/checks"]]
