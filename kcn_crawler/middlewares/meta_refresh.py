"""Meta refresh that never loses a page.

Scrapy follows ``<meta http-equiv="refresh" content="N;url=…">`` like a redirect.
On the portals that loses articles two ways: an auto-reload (``30;url=<the same
page>``) is dropped by the dupefilter as a request already seen, and a refresh to
``javascript:…`` or ``mailto:…`` raises ``ValueError: Missing scheme``. Here a
refresh to the page itself or to anything but http(s) is ignored (the page is read
as it is), and a refresh that is followed is logged.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse, Response
from scrapy.utils.response import get_meta_refresh
from w3lib.url import canonicalize_url

from kcn_crawler import stats_keys

logger = logging.getLogger(__name__)


def same_page(a: str, b: str) -> bool:
    """Whether two URLs name one page (fragment, query order and case aside: IIS)."""
    try:
        return canonicalize_url(a).lower() == canonicalize_url(b).lower()
    except ValueError:
        return False


class SafeMetaRefreshMiddleware(MetaRefreshMiddleware):
    """MetaRefreshMiddleware that ignores refreshes to the page itself or to non-web URLs."""

    def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if (
            request.meta.get("dont_redirect", False)
            or request.method == "HEAD"
            or not isinstance(response, HtmlResponse)
        ):
            return response
        # The refresh is in the head: read the first 64 KiB only (response.text would
        # decode, and keep, the whole body).
        head = response.replace(body=response.body[:65536])
        interval, url = get_meta_refresh(head, ignore_tags=self._ignore_tags)
        if not url or interval is None or interval >= self._maxdelay:
            return response
        stats = self.crawler.stats
        target = urljoin(response.url, url.strip())
        scheme = urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            logger.info("Ignoring meta refresh on %s to a non-web URL %r", response.url, url[:80])
            if stats:
                stats.inc_value(stats_keys.META_REFRESH_IGNORED)
            return response
        if same_page(target, response.url) or same_page(target, request.url):
            logger.debug("Ignoring meta refresh of %s to itself (auto-reload)", response.url)
            if stats:
                stats.inc_value(stats_keys.META_REFRESH_IGNORED)
            return response
        logger.info("Following meta refresh from %s to %s", response.url, target)
        if stats:
            stats.inc_value(stats_keys.META_REFRESH_FOLLOWED)
        return super().process_response(request, response)
