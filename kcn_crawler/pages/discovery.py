"""Finding a site's channels: the site's own pages a page links to, and whether a
fetched page is a channel.

A channel is known by what it lists, not by its folder: ``/portal/KenhTin/…``,
``/portal/Pages/<Channel>.aspx`` and ``/en/pages/News-133.aspx`` are all channels
when their page lists articles of its own. The folder ``/portal/Pages/`` also holds
static pages (introduction, contacts, ``default.aspx``) and the articles' date
folders: every candidate is fetched once and judged by its listing.

A page's *own* listing is its main list of article links unless that list is a box
of the site's frame: the same place in the page (the chain of ancestors' tags,
classes and ids) holding only articles the home page also links, with no pager
beside it — the "Tin mới" box that every page of the site repeats.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from lxml import etree

from kcn_crawler.normalize import (
    article_id,
    canonical_url,
    clean_inline,
    is_article_url,
    is_channel_url,
    is_excluded_url,
    site_root,
)
from kcn_crawler.pages.base import absolute, same_host, tag_of, text_of
from kcn_crawler.pages.types import Link, ListingEntry
from kcn_crawler.pages.vocabulary import HOME_NAMES, NEWS_WORDS, PAGE_PARAMS, TRACKING_PARAMS

__all__ = [
    "ChannelEvidence",
    "candidate_key",
    "candidate_links",
    "is_home_path",
    "list_signature",
    "looks_like_news",
]

_LINKS = etree.XPath("//a[@href]")

# What a page of the site may be: an .aspx/.html page or a folder. Files are never channels.
_PAGE_EXT = re.compile(r"(?:\.aspx?|\.html?|\.php|/|^[^.]*)$", re.I)


def is_home_path(url: str) -> bool:
    """Whether ``url`` is a (sub-)site's home page: ``/``, ``/portal/``, ``default.aspx``."""
    path = unquote(urlsplit(url).path).lower().rstrip("/")
    if path in ("", "/portal", "/portal/pages", "/en", "/en/pages"):
        return True
    return path.rsplit("/", 1)[-1] in HOME_NAMES


def _kept_query(url: str) -> list[tuple[str, str]]:
    """The query parameters that say which page it is (no paging, no tracking)."""
    return [
        (k, v)
        for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)
        if k.lower() not in PAGE_PARAMS and k.lower() not in TRACKING_PARAMS
    ]


def candidate_key(url: str) -> str:
    """One key per page: canonical path, lower-cased, with the query minus paging and
    tracking parameters (``?PageIndex=2`` is the channel itself)."""
    query = _kept_query(url)
    key = canonical_url(url).lower()
    return f"{key}?{urlencode(sorted(query))}" if query else key


def _page_url(url: str) -> str:
    """The URL to fetch for a candidate: no fragment, no paging or tracking parameters."""
    base = url.split("#", 1)[0]
    query = _kept_query(base)
    base = base.split("?", 1)[0]
    return f"{base}?{urlencode(query)}" if query else base


def _link_name(a: etree._Element) -> str:
    text = text_of(a) or clean_inline(a.get("title") or "")
    if text:
        return text
    for img in a.iter("img"):
        alt = clean_inline(img.get("alt") or "")
        if alt:
            return alt
    return ""


def candidate_links(page_url: str, root: etree._Element) -> list[Link]:
    """The site's own pages ``root`` links to that could be channels, each once, in page
    order, with the first non-empty name a link gives them.

    Out: other hosts, articles, print views, sign-in and ``/_layouts/`` pages
    (``is_excluded_url``), files, and home pages (``default.aspx``)."""
    site = site_root(page_url)
    order: list[str] = []
    found: dict[str, Link] = {}
    for a in _LINKS(root):
        url = absolute(page_url, a.get("href"))
        if not url or not same_host(url, page_url):
            continue
        path = unquote(urlsplit(url).path)
        if not _PAGE_EXT.search(path.rsplit("/", 1)[-1] or "/"):
            continue
        if is_article_url(url) or is_home_path(url) or is_excluded_url(url, site):
            continue
        key = candidate_key(url)
        name = _link_name(a)
        link = found.get(key)
        if link is None:
            order.append(key)
            found[key] = Link(url=_page_url(url), text=name)
        elif not link.text and name:
            found[key] = Link(url=link.url, text=name)
    return [found[k] for k in order]


def article_keys(page_url: str, root: etree._Element) -> dict[str, str]:
    """Every article a page links to: article id → absolute URL (page order)."""
    out: dict[str, str] = {}
    for a in _LINKS(root):
        url = absolute(page_url, a.get("href"))
        if url and same_host(url, page_url):
            aid = article_id(url)
            if aid is not None and aid not in out:
                out[aid] = url.split("#", 1)[0]
    return out


def list_signature(el: etree._Element | None) -> str:
    """Where a list sits in the page: its element's ancestors as ``tag.class#id``, root first.

    Boxes of the site's frame (master page web parts) sit at the same place on every page.
    """
    chain: list[str] = []
    node = el
    while node is not None:
        tag = tag_of(node)
        if tag:
            chain.append(f"{tag}.{(node.get('class') or '').strip()}#{node.get('id') or ''}")
        node = node.getparent()
    return " > ".join(reversed(chain))


def looks_like_news(link: Link) -> bool:
    """Whether a link looks like a news listing by its URL or name (``/KenhTin/``, "Tin tức")."""
    if is_channel_url(link.url):
        return True
    slug = unquote(urlsplit(link.url).path).rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = f"{link.text} {slug.replace('-', ' ').replace('_', ' ')}"
    return NEWS_WORDS.search(words) is not None


@dataclass(frozen=True)
class ChannelEvidence:
    """What a candidate page showed: its own entries (none: not a channel) and why."""

    entries: list[ListingEntry]
    reason: str  # "lists N articles" | "lists no article" | "only the site's frame boxes"

    @property
    def is_channel(self) -> bool:
        return bool(self.entries)


def judge_channel(
    entries: list[ListingEntry],
    signature: str,
    has_pager: bool,
    frame: Mapping[str, Collection[str]],
) -> ChannelEvidence:
    """Whether a page whose main listing is ``entries`` (at ``signature``) is a channel.

    ``frame`` maps the places of the home page's lists to the articles they hold. A list
    at one of those places that holds only articles the home page's list there holds
    too, with no pager, is the site's frame repeated, not a listing of the page's own.
    """
    ids = {aid for aid in (article_id(e.url) for e in entries) if aid}
    if not ids:
        return ChannelEvidence([], "lists no article")
    if not has_pager and signature in frame and ids <= set(frame[signature]):
        return ChannelEvidence([], "only the site's frame boxes")
    return ChannelEvidence(entries, f"lists {len(ids)} articles")
