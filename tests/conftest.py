"""How ``pytest -n 2`` shares the suite's work between its workers.

A module- or session-scoped fixture runs once per worker that needs it, so the tests
sharing one go to one worker together: xdist hands out whole *units* (``unit_of``), the
longest first (``FIRST``), each to the worker that is free. The real crawls of a replica
skin (tests/crawl/test_news.py, test_archive.py) are one unit per skin: one worker crawls
the skin with ``news``, ``archive`` and ``portal`` once and every test of that skin reads
those crawls. Any other module is one unit, so its module fixtures run once.

None of this changes what a test checks; each test still runs alone
(``pytest tests/...::test``), in any order, without xdist or with any number of workers.
(xdist's own ``--dist loadgroup`` cannot do this under pytest 9: the group it appends to
a node id is ignored.)
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.replica.site import SKINS

# The modules whose tests read crawls of a skin made by ``crawl_factory``
# (tests/crawl/conftest.py), and the skin of each test there that is not parametrized by one.
SKIN_MODULES = ("tests/crawl/test_news.py", "tests/crawl/test_archive.py")
SKIN_OF_TEST = {
    "test_the_vendors_layout_is_read_on_the_fast_path": "tandan",
    "test_seed_article_is_exact": "classic",
    "test_same_article_same_fields_across_spiders": "classic",
    "test_a_sub_range_yields_exactly_its_articles": "modern",
    "test_news_since_stops_paging_early": "modern",
    "test_an_empty_range_ends_cleanly": "third",
}
# Modules sharing session fixtures of their directory's conftest: one unit.
SHARED = {
    "tests/archive/test_site_crawl.py": "tests/archive:site",
    "tests/archive/test_replay.py": "tests/archive:site",
}
# Units handed out first, in this order (the whole-range crawls of the skins take about a
# minute of a worker each; then the modules that run several crawls or programs).
FIRST = (
    "crawl-",
    "tests/ops/",
    "tests/faults/",
    "tests/distributed/",
    "tests/crawl/",
    "tests/sites/",
    "tests/archive/",
    "tests/test_replica.py",
)


def unit_of(nodeid: str) -> str:
    """The unit of work ``nodeid`` belongs to: ``crawl-<skin>``, or its module."""
    path, _, test = nodeid.partition("::")
    if path in SKIN_MODULES:
        name, _, param = test.partition("[")
        skin = param.rstrip("]") if param.rstrip("]") in SKINS else SKIN_OF_TEST.get(name)
        if skin is not None:
            return f"crawl-{skin}"
    return SHARED.get(path, path)


def rank(nodeid: str) -> int:
    unit = unit_of(nodeid)
    return next((i for i, prefix in enumerate(FIRST) if unit.startswith(prefix)), len(FIRST))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Longest units first; stable, so pytest's own order holds within a rank."""
    items.sort(key=lambda item: rank(item.nodeid))


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Hand out ``unit_of`` units in collection order (``-n``'s default ``--dist load``)."""
    if config.getvalue("dist") not in ("load", "loadgroup"):
        return None  # an explicit --dist other than the default is obeyed
    from xdist.scheduler import LoadScopeScheduling

    class UnitScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return unit_of(nodeid)

    config.option.loadscopereorder = False  # keep the order of pytest_collection_modifyitems
    return UnitScheduling(config, log)
