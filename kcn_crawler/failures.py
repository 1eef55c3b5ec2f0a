"""The run's failed URLs, for the report: one log, one writer.

The spider (unreadable articles, dates that disagree with their URL), the
monitor (HTTP errors, requests that failed for good, dropped articles, spider
errors) and a distributed crawl's collector (its workers' failures) all add to
it through :class:`FailureLog`. It lives in the stats list ``kcn/failures``
(``{"url", "reason"}`` dicts, at most :data:`MAX_FAILURES`), which the report,
the catalog, the progress lines and the stats file read: a ``FailureLog`` keeps
no state of its own, so every one made over the same stats is the same log.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kcn_crawler import stats_keys

MAX_FAILURES = 500  # entries kept; a run failing more often is broken anyway


class FailureLog:
    """The failed URLs of the crawl whose stats collector this is."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats

    def entries(self) -> list[dict[str, Any]]:
        """The failures so far, oldest first."""
        return list(self.stats.get_value(stats_keys.FAILURES) or [])

    def add(self, url: str, reason: str) -> None:
        """Keep one failed URL and why (nothing past :data:`MAX_FAILURES`)."""
        self.extend([{"url": url, "reason": reason}])

    def extend(self, failures: Iterable[Mapping[str, Any]]) -> None:
        """Keep failures recorded elsewhere (a distributed crawl's workers)."""
        entries = self.entries()
        for failure in failures:
            if len(entries) >= MAX_FAILURES:
                break
            entries.append(dict(failure))
        self.stats.set_value(stats_keys.FAILURES, entries)


def record_failure(crawler: Any, url: str, reason: str) -> None:
    """Add a failed URL to the crawl's failure log (what a spider calls)."""
    FailureLog(crawler.stats).add(url, reason)
