"""Real crawls (subprocess) of the local test site with KCN_WARC and KCN_FILES on."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.archive.conftest import ArchivedCrawl, crawl_site
from tests.archive.site import BIG, TRAVERSAL_NAMES, LocalSite
from tests.archive.warcs import Record, assert_well_formed, read_records, warc_files


def responses_by_exchange(records: list[Record]) -> Counter[tuple[str, str, bytes]]:
    """(method, URL, request body) of every response/revisit record."""
    requests = {r.headers["WARC-Concurrent-To"]: r for r in records if r.type == "request"}
    found: Counter[tuple[str, str, bytes]] = Counter()
    for rec in records:
        if rec.type in ("response", "revisit"):
            request = requests[rec.headers["WARC-Record-ID"]]
            found[(request.method or "", rec.uri, request.raw)] += 1
    return found


def test_every_exchange_once_and_byte_identical(first_crawl: ArchivedCrawl) -> None:
    records = assert_well_formed(first_crawl.warc_dir)
    records = [r for r in records if r.file.startswith("archivetest-run1-")]
    found = responses_by_exchange(records)
    served = Counter(
        (s.method, first_crawl.site + s.path, s.request_body) for s in first_crawl.served
    )
    assert found == served
    by_uri = {r.uri: r for r in records if r.type == "response" and r.http_first_line}
    for answer in first_crawl.served:
        if answer.method == "GET":
            record = by_uri[first_crawl.site + answer.path]
            assert record.raw == answer.body, answer.path
            assert record.status == answer.status
    kinds = {s.path for s in first_crawl.served}
    assert {"/robots.txt", "/", "/a1.html", "/img/p.png", "/docs/report.pdf", "/list"} <= kinds


def test_bodies_agree_with_headers(first_crawl: ArchivedCrawl) -> None:
    records = read_records(first_crawl.warc_dir)
    gz = next(r for r in records if r.type == "response" and r.uri.endswith("/gz.html"))
    assert gz.http_headers["Content-Encoding"] == "gzip"
    assert gz.raw[:2] == b"\x1f\x8b" and b"<p>n\xc3\xa9n</p>" in gz.content
    assert int(gz.http_headers["Content-Length"]) == len(gz.raw)
    chunked = next(r for r in records if r.type == "response" and r.uri.endswith("/chunked.html"))
    assert "Transfer-Encoding" not in chunked.http_headers
    assert chunked.raw.startswith(b"<!DOCTYPE html>")
    for rec in records:
        length = rec.http_headers.get("Content-Length")
        if rec.type == "response" and length is not None:
            assert int(length) == len(rec.raw), rec.uri


def test_post_request_keeps_its_body(first_crawl: ArchivedCrawl) -> None:
    records = read_records(first_crawl.warc_dir)
    post = next(r for r in records if r.type == "request" and r.method == "POST")
    assert post.raw == b"__EVENTTARGET=pager&__EVENTARGUMENT=Page%242"
    assert post.http_headers["Content-Length"] == str(len(post.raw))
    cdxj = next(first_crawl.warc_dir.glob("archivetest-run1-*.cdxj")).read_text()
    assert "__wb_method=post" in cdxj


def test_warcinfo_names_software_arguments_settings(first_crawl: ArchivedCrawl) -> None:
    info = next(r for r in read_records(first_crawl.warc_dir) if r.type == "warcinfo")
    fields = dict(line.split(": ", 1) for line in info.raw.decode().splitlines())
    assert fields["software"].startswith("kcn_crawler/")
    assert fields["isPartOf"] == "archivetest-run1"
    assert json.loads(fields["arguments"])["site"] == first_crawl.site
    settings = json.loads(fields["settings"])
    assert settings["ROBOTSTXT_OBEY"] is True and "KCN_WARC_MAX_SIZE" in settings


def test_files_inside_store_with_path_and_sha256(
    first_crawl: ArchivedCrawl, tmp_path_factory: pytest.TempPathFactory
) -> None:
    store = first_crawl.files_dir.resolve()
    stored = [p for p in store.rglob("*") if p.is_file()]
    assert stored
    assert all(
        re.fullmatch(r"[0-9a-f]{2}/[0-9a-f]{64}(\.[a-z0-9]+)?", str(p.relative_to(store)))
        for p in stored
    )
    hostile = {"evil.pdf", "passwd", "win.doc", "CON", "url-evil.pdf", "c.pdf"}
    # the crawl ran in the session's temporary tree: nothing may land anywhere else in it
    tree = tmp_path_factory.getbasetemp()
    assert not [p for p in tree.rglob("*") if p.name in hostile or p.name.startswith("xxxxx")]
    entries = {
        e["url"].rsplit("/", 1)[1]: e for it in first_crawl.crawl.items for e in it["attachments"]
    }
    for n in TRAVERSAL_NAMES:
        entry = entries[n]
        target = (store / entry["path"]).resolve()
        assert target.is_relative_to(store) and target.is_file()
        assert target.name.startswith(entry["sha256"])
    assert entries["gone.pdf"]["path"] is None and entries["gone.pdf"]["sha256"] is None
    assert entries["fake.pdf"]["mismatch"] is True
    assert entries["report.pdf"]["mismatch"] is False
    stats = first_crawl.crawl.stats
    assert stats["kcn/files/type_mismatch"] >= 1
    assert stats.get("log_count/ERROR", 0) == 0


def test_second_run_writes_revisits(second_crawl: ArchivedCrawl) -> None:
    records = assert_well_formed(second_crawl.warc_dir)
    run2 = [r for r in records if r.file.startswith("archivetest-run2-")]
    revisits = [r for r in run2 if r.type == "revisit"]
    assert revisits and not [r for r in run2 if r.type == "response" and r.uri.endswith(".png")]
    run1_uris = {r.uri for r in records if r.file.startswith("archivetest-run1-")}
    assert all(r.headers["WARC-Refers-To-Target-URI"] in run1_uris for r in revisits)
    assert second_crawl.crawl.stats["kcn/warc/records/revisit"] == len(revisits)


def test_rotation_and_truncation(site: LocalSite, tmp_path: Path) -> None:
    crawl = crawl_site(
        site, tmp_path, "small", KCN_FILES=False, KCN_WARC_MAX_SIZE=3000, KCN_WARC_MAX_PAYLOAD=4096
    )
    assert len(warc_files(crawl.warc_dir)) >= 3
    records = assert_well_formed(crawl.warc_dir)
    big = next(r for r in records if r.type == "response" and r.uri.endswith("/big.bin"))
    assert big.headers["WARC-Truncated"] == "length" and big.raw == BIG[:4096]
    assert crawl.crawl.stats["kcn/warc/truncated/length"] == 1
    assert crawl.crawl.stats["kcn/warc/files"] == len(warc_files(crawl.warc_dir))


def test_off_by_default_writes_nothing(site: LocalSite, tmp_path: Path) -> None:
    crawl = crawl_site(site, tmp_path, "off", KCN_WARC=False, KCN_FILES=False)
    assert not crawl.warc_dir.exists() and not crawl.files_dir.exists()
    assert not [k for k in crawl.crawl.stats if k.startswith(("kcn/warc", "kcn/files"))]
    assert "Disabled" not in crawl.crawl.stderr
    assert all("path" not in e for item in crawl.crawl.items for e in item["attachments"])
