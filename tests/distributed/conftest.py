"""A real ``redis-server`` of the tests' own, and workers/collector processes around it."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.crawl.helpers import LOOPBACK_SETTINGS, read_jsonl, scrapy_env
from tests.replica.process import Replica, run_replica
from tests.sites.conftest import ARTICLES, SKINS, SMALL_SITE_SETTINGS

HOST_DELAY = 0.1  # seconds between two requests to one replica, across all workers
LEASE = 3.0  # seconds a dead worker's requests stay leased


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A private redis-server on 127.0.0.1 (skipped when the binary is absent)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server not installed (Debian package redis-server; .ci/run installs it)")
    port = _free_port()
    with tempfile.TemporaryDirectory() as data:
        command = [binary, "--bind", "127.0.0.1", "--port", str(port), "--dir", data,
                   "--save", "", "--appendonly", "no"]  # fmt: skip
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 10
            while True:
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                    break
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("redis-server did not start")
                time.sleep(0.05)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture(scope="module")
def replicas() -> Iterator[list[Replica]]:
    with contextlib.ExitStack() as stack:
        yield [
            stack.enter_context(run_replica(articles=ARTICLES, seed=21 + i, skin=skin))
            for i, skin in enumerate(SKINS)
        ]


def settings(redis_url: str, *extra: str) -> list[str]:
    """``-s`` options of workers and collector."""
    values = (
        *LOOPBACK_SETTINGS,
        *SMALL_SITE_SETTINGS,
        f"KCN_REDIS_URL={redis_url}",
        f"KCN_REDIS_HOST_DELAY={HOST_DELAY}",
        f"KCN_REDIS_LEASE={LEASE}",
        *extra,
    )
    return [part for value in values for part in ("-s", value)]


def start_worker(workdir: Path, name: str, sites: Path, redis_url: str, *args: str) -> Any:
    """``scrapy crawl news -a sites=FILE`` as a Redis worker, in the background."""
    files = (f"LOG_FILE={name}.log", f"KCN_STATS_FILE={name}.json")
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"sites={sites}", *args,
               *settings(redis_url, *files)]  # fmt: skip
    return subprocess.Popen(command, cwd=workdir, env=scrapy_env())


def collect(workdir: Path, sites: Path, redis_url: str, *args: str) -> Any:
    """``scrapy collect news -a sites=FILE -O items.jsonl``, to its end."""
    command = [sys.executable, "-m", "scrapy", "collect", "news", "-a", f"sites={sites}", *args,
               *settings(redis_url, "LOG_FILE=collector.log"), "-O", "items.jsonl"]  # fmt: skip
    return subprocess.run(command, cwd=workdir, env=scrapy_env(), timeout=300, check=False)


def slug(replica: Replica) -> str:
    return replica.url.removeprefix("http://").replace(":", "_")


def collected(workdir: Path, replica: Replica) -> list[dict[str, Any]]:
    """What the collector exported for one site."""
    path = workdir / f"items-{slug(replica)}.jsonl"
    return read_jsonl(path) if path.exists() else []  # a run that exported nothing left none
