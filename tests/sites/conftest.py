"""Three replica portals of different skins, running for a module's tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.replica.process import Replica, run_replica

# Small sites: three skins, 30 articles each (one of them deliberately unreadable).
SKINS = ("classic", "modern", "egov")
ARTICLES = 30
# One unreadable article in 30 is above the monitor's 2 % default.
SMALL_SITE_SETTINGS = ("KCN_MONITOR_MAX_DROPPED_RATE=0.05",)


@pytest.fixture(scope="module")
def replicas() -> Iterator[list[Replica]]:
    with contextlib.ExitStack() as stack:
        yield [
            stack.enter_context(run_replica(articles=ARTICLES, seed=11 + i, skin=skin))
            for i, skin in enumerate(SKINS)
        ]


def write_sites(path: Path, replicas: list[Replica], **extra: Any) -> Path:
    """A sites file naming the replicas (group ``test``), with extra keys for every entry."""
    lines = []
    for skin, replica in zip(SKINS, replicas, strict=True):
        lines += [f"[test.{skin}]", f'url = "{replica.url}"']
        lines += [f"{key} = {value}" for key, value in extra.items()]
        lines.append("")
    path.write_text("\n".join(lines), "utf-8")
    return path


def listed(truth: dict[str, Any]) -> list[dict[str, Any]]:
    """The articles the news walk can reach: those a channel lists."""
    return [article for article in truth["articles"] if article["channels"]]
