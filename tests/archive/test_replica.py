"""End to end: ``scrapy crawl portal`` of the replica with KCN_WARC=1 KCN_FILES=1."""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kcn_crawler import settings as project_settings
from kcn_crawler.normalize.urls import is_article_url
from tests.archive.pywb import replay, run_pywb
from tests.archive.warcs import Record, assert_well_formed
from tests.crawl.helpers import LOOPBACK_SETTINGS, CrawlRun, run_crawl
from tests.replica.process import Replica, run_replica

pytestmark = pytest.mark.crawl

WARC_EXTENSION = "kcn_crawler.extensions.warc.WarcArchiver"
FILES_PIPELINE = "kcn_crawler.pipelines.files.ArticleFilesPipeline"
DOCUMENT = re.compile(r"\.(pdf|docx?|xlsx?|zip|rar)$", re.IGNORECASE)


def archive_settings() -> tuple[str, ...]:
    """KCN_WARC and KCN_FILES on; the components registered if settings.py lacks them."""
    extra = ["KCN_WARC=1", "KCN_FILES=1"]
    extensions = dict(project_settings.EXTENSIONS)
    if WARC_EXTENSION not in extensions:
        extra.append("EXTENSIONS=" + json.dumps({**extensions, WARC_EXTENSION: 100}))
    pipelines = dict(project_settings.ITEM_PIPELINES)
    if FILES_PIPELINE not in pipelines:
        extra.append("ITEM_PIPELINES=" + json.dumps({**pipelines, FILES_PIPELINE: 600}))
    return (*LOOPBACK_SETTINGS, *extra)


@dataclass
class ReplicaArchive:
    """A finished portal crawl of a (still running) replica."""

    url: str
    truth: dict[str, Any]
    log: list[dict[str, Any]]
    run: CrawlRun
    workdir: Path
    records: list[Record]
    replica: Replica

    def fetch(self, url: str) -> bytes:
        """What the replica serves for ``url`` now (it is deterministic)."""
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.read()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReplicaArchive]:
    workdir = tmp_path_factory.mktemp("replica-archive")
    with run_replica(articles=60, seed=7, skin="classic") as replica:
        run = run_crawl("portal", workdir, "-a", f"site={replica.url}", settings=archive_settings())
        # the exit code also judges extraction quality (other tests' business): ask only
        # that the crawl ran to its end
        assert run.stats.get("finish_reason") == "finished", run.stderr[-3000:]
        log = replica.log()
        records = assert_well_formed(workdir / "exports" / "warc")
        yield ReplicaArchive(replica.url, replica.truth(), log, run, workdir, records, replica)


def fetched_kind(path: str) -> str | None:
    """article / image / attachment for the replica paths the test holds to account."""
    if is_article_url("http://x" + path):
        return "article"
    if "/photos/" in path.lower():
        return "image"
    if DOCUMENT.search(path.split("?")[0]):
        return "attachment"
    return None


def test_every_page_image_attachment_once_and_identical(archive: ReplicaArchive) -> None:
    fetched = {
        archive.url + entry["path"]: fetched_kind(entry["path"])
        for entry in archive.log
        if entry["method"] == "GET" and entry["status"] == 200 and fetched_kind(entry["path"])
    }
    assert {"article", "image", "attachment"} <= set(fetched.values())
    ok_responses = Counter(
        r.uri for r in archive.records if r.type == "response" and r.status == 200
    )
    post_uris = {r.uri for r in archive.records if r.type == "request" and r.method == "POST"}
    for url in fetched:
        assert ok_responses[url] == 1, url
    for url, count in ok_responses.items():
        assert count == 1 or url in post_uris, url
    payloads = {r.uri: r.content for r in archive.records if r.type == "response"}
    for url in fetched:
        assert payloads[url] == archive.fetch(url), url


def test_warc_names_and_index(archive: ReplicaArchive) -> None:
    folder = archive.workdir / "exports" / "warc"
    names = sorted(p.name for p in folder.glob("*.warc.gz"))
    assert names and all(re.fullmatch(r"portal-[\w-]+-\d{5}\.warc\.gz", n) for n in names)
    assert sorted(p.name for p in folder.glob("*.cdxj")) == [
        n.removesuffix(".warc.gz") + ".cdxj" for n in names
    ]
    stats = archive.run.stats
    empty = stats.get("kcn/warc/empty_days_not_recorded", 0)
    assert stats["kcn/warc/records/request"] + empty == stats["downloader/response_count"]
    assert "kcn/warc/requests_omitted" not in stats  # a first run: every request recorded
    assert stats["kcn/warc/records/post"] >= 1  # archive-form and pager postbacks


