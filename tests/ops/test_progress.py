"""Progress of a crawl: periodic log lines whose numbers agree with the final stats,
the archive's days planned logged at the start, a live status line on a terminal only."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.ops.helpers import FAST, Run, crawl, crawl_command, scrapy_env
from tests.replica.process import Replica, run_replica

pytestmark = pytest.mark.crawl

# A short interval so that a crawl of a few seconds logs several lines (no timing asserted).
OFTEN = (*FAST, "KCN_PROGRESS_INTERVAL=0.05")
NUMBERS = {
    "channels_done": r"channels (\d+)/\d+ done",
    "channels_found": r"channels \d+/(\d+) done",
    "listing_pages": r"listing pages (\d+)",
    "articles": r"articles (\d+)",
    "days_done": r"archive days (\d+)/\d+",
    "days_planned": r"archive days \d+/(\d+)",
    "failures": r"failures (\d+)",
}


@pytest.fixture(scope="module")
def replica() -> Iterator[Replica]:
    with run_replica(articles=60, seed=7, skin="classic") as running:
        yield running


def some_months(replica: Replica) -> tuple[str, ...]:
    """``-a since -a until``: four months of the replica's archive, with articles in them."""
    days = sorted(article["published"][:10] for article in replica.truth()["articles"])
    since = date.fromisoformat(days[len(days) // 2])
    return ("-a", f"since={since}", "-a", f"until={since + timedelta(days=120)}")


def progress_lines(stderr: str, marker: str = "Progress: ") -> list[dict[str, int]]:
    """The numbers of each progress line of a log, in order."""
    lines = []
    for line in stderr.splitlines():
        if marker not in line:
            continue
        numbers = {}
        for name, pattern in NUMBERS.items():
            found = re.search(pattern, line)
            if found:
                numbers[name] = int(found.group(1))
        lines.append(numbers)
    return lines


def final_numbers(run: Run) -> dict[str, int]:
    """What the final stats say about the numbers a progress line shows."""
    stats = run.stats
    numbers = {
        "articles": int(stats.get("item_scraped_count", 0)),
        "failures": len(stats.get("kcn/failures", [])),
    }
    if "kcn/listing/channels" in stats:
        numbers["channels_found"] = stats["kcn/listing/channels"]
        numbers["channels_done"] = stats["kcn/listing/channels_done"]
        numbers["listing_pages"] = stats["kcn/listing/pages"]
    if "kcn/archive/days_planned" in stats:
        numbers["days_planned"] = stats["kcn/archive/days_planned"]
        numbers["days_done"] = stats["kcn/archive/days"]
    return numbers


def assert_progress_agrees(run: Run) -> list[dict[str, int]]:
    assert run.returncode == 0, run.stderr[-3000:]
    lines = progress_lines(run.stderr)
    assert lines, "no progress line in the log"
    end = progress_lines(run.stderr, "Progress (end): ")
    assert len(end) == 1
    final = final_numbers(run)
    assert end[0] == final
    for name in ("articles", "listing_pages", "days_done", "channels_done"):
        seen = [line[name] for line in lines if name in line]
        assert seen == sorted(seen), f"{name} went down: {seen}"
        assert all(value <= final.get(name, value) for value in seen)
    return lines


def days_planned_logged(stderr: str) -> int:
    found = re.findall(r"Archive walk: (\d+) days planned \((\S+) \.\. (\S+)\)", stderr)
    assert len(found) == 1, stderr[-3000:]
    return int(found[0][0])


def test_news_progress_lines_agree_with_the_final_stats(replica: Replica, tmp_path: Path) -> None:
    run = crawl(tmp_path, "news", replica.url, settings=OFTEN)
    assert_progress_agrees(run)
    assert run.stats["kcn/listing/channels_done"] == run.stats["kcn/listing/channels"] > 0
    assert run.stats["item_scraped_count"] > 0
    assert "archive days" not in run.stderr


def test_archive_logs_its_days_planned_at_the_start_and_their_progress(
    replica: Replica, tmp_path: Path
) -> None:
    run = crawl(tmp_path, "archive", replica.url, *some_months(replica), settings=OFTEN)
    lines = assert_progress_agrees(run)
    planned = days_planned_logged(run.stderr)
    assert planned == run.stats["kcn/archive/days_planned"] == 121
    assert run.stats["item_scraped_count"] > 0
    assert run.stderr.index("Archive walk:") < run.stderr.index("Progress (end):")
    assert {line["days_planned"] for line in lines if "days_planned" in line} <= {planned}
    assert re.search(r"Progress \(end\): .*archive ETA 0:00:00", run.stderr)
    assert "channels" not in run.stderr.split("Progress (end): ")[1].splitlines()[0]


def test_portal_progress_has_channels_and_archive_days(replica: Replica, tmp_path: Path) -> None:
    run = crawl(tmp_path, "portal", replica.url, *some_months(replica), settings=OFTEN)
    lines = assert_progress_agrees(run)
    assert {"channels_done", "days_done", "failures"} <= set(lines[-1])
    assert run.stats["kcn/listing/channels_done"] == run.stats["kcn/listing/channels"] > 0
    assert days_planned_logged(run.stderr) == run.stats["kcn/archive/days_planned"]


def test_interval_zero_logs_no_progress(replica: Replica, tmp_path: Path) -> None:
    run = crawl(tmp_path, "news", replica.url, settings=(*FAST, "KCN_PROGRESS_INTERVAL=0"))
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Progress: " not in run.stderr and "Progress (end)" not in run.stderr


def crawl_on_terminal(workdir: Path, *command: str) -> tuple[int, str]:
    """Run a crawl whose stderr is a 160-column terminal; what the terminal showed."""
    master, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
    process = subprocess.Popen(
        list(command), cwd=workdir, env=scrapy_env(), stdout=subprocess.DEVNULL, stderr=terminal
    )
    os.close(terminal)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return process.wait(timeout=120), shown.decode("utf-8", "replace")


def status_lines(shown: str, spider: str) -> list[str]:
    """tqdm's redraws of the status line (carriage-return separated)."""
    return [part for part in re.split(r"[\r\n]+", shown) if part.startswith(f"{spider}: ")]


def test_a_terminal_gets_a_live_status_line_above_which_the_log_scrolls(
    replica: Replica, tmp_path: Path
) -> None:
    command = crawl_command("archive", replica.url, *some_months(replica), settings=FAST)
    code, shown = crawl_on_terminal(tmp_path, *command)
    assert code == 0, shown[-3000:]
    status = status_lines(shown, "archive")
    assert status, shown[-3000:]
    last = status[-1]
    assert re.search(r"100%\|.*\| (\d+)/\1 \[", last), last  # every planned day walked
    assert "articles" in last and "failures" in last
    assert "Spider closed (finished)" in shown  # the log still reaches the terminal
    assert " DEBUG: " not in shown  # at the log level asked for (INFO)


def test_no_status_line_without_a_terminal(replica: Replica, tmp_path: Path) -> None:
    run = crawl(tmp_path, "news", replica.url, settings=FAST)
    assert run.returncode == 0
    assert status_lines(run.stderr, "news") == []
    assert "pages/s" not in run.stderr
