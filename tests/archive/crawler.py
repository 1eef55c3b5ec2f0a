"""A minimal crawl of the local test site, run in a subprocess.

``python -m tests.archive.crawler CONFIG.json`` crawls with only the archiving
components switched on (not the project's other pipelines), so the archive
tests do not depend on the article extraction. The config holds ``site``,
``settings`` and ``out`` (folder for ``items.jsonl`` and ``stats.json``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response

PROJECT_ROOT = Path(__file__).resolve().parents[2]

BASE_SETTINGS: dict[str, Any] = {
    "ROBOTSTXT_OBEY": True,
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "INFO",
    "DOWNLOAD_DELAY": 0,
    "EXTENSIONS": {"kcn_crawler.extensions.warc.WarcArchiver": 100},
    "ITEM_PIPELINES": {"kcn_crawler.pipelines.files.ArticleFilesPipeline": 600},
    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
}


class SiteSpider(scrapy.Spider):
    """Home → articles (GET), one postback (POST), and a few odd pages."""

    name = "archivetest"

    def __init__(self, site: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.site = site

    async def start(self) -> Any:
        yield scrapy.Request(self.site + "/", callback=self.parse_home)

    def parse_home(self, response: Response) -> Iterator[Any]:
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, callback=self.parse_page)
        yield scrapy.FormRequest.from_response(response, callback=self.parse_page)

    def parse_page(self, response: Response) -> Iterator[dict[str, Any]]:
        if not response.url.endswith(("/a1.html", "/a2.html")):
            return
        yield {
            "id": response.url.rsplit("/", 1)[-1],
            "url": response.url,
            "images": [
                {"url": response.urljoin(src), "caption": None}
                for src in response.css("img::attr(src)").getall()
            ],
            "attachments": [
                {"url": response.urljoin(a.attrib["href"]), "name": a.css("::text").get()}
                for a in response.css("a[href]")
            ],
        }


@dataclass
class SiteCrawl:
    """What a subprocess crawl left: items, stats, log."""

    returncode: int
    stderr: str
    items: list[dict[str, Any]]
    stats: dict[str, Any]


def run_site_crawl(
    site: str,
    out: Path,
    settings: dict[str, Any],
    *,
    args: dict[str, str] | None = None,
    timeout: float = 120,
) -> SiteCrawl:
    """Crawl ``site`` with :class:`SiteSpider` in a fresh Python process."""
    out.mkdir(parents=True, exist_ok=True)
    config = out / "config.json"
    config.write_text(
        json.dumps({"site": site, "settings": settings, "out": str(out), "args": args or {}})
    )
    done = subprocess.run(
        [sys.executable, "-m", "tests.archive.crawler", str(config)],
        cwd=out,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    items_file, stats_file = out / "items.jsonl", out / "stats.json"
    items = [json.loads(x) for x in items_file.read_text("utf-8").splitlines() if x.strip()]
    stats = json.loads(stats_file.read_text("utf-8")) if stats_file.exists() else {}
    return SiteCrawl(done.returncode, done.stderr, items, stats)


def main(config_path: str) -> None:
    """Run one crawl as the config file says; write items and stats to ``out``."""
    config = json.loads(Path(config_path).read_text())
    out = Path(config["out"])
    settings = {
        **BASE_SETTINGS,
        "FEEDS": {str(out / "items.jsonl"): {"format": "jsonlines", "overwrite": True}},
        **config["settings"],
    }
    process = CrawlerProcess(settings, install_root_handler=True)
    crawler = process.create_crawler(SiteSpider)
    process.crawl(crawler, site=config["site"], **config.get("args", {}))
    process.start()
    stats = {k: v for k, v in crawler.stats.get_stats().items() if isinstance(v, int | str)}
    (out / "stats.json").write_text(json.dumps(stats, indent=1, default=str))


if __name__ == "__main__":
    main(sys.argv[1])
