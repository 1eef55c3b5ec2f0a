"""How ``pytest -n 2 --dist loadgroup`` shares the suite's work between its two workers.

A module- or session-scoped fixture runs once per worker that needs it, so the tests
sharing one are kept on one worker: each test gets an ``xdist_group`` (see
``group_of``). The real crawls of the replica skins (tests/crawl) are grouped by skin:
one worker crawls a skin with ``news``, ``archive`` and ``portal`` and every test of
that skin reads those crawls. The longest groups are handed out first so that neither
worker is left alone with a long one at the end. None of this changes what a test
checks, and each test still runs alone (``pytest tests/...::test``) or without xdist.
"""

from __future__ import annotations

import pytest

# Fixtures that take a skin and run a real crawl of it (tests/crawl/test_news.py,
# tests/crawl/test_archive.py); other tests of tests/crawl name their skin with a mark.
SKIN_CRAWLS = ("news", "archive", "portal")

# Work handed out first, longest first (measured: the whole-range ``archive`` and
# ``portal`` crawls of a skin, then the multi-process and scheduled-crawl tests).
FIRST = (
    "crawl-",
    "tests/crawl",
    "tests/distributed",
    "tests/ops",
    "tests/faults",
    "tests/sites",
    "tests/archive",
    "tests/test_replica.py",
)


def group_of(item: pytest.Item) -> str | None:
    """The group of tests that must share a worker with ``item``, if any.

    A test reading a crawl of a skin: ``crawl-<skin>``. Otherwise the widest fixture
    of the tests' own that outlives a test decides: a session fixture of a conftest
    groups its directory, a module fixture its module. A test without one is free.
    """
    callspec = getattr(item, "callspec", None)
    if callspec is not None:
        for name in SKIN_CRAWLS:
            if name in callspec.params and item.nodeid.startswith("tests/crawl/"):
                return f"crawl-{callspec.params[name]}"
    widest: str | None = None
    info = getattr(item, "_fixtureinfo", None)
    for defs in info.name2fixturedefs.values() if info else ():
        fixturedef = defs[-1]
        if not getattr(fixturedef.func, "__module__", "").startswith("tests."):
            continue
        if fixturedef.scope == "session":
            return fixturedef.baseid or "tests"
        if fixturedef.scope in ("module", "package"):
            widest = item.nodeid.split("::")[0]
    return widest


def first_rank(item: pytest.Item) -> int:
    for rank, prefix in enumerate(FIRST):
        if any(
            mark.args and str(mark.args[0]).startswith(prefix)
            for mark in item.iter_markers("xdist_group")
        ) or (prefix != "crawl-" and item.nodeid.startswith(prefix)):
            return rank
    return len(FIRST)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            group = group_of(item)
            if group is not None:
                item.add_marker(pytest.mark.xdist_group(group))
    items.sort(key=first_rank)  # stable: pytest's own order is kept within a rank
