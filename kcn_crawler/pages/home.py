"""The home page: the menu of news channels and the date archive form."""

from __future__ import annotations

from typing import Any

from lxml import etree

from kcn_crawler.normalize import canonical_url, clean_inline, is_channel_url
from kcn_crawler.pages.archive import find_archive_form
from kcn_crawler.pages.base import absolute, same_host, text_of, to_root
from kcn_crawler.pages.discovery import candidate_links
from kcn_crawler.pages.listing import ListingPage
from kcn_crawler.pages.types import ArchiveFormSpec, Link

_LINKS = etree.XPath("//a[@href]")


class HomePage:
    """A portal page read for its channel links (``/portal/KenhTin/<slug>.aspx``)."""

    def __init__(self, url: str, html: Any) -> None:
        self.url = url
        self.root = to_root(html)
        self._candidates: list[Link] | None = None
        self._archive_form: tuple[ArchiveFormSpec | None] | None = None

    def channels(self) -> list[Link]:
        """Each channel once, in page order: absolute URL, first non-empty link text.

        Case variants of one URL (``/KenhTin/`` vs ``/kenhtin/``), fragments and
        query strings count as the same channel; the URL returned has neither
        (page 1 of the channel).
        """
        order: list[str] = []
        found: dict[str, Link] = {}
        for a in _LINKS(self.root):
            url = absolute(self.url, a.get("href"))
            if not url or not same_host(url, self.url) or not is_channel_url(url):
                continue
            key = canonical_url(url).lower()
            text = text_of(a) or clean_inline(a.get("title") or "") or _img_alt(a)
            if key not in found:
                order.append(key)
                found[key] = Link(url=url.split("#", 1)[0].split("?", 1)[0], text=text)
            elif not found[key].text and text:
                found[key] = Link(url=found[key].url, text=text)
        return [found[k] for k in order]

    def candidates(self) -> list[Link]:
        """The site's own pages this page links to that may be channels (see ``discovery``);
        read once (the spider asks whether the home is usable, then walks them)."""
        if self._candidates is None:
            self._candidates = candidate_links(self.url, self.root)
        return self._candidates

    def list_places(self) -> dict[str, set[str]]:
        """The page's lists of article links: place → articles (the site's frame boxes)."""
        return ListingPage(self.url, self.root).list_places()

    def archive_form(self) -> ArchiveFormSpec | None:
        """The date archive form of the page, if it has one; found once."""
        if self._archive_form is None:
            self._archive_form = (find_archive_form(self.url, self.root),)
        return self._archive_form[0]


def _img_alt(a: etree._Element) -> str:
    """The alt text of an image link ("" when none)."""
    for img in a.iter("img"):
        alt = clean_inline(img.get("alt") or "")
        if alt:
            return alt
    return ""
