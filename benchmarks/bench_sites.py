"""Many sites at once: one process vs workers through Redis, against per-host limits.

Twenty replica portals (skins in turn), each with a per-host delay of 0.25 s
(4 requests/s per host, 80/s for all): the aggregate rate of one process
(``scrapy crawl news -a sites=FILE``) against the sum of the limits, with its
RSS over time; then one and two workers through Redis (``KCN_REDIS_URL``, the
shared limiter) plus the collector: per-host rate held, aggregate throughput.
Rates come from the replicas' request logs. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_sites.py [--sites 20] [--articles 40] [--delay 0.25]
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.crawl.helpers import scrapy_env  # noqa: E402
from tests.replica.process import Replica, run_replica  # noqa: E402
from tests.replica.site import SKINS  # noqa: E402

FAST = ("LOG_LEVEL=WARNING", "CONCURRENT_REQUESTS=32", "KCN_MONITOR=0", "KCN_REPORT=0")


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def rates(replicas: list[Replica]) -> dict[str, Any]:
    """Aggregate pages/s over the busy span; the worst per-host rate over 21 requests."""
    logs = [sorted(entry["t"] for entry in rep.log()) for rep in replicas]
    first = min(times[0] for times in logs if times)
    last = max(times[-1] for times in logs if times)
    total = sum(len(times) for times in logs)
    worst = 0.0
    for times in logs:
        spans = [times[i + 20] - times[i] for i in range(len(times) - 20)]
        if spans:
            worst = max(worst, 20 / min(spans))
    return {"pages": total, "seconds": last - first, "rate": total / (last - first), "host": worst}


def scrapy(command: list[str], workdir: Path) -> list[str]:
    return [sys.executable, "-m", "scrapy", *command]


def run_and_sample(commands: list[list[str]], workdir: Path) -> list[list[float]]:
    """Run processes to their end; sample each one's RSS every half second."""
    procs = [subprocess.Popen(cmd, cwd=workdir, env=scrapy_env()) for cmd in commands]
    samples: list[list[float]] = [[] for _ in procs]
    while any(proc.poll() is None for proc in procs):
        for proc, series in zip(procs, samples, strict=True):
            if proc.poll() is None:
                series.append(rss_mb(proc.pid))
        time.sleep(0.5)
    return samples


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sites", type=int, default=20)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--delay", type=float, default=0.25)
    opts = parser.parse_args()
    limit = opts.sites / opts.delay
    workdir = Path(tempfile.mkdtemp(prefix="bench-sites-"))
    with contextlib.ExitStack() as stack:
        replicas = [
            stack.enter_context(
                run_replica(articles=opts.articles, seed=100 + i, skin=SKINS[i % len(SKINS)])
            )
            for i in range(opts.sites)
        ]
        sites = workdir / "sites.toml"
        sites.write_text(
            "".join(
                f'[bench.s{i}]\nurl = "{rep.url}"\ndelay = {opts.delay}\nconcurrency = 1\n'
                f"autothrottle = false\n\n"
                for i, rep in enumerate(replicas)
            ),
            "utf-8",
        )
        settings = [part for value in FAST for part in ("-s", value)]
        print(f"{opts.sites} sites × {opts.articles} articles, per-host delay {opts.delay} s: "
              f"sum of per-host limits {limit:.0f} pages/s")  # fmt: skip

        # --- one process ---------------------------------------------------------
        for rep in replicas:
            rep.clear_log()
        crawl = ["crawl", "news", "-a", f"sites={sites}", *settings]
        [series] = run_and_sample([scrapy(crawl, workdir)], workdir)
        one = rates(replicas)
        print(f"one process: {one['pages']} pages in {one['seconds']:.1f} s = "
              f"{one['rate']:.1f} pages/s ({one['rate'] / limit:.0%} of the limits); "
              f"worst host {one['host']:.2f}/s (limit {1 / opts.delay:.1f}); "
              f"RSS MB start/mid/end/peak {series[1]:.0f}/{series[len(series) // 2]:.0f}/"
              f"{series[-1]:.0f}/{max(series):.0f}")  # fmt: skip

        # --- workers through Redis ------------------------------------------------
        binary = shutil.which("redis-server")
        if binary is None:
            print("redis-server not installed: distributed figures skipped")
            return
        port = free_port()
        data = stack.enter_context(tempfile.TemporaryDirectory())
        server = subprocess.Popen(
            [binary, "--bind", "127.0.0.1", "--port", str(port), "--dir", data, "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        stack.callback(server.terminate)
        time.sleep(0.5)
        redis = ["-s", f"KCN_REDIS_URL=redis://127.0.0.1:{port}/0", "-s", "KCN_REDIS_LEASE=30"]
        for workers in (1, 2):
            for rep in replicas:
                rep.clear_log()
            out = workdir / f"redis{workers}"
            out.mkdir()
            work = ["crawl", "news", "-a", f"sites={sites}", *settings, *redis]
            collect = ["collect", "news", "-a", f"sites={sites}", *settings, *redis]
            commands = [scrapy(work, out) for _ in range(workers)] + [scrapy(collect, out)]
            run_and_sample(commands, out)
            got = rates(replicas)
            print(f"{workers} worker(s) + collector via Redis: {got['pages']} pages in "
                  f"{got['seconds']:.1f} s = {got['rate']:.1f} pages/s "
                  f"({got['rate'] / limit:.0%} of the limits); "
                  f"worst host {got['host']:.2f}/s")  # fmt: skip
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
