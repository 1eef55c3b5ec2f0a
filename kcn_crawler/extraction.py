"""Read an article response: decode the bytes (long text runs cut), give the page object.

A pure function of the response's URL, bytes and Content-Type, so that it can
be measured, tested and (if ever needed) run outside the Scrapy process.
"""

from __future__ import annotations

import logging

from kcn_crawler.normalize.encoding import decode_html
from kcn_crawler.pages.article import ArticleContext, ArticlePage
from kcn_crawler.pages.limits import MAX_TEXT_RUN, cap_text_runs

logger = logging.getLogger(__name__)


def declared_charset(content_type: str) -> str | None:
    """The ``charset=`` of a Content-Type header value, if any."""
    lowered = content_type.lower()
    if "charset=" not in lowered:
        return None
    return lowered.split("charset=", 1)[1].split(";")[0].strip(" \"'") or None


def read_article(
    url: str,
    body: bytes,
    content_type: str,
    listing_title: str | None,
    context: ArticleContext | None = None,
) -> ArticlePage:
    """The article page object of a response (pure; runs in any process)."""
    body, cut = cap_text_runs(body)
    if cut:
        logger.warning(
            "Article %s: %d run(s) of text longer than %d bytes cut there", url, cut, MAX_TEXT_RUN
        )
    text, _encoding = decode_html(body, declared_charset(content_type))
    return ArticlePage(url, text, listing_title=listing_title, context=context)