def test_archive_days_listing_nothing_are_listed_in_one_metadata_record(
    archive: ReplicaArchive,
) -> None:
    """Not thousands of postbacks with their __VIEWSTATE: one line per empty day."""
    metadata = [r for r in archive.records if r.type == "metadata"]
    assert len(metadata) == 1
    empty = json.loads(metadata[0].content)["kcn:empty-archive-days"]
    stats = archive.run.stats
    assert len(empty) == stats["kcn/warc/empty_days_not_recorded"] > 0
    assert len(empty) == stats["kcn/archive_day/empty_pages"]
    days_with_articles = {a["published"][:10] for a in archive.truth["articles"]}
    assert not {e["day"] for e in empty} & days_with_articles
    assert all(e["method"] == "POST" and e["status"] == 200 for e in empty)
    assert [e["day"] for e in empty] == sorted(e["day"] for e in empty)
    # days that list articles are archived in full, request and answer
    recorded_posts = sum(1 for r in archive.records if r.type == "request" and r.method == "POST")
    assert recorded_posts == stats["kcn/warc/records/post"] >= 1


def test_items_point_at_stored_files(archive: ReplicaArchive) -> None:
    store = (archive.workdir / "exports" / "files").resolve()
    payloads = {r.uri: r.content for r in archive.records if r.type == "response"}
    entries = [e for item in archive.run.items for e in item["images"] + item["attachments"]]
    assert entries and all({"path", "sha256", "mismatch"} <= set(e) for e in entries)
    stored = [e for e in entries if e["path"]]
    assert stored
    for entry in stored:
        target = (store / entry["path"]).resolve()
        assert target.is_relative_to(store)
        data = target.read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert data == payloads[entry["url"]]
    assert archive.run.stats.get("kcn/files/downloaded", 0) >= 1


