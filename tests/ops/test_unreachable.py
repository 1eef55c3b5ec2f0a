"""A site that does not answer: one short try, one line, exit 4, nothing left behind.

And the other direction: a site that answers is crawled as before (exit 0,
exports and a report that lists every argument).
"""

from __future__ import annotations

import json
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from parsel import Selector

from tests.ops.helpers import FAST, Run, crawl_command, scrapy_env
from tests.replica.process import run_replica

pytestmark = pytest.mark.crawl

EXIT_SITE_UNREACHABLE = 4


def closed_port() -> int:
    """A loopback port with nothing listening on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def hanging_up_server() -> Iterator[tuple[str, list[int]]]:
    """A loopback server that accepts each connection and closes it at once."""
    connections: list[int] = []
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            connections.append(1)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", connections
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()


def run(workdir: Path, spider: str, site: str, *args: str, settings: tuple[str, ...] = FAST) -> Run:
    """One ``scrapy crawl`` in ``workdir``, its stats read back."""
    workdir.mkdir(parents=True, exist_ok=True)
    stats = workdir / "stats.json"
    done = subprocess.run(
        crawl_command(spider, site, *args, settings=settings, stats=stats),
        cwd=workdir,
        env=scrapy_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    result = Run(done.returncode, done.stderr)
    if stats.exists():
        result.stats = json.loads(stats.read_text("utf-8"))
    return result


def left_behind(workdir: Path) -> list[str]:
    """Export files and reports a crawl wrote in ``workdir``."""
    patterns = ("*.jsonl", "*.csv", "*.json", "*.html")
    found = [p for pattern in patterns for p in workdir.rglob(pattern) if p.name != "stats.json"]
    return sorted(str(p.relative_to(workdir)) for p in found)


def unreachable_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("kcn_crawler: site unreach")]


@pytest.mark.parametrize("spider", ["news", "archive", "portal"])
def test_nothing_listening_ends_the_crawl_with_one_line_and_exit_4(
    spider: str, tmp_path: Path
) -> None:
    site = f"http://127.0.0.1:{closed_port()}"
    result = run(tmp_path, spider, site)
    assert result.returncode == EXIT_SITE_UNREACHABLE, result.stderr[-3000:]
    lines = unreachable_lines(result.stderr)
    assert len(lines) == 1 and site in lines[0] and "refused" in lines[0], result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert "check failed" not in result.stderr and "Monitor:" not in result.stderr
    assert left_behind(tmp_path) == []  # no empty .jsonl, no header-only .csv, no report
    assert result.stats["finish_reason"] == "site_unreachable"
    assert result.stats.get("downloader/request_count", 0) == 1  # robots.txt, tried once


@pytest.mark.parametrize("robots", ["1", "0"], ids=["robots.txt", "no-robots"])
def test_a_site_that_hangs_up_gets_one_try(robots: str, tmp_path: Path) -> None:
    with hanging_up_server() as (site, connections):
        result = run(tmp_path, "news", site, settings=(*FAST, f"ROBOTSTXT_OBEY={robots}"))
    assert result.returncode == EXIT_SITE_UNREACHABLE, result.stderr[-3000:]
    assert len(unreachable_lines(result.stderr)) == 1
    assert "Traceback" not in result.stderr
    assert len(connections) == 1  # no retries, no other home page locations
    assert left_behind(tmp_path) == []


def test_an_earlier_output_file_is_left_as_it_was(tmp_path: Path) -> None:
    earlier = tmp_path / "out.jsonl"
    earlier.write_text('{"id": "earlier"}\n', "utf-8")
    result = run(tmp_path, "news", f"http://127.0.0.1:{closed_port()}", "-O", "out.jsonl")
    assert result.returncode == EXIT_SITE_UNREACHABLE
    assert earlier.read_text("utf-8") == '{"id": "earlier"}\n'
    assert not (tmp_path / "out.html").exists()


def test_a_run_that_reaches_its_site_and_exports_nothing_leaves_no_stale_output(
    tmp_path: Path,
) -> None:
    """-O FILE holds this run's articles: an earlier FILE never passes for this run's."""
    earlier = tmp_path / "out.jsonl"
    earlier.write_text('{"id": "earlier"}\n', "utf-8")
    with run_replica(articles=20, seed=7, skin="classic") as replica:
        empty = "1999-06-01"  # the archive lists nothing that day
        result = run(
            tmp_path, "archive", replica.url, "-a", f"since={empty}", "-a", f"until={empty}",
            "-O", "out.jsonl",
        )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert not earlier.exists()


def test_a_site_that_answers_is_crawled_and_reported_with_every_argument(
    tmp_path: Path,
) -> None:
    with run_replica(articles=20, seed=7, skin="classic") as replica:
        truth = replica.truth()
        days = sorted(article["published"][:10] for article in truth["articles"])
        since = date.fromisoformat(days[len(days) // 2])  # a month with an article in it
        until = since + timedelta(days=30)
        result = run(
            tmp_path,
            "archive",
            replica.url,
            "-a",
            f"since={since}",
            "-a",
            f"until={until}",
            "-a",
            "max_days=40",
        )
    assert result.returncode == 0, result.stderr[-3000:]
    assert unreachable_lines(result.stderr) == []
    assert "kcn/site/unreachable" not in result.stats
    assert result.stats["item_scraped_count"] > 0
    exports = left_behind(tmp_path)
    assert [Path(p).suffix for p in exports] == [".csv", ".html", ".jsonl"], exports
    report = Selector(text=(tmp_path / exports[1]).read_text("utf-8"))
    arguments = report.xpath("//tr[th='Arguments']/td/text()").get()
    assert arguments == (
        f"site={replica.url}, since={since}, until={until}, max_days=40, incremental=0"
    )
