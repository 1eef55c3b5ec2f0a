"""Run the real crawler against a hostile site; measure what a user would see."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.crawl.helpers import read_jsonl, scrapy_env
from tests.ops.helpers import crawl_command, export_files

# Politeness lifted for 127.0.0.1 only; a fault test about a default does not use it.
FAST = (
    "AUTOTHROTTLE_ENABLED=0",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS=8",
    "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "LOG_LEVEL=INFO",
)
# Short network waits where the case is not about the defaults.
SHORT = (*FAST, "DOWNLOAD_TIMEOUT=5", "RETRY_TIMES=1")


@dataclass
class FaultRun:
    """What one ``scrapy crawl`` against a hostile site left behind."""

    returncode: int
    stderr: str
    seconds: float
    peak_rss_mb: float
    stats: dict[str, Any] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)

    def check_lines(self) -> list[str]:
        """The one-line reasons of failed checks on stderr."""
        return [line for line in self.stderr.splitlines() if line.startswith("kcn_crawler:")]

    def titles(self) -> set[str]:
        return {item["title"] for item in self.items}


class PeakRss:
    """The peak RSS of a child process: its ``VmHWM`` read every 20 ms until it exits.

    (``wait4``'s ``ru_maxrss`` would not do: Linux carries the forking test
    process's own peak over ``exec`` into the child's figure.) ``VmHWM`` only grows,
    so the last value read is the peak, but for growth in the last 20 ms.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.kb = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        status = Path(f"/proc/{self.pid}/status")
        while not self._done.is_set():
            try:
                for line in status.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        self.kb = max(self.kb, int(line.split()[1]))
            except (OSError, ValueError):
                pass
            self._done.wait(0.02)

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    @property
    def mb(self) -> float:
        return self.kb / 1024


def run(
    workdir: Path,
    site: str,
    *args: str,
    spider: str = "news",
    settings: tuple[str, ...] = SHORT,
    timeout: float = 120,
) -> FaultRun:
    """Run ``scrapy crawl`` in ``workdir`` with the default exports; measure time and peak RSS."""
    workdir.mkdir(parents=True, exist_ok=True)
    stats_path = workdir / "stats.json"
    err_path = workdir / "stderr.log"
    stats_path.unlink(missing_ok=True)
    before = set(export_files(workdir, spider))
    command = crawl_command(spider, site, *args, settings=settings, stats=stats_path)
    start = time.monotonic()
    with err_path.open("wb") as err:
        proc = subprocess.Popen(
            command, cwd=workdir, env=scrapy_env(), stdout=subprocess.DEVNULL, stderr=err
        )
        peak = PeakRss(proc.pid)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        finally:
            peak.stop()
    seconds = time.monotonic() - start
    if proc.returncode == -9 and seconds >= timeout:
        raise AssertionError(f"the crawl did not end within {timeout} s")
    result = FaultRun(
        proc.returncode,
        err_path.read_text("utf-8", errors="replace"),
        seconds,
        peak.mb,
    )
    if stats_path.exists():
        result.stats = json.loads(stats_path.read_text("utf-8"))
    for path in export_files(workdir, spider):
        if path not in before:
            result.items += read_jsonl(path)
    _record(result)
    return result


def _record(result: FaultRun) -> None:
    """Append the run's figures to ``$KCN_FAULT_FIGURES`` (JSON Lines) when it is set."""
    target = os.environ.get("KCN_FAULT_FIGURES")
    if not target:
        return
    figures = {
        "test": os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0],
        "requests": result.stats.get("downloader/request_count", 0),
        "exit": result.returncode,
        "peak_rss_mb": round(result.peak_rss_mb),
        "seconds": round(result.seconds, 1),
        "items": len(result.items),
    }
    with open(target, "a", encoding="utf-8") as out:
        out.write(json.dumps(figures) + "\n")


def files_under(root: Path) -> set[Path]:
    """Every file below ``root`` (to prove nothing was written outside a directory)."""
    return {p for p in root.rglob("*") if p.is_file()}
