"""Three workers, three replica portals of different skins, one collector, a real Redis."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
from pathlib import Path

import redis

from tests.crawl.helpers import score
from tests.distributed.conftest import (
    HOST_DELAY,
    collect,
    collected,
    slug,
    start_worker,
)
from tests.replica.process import Replica
from tests.sites.conftest import listed, write_sites


def request_times(replica: Replica) -> list[float]:
    return sorted(entry["t"] for entry in replica.log())


def densest(times: list[float], count: int) -> float:
    """The shortest span holding ``count`` consecutive requests."""
    return min(times[i + count - 1] - times[i] for i in range(len(times) - count + 1))


def test_three_workers_equal_the_truths_politely_then_nothing_new(
    tmp_path: Path, redis_url: str, replicas: list[Replica]
) -> None:
    for replica in replicas:
        replica.clear_log()
    sites = write_sites(tmp_path / "sites.toml", replicas)
    workers = [start_worker(tmp_path, f"w{i}", sites, redis_url) for i in range(3)]
    done = collect(tmp_path, sites, redis_url)
    codes = [worker.wait(timeout=120) for worker in workers]
    log = (tmp_path / "collector.log").read_text("utf-8")
    assert done.returncode == 0, log[-3000:]
    assert codes == [0, 0, 0]
    for replica in replicas:
        items = collected(tmp_path, replica)
        result = score(items, listed(replica.truth()), 0.99)
        assert result.recall_precision_ok, (replica.url, result)
        assert {item["site"] for item in items} == {replica.url}
        # the shared limiter: one request per HOST_DELAY to a host, whatever the workers;
        # a busy reactor may send a reserved request a little late (jitter: 15 %)
        times = request_times(replica)
        assert len(times) > 30
        span = densest(times, 21)
        assert span >= 20 * HOST_DELAY * 0.85, f"{replica.url}: 21 requests in {span:.3f} s"
    # the work was shared: every worker fetched pages
    fetched = [
        sum(
            json.loads(path.read_text("utf-8")).get("scheduler/dequeued/redis", 0)
            for path in tmp_path.glob(f"w{i}-*.json")
        )
        for i in range(3)
    ]
    assert sum(n > 0 for n in fetched) >= 2, fetched
    catalog = sqlite3.connect(tmp_path / "exports" / "catalog.sqlite")
    runs = catalog.execute("SELECT site, items, requests, exit_code FROM runs").fetchall()
    assert sorted(site for site, *_ in runs) == sorted(r.url for r in replicas)
    assert all(items > 0 and requests > items and code == 0 for _s, items, requests, code in runs)
    assert redis.Redis.from_url(redis_url).keys("kcn:news:*") == [], "the collector cleaned up"

    # A second, incremental run of the unchanged sites emits nothing.
    workers = [start_worker(tmp_path, f"again{i}", sites, redis_url) for i in range(3)]
    again = collect(tmp_path, sites, redis_url, "-a", "incremental=1")
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0, 0]
    assert again.returncode == 0, (tmp_path / "collector.log").read_text("utf-8")[-3000:]
    for replica in replicas:
        assert collected(tmp_path, replica) == []
    rows = catalog.execute("SELECT items, unchanged FROM runs WHERE incremental = 1").fetchall()
    assert len(rows) == 3 and all(items == 0 and unchanged > 0 for items, unchanged in rows)


def test_a_killed_worker_loses_nothing_and_doubles_nothing(
    tmp_path: Path, redis_url: str, replicas: list[Replica]
) -> None:
    for replica in replicas:
        replica.clear_log()
    sites = write_sites(tmp_path / "sites.toml", replicas)
    victim = start_worker(tmp_path, "victim", sites, redis_url)
    survivor = start_worker(tmp_path, "survivor", sites, redis_url)
    server = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + 60

    def victim_holds_leases() -> bool:
        """Whether the victim (stopped: it can acknowledge nothing meanwhile) holds leases."""
        holders = (f"kcn:news:{r.url[7:]}:holders" for r in replicas)
        return any(f":{victim.pid}:".encode() in h for key in holders for h in server.hvals(key))

    # kill -9 the victim mid-crawl while it holds leases (not only the survivor: a
    # victim slow to start may hold nothing yet)
    while True:
        assert time.monotonic() < deadline, "the crawl never got going"
        if sum(len(r.log()) for r in replicas) >= 20:
            os.kill(victim.pid, signal.SIGSTOP)
            if victim_holds_leases():
                break
            os.kill(victim.pid, signal.SIGCONT)
        time.sleep(0.05)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    done = collect(tmp_path, sites, redis_url)
    assert survivor.wait(timeout=120) == 0
    reaped = sum(
        json.loads(path.read_text("utf-8")).get("kcn/redis/reaped", 0)
        for path in tmp_path.glob("survivor-*.json")
    )
    assert reaped > 0, "the victim's leased requests came back to the frontier"
    assert done.returncode == 0, (tmp_path / "collector.log").read_text("utf-8")[-3000:]
    for replica in replicas:
        result = score(collected(tmp_path, replica), listed(replica.truth()), 0.99)
        assert result.recall_precision_ok, (slug(replica), result)
