"""A crawl of a site whose article markup broke fails loudly: exit code and one clear line."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.ops.helpers import crawl
from tests.replica.process import run_replica

pytestmark = pytest.mark.crawl


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def monitor_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "[kcn_crawler.extensions.monitor]" in line]


def test_broken_markup_after_healthy_runs_fails_the_crawl(tmp_path: Path) -> None:
    port = free_port()
    with run_replica(articles=60, seed=7, skin="classic", port=port) as healthy:
        before = crawl(tmp_path, "news", healthy.url)
    assert before.stats["item_scraped_count"] > 0, before.stderr[-3000:]
    with run_replica(articles=60, seed=7, skin="classic", port=port, broken=True) as broken:
        after = crawl(tmp_path, "news", broken.url)
    assert broken.url == healthy.url  # the same site, as the catalog sees it
    assert after.returncode == 3
    failed = {line.split(":")[0] for line in after.stats["kcn/failed_checks"]}
    assert {"item_count", "fallback_extraction", "dropped_items"} <= failed
    lines = monitor_lines(after.stderr)
    assert len(lines) == 1 and "ERROR" in lines[0]
    assert "item_count" in lines[0] and "fallback_extraction" in lines[0]
    assert "vs median" in after.stats["kcn/failed_checks"][0]
    assert "kcn_crawler: check failed: fallback_extraction" in after.stderr
