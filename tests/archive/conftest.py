"""Fixtures: the local test site and its crawls, shared by the archive tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.archive.crawler import SiteCrawl, run_site_crawl
from tests.archive.site import LocalSite, Served, local_site


@dataclass
class ArchivedCrawl:
    """One crawl of the local site, the answers the site sent, and the folders."""

    crawl: SiteCrawl
    served: list[Served]
    warc_dir: Path
    files_dir: Path
    site: str


@pytest.fixture(scope="session")
def site() -> Iterator[LocalSite]:
    with local_site() as running:
        yield running


def crawl_site(site: LocalSite, root: Path, run: str, **settings: object) -> ArchivedCrawl:
    """Crawl the local site once with WARC (and by default files) on."""
    warc_dir, files_dir = root / "warc", root / "files"
    before = len(site.served)
    crawl = run_site_crawl(
        site.url,
        root / run,
        {
            "KCN_WARC": True,
            "KCN_FILES": True,
            "KCN_WARC_DIR": str(warc_dir),
            "FILES_STORE": str(files_dir),
            **settings,
        },
        args={"kcn_start": run},
    )
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    return ArchivedCrawl(crawl, site.served[before:], warc_dir, files_dir, site.url)


@pytest.fixture(scope="session")
def archive_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("archive")


@pytest.fixture(scope="session")
def first_crawl(site: LocalSite, archive_root: Path) -> ArchivedCrawl:
    return crawl_site(site, archive_root, "run1")


@pytest.fixture(scope="session")
def second_crawl(first_crawl: ArchivedCrawl, site: LocalSite, archive_root: Path) -> ArchivedCrawl:
    """The same crawl again, into the same folders: unchanged payloads become revisits."""
    return crawl_site(site, archive_root, "run2")
