"""Benchmark: a full crawl of a large replica against a bare spider, same run.

    .venv/bin/python benchmarks/bench_crawl.py [--articles 10000] [--skin classic]

Starts the replica, runs ``scrapy crawl news`` with politeness lifted for
loopback, then a bare spider that fetches the same GET pages without
extracting anything, then a straightforward parsel spider over the same pages
(``reference_spider.py``: the yardstick the targets were set against). A fourth
run, ``navigation_spider.py``, is the news spider with article pages counted
instead of read and nothing exported: the ceiling of the full crawl's ratio
whatever extraction, cleaning and export cost. Reports
pages/s, articles/s, peak RSS and CPU per page (its own, the replica's aside:
a figure other jobs on the machine do not move) of each Scrapy process, and the full crawl's
throughput as a share of the reference's (target ≥ 0.5, restated from issue 13's 1.0:
see benchmarks/README.md; peak RSS ≤ 150 MB up to 100,000 articles) and, for context,
of the bare spider's.
It measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.replica.process import run_replica  # noqa: E402

LOOPBACK = (
    "AUTOTHROTTLE_ENABLED=0",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS=16",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
    "ROBOTSTXT_OBEY=0",
    "LOG_LEVEL=WARNING",
    "HTTPCACHE_ENABLED=0",
)


def run_measured(command: list[str], stats_file: Path) -> dict[str, float]:
    """Run a Scrapy process; wall time, peak RSS (MB) and its stats."""
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="kcn_crawler.settings", PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=stats_file.parent, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        print(f"warning: {' '.join(command[:5])} exited with status {status}", file=sys.stderr)
    stats = json.loads(stats_file.read_text("utf-8"))
    return {
        "seconds": seconds,
        "pages": float(stats.get("response_received_count", 0)),
        "items": float(stats.get("item_scraped_count", 0)),
        "rss_mb": usage.ru_maxrss / 1024,
        "cpu": usage.ru_utime + usage.ru_stime,  # the crawler's own CPU, replica aside
    }


def scrapy_command(*args: str, stats_file: Path) -> list[str]:
    command = [sys.executable, "-m", "scrapy", *args]
    for setting in (*LOOPBACK, f"KCN_STATS_FILE={stats_file}"):
        command += ["-s", setting]
    return command


def run_list_spider(script: str, work: Path, *args: str) -> dict[str, float]:
    """Run one of the benchmark's own spiders over the full crawl's URLs (``urls.txt``)."""
    stats_file = work / f"{script}.json"
    command = scrapy_command(
        "runspider", str(ROOT / "benchmarks" / script), "-a", f"urls_file={work / 'urls.txt'}",
        *args, stats_file=stats_file,
    )  # fmt: skip
    return run_measured(command, stats_file)


def main() -> None:
    parser = argparse.ArgumentParser(description="full crawl vs bare spider")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--skin", default="classic")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as tmp,
        run_replica(articles=args.articles, seed=args.seed, skin=args.skin) as replica,
    ):
        work = Path(tmp)
        full_stats = work / "full.json"
        full = run_measured(
            scrapy_command(
                "crawl", "news", "-a", f"site={replica.url}", "-O", str(work / "items.jsonl"),
                stats_file=full_stats,
            ),
            full_stats,
        )  # fmt: skip
        urls = [
            replica.url + entry["path"]
            for entry in replica.log()
            if entry["method"] == "GET" and entry["status"] == 200
        ]
        (work / "urls.txt").write_text("\n".join(urls), "utf-8")
        navigation_stats = work / "navigation.json"
        navigation = run_measured(
            scrapy_command(
                "runspider", str(ROOT / "benchmarks" / "navigation_spider.py"),
                "-a", f"site={replica.url}", stats_file=navigation_stats,
            ),
            navigation_stats,
        )  # fmt: skip
        bare = run_list_spider("bare_spider.py", work)
        reference = run_list_spider("reference_spider.py", work, "-O", str(work / "ref.jsonl"))
    print(f"\nreplica: {args.articles} articles, skin {args.skin}")
    header = ("pages", "items", "seconds", "pages/s", "items/s", "peak MB", "cpu ms/p")
    print(f"{'':14}" + "".join(f"{name:>9}" for name in header))
    runs = (
        ("full crawl", full),
        ("navigation", navigation),
        ("bare spider", bare),
        ("reference", reference),
    )
    for label, run in runs:
        print(
            f"{label:14}{run['pages']:9.0f}{run['items']:9.0f}{run['seconds']:9.1f}"
            f"{run['pages'] / run['seconds']:9.1f}{run['items'] / run['seconds']:9.1f}"
            f"{run['rss_mb']:9.0f}{1000 * run['cpu'] / max(run['pages'], 1):9.2f}"
        )

    def rate(run: dict[str, float]) -> float:
        return run["pages"] / run["seconds"]

    def cpu(run: dict[str, float]) -> float:
        return run["cpu"] / max(run["pages"], 1)

    print(f"full/reference pages per second: {rate(full) / rate(reference):.2f} (target >= 0.5)")
    print(f"full/bare pages per second: {rate(full) / rate(bare):.2f}")
    # CPU per page does not depend on what else the machine runs: the cost comparison
    print(f"full/reference CPU per page: {cpu(full) / cpu(reference):.2f}")
    print(f"navigation/bare pages per second: {rate(navigation) / rate(bare):.2f} (ceiling)")
    print(f"navigation/reference pages per second: {rate(navigation) / rate(reference):.2f}")
    print(f"reference/bare pages per second: {rate(reference) / rate(bare):.2f}")
    print(
        f"full crawl peak RSS: {full['rss_mb']:.0f} MB (target <= 150 MB, up to 100,000 articles)"
    )


if __name__ == "__main__":
    main()
