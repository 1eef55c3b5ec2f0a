"""A straightforward parsel spider for the benchmark: the reference point between the two.

    scrapy runspider benchmarks/reference_spider.py -a urls_file=urls.txt -O items.jsonl

What a first Scrapy spider for these pages looks like: the same URLs as the
bare spider, every response parsed by parsel, a handful of fields read with
generic selectors (no cleaning, no dates, no fallback, no validation) and
written by Scrapy's JSON Lines feed. The issue that set the benchmark targets
quotes such a spider at ≈ 0.6 of the bare one; measuring it in the same run
puts the full crawl's ratio in context on the machine at hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from bare_spider import BareSpider  # scrapy runspider puts this folder on sys.path


class ReferenceSpider(BareSpider):
    """Parse every URL of ``urls_file`` and yield a few raw fields per page."""

    name = "reference"

    def parse(self, response: scrapy.http.Response) -> Iterator[dict[str, Any]]:  # type: ignore[override]
        paragraphs = (t.strip() for t in response.xpath("//p//text()").getall())
        yield {
            "url": response.url,
            "title": (response.xpath("//title/text()").get() or "").strip(),
            "headline": " ".join(response.xpath("(//h1|//h2)[1]//text()").getall()).strip(),
            "text": "\n".join(t for t in paragraphs if t),
            "images": response.xpath("//img/@src").getall(),
        }
