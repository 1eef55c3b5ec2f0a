"""The collector tuning: on while the engine runs, Python's own settings back after."""

from __future__ import annotations

import gc

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from kcn_crawler.extensions.gc_tuning import GcTuningExtension


def test_tuned_while_running_and_restored_after() -> None:
    before = gc.get_threshold()
    extension = GcTuningExtension.from_crawler(
        get_crawler(settings_dict={"KCN_GC_THRESHOLD": 12345})
    )
    extension.engine_started()
    try:
        assert gc.get_threshold() == (12345, *before[1:])
        assert gc.get_freeze_count() > 0
    finally:
        extension.engine_stopped()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_zero_leaves_the_collector_alone() -> None:
    with pytest.raises(NotConfigured):
        GcTuningExtension.from_crawler(get_crawler(settings_dict={"KCN_GC_THRESHOLD": 0}))


def test_on_by_default() -> None:
    from kcn_crawler import settings

    assert settings.KCN_GC_THRESHOLD > 0
    assert "kcn_crawler.extensions.gc_tuning.GcTuningExtension" in settings.EXTENSIONS
