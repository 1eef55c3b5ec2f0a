"""A read article page is freed as soon as the spider drops it.

The page object holds the parsed tree and every cached field (hundreds of KB). If it
sat in a reference cycle, it would live until Python's cyclic collector ran, and a
crawl's memory would grow by as many pages as it reads between two collections.
"""

from __future__ import annotations

import gc
import weakref

import pytest

from kcn_crawler.pages.article import ArticlePage
from tests.pages import _fixtures

URL = "https://skhcn.thanhhoa.gov.vn/portal/Pages/2026-6-15/Hoi-thao.aspx"


@pytest.mark.parametrize("case", _fixtures.cases("ArticlePage"))
def test_a_read_page_is_freed_without_the_cyclic_collector(case: str) -> None:
    html, _expected = _fixtures.load("ArticlePage", case)
    gc.collect()
    gc.disable()
    try:
        page = ArticlePage(URL, html)
        item, published = page.to_item(), page.publication
        alive = weakref.ref(page)
        del page
        assert alive() is None, "the page object is held by a reference cycle"
    finally:
        gc.enable()
    assert item.url and published is not None
