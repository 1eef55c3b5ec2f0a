"""Body images and attached documents of an article."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree

from kcn_crawler.normalize import clean_inline
from kcn_crawler.pages.base import absolute, text_of
from kcn_crawler.pages.body import Image

_DOC_EXT = re.compile(r"\.(?:pdf|docx?|xlsx?|zip|rar)$", re.I)
_LINKS = etree.XPath(".//a[@href]")


_DOC_ANYWHERE = re.compile(r"\.(?:pdf|docx?|xlsx?|zip|rar)(?:$|[?&#])", re.I)


def is_attachment_url(url: str) -> bool:
    """Whether ``url`` points to a document (.pdf .doc .docx .xls .xlsx .zip .rar): by its
    path, or by a query value (SharePoint's ``download.aspx?SourceUrl=…/x.pdf``)."""
    parts = urlsplit(url)
    if _DOC_EXT.search(unquote(parts.path)):
        return True
    return bool(parts.query) and any(
        _DOC_EXT.search(v.strip()) for _, v in parse_qsl(parts.query, keep_blank_values=True)
    )


def attachments(
    scopes: list[etree._Element], base_url: str, skip: set | frozenset = frozenset()
) -> list[dict]:
    """``{"url", "name"}`` for each document link under ``scopes``, in order, each URL once."""
    out: list[dict] = []
    seen: dict[str, dict] = {}
    done: set = set()
    for scope in scopes:
        if scope is None or scope in done:
            continue
        done.add(scope)
        for a in _LINKS(scope):
            href = a.get("href") or ""
            if not _DOC_ANYWHERE.search(unquote(href)):
                continue
            url = absolute(base_url, href)
            if not url or not is_attachment_url(url):
                continue
            if skip and any(anc in skip for anc in a.iterancestors()):
                continue
            url = url.split("#", 1)[0]
            name = text_of(a) or clean_inline(a.get("title") or "") or _file_name(url)
            if url in seen:
                if not seen[url]["name"] and name:
                    seen[url]["name"] = name
                continue
            seen[url] = {"url": url, "name": name}
            out.append(seen[url])
    return out


def _file_name(url: str) -> str:
    """The file's name in ``url``, cleaned as the item's text is (NFC, spaces)."""
    return clean_inline(unquote(urlsplit(url).path.rsplit("/", 1)[-1]))


_ICON = re.compile(
    r"/_layouts/|/style%20library/|/style library/|/images/icons?/|(?:^|[/_-])(?:icon|ico|"
    r"bullet|spacer|blank|pixel|arrow|btn|button|print|email|pdf|doc|xls|zip|rar|file)"
    r"[\w-]*\.(?:gif|png|jpe?g|svg)$",
    re.I,
)


def _is_icon(im: Image) -> bool:
    """Decoration: icons, bullets, spacers, tiny images and images of document links."""
    if _ICON.search(urlsplit(im.url).path):
        return True
    el = im.el
    if el is None:
        return False
    for attr in ("width", "height"):
        v = (el.get(attr) or "").strip().rstrip("px")
        if v.isdigit() and int(v) <= 32:
            return True
    for anc in el.iterancestors("a"):
        href = anc.get("href") or ""
        return bool(href) and is_attachment_url(href)
    return False


def images(found: list[Image]) -> list[dict]:
    """``{"url", "caption"}`` of body images in order, decoration left out."""
    return [{"url": im.url, "caption": im.caption or None} for im in found if not _is_icon(im)]
