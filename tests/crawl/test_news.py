"""``scrapy crawl news`` against the replica, every skin, scored on the ground truth."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.crawl.conftest import CrawlOfReplica
from tests.crawl.helpers import score, trap_requests
from tests.crawl.seed import SEED_AUTHOR, SEED_PUBLISHED, SEED_ROLE, seed_paragraphs, seed_title
from tests.replica.site import SKINS

MIN_TEXT_F1 = 0.99


@pytest.fixture(scope="module", params=SKINS)
def news(request: pytest.FixtureRequest, crawl_factory: Callable[..., CrawlOfReplica]):
    return crawl_factory(request.param, "news")


def listed_articles(crawl: CrawlOfReplica) -> list[dict]:
    return [article for article in crawl.truth["articles"] if article["channels"]]


def test_crawl_finishes_cleanly(news: CrawlOfReplica) -> None:
    assert news.run.returncode == 0, news.run.stderr[-3000:]
    # no telnet console, no remote-control code server listening while it ran
    assert "Telnet console listening" not in news.run.stderr
    assert "Remote control HTTP server listening" not in news.run.stderr


def test_coverage_checks_run_and_stay_quiet_on_a_healthy_site(news: CrawlOfReplica) -> None:
    checks = {check["name"]: check for check in news.run.stats["kcn/checks"]}
    for name in ("home_coverage", "channels_walked"):
        assert checks[name]["passed"], checks[name]["detail"]
    channels = news.run.stats["kcn/discovery/channels"]
    truth_channels = {c["name"] for c in news.truth["channels"]}
    assert {c["name"] for c in channels} == truth_channels
    assert all(c["articles"] > 0 for c in channels)


def test_the_vendors_layout_is_read_on_the_fast_path(
    crawl_factory: Callable[..., CrawlOfReplica],
) -> None:
    """tandan is the family's real markup (docs/anatomy.md): its selector set reads it."""
    stats = crawl_factory("tandan", "news").run.stats
    assert stats["kcn/articles/selectors"] >= 0.95 * stats["kcn/articles/extracted"], stats


def test_transient_503_is_retried_after_the_servers_delay(news: CrawlOfReplica) -> None:
    assert news.truth["transient_503"], "the replica answers one article with a 503 first"
    assert news.run.stats.get("kcn/retry_after/waits", 0) >= 1


def test_every_listed_article_exactly_once(news: CrawlOfReplica) -> None:
    result = score(news.run.items, listed_articles(news), MIN_TEXT_F1)
    assert result.missing == [], "articles not harvested"
    assert result.unexpected == [], "items that are not articles of a channel"
    assert result.duplicates == []


def test_fields_match_the_ground_truth(news: CrawlOfReplica) -> None:
    result = score(news.run.items, listed_articles(news), MIN_TEXT_F1)
    assert result.problems == []


def test_channel_is_one_that_lists_the_article(news: CrawlOfReplica) -> None:
    truth = {article["id"]: article for article in news.truth["articles"]}
    for item in news.run.items:
        assert item["channel"] in truth[item["id"]]["channels"], item["id"]


def test_lead_media_source_and_repairs_match(news: CrawlOfReplica) -> None:
    truth = {article["id"]: article for article in news.truth["articles"]}
    for item in news.run.items:
        want = truth[item["id"]]
        assert item["images"] == want["images"], item["id"]
        assert item["attachments"] == want["attachments"], item["id"]
        assert item["summary"] == want["summary"], item["id"]
        assert item["source"] == want["source"], item["id"]
        assert item["repairs"] == want["repairs"], item["id"]


def test_traps_and_print_views_are_never_requested(news: CrawlOfReplica) -> None:
    assert trap_requests(news) == []


def test_unreadable_pages_are_reported_not_emitted(news: CrawlOfReplica) -> None:
    unreadable = news.truth["unreadable"]
    assert unreadable, "the replica serves an unreadable article"
    emitted = {item["url"].lower() for item in news.run.items}
    assert not emitted & {url.lower() for url in unreadable}
    assert news.run.stats.get("kcn/articles/incomplete", 0) >= len(unreadable)
    for url in unreadable:
        assert url.split("/")[-1] in news.run.stderr


def test_seed_article_is_exact(crawl_factory: Callable[..., CrawlOfReplica]) -> None:
    crawl = crawl_factory("classic", "news")
    seed = [item for item in crawl.run.items if item["title"] == seed_title()]
    assert len(seed) == 1, "the seed article is harvested once, its upper-case title kept"
    item = seed[0]
    assert item["published"] == SEED_PUBLISHED
    assert item["author"] == SEED_AUTHOR
    assert item["author_role"] == SEED_ROLE
    assert item["text"] == "\n\n".join(seed_paragraphs())
