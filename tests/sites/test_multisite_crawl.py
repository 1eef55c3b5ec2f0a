"""``scrapy crawl news -a sites=FILE``: three replica portals in one process."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.crawl.helpers import LOOPBACK_SETTINGS, read_jsonl, run_crawl, score
from tests.replica.process import Replica
from tests.sites.conftest import SMALL_SITE_SETTINGS, listed, write_sites

DELAY = 0.1  # seconds between two requests to one host (a sites file's ``delay``)


def test_three_sites_in_one_process_equal_their_truths(
    tmp_path: Path, replicas: list[Replica]
) -> None:
    for replica in replicas:
        replica.clear_log()
    # Each entry's politeness holds for its own host, whatever the command line says
    # (LOOPBACK_SETTINGS lift the delay): one request per DELAY at most, one at a time.
    sites = write_sites(tmp_path / "sites.toml", replicas, delay=DELAY, concurrency=1)
    run = run_crawl(
        "news",
        tmp_path,
        "-a",
        f"sites={sites}",
        settings=(*LOOPBACK_SETTINGS, *SMALL_SITE_SETTINGS),
        output="items.jsonl",
    )
    assert run.returncode == 0, run.stderr[-3000:]
    for replica in replicas:
        slug = replica.url.removeprefix("http://").replace(":", "_")
        items = read_jsonl(tmp_path / f"items-{slug}.jsonl")
        assert items and {item["site"] for item in items} == {replica.url}
        result = score(items, listed(replica.truth()), 0.99)
        assert result.recall_precision_ok, (replica.url, result)
        assert (tmp_path / f"items-{slug}.html").exists(), "the site's report"
        assert (tmp_path / f"stats-{slug}.json").exists()
        assert any(entry["path"].lower().startswith("/portal/") for entry in replica.log())
        # the entry's delay, not the command line's none: 21 requests take 20 delays
        # (arrival times carry connection set-up and scheduling noise: 15 % kept for it)
        times = sorted(entry["t"] for entry in replica.log())
        span = min(times[i + 20] - times[i] for i in range(len(times) - 20))
        assert span >= 20 * DELAY * 0.85, f"{replica.url}: 21 requests in {span:.3f} s"
    catalog = sqlite3.connect(tmp_path / "exports" / "catalog.sqlite")
    runs = catalog.execute("SELECT spider, site, items, finish_reason FROM runs").fetchall()
    assert sorted(site for _spider, site, _items, _reason in runs) == sorted(
        replica.url for replica in replicas
    )
    assert all(reason == "finished" and items > 0 for _s, _site, items, reason in runs)
    per_site = catalog.execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall()
    assert {site: n for site, n in per_site} == {
        replica.url: len(listed(replica.truth())) for replica in replicas
    }


def test_a_bad_entry_stops_everything_before_any_request(
    tmp_path: Path, replicas: list[Replica]
) -> None:
    for replica in replicas:
        replica.clear_log()
    sites = write_sites(tmp_path / "sites.toml", replicas)
    text = sites.read_text("utf-8") + '[test.broken]\nurl = "http://127.0.0.1:1"\ndelay = "fast"\n'
    sites.write_text(text, "utf-8")
    line = text.splitlines().index("[test.broken]") + 1
    run = run_crawl("news", tmp_path, "-a", f"sites={sites}", output=None)
    assert run.returncode == 2
    assert f"sites.toml:{line}: [test.broken]: delay" in run.stderr
    assert all(replica.log() == [] for replica in replicas), "no request was made"
