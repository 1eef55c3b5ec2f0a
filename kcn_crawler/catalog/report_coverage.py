"""The run report's "Site coverage" section: the channels found, the archive's span,
and what the crawl knows it missed (see ``catalog.coverage`` for the checks)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from kcn_crawler import stats_keys

STAT_KEYS = (
    stats_keys.DISCOVERY_CHANNELS,
    stats_keys.DISCOVERY_CANDIDATES,
    stats_keys.DISCOVERY_NOT_CHANNEL,
    stats_keys.ARCHIVE_SPAN,
    stats_keys.ARCHIVE_SPAN_FROM,
    stats_keys.COVERAGE_HOME_LINKED,
    stats_keys.COVERAGE_HOME_REACHED,
    stats_keys.COVERAGE_HOME_UNREACHED,
    stats_keys.COVERAGE_CHANNEL_SPAN,
    stats_keys.COVERAGE_ARCHIVE_IN_SPAN,
    stats_keys.COVERAGE_ARCHIVE_ONLY_IN_SPAN,
    stats_keys.COVERAGE_ARCHIVE_ONLY_IN_SPAN_URLS,
    stats_keys.COVERAGE_ARCHIVE_ONLY_OLDER,
    stats_keys.COVERAGE_ARCHIVE_ONLY_OLDER_URLS,
    stats_keys.DATES_URL_DISAGREEMENTS,
)


def coverage_from_stats(stats: Mapping[str, Any]) -> dict[str, Any]:
    """The stats the section shows (absent ones left out)."""
    return {key.split("/", 1)[1]: stats[key] for key in STAT_KEYS if key in stats}


def _urls(title: str, anchor: str, urls: list[str]) -> str:
    if not urls:
        return ""
    rows = "".join(f'<li><a href="{escape(u)}">{escape(u)}</a></li>' for u in urls[:200])
    return f'<h3 id="{anchor}">{escape(title)} ({len(urls)})</h3><ul>{rows}</ul>'


def coverage_section(coverage: Mapping[str, Any]) -> str:
    """HTML of the section ("" when the crawl walked no channel and no archive)."""
    if not coverage:
        return ""
    parts = ["<h2>Site coverage</h2>"]
    channels = list(coverage.get("discovery/channels") or [])
    if "discovery/channels" in coverage:
        rows = "".join(
            f'<tr class="channel"><td>{escape(str(c.get("name")))}</td>'
            f'<td class="url"><a href="{escape(str(c.get("url")))}">{escape(str(c.get("url")))}'
            f'</a></td><td class="num">{int(c.get("articles") or 0)}</td>'
            f'<td class="num">{int(c.get("depth") or 0)}</td></tr>'
            for c in channels
        )
        head = "<tr><th>channel</th><th>URL</th><th>articles listed</th><th>depth</th></tr>"
        parts.append(
            f"<p>{len(channels)} channels found among "
            f"{int(coverage.get('discovery/candidates') or 0)} pages the site links "
            f"({int(coverage.get('discovery/not_channel') or 0)} list no article of their "
            f'own).</p><table id="channels">{head}{rows}</table>'
        )
    if "archive/span" in coverage:
        parts.append(
            f'<p id="archive-span">Archive walked {escape(str(coverage["archive/span"]))}'
            f" ({escape(str(coverage.get('archive/span_from', '')))}).</p>"
        )
    if "coverage/home_linked" in coverage:
        parts.append(
            f"<p>Channels listed {int(coverage.get('coverage/home_reached') or 0)} of the "
            f"{int(coverage['coverage/home_linked'])} articles the home page links.</p>"
        )
    unreached = coverage.get("coverage/home_unreached") or {}
    parts.append(
        _urls(
            "Home-page articles no channel listed",
            "home-unreached",
            list(unreached.values() if isinstance(unreached, Mapping) else unreached),
        )
    )
    if "coverage/archive_in_span" in coverage:
        parts.append(
            f"<p>Within the channels' span {escape(str(coverage.get('coverage/channel_span')))}: "
            f"{int(coverage.get('coverage/archive_only_in_span') or 0)} of "
            f"{int(coverage['coverage/archive_in_span'])} archive articles in no channel; "
            f"{int(coverage.get('coverage/archive_only_older') or 0)} older ones.</p>"
        )
    parts.append(
        _urls(
            "Only in the archive, within the channels' span",
            "archive-only",
            list(coverage.get("coverage/archive_only_in_span_urls") or []),
        )
    )
    parts.append(
        _urls(
            "Only in the archive, older than any listing",
            "archive-older",
            list(coverage.get("coverage/archive_only_older_urls") or []),
        )
    )
    disagreements = list(coverage.get("dates/url_disagreements") or [])
    if disagreements:
        rows = "".join(
            f'<tr><td class="url">{escape(str(d.get("url")))}</td>'
            f"<td>{escape(str(d.get('page_date')))}</td><td>{escape(str(d.get('url_date')))}</td>"
            "</tr>"
            for d in disagreements
        )
        parts.append(
            f'<h3 id="date-disagreements">Page dates that disagree with the URL\'s day '
            f"({len(disagreements)}; the URL's day kept)</h3><table><tr><th>URL</th>"
            f"<th>page</th><th>URL</th></tr>{rows}</table>"
        )
    return "".join(parts)
