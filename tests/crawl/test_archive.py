"""``archive`` and ``portal`` against the replica: day by day, and the complete harvest."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from tests.crawl.conftest import CrawlOfReplica
from tests.crawl.helpers import score, trap_requests
from tests.replica.site import SKINS

MIN_TEXT_F1 = 0.99


def day_of(article: dict) -> date:
    return date.fromisoformat(article["published"][:10])


def whole_range(crawl_factory: Callable[..., CrawlOfReplica], skin: str, spider: str):
    probe = crawl_factory(skin, "news")
    first, last = probe.truth["first_day"], probe.truth["last_day"]
    span = (date.fromisoformat(last) - date.fromisoformat(first)).days + 1
    return crawl_factory(
        skin, spider, "-a", f"since={first}", "-a", f"until={last}", "-a", f"max_days={span}"
    )


@pytest.fixture(scope="module", params=SKINS)
def archive(request: pytest.FixtureRequest, crawl_factory: Callable[..., CrawlOfReplica]):
    return whole_range(crawl_factory, request.param, "archive")


# ``portal`` is the news walk plus the archive walk, each crawled whole on every skin
# above and in test_news.py; its own whole-range crawl (≈ 25 s each) runs on four skins
# of different make: SharePoint 2010 tables, a third layout, class-less tables, SP2013, and
# the family's real layout (tandan: channels under /portal/Pages/, a sub-channel).
PORTAL_SKINS = ("classic", "third", "legacy", "sp2013", "tandan")


@pytest.fixture(scope="module", params=PORTAL_SKINS)
def portal(request: pytest.FixtureRequest, crawl_factory: Callable[..., CrawlOfReplica]):
    return whole_range(crawl_factory, request.param, "portal")


def test_archive_yields_every_article_of_the_range_once(archive: CrawlOfReplica) -> None:
    assert archive.run.returncode == 0, archive.run.stderr[-3000:]
    result = score(archive.run.items, archive.truth["articles"], MIN_TEXT_F1)
    assert (result.missing, result.unexpected, result.duplicates) == ([], [], [])
    assert result.problems == []


def test_archive_items_have_no_channel(archive: CrawlOfReplica) -> None:
    assert {item["channel"] for item in archive.run.items} == {None}


def test_archive_never_requests_the_calendar(archive: CrawlOfReplica) -> None:
    assert trap_requests(archive) == []
    assert not [e for e in archive.log if "iframe.aspx" in e["path"].lower()]


def test_archive_posts_the_form_once_per_day(archive: CrawlOfReplica) -> None:
    first = date.fromisoformat(archive.truth["first_day"])
    last = date.fromisoformat(archive.truth["last_day"])
    assert archive.run.stats["kcn/archive/days"] == (last - first).days + 1


def test_portal_yields_all_articles_once(portal: CrawlOfReplica) -> None:
    assert portal.run.returncode == 0, portal.run.stderr[-3000:]
    result = score(portal.run.items, portal.truth["articles"], MIN_TEXT_F1)
    assert (result.missing, result.unexpected, result.duplicates) == ([], [], [])
    assert result.problems == []


def test_portal_keeps_the_channel_of_listed_articles(portal: CrawlOfReplica) -> None:
    truth = {article["id"]: article for article in portal.truth["articles"]}
    for item in portal.run.items:
        channels = truth[item["id"]]["channels"]
        if channels:
            assert item["channel"] in channels, item["id"]
        else:
            assert item["channel"] is None, item["id"]


def test_same_article_same_fields_across_spiders(
    crawl_factory: Callable[..., CrawlOfReplica],
) -> None:
    def comparable(item: dict) -> dict:
        # each crawl ran against its own replica process, on its own port
        same_site = json.loads(json.dumps(item).replace(item["site"], "SITE"))
        return {k: v for k, v in same_site.items() if k not in ("channel", "crawled_at")}

    news = {i["id"]: i for i in crawl_factory("classic", "news").run.items}
    archive = {i["id"]: i for i in whole_range(crawl_factory, "classic", "archive").run.items}
    portal = {i["id"]: i for i in whole_range(crawl_factory, "classic", "portal").run.items}
    assert news and set(news) <= set(archive) and set(news) <= set(portal)
    for aid, item in news.items():
        assert comparable(archive[aid]) == comparable(item)
        assert comparable(portal[aid]) == comparable(item)
        assert portal[aid]["channel"] == item["channel"] or portal[aid]["channel"] is not None
        assert archive[aid]["channel"] is None


@pytest.mark.parametrize("spider", ["archive", "portal", "news"])
def test_a_sub_range_yields_exactly_its_articles(
    spider: str, crawl_factory: Callable[..., CrawlOfReplica]
) -> None:
    probe = crawl_factory("modern", "news")
    days = sorted({day_of(article) for article in probe.truth["articles"]})
    since, until = days[len(days) // 3], days[2 * len(days) // 3]
    crawl = crawl_factory("modern", spider, "-a", f"since={since}", "-a", f"until={until}")
    assert crawl.run.returncode == 0, crawl.run.stderr[-3000:]
    pool = probe.truth["articles"]
    if spider == "news":
        pool = [article for article in pool if article["channels"]]
    want = {a["id"] for a in pool if since <= day_of(a) <= until}
    got = [item["id"] for item in crawl.run.items]
    assert sorted(got) == sorted(want)


def test_news_since_stops_paging_early(crawl_factory: Callable[..., CrawlOfReplica]) -> None:
    full = crawl_factory("modern", "news")
    days = sorted({day_of(article) for article in full.truth["articles"]})
    since = days[len(days) // 2]
    recent = crawl_factory("modern", "news", "-a", f"since={since}")
    full_pages = full.run.stats.get("kcn/listing/pages", 0)
    recent_pages = recent.run.stats.get("kcn/listing/pages", 0)
    assert 0 < recent_pages < full_pages


def test_an_empty_range_ends_cleanly(crawl_factory: Callable[..., CrawlOfReplica]) -> None:
    probe = crawl_factory("third", "news")
    before = date.fromisoformat(probe.truth["first_day"]).replace(day=1)
    empty = before.replace(year=before.year - 1)
    crawl = crawl_factory("third", "archive", "-a", f"since={empty}", "-a", f"until={empty}")
    assert crawl.run.returncode == 0, crawl.run.stderr[-3000:]
    assert crawl.run.items == []
    assert crawl.run.stats["kcn/archive/days"] == 1
