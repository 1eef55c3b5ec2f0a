"""pywb replays the local site's crawl from the crawl's own WARCs and CDXJ indexes."""

from __future__ import annotations

from pathlib import Path

from tests.archive.conftest import ArchivedCrawl
from tests.archive.pywb import replay, run_pywb
from tests.archive.site import PDF, png


def test_pywb_replays_pages_documents_and_revisits(
    first_crawl: ArchivedCrawl, second_crawl: ArchivedCrawl, tmp_path: Path
) -> None:
    site = first_crawl.site
    with run_pywb(first_crawl.warc_dir, tmp_path) as pywb:
        status, page = replay(pywb, site + "/a1.html")
        assert status == 200
        assert "Sở Khoa học và Công nghệ tổ chức hội nghị" in page.decode("utf-8")
        # gzip-encoded capture: replayed decoded, as a browser would see it
        status, gz = replay(pywb, site + "/gz.html", modifier="id_")
        assert status == 200 and "<p>nén</p>".encode() in gz
        # the latest captures of these are revisits (second run): pywb resolves them
        assert replay(pywb, site + "/img/p.png", modifier="id_") == (200, png())
        assert replay(pywb, site + "/docs/report.pdf", modifier="id_") == (200, PDF)
        assert replay(pywb, site + "/never-crawled.html")[0] == 404
