"""One process, many portals: one Scrapy crawler per site of a sites file.

``scrapy crawl news -a sites=FILE`` runs, in one process and one reactor, one
crawler per entry of the file, each exactly the single-site crawl of
``-a site=ROOT``. Each crawler has its own downloader, so each host gets its own
concurrency, delay and AutoThrottle (the entry's overrides applied to that
crawler's settings); its own spider state (home, channels, archive form,
since/until); its own catalog run, monitor checks and report. This keeps every
run row of the catalog a ``(spider, site)`` run, so incremental crawls and the
monitor's baselines are the same whether a site is crawled alone or with its
province.

Files that one crawl writes get the site in their name: the exports
(``exports/news/<start>-<host>.jsonl``, also for ``-o``/``-O`` paths), the
report beside them, the stats file, the WARC directory and the JOBDIR.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from kcn_crawler.sites import SiteEntry

PER_SITE_PATHS = ("KCN_STATS_FILE", "JOBDIR")
# Above "cmdline" (40): the runner merges its own settings into each crawler at
# crawl time, and an entry of the sites file is more specific than ``-s``.
SITE_PRIORITY = 50


def with_slug(path: str, slug: str) -> str:
    """``dir/name.ext`` → ``dir/name-<slug>.ext`` (the whole path kept otherwise)."""
    pure = PurePosixPath(path)
    suffix = "".join(pure.suffixes[-1:])
    stem = pure.name[: len(pure.name) - len(suffix)] if suffix else pure.name
    return str(pure.with_name(f"{stem}-{slug}{suffix}"))


def per_site_feeds(feeds: dict[str, Any], slug: str) -> dict[str, Any]:
    """The crawl's feeds with the site's slug in every file name."""
    result: dict[str, Any] = {}
    for uri, options in feeds.items():
        text = str(uri)
        if "://" in text and not text.startswith("file://"):
            result[text] = options  # a remote feed: the user's own naming
            continue
        result[with_slug(text, slug)] = options
    return result


def site_settings(entry: SiteEntry, settings: Any) -> dict[str, Any]:
    """The settings one site's crawler overrides: politeness, channels, per-site files."""
    values = entry.settings()
    if entry.skip_channels:
        values["KCN_SKIP_CHANNELS"] = list(entry.skip_channels)
    values["FEEDS"] = per_site_feeds(settings.getdict("FEEDS"), entry.slug)
    for name in PER_SITE_PATHS:
        if settings.get(name):
            values[name] = with_slug(str(settings.get(name)), entry.slug)
    values["KCN_WARC_DIR"] = str(PurePosixPath(settings.get("KCN_WARC_DIR")) / entry.slug)
    return values


def apply_site(crawler: Any, entry: SiteEntry) -> None:
    """Give one site's crawler (not started yet) its per-site settings."""
    for name, value in site_settings(entry, crawler.settings).items():
        crawler.settings.set(name, value, priority=SITE_PRIORITY)
