"""A crawl that misses much of a site says so (issue 10): the coverage checks fire when a
kind of channel is hidden from discovery, and the complete harvest reaches every article.

``KCN_DISCOVERY_IGNORE`` is a test-only setting: the URLs it matches are never taken for
channels, as if the site linked them in a way the crawler cannot see.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kcn_crawler.catalog.checks import Check
from kcn_crawler.catalog.coverage import CoverageThresholds, coverage_checks
from tests.crawl.helpers import LOOPBACK_SETTINGS, CrawlRun, run_crawl
from tests.replica.process import run_replica

pytestmark = pytest.mark.crawl


def crawl(tmp: Path, skin: str, spider: str, *args: str, hide: str = "") -> tuple[CrawlRun, dict]:
    settings = (*LOOPBACK_SETTINGS, f"KCN_DISCOVERY_IGNORE={hide}") if hide else LOOPBACK_SETTINGS
    with run_replica(articles=60, seed=7, skin=skin) as replica:
        run = run_crawl(spider, tmp, "-a", f"site={replica.url}", *args, settings=settings)
        return run, replica.truth()


def failed(run: CrawlRun) -> list[str]:
    return [
        line for line in run.stderr.splitlines() if line.startswith("kcn_crawler: check failed")
    ]


def test_news_that_misses_channels_fails_and_names_what_it_missed(tmp_path: Path) -> None:
    """The family's real layout with its /portal/Pages/ channels unseen: the walk of the one
    /portal/KenhTin/ channel alone must not pass as a healthy run."""
    run, _ = crawl(tmp_path, "tandan", "news", hide="/portal/Pages/")
    assert run.stats["kcn/listing/channels"] == 1
    assert run.returncode == 3
    lines = failed(run)
    assert len(lines) == 1 and "home_coverage" in lines[0], run.stderr[-2000:]
    unreached = run.stats["kcn/coverage/home_unreached"]
    assert unreached, "the report lists the home page's articles no channel reached"
    report = next(tmp_path.glob("*.html")).read_text("utf-8")
    assert 'id="home-unreached"' in report
    assert all(url in report for url in unreached.values())


def test_portal_whose_channels_miss_most_articles_fails(tmp_path: Path) -> None:
    run, truth = crawl(
        tmp_path,
        "classic",
        "portal",
        "-a",
        f"since={'2015-01-01'}",
        "-a",
        "max_days=5000",
        hide="Khoa-hoc-cong-nghe|Thong-bao",
    )
    assert run.returncode == 3
    assert any("archive_only" in line for line in failed(run)), run.stderr[-2000:]
    # nothing is lost: the archive still brought every article in
    assert {item["id"] for item in run.items} == {a["id"] for a in truth["articles"]}


def test_portal_without_since_is_the_complete_harvest(tmp_path: Path) -> None:
    run, truth = crawl(tmp_path, "classic", "portal")
    assert run.returncode == 0, run.stderr[-2000:]
    ids = [item["id"] for item in run.items]
    assert sorted(ids) == sorted(a["id"] for a in truth["articles"])
    span = run.stats["kcn/archive/span"]
    assert span.split(" .. ")[0] <= truth["first_day"], span
    assert f"Archive walk: {run.stats['kcn/archive/days_planned']} days, {span}" in run.stderr
    report = next(tmp_path.glob("*.html")).read_text("utf-8")
    assert 'id="archive-span"' in report and span in report
    assert 'id="channels"' in report


def _check(stats: dict, name: str) -> Check:
    return next(c for c in coverage_checks(stats, CoverageThresholds()) if c.name == name)


def test_home_coverage_judges_only_unbounded_walks() -> None:
    stats = {"kcn/coverage/home_linked": 20, "kcn/coverage/home_reached": 12}
    assert not _check(stats, "home_coverage").passed
    assert _check({**stats, "kcn/coverage/bounded": True}, "home_coverage").passed
    assert _check({**stats, "kcn/coverage/home_reached": 18}, "home_coverage").passed
    assert _check({"kcn/coverage/home_linked": 3}, "home_coverage").passed  # too few


def test_archive_only_fails_above_a_fifth_and_reports_older_ones() -> None:
    stats = {
        "kcn/coverage/archive_in_span": 50,
        "kcn/coverage/archive_only_in_span": 11,
        "kcn/coverage/archive_only_older": 30,
    }
    assert not _check(stats, "archive_only").passed
    ok = _check({**stats, "kcn/coverage/archive_only_in_span": 10}, "archive_only")
    assert ok.passed and "30 older" in ok.detail


def test_one_channel_walked_among_many_listing_like_pages_fails() -> None:
    stats = {"kcn/listing/channels": 1, "kcn/discovery/listing_like": 6}
    assert not _check(stats, "channels_walked").passed
    assert _check({**stats, "kcn/listing/channels": 4}, "channels_walked").passed
    assert _check({**stats, "kcn/discovery/listing_like": 3}, "channels_walked").passed
