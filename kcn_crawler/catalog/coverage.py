"""Coverage checks: a crawl that misses much of a site says so.

Pure functions of the crawl's stats (``kcn/coverage/*``, ``kcn/discovery/*``), run by
the monitor after the other checks. Each judges only what its spider walked:

- ``home_coverage`` (news, portal): the articles the home page links (news boxes,
  sliders) that no channel listing showed. Under ``min_home_coverage`` of them reached,
  channel discovery missed channels.
- ``archive_only`` (portal): among the articles the archive lists within the span the
  channels' listings cover, the share that no channel listed. Over ``max_archive_only``,
  channel discovery is incomplete. Older articles, which no listing reaches any more,
  are reported, never failed.
- ``channels_walked`` (news, portal): one channel walked while the home page links more
  than ``max_listing_like_unwalked`` listing-like pages (``/KenhTin/``, "Tin tức …").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kcn_crawler import stats_keys
from kcn_crawler.catalog.checks import Check

# Fewer home-page articles than this, or archive articles in the span: not judged.
MIN_SAMPLE = 5


@dataclass(frozen=True)
class CoverageThresholds:
    """Limits of the coverage checks (settings ``KCN_MONITOR_*``)."""

    min_home_coverage: float = 0.90
    max_archive_only: float = 0.20
    max_listing_like_unwalked: int = 4

    @classmethod
    def from_settings(cls, settings: Any) -> CoverageThresholds:
        return cls(
            min_home_coverage=settings.getfloat("KCN_MONITOR_MIN_HOME_COVERAGE", 0.90),
            max_archive_only=settings.getfloat("KCN_MONITOR_MAX_ARCHIVE_ONLY", 0.20),
            max_listing_like_unwalked=settings.getint("KCN_MONITOR_MAX_LISTING_LIKE_UNWALKED", 4),
        )


def _int(stats: dict[str, Any], key: str) -> int:
    return int(stats.get(key) or 0)


def check_home_coverage(stats: dict[str, Any], t: CoverageThresholds) -> Check | None:
    """The home page's articles the channel walk reached."""
    linked = _int(stats, stats_keys.COVERAGE_HOME_LINKED)
    if stats_keys.COVERAGE_HOME_LINKED not in stats:
        return None
    reached = _int(stats, stats_keys.COVERAGE_HOME_REACHED)
    if stats.get(stats_keys.COVERAGE_DISTRIBUTED):
        return Check(
            "home_coverage", True, f"{linked} home-page articles: not judged across workers"
        )
    if stats.get(stats_keys.COVERAGE_BOUNDED):
        # since/until or incremental: the walk stops early on purpose, older boxes unreached
        return Check("home_coverage", True, f"{reached} of {linked}: a bounded walk, not judged")
    if linked < MIN_SAMPLE:
        return Check("home_coverage", True, f"{linked} articles on the home page: too few")
    share = reached / linked
    detail = (
        f"channels listed {reached} of the {linked} articles the home page links "
        f"({share:.0%}, minimum {t.min_home_coverage:.0%})"
    )
    if share < t.min_home_coverage:
        detail += ": channels missed; unreached in the report"
    return Check("home_coverage", share >= t.min_home_coverage, detail)


def check_archive_only(stats: dict[str, Any], t: CoverageThresholds) -> Check | None:
    """Articles only the archive found, within the span the channels cover."""
    if stats_keys.COVERAGE_ARCHIVE_IN_SPAN not in stats:
        return None
    in_span = _int(stats, stats_keys.COVERAGE_ARCHIVE_IN_SPAN)
    only = _int(stats, stats_keys.COVERAGE_ARCHIVE_ONLY_IN_SPAN)
    older = _int(stats, stats_keys.COVERAGE_ARCHIVE_ONLY_OLDER)
    span = stats.get(stats_keys.COVERAGE_CHANNEL_SPAN) or "?"
    tail = f"; {older} older articles no listing reaches (reported)" if older else ""
    if in_span < MIN_SAMPLE:
        return Check("archive_only", True, f"{in_span} archive articles in {span}: too few{tail}")
    share = only / in_span
    detail = (
        f"{only} of {in_span} archive articles within the channels' span {span} "
        f"were in no channel ({share:.0%}, limit {t.max_archive_only:.0%}){tail}"
    )
    return Check("archive_only", share <= t.max_archive_only, detail)


def check_channels_walked(stats: dict[str, Any], t: CoverageThresholds) -> Check | None:
    """One channel walked while the home page links many listing-like pages."""
    if stats_keys.DISCOVERY_LISTING_LIKE not in stats:
        return None
    walked = _int(stats, stats_keys.LISTING_CHANNELS)
    listing_like = _int(stats, stats_keys.DISCOVERY_LISTING_LIKE)
    detail = f"{walked} channels walked; the home page links {listing_like} listing-like pages"
    failed = walked <= 1 and listing_like > t.max_listing_like_unwalked
    return Check("channels_walked", not failed, detail)


def coverage_checks(stats: dict[str, Any], t: CoverageThresholds) -> list[Check]:
    """The coverage checks that apply to this crawl (those whose numbers it has)."""
    checks = (
        check_home_coverage(stats, t),
        check_archive_only(stats, t),
        check_channels_walked(stats, t),
    )
    return [check for check in checks if check is not None]
