"""``-s JOBDIR=…`` crawls killed midway (SIGTERM, SIGKILL) and started again lose nothing.

Each test starts a slowed-down crawl, waits (polling its export, with a
deadline) until some but not all articles are written, kills it, runs the same
command again to the end, and compares the union of the exports with an
uninterrupted crawl of the same replica: every article exactly once.
"""

from __future__ import annotations

import signal
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ops.helpers import (
    crawl,
    crawl_command,
    export_files,
    read_jsonl,
    scrapy_env,
    wait_for,
)
from tests.replica.process import Replica, run_replica

pytestmark = pytest.mark.crawl

# Slow enough to be caught midway (about 20 requests a second), fast enough for CI.
SLOW = (
    "AUTOTHROTTLE_ENABLED=0",
    "DOWNLOAD_DELAY=0.05",
    "RANDOMIZE_DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS_PER_DOMAIN=2",
    "LOG_LEVEL=INFO",
    "JOBDIR=job",
)


@pytest.fixture(scope="module")
def replica() -> Iterator[Replica]:
    with run_replica(articles=60, seed=7, skin="classic") as running:
        yield running


@pytest.fixture(scope="module")
def reference(replica: Replica, tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The articles an uninterrupted crawl emits."""
    run = crawl(tmp_path_factory.mktemp("reference"), "news", replica.url)
    assert run.items, run.stderr[-3000:]
    return {item["id"] for item in run.items}


def exported_lines(workdir: Path) -> int:
    return sum(len(read_jsonl(path)) for path in export_files(workdir, "news"))


@pytest.mark.parametrize("kill", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killed_and_restarted_crawl_emits_every_article_once(
    kill: signal.Signals, replica: Replica, reference: set[str], tmp_path: Path
) -> None:
    command = crawl_command("news", replica.url, settings=SLOW)
    first = subprocess.Popen(
        command, cwd=tmp_path, env=scrapy_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        written = wait_for(
            lambda: exported_lines(tmp_path) >= 10 or first.poll() is not None,
            deadline=90,
            what="the first run to export 10 articles",
        )
        assert written and first.poll() is None, "the crawl ended before it could be killed"
        first.send_signal(kill)
        first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    before = exported_lines(tmp_path)
    assert 0 < before < len(reference), f"killed too late: {before} of {len(reference)} exported"

    second = crawl(tmp_path, "news", replica.url, settings=SLOW)
    assert second.stats.get("finish_reason") == "finished", second.stderr[-3000:]
    assert "Resuming job" in second.stderr
    assert second.stats["kcn/resume/already_emitted"] == before

    union = [item["id"] for path in export_files(tmp_path, "news") for item in read_jsonl(path)]
    duplicates = [aid for aid, count in Counter(union).items() if count > 1]
    assert duplicates == []
    assert set(union) == reference
