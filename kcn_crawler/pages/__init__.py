"""Page objects: HTML in, raw fields out (no scrapy here).

- :class:`~kcn_crawler.pages.home.HomePage` — channel links, the archive form
- :class:`~kcn_crawler.pages.listing.ListingPage` — entries and paging of a channel
- :class:`~kcn_crawler.pages.archive.ArchiveResultsPage` — the archive form's answer
- :func:`~kcn_crawler.pages.archive.find_archive_form` — the "Các tin đã đăng ngày" form
- :class:`~kcn_crawler.pages.article.ArticlePage` — an article's raw fields, by a selector
  set (:mod:`~kcn_crawler.pages.selectors`) or the generic fallback
  (:mod:`~kcn_crawler.pages.fallback`, :mod:`~kcn_crawler.pages.headline`,
  :mod:`~kcn_crawler.pages.vicinity`)

Value types live in :mod:`kcn_crawler.pages.types`.
"""

from kcn_crawler.pages.archive import ArchiveResultsPage, find_archive_form
from kcn_crawler.pages.article import ArticlePage
from kcn_crawler.pages.home import HomePage
from kcn_crawler.pages.listing import ListingPage
from kcn_crawler.pages.types import (
    ArchiveFormSpec,
    Link,
    ListingEntry,
    PageTurn,
    Postback,
)

__all__ = [
    "ArchiveFormSpec",
    "ArchiveResultsPage",
    "ArticlePage",
    "HomePage",
    "Link",
    "ListingEntry",
    "ListingPage",
    "PageTurn",
    "Postback",
    "find_archive_form",
]
