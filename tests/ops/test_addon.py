"""The ops add-on: alone it gives a run its catalog, checks and report; each component
still switches off with its own setting; a project's own component choices are kept."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.settings import Settings

from kcn_crawler.addon import COMPONENTS, OpsAddon
from tests.ops.helpers import FAST, Run, crawl
from tests.replica.process import Replica, run_replica

ADDON = "kcn_crawler.addon.OpsAddon"
MONITOR = "kcn_crawler.extensions.monitor.MonitorExtension"
REPORT = "kcn_crawler.extensions.report.ReportExtension"
CATALOG = "kcn_crawler.extensions.catalog.CatalogExtension"
STATS_FILE = "kcn_crawler.extensions.stats_file.StatsFileExtension"
# Nothing from the project's component lists: only what the add-on installs.
ADDON_ALONE = (*FAST, "ADDONS=" + json.dumps({ADDON: 0}), "EXTENSIONS={}")


def applied(**project: object) -> Settings:
    """Project settings as given, then the add-on's ``update_settings``."""
    settings = Settings()
    settings.setdict(dict(project), priority="project")
    OpsAddon().update_settings(settings)
    return settings


def enabled(stderr: str, kind: str = "extensions") -> list[str]:
    """The components Scrapy's log says it enabled (``Enabled extensions: [...]``)."""
    found = re.search(rf"Enabled {kind}:\n(\[.*?\])", stderr, re.DOTALL)
    assert found, f"no 'Enabled {kind}' in the log"
    return re.findall(r"'([\w.]+)'", found.group(1))


def test_the_addon_installs_every_component_in_its_stated_order() -> None:
    settings = applied()
    for component in COMPONENTS:
        installed = {
            f"{cls.__module__}.{cls.__qualname__}": order
            for cls, order in settings.getdict(component.setting).items()
        }
        assert installed[component.path] == component.order, component.path
    orders = {c.path.rsplit(".", 1)[1]: c.order for c in COMPONENTS}
    at_close = ["MonitorExtension", "ReportExtension", "AlertsExtension", "CatalogExtension"]
    assert [orders[name] for name in at_close] == sorted(orders[name] for name in at_close)
    assert orders["StatsFileExtension"] > orders["CatalogExtension"]
    assert settings.get("DUPEFILTER_CLASS") == "kcn_crawler.dupefilter.ResumableDupeFilter"


def test_a_projects_own_choices_are_kept() -> None:
    settings = applied(
        EXTENSIONS={REPORT: None, MONITOR: 700},
        DUPEFILTER_CLASS="scrapy.dupefilters.RFPDupeFilter",
    )
    extensions = settings.getdict("EXTENSIONS")
    assert extensions[REPORT] is None and extensions[MONITOR] == 700
    assert settings.get("DUPEFILTER_CLASS") == "scrapy.dupefilters.RFPDupeFilter"


@pytest.fixture(scope="module")
def replica() -> Iterator[Replica]:
    with run_replica(articles=60, seed=7, skin="classic") as running:
        yield running


@pytest.mark.crawl
def test_the_addon_alone_gives_catalog_checks_and_report(replica: Replica, tmp_path: Path) -> None:
    run = crawl(tmp_path, "news", replica.url, settings=ADDON_ALONE)
    assert run.returncode == 0, run.stderr[-3000:]
    assert {MONITOR, REPORT, CATALOG} <= set(enabled(run.stderr))
    assert run.items and run.stats["kcn/catalog/run_id"] == 1
    checks = run.stats["kcn/checks"]
    assert checks and all(check["passed"] for check in checks)
    report = tmp_path / run.stats["kcn/report/path"]
    assert report.is_file() and "<html" in report.read_text("utf-8").lower()
    assert (tmp_path / "exports" / "catalog.sqlite").is_file()


@pytest.mark.crawl
def test_a_component_switched_off_by_its_setting_is_absent(
    replica: Replica, tmp_path: Path
) -> None:
    run = crawl(tmp_path, "news", replica.url, settings=(*ADDON_ALONE, "KCN_REPORT=0"))
    assert run.returncode == 0, run.stderr[-3000:]
    extensions = enabled(run.stderr)
    assert REPORT not in extensions and {MONITOR, CATALOG} <= set(extensions)
    assert "kcn/report/path" not in run.stats and not list(tmp_path.rglob("*.html"))
    assert run.stats["kcn/checks"] and run.stats["kcn/catalog/run_id"] == 1


@pytest.mark.crawl
def test_without_the_addon_there_is_no_catalog_check_or_report(
    replica: Replica, tmp_path: Path
) -> None:
    only_stats = "EXTENSIONS=" + json.dumps({STATS_FILE: 900})  # to read the run's stats
    run: Run = crawl(tmp_path, "news", replica.url, settings=(*FAST, "ADDONS={}", only_stats))
    assert run.returncode == 0, run.stderr[-3000:]
    assert not {MONITOR, REPORT, CATALOG} & set(enabled(run.stderr))
    assert run.items and run.stats["item_scraped_count"] == len(run.items)
    assert "kcn/checks" not in run.stats and "kcn/catalog/run_id" not in run.stats
