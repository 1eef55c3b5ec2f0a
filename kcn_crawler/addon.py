"""The ops components as one Scrapy add-on (``ADDONS``): the order they run in, stated here.

``ADDONS = {"kcn_crawler.addon.OpsAddon": 0}`` (the project's settings do this)
installs the components below: the catalog, the checks, the HTML report, the
alerts, the WARC archive, the progress lines and the stats file. Each still
switches itself on or off with its own setting (``KCN_CATALOG``, ``KCN_MONITOR``,
``KCN_REPORT``, ``KCN_ALERT_ACTIONS``, ``KCN_WARC``, ``KCN_PROGRESS_INTERVAL`` /
``KCN_PROGRESS_LIVE``, ``KCN_STATS_FILE``); a component switched off is not
enabled at all (its ``from_crawler`` raises ``NotConfigured``).

A project that already names one of these components in its own component
dictionary (even with ``None``, to switch it off) keeps its choice: the add-on
only fills in what is missing. ``DUPEFILTER_CLASS`` is set at the add-on's
priority, so a project's or command line's own duplicate filter wins.

The components find each other through Scrapy's public lookups, never through
attributes stashed on the crawler: the catalog runtime belongs to
:class:`~kcn_crawler.extensions.catalog.CatalogExtension` (see
:func:`~kcn_crawler.extensions.catalog.catalog_runtime`), the channel walk counts
to :class:`~kcn_crawler.extensions.progress.ProgressExtension`, the failed
downloads go to :class:`~kcn_crawler.extensions.monitor.MonitorExtension`; the
others reach them with ``crawler.get_extension``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scrapy.utils.misc import load_object


@dataclass(frozen=True)
class Component:
    """One ops component: where Scrapy lists it, its order there, what turns it off."""

    setting: str  # the component priority dictionary: EXTENSIONS, ITEM_PIPELINES, ...
    path: str
    order: int
    switch: str  # the setting that turns it off ("" for components always on)
    role: str


#: Every ops component, in Scrapy's order within each dictionary. Extensions connect
#: their signals in this order, so at ``spider_closed`` they run: WARC (closes its files),
#: progress (last line), checks, report (shows the checks), alerts (send the checks and
#: the report's path), catalog (records the run with its checks and report), stats file
#: (everything above included). All of them run after the feed exporters (order 0).
COMPONENTS: tuple[Component, ...] = (
    Component(
        "DOWNLOADER_MIDDLEWARES",
        "kcn_crawler.extensions.monitor.DownloadFailuresMiddleware",
        5,
        "KCN_MONITOR",
        "closest to the engine: requests that failed for good, for the checks and the report",
    ),
    Component(
        "DOWNLOADER_MIDDLEWARES",
        "kcn_crawler.extensions.progress.ProgressDownloaderMiddleware",
        10,
        "KCN_PROGRESS_INTERVAL",
        "a listing request that failed for good ends its part of a channel walk",
    ),
    Component(
        "SPIDER_MIDDLEWARES",
        "kcn_crawler.extensions.progress.ProgressSpiderMiddleware",
        940,
        "",
        "after the incremental filter: listing pages read; the archive days planned",
    ),
    Component(
        "SPIDER_MIDDLEWARES",
        "kcn_crawler.middlewares.incremental.IncrementalMiddleware",
        950,
        "KCN_CATALOG",
        "incremental crawls: skip what the catalog holds; notes listing marks and days",
    ),
    Component(
        "ITEM_PIPELINES",
        "kcn_crawler.catalog.pipeline.CatalogPipeline",
        900,
        "KCN_CATALOG",
        "last pipeline: sets `revision`, drops unchanged articles in incremental runs",
    ),
    Component(
        "EXTENSIONS",
        "kcn_crawler.extensions.warc.WarcArchiver",
        100,
        "KCN_WARC",
        "WARC of every HTTP exchange",
    ),
    Component(
        "EXTENSIONS",
        "kcn_crawler.extensions.progress.ProgressExtension",
        500,
        "KCN_PROGRESS_INTERVAL",
        "progress lines every KCN_PROGRESS_INTERVAL s, a live line on a terminal",
    ),
    Component(
        "EXTENSIONS",
        "kcn_crawler.extensions.monitor.MonitorExtension",
        800,
        "KCN_MONITOR",
        "the checks; a failed check sets the exit code",
    ),
    Component(
        "EXTENSIONS",
        "kcn_crawler.extensions.report.ReportExtension",
        810,
        "KCN_REPORT",
        "the HTML report beside the exports",
    ),
    Component(
        "EXTENSIONS",
        "kcn_crawler.extensions.alerts.AlertsExtension",
        815,
        "KCN_ALERT_ACTIONS",
        "Spidermon actions when a check failed",
    ),
    Component(
        "EXTENSIONS",
        "kcn_crawler.extensions.catalog.CatalogExtension",
        820,
        "KCN_CATALOG",
        "owns the catalog runtime; records the run and every emitted article",
    ),
    Component(
        "EXTENSIONS",
        "kcn_crawler.extensions.stats_file.StatsFileExtension",
        900,
        "KCN_STATS_FILE",
        "the run's stats as JSON, last",
    ),
)

#: The duplicate filter of resumable jobs (JOBDIR): reads what the catalog says a job emitted.
DUPEFILTER_CLASS = "kcn_crawler.dupefilter.ResumableDupeFilter"


class OpsAddon:
    """Install the ops components (:data:`COMPONENTS`) and the resumable duplicate filter."""

    def update_settings(self, settings: Any) -> None:
        for component in COMPONENTS:
            settings.setdefault_in_component_priority_dict(
                component.setting, load_object(component.path), component.order
            )
        settings.set("DUPEFILTER_CLASS", DUPEFILTER_CLASS, "addon")
