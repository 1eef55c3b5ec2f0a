"""Fixtures: one replica per skin and one real crawl per spider, shared by the tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.crawl.helpers import CrawlRun, run_crawl
from tests.replica.process import run_replica

ARTICLES = 60
SEED = 7


@dataclass
class CrawlOfReplica:
    """A finished crawl together with the replica's truth and request log."""

    skin: str
    site: str
    truth: dict[str, Any]
    log: list[dict[str, Any]]
    run: CrawlRun


def crawl_replica(
    tmp: Path, skin: str, spider: str, *args: str, articles: int = ARTICLES, **flags: Any
) -> CrawlOfReplica:
    """Start a replica, crawl it with ``spider``, stop it; keep truth and log."""
    with run_replica(articles=articles, seed=SEED, skin=skin, **flags) as replica:
        truth = replica.truth()
        run = run_crawl(spider, tmp, "-a", f"site={replica.url}", *args)
        return CrawlOfReplica(skin, replica.url, truth, replica.log(), run)


@pytest.fixture(scope="session")
def crawl_factory(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., CrawlOfReplica]:
    """``make(skin, spider, *args)``: a crawl run once per session (per xdist worker).

    test_news.py and test_archive.py read the same ``news`` crawl of a skin; tests/conftest.py
    keeps the tests of a skin on one worker so that it runs once.
    """
    cache: dict[tuple[Any, ...], CrawlOfReplica] = {}

    def make(skin: str, spider: str, *args: str, **flags: Any) -> CrawlOfReplica:
        key = (skin, spider, args, tuple(sorted(flags.items())))
        if key not in cache:
            tmp = tmp_path_factory.mktemp(f"{spider}-{skin}")
            cache[key] = crawl_replica(tmp, skin, spider, *args, **flags)
        return cache[key]

    return make


@pytest.fixture(scope="session")
def replica_per_skin() -> Iterator[Callable[[str], Any]]:
    """A running replica per skin for tests that drive several crawls against one site."""
    running: dict[str, Any] = {}
    stack: list[Any] = []

    def get(skin: str) -> Any:
        if skin not in running:
            manager = run_replica(articles=ARTICLES, seed=SEED, skin=skin)
            running[skin] = manager.__enter__()
            stack.append(manager)
        return running[skin]

    yield get
    for manager in reversed(stack):
        manager.__exit__(None, None, None)
