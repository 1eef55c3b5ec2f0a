"""Body images and attached documents of an article."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree

from kcn_crawler.normalize import clean_inline
from kcn_crawler.pages.base import absolute, text_of
from kcn_crawler.pages.body import Image
from kcn_crawler.pages.thresholds import ICON_MAX_PIXELS
from kcn_crawler.pages.vocabulary import DOC_ANYWHERE, DOC_EXT, ICON_PATH

_LINKS = etree.XPath(".//a[@href]")


def is_attachment_url(url: str) -> bool:
    """Whether ``url`` points to a document (.pdf .doc .docx .xls .xlsx .zip .rar): by its
    path, or by a query value (SharePoint's ``download.aspx?SourceUrl=…/x.pdf``)."""
    parts = urlsplit(url)
    if DOC_EXT.search(unquote(parts.path)):
        return True
    return bool(parts.query) and any(
        DOC_EXT.search(v.strip()) for _, v in parse_qsl(parts.query, keep_blank_values=True)
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
            if not DOC_ANYWHERE.search(unquote(href)):
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


def _is_icon(im: Image) -> bool:
    """Decoration: icons, bullets, spacers, tiny images and images of document links."""
    if ICON_PATH.search(urlsplit(im.url).path):
        return True
    el = im.el
    if el is None:
        return False
    for attr in ("width", "height"):
        v = (el.get(attr) or "").strip().rstrip("px")
        if v.isdigit() and int(v) <= ICON_MAX_PIXELS:
            return True
    for anc in el.iterancestors("a"):
        href = anc.get("href") or ""
        return bool(href) and is_attachment_url(href)
    return False


def images(found: list[Image]) -> list[dict]:
    """``{"url", "caption"}`` of body images in order, decoration left out."""
    return [{"url": im.url, "caption": im.caption or None} for im in found if not _is_icon(im)]
