"""The checks run after every crawl: pure functions of the crawl's numbers.

Each check returns a :class:`Check` (name, passed, one-line detail). The monitor
extension gathers the numbers (:class:`RunNumbers`) from stats and signals,
runs :func:`run_checks` and turns a failure into the crawl's exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median
from typing import Any

from kcn_crawler import stats_keys

COVERED_FIELDS = ("title", "published", "text")

# The runs a run is compared with, by kind: a resumed run is judged on its whole job,
# which walks what a full run walks; an incremental run only what is new.
BASELINE_KINDS = {
    "full": ("full", "resumed"),
    "resumed": ("full", "resumed"),
    "incremental": ("incremental",),
}


@dataclass(frozen=True)
class Thresholds:
    """Limits of the checks (settings ``KCN_MONITOR_*``)."""

    max_item_drop: float = 0.5  # fraction below the median of recent runs
    recent_runs: int = 5
    min_items: int = 1  # an unbounded full crawl finding fewer articles fails
    min_coverage: float = 0.99
    max_http_error_rate: float = 0.10
    max_fallback_rate: float = 0.10
    max_dateparser_rate: float = 0.25
    max_dropped_rate: float = 0.02
    min_sample: int = 20  # rates over fewer observations are not judged

    @classmethod
    def from_settings(cls, settings: Any) -> Thresholds:
        """Read ``KCN_MONITOR_<NAME>`` settings, defaults above."""
        values: dict[str, Any] = {}
        for name, default in cls().__dict__.items():
            key = f"KCN_MONITOR_{name.upper()}"
            if isinstance(default, int):
                values[name] = settings.getint(key, default)
            else:
                values[name] = settings.getfloat(key, default)
        return cls(**values)


@dataclass
class RunNumbers:
    """What the checks look at, for one crawl."""

    finish_reason: str = "finished"
    incremental: bool = False  # asked for (``-a incremental=1``)
    kind: str = "full"  # full, incremental (with a catalog to compare with) or resumed
    unbounded: bool = True  # a full walk with no date range: finding nothing means trouble
    items: int = 0  # emitted
    seen: int = 0  # emitted + known articles skipped or found unchanged
    extracted: int = 0  # article pages read
    fallback: int = 0  # ... by the generic fallback extraction
    dateparser: int = 0  # published dates read by the slow fallback parser
    checked: int = 0  # items checked for coverage: emitted + dropped for an empty field
    missing: dict[str, int] = field(default_factory=dict)  # field -> checked items without it
    incomplete: int = 0  # articles refused for a missing field
    dropped_other: int = 0  # items dropped for reasons other than duplicate/range/unchanged
    responses: int = 0  # final HTTP responses (not counting robots.txt)
    http_errors: int = 0  # ... with status >= 400
    exceptions: int = 0  # requests that failed without a response
    site_error: str | None = None
    # a resumed run: the job's earlier runs, and the articles they emitted
    job_runs: int = 0
    earlier_items: int = 0
    recent_seen: list[int] = field(default_factory=list)  # "seen" of recent runs
    # fallback-extraction share of recent runs (those that read enough articles)
    recent_fallback_rates: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Check:
    """The outcome of one check."""

    name: str
    passed: bool
    detail: str

    def line(self) -> str:
        """``name: detail`` for logs and the exit message."""
        return f"{self.name}: {self.detail}"


def articles_seen(stats: dict[str, Any]) -> int:
    """Articles a crawl met: emitted, plus known ones skipped or found unchanged."""
    keys = (
        "item_scraped_count",
        stats_keys.INCREMENTAL_SKIPPED,
        stats_keys.CATALOG_UNCHANGED_DROPPED,
        stats_keys.RESUME_SKIPPED,
    )
    return sum(int(stats.get(key, 0) or 0) for key in keys)


def dropped_counts(stats: dict[str, Any]) -> tuple[int, int]:
    """``(incomplete, other)``: articles read but not emitted, as the dropped check counts them.

    *incomplete*: refused by the spider for an empty title, date or text; *other*:
    dropped by a pipeline for any reason but a duplicate, a date out of range or
    (incremental) an unchanged article.
    """

    def get(key: str) -> int:
        return int(stats.get(key, 0) or 0)

    benign = (
        get(stats_keys.ITEMS_DUPLICATE)
        + get(stats_keys.ITEMS_OUT_OF_RANGE)
        + get(stats_keys.CATALOG_UNCHANGED_DROPPED)
    )
    return get(stats_keys.ARTICLES_INCOMPLETE), max(0, get("item_dropped_count") - benign)


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def check_finish(n: RunNumbers) -> Check:
    """The crawl ran to its end, and the site was usable."""
    if n.site_error:
        return Check("site", False, n.site_error)
    ok = n.finish_reason == "finished"
    return Check("finish", ok, f"finish reason {n.finish_reason!r}")


def check_item_count(n: RunNumbers, t: Thresholds) -> Check:
    """Articles seen vs. the median of recent finished runs of the same kind.

    Same spider, site and arguments; kinds as in :data:`BASELINE_KINDS`.
    """
    mode = n.kind
    if n.recent_seen:
        reference = median(n.recent_seen[: t.recent_runs])
        floor = reference * (1 - t.max_item_drop)
        detail = (
            f"{n.seen} articles vs median {reference:g} of the last {len(n.recent_seen)} "
            f"{mode} runs (minimum {floor:g})"
        )
        return Check("item_count", n.seen >= floor, detail)
    if n.unbounded and n.kind != "incremental" and n.seen < t.min_items:
        return Check("item_count", False, f"{n.seen} articles found (at least {t.min_items})")
    return Check("item_count", True, f"{n.seen} articles; no earlier {mode} run to compare")


def _job(n: RunNumbers) -> str:
    """`` over the whole job (N runs)`` for a resumed run, else nothing."""
    if not n.job_runs:
        return ""
    return f" over the whole job ({n.job_runs + 1} runs)"


def _too_few(name: str, sample: int, t: Thresholds, what: str) -> Check | None:
    if sample >= t.min_sample:
        return None
    return Check(name, True, f"{sample} {what}: too few to judge (< {t.min_sample})")


def check_coverage(n: RunNumbers, t: Thresholds) -> Check:
    """Title, published and text present in at least ``min_coverage`` of the items.

    A resumed run counts the items its job's earlier runs emitted (they had all three).
    """
    checked = n.checked + n.earlier_items
    small = _too_few("field_coverage", checked, t, "items")
    if small:
        return small
    worst = COVERED_FIELDS[0]
    lowest = 1.0
    for name in COVERED_FIELDS:
        share = 1 - _rate(n.missing.get(name, 0), checked)
        if share < lowest:
            lowest, worst = share, name
    where = f"{checked} items{_job(n)}"
    if lowest >= t.min_coverage:
        fields = ", ".join(COVERED_FIELDS)
        return Check("field_coverage", True, f"{fields} in ≥ {lowest:.1%} of {where}")
    detail = f"{worst} in {lowest:.1%} of {where} (< {t.min_coverage:.0%})"
    return Check("field_coverage", False, detail)


def check_http_errors(n: RunNumbers, t: Thresholds) -> Check:
    """HTTP errors and failed downloads, as a share of all requests answered or failed."""
    total = n.responses + n.exceptions
    bad = n.http_errors + n.exceptions
    small = _too_few("http_errors", total, t, "requests")
    if small:
        return small
    rate = _rate(bad, total)
    detail = f"{bad} of {total} requests failed ({rate:.1%}, limit {t.max_http_error_rate:.0%})"
    return Check("http_errors", rate <= t.max_http_error_rate, detail)


def check_fallback(n: RunNumbers, t: Thresholds) -> Check:
    """A rise of the generic fallback extraction: the site's markup has changed.

    The fast path knows a few layouts; a site whose markup nobody has seen runs
    on the fallback from its first crawl, and that is its baseline, not a
    failure. The check fails when the share of fallback extraction goes above
    the limit on a site whose recent runs stayed under it.
    """
    small = _too_few("fallback_extraction", n.extracted, t, "articles read")
    if small:
        return small
    rate = _rate(n.fallback, n.extracted)
    detail = (
        f"{n.fallback} of {n.extracted} articles by fallback extraction "
        f"({rate:.1%}, limit {t.max_fallback_rate:.0%}"
    )
    if rate <= t.max_fallback_rate:
        return Check("fallback_extraction", True, detail + ")")
    if not n.recent_fallback_rates:
        return Check("fallback_extraction", True, detail + "; no earlier run: baseline)")
    before = median(n.recent_fallback_rates)
    if before > t.max_fallback_rate:
        return Check("fallback_extraction", True, detail + f"; as before, {before:.0%})")
    return Check("fallback_extraction", False, detail + f"; was {before:.0%}: markup changed?)")


def check_dateparser(n: RunNumbers, t: Thresholds) -> Check:
    """Publication dates that only the slow fallback date parser could read."""
    small = _too_few("fallback_dates", n.items + n.incomplete, t, "articles")
    if small:
        return small
    rate = _rate(n.dateparser, n.items + n.incomplete)
    detail = (
        f"{n.dateparser} of {n.items + n.incomplete} dates by the fallback parser "
        f"({rate:.1%}, limit {t.max_dateparser_rate:.0%})"
    )
    return Check("fallback_dates", rate <= t.max_dateparser_rate, detail)


def check_dropped(n: RunNumbers, t: Thresholds) -> Check:
    """Articles read but not emitted: incomplete, or dropped by a pipeline.

    A resumed run is judged on its whole job: the articles the earlier runs emitted
    count as read, and this run read again every article they did not emit (so its
    failures are the job's).
    """
    bad = n.incomplete + n.dropped_other
    total = max(n.extracted, n.items + bad) + n.earlier_items
    small = _too_few("dropped_items", total, t, "articles read")
    if small:
        return small
    rate = _rate(bad, total)
    detail = (
        f"{bad} of {total} articles read{_job(n)} dropped ({n.incomplete} incomplete; "
        f"{rate:.1%}, limit {t.max_dropped_rate:.0%})"
    )
    return Check("dropped_items", rate <= t.max_dropped_rate, detail)


def run_checks(n: RunNumbers, t: Thresholds) -> list[Check]:
    """Every check, in report order."""
    return [
        check_finish(n),
        check_item_count(n, t),
        check_coverage(n, t),
        check_http_errors(n, t),
        check_fallback(n, t),
        check_dateparser(n, t),
        check_dropped(n, t),
    ]
