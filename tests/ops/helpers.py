"""Run ``scrapy crawl`` processes for the scheduled-crawl tests and read what they leave."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.crawl.helpers import PROJECT_ROOT, read_jsonl, scrapy_env

__all__ = ["PROJECT_ROOT", "read_jsonl", "scrapy_env"]

# Politeness lifted for the replica on 127.0.0.1 only.
FAST = (
    "AUTOTHROTTLE_ENABLED=0",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS=8",
    "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "LOG_LEVEL=INFO",
)
# A resumable job slow enough to be caught midway (about 20 requests a second), fast enough
# for CI.
SLOW = (
    "AUTOTHROTTLE_ENABLED=0",
    "DOWNLOAD_DELAY=0.05",
    "RANDOMIZE_DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS_PER_DOMAIN=2",
    "LOG_LEVEL=INFO",
    "JOBDIR=job",
)


@dataclass
class Run:
    """What one finished ``scrapy crawl`` process left behind."""

    returncode: int
    stderr: str
    stats: dict[str, Any] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)


def crawl_command(
    spider: str, site: str, *args: str, settings: tuple[str, ...] = FAST, stats: Path | None = None
) -> list[str]:
    """``python -m scrapy crawl SPIDER -a site=SITE ARGS -s SETTINGS``."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-a", f"site={site}", *args]
    for setting in settings:
        command += ["-s", setting]
    if stats is not None:
        command += ["-s", f"KCN_STATS_FILE={stats}"]
    return command


def export_files(workdir: Path, spider: str) -> list[Path]:
    """The JSON Lines exports the default FEEDS wrote in ``workdir``, oldest first."""
    return sorted((workdir / "exports" / spider).glob("*.jsonl"))


def crawl(
    workdir: Path,
    spider: str,
    site: str,
    *args: str,
    settings: tuple[str, ...] = FAST,
    timeout: float = 180,
) -> Run:
    """Run one crawl in ``workdir`` (default FEEDS); items are those of its new export."""
    workdir.mkdir(parents=True, exist_ok=True)
    before = set(export_files(workdir, spider))
    stats_path = workdir / "stats.json"
    stats_path.unlink(missing_ok=True)
    done = subprocess.run(
        crawl_command(spider, site, *args, settings=settings, stats=stats_path),
        cwd=workdir,
        env=scrapy_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    run = Run(done.returncode, done.stderr)
    if stats_path.exists():
        run.stats = json.loads(stats_path.read_text("utf-8"))
    for path in export_files(workdir, spider):
        if path not in before:
            run.items += read_jsonl(path)
    return run


def wait_for(condition: Callable[[], Any], deadline: float, what: str, step: float = 0.05) -> Any:
    """Poll ``condition`` until it returns something true, or fail after ``deadline`` s."""
    end = time.monotonic() + deadline
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {deadline} s waiting for {what}")
        time.sleep(step)