def page_text(markup: bytes) -> str:
    """Visible text of a page: tags out, entities decoded, NFC, one space."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup.decode("utf-8", "replace"))
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_pywb_replays_the_seed_article(archive: ReplicaArchive, tmp_path: Path) -> None:
    seed = next(a for a in archive.truth["articles"] if a["author"] == "Cao Thị Ngọc Hà")
    captured = next(
        r.uri
        for r in archive.records
        if r.type == "response" and r.uri.lower() == seed["url"].lower()
    )
    with run_pywb(archive.workdir / "exports" / "warc", tmp_path) as pywb:
        status, markup = replay(pywb, captured)
    assert status == 200
    text = page_text(markup)
    paragraphs = [" ".join(p.split()) for p in seed["text"].split("\n\n")]
    assert paragraphs and all(p in text for p in paragraphs)
    assert " ".join(seed["title"].split()) in text


# --- the same crawl again: an unchanged site adds little; a changed page comes in full ----


@dataclass
class Recrawl:
    """The same command run again on the unchanged replica, into the same folders."""

    run: CrawlRun
    first_files: list[Path]
    files: list[Path]
    records: list[Record]  # the whole folder's


def warc_names(folder: Path) -> set[Path]:
    return set(folder.glob("*.warc.gz"))


@pytest.fixture(scope="module")
def recrawl(archive: ReplicaArchive) -> Recrawl:
    folder = archive.workdir / "exports" / "warc"
    before = warc_names(folder)
    run = run_crawl(
        "portal", archive.workdir, "-a", f"site={archive.url}", settings=archive_settings()
    )
    assert run.stats.get("finish_reason") == "finished", run.stderr[-3000:]
    records = assert_well_formed(folder)  # warcio check of every file, first run's too
    return Recrawl(run, sorted(before), sorted(warc_names(folder) - before), records)


def test_unchanged_recrawl_adds_at_most_five_percent(recrawl: Recrawl) -> None:
    first = sum(p.stat().st_size for p in recrawl.first_files)
    again = sum(p.stat().st_size for p in recrawl.files)
    assert recrawl.files and again <= 0.05 * first, (again, first)


def test_unchanged_recrawl_is_revisits_and_one_listing(
    archive: ReplicaArchive, recrawl: Recrawl
) -> None:
    names = {p.name for p in recrawl.files}
    second = [r for r in recrawl.records if r.file in names]
    first = {
        (r.uri, r.headers["WARC-Date"]): r
        for r in recrawl.records
        if r.file not in names and r.type == "response"
    }
    revisits = [r for r in second if r.type == "revisit"]
    assert revisits
    for rec in revisits:  # each names a first-run capture holding the same payload
        refers = rec.headers["WARC-Refers-To-Target-URI"], rec.headers["WARC-Refers-To-Date"]
        original = first[refers]
        assert original.headers["WARC-Payload-Digest"] == rec.headers["WARC-Payload-Digest"]
        assert rec.http_first_line.startswith("HTTP/1.1 200")
    # nothing stored twice: no 200 answer in full, and no request record but those of the
    # few answers without a payload to compare (redirects); no POST, no __VIEWSTATE again
    assert not [r for r in second if r.type == "response" and r.status == 200]
    requests = [r for r in second if r.type == "request"]
    assert len(requests) == len([r for r in second if r.type == "response"])
    assert not [r for r in requests if r.method == "POST"]
    stats = recrawl.run.stats
    assert stats["kcn/warc/requests_omitted"] == len(revisits)
    (listing,) = [r for r in second if r.type == "metadata"]
    unchanged = json.loads(listing.content)["kcn:unchanged-postbacks"]
    assert len(unchanged) == stats["kcn/warc/unchanged_posts_not_recorded"]
    assert len(unchanged) == archive.run.stats["kcn/warc/records/post"]
    for entry in unchanged:
        original = first[entry["refers-to-uri"], entry["refers-to-date"]]
        assert original.headers["WARC-Payload-Digest"] == entry["payload-digest"]
        assert entry["method"] == "POST" and entry["status"] == 200
    # every exchange is a request record, a revisit alone, or a line of the listing
    empty = stats["kcn/warc/empty_days_not_recorded"]
    accounted = stats["kcn/warc/records/request"] + len(revisits) + len(unchanged) + empty
    assert accounted == stats["downloader/response_count"]


def test_pywb_replays_first_run_and_revisited_captures(
    archive: ReplicaArchive, recrawl: Recrawl, tmp_path: Path
) -> None:
    seed = next(a for a in archive.truth["articles"] if a["author"] == "Cao Thị Ngọc Hà")
    home = archive.url + "/portal/Pages/default.aspx"
    first = {r.uri.lower(): r for r in get_responses(archive.records)}
    captured = first[seed["url"].lower()]
    first_time = re.sub(r"\D", "", captured.headers["WARC-Date"])[:14]
    names = {p.name for p in recrawl.files}
    revisited = {r.uri.lower() for r in recrawl.records if r.type == "revisit" and r.file in names}
    assert {seed["url"].lower(), home.lower()} <= revisited
    with run_pywb(archive.workdir / "exports" / "warc", tmp_path) as pywb:
        # the first run's capture, asked for at its own time
        status, markup = replay(pywb, captured.uri, timestamp=first_time)
        assert status == 200 and " ".join(seed["title"].split()) in page_text(markup)
        # the latest capture is the second run's revisit: pywb finds the payload it repeats
        assert replay(pywb, captured.uri, modifier="id_") == (200, captured.raw)
        # the home page is the home page, not an archive-day answer posted to its URL
        assert replay(pywb, home, modifier="id_") == (200, first[home.lower()].raw)


def get_responses(records: list[Record]) -> list[Record]:
    """The response records of GET requests (a POST's answer shares its form's URL)."""
    requests = {r.headers["WARC-Concurrent-To"]: r for r in records if r.type == "request"}
    return [
        r
        for r in records
        if r.type == "response" and requests[r.headers["WARC-Record-ID"]].method == "GET"
    ]


def test_a_changed_article_is_archived_in_full(
    archive: ReplicaArchive, recrawl: Recrawl, tmp_path: Path
) -> None:
    folder = archive.workdir / "exports" / "warc"
    listed = [a for a in archive.truth["articles"] if a["channels"]]
    target = next(a for a in listed if a["author"] != "Cao Thị Ngọc Hà")
    archive.replica.edit(target["id"])
    before = warc_names(folder)
    # the same command a third time, into the same folders
    run = run_crawl(
        "portal", archive.workdir, "-a", f"site={archive.url}", settings=archive_settings()
    )
    assert run.stats.get("finish_reason") == "finished", run.stderr[-3000:]
    names = {p.name for p in warc_names(folder) - before}
    records = [r for r in assert_well_formed(folder) if r.file in names]
    url = target["url"].lower()
    pages = [r for r in records if r.type in ("response", "revisit") and r.uri.lower() == url]
    assert [r.type for r in pages] == ["response"], (pages, [i["id"] for i in run.items])
    page = pages[0]
    assert page.content == archive.fetch(page.uri) and "Cập nhật lần 1" in page_text(page.content)
    (request,) = [r for r in records if r.type == "request" and r.uri.lower() == url]
    assert request.headers["WARC-Concurrent-To"] == page.headers["WARC-Record-ID"]
    with run_pywb(folder, tmp_path) as pywb:
        status, markup = replay(pywb, page.uri)
    assert status == 200 and "Cập nhật lần 1" in page_text(markup)
