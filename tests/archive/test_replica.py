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
from tests.replica.process import run_replica

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
        yield ReplicaArchive(replica.url, replica.truth(), log, run, workdir, records)


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
