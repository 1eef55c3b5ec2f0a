"""Paging controls of a listing: plain links (``?Page=N``, "Trang sau", "»", numbers)
and ASP.NET postbacks (``__doPostBack('target','Page$N')``, ``WebForm_PostBackOptions``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree

from kcn_crawler.normalize import clean_inline, is_article_url, is_excluded_url, site_root
from kcn_crawler.pages.base import absolute, text_of
from kcn_crawler.pages.types import Link, PageTurn, Postback

__all__ = ["PagerLink", "find_page_turns", "parse_postback"]

_Q = r"(?:'|\"|&#39;|&quot;|\\')"
_DO_POSTBACK = re.compile(
    r"__doPostBack\(\s*(" + _Q + r")(.*?)\1\s*,\s*(" + _Q + r")(.*?)\3\s*\)", re.S
)
_WEBFORM = re.compile(
    r"WebForm_PostBackOptions\(\s*(" + _Q + r")(.*?)\1\s*,\s*(" + _Q + r")(.*?)\3", re.S
)
_PAGE_ARG = re.compile(r"^page\W{0,2}(\d+|next|prev|previous|first|last)$", re.I)
_PAGE_PARAMS = frozenset(
    {
        "page",
        "p",
        "pg",
        "pageindex",
        "pagenum",
        "pageno",
        "trang",
        "currentpage",
        "paging",
        "pagenumber",
        "page_no",
        "pagingindex",
    }
)
_PATH_PAGE = re.compile(r"(?:/|[-_])(?:page|trang)[-_/]?(\d+)(?:\.aspx|/|$)", re.I)
_LABELS = {
    "next": (
        "trang sau",
        "sau",
        "»",
        "›",
        ">",
        "next",
        "next »",
        "tiếp",
        "tiếp theo",
        "trang tiếp",
        "trang kế",
        "kế tiếp",
        "xem tiếp",
        "sau »",
        "sau ›",
        "tiếp »",
    ),
    "prev": ("trang trước", "trước", "«", "‹", "<", "prev", "previous", "« trước", "‹ trước"),
    "first": ("trang đầu", "đầu", "««", "<<", "|<", "first", "« đầu"),
    "last": ("trang cuối", "cuối", "»»", ">>", ">|", "last", "cuối »"),
}
_LABEL_OF = {text: rel for rel, texts in _LABELS.items() for text in texts}
_CLASS_REL = re.compile(r"(?:^|[\s_-])(next|prev|last|first)(?:$|[\s_-])", re.I)


@dataclass(frozen=True)
class PagerLink:
    """One paging control: the turn, the page it leads to (if known) and its kind."""

    turn: PageTurn
    number: int | None
    rel: str  # "number" | "next" | "prev" | "first" | "last"
    text: str


def parse_postback(js: str) -> Postback | None:
    """The postback a ``javascript:`` href or ``onclick`` performs, if any."""
    if not js or ("PostBack" not in js and "%" not in js):
        return None
    if "%" in js:
        js = unquote(js)
    m = _DO_POSTBACK.search(js)
    if m:
        return Postback(_unescape(m.group(2)), _unescape(m.group(4)))
    m = _WEBFORM.search(js)
    if m:
        return Postback(_unescape(m.group(2)), _unescape(m.group(4)))
    return None


def _unescape(s: str) -> str:
    return s.replace("\\'", "'").replace("\\\\", "\\").replace("&amp;", "&")


def _label(a: etree._Element) -> tuple[str, str | None]:
    text = text_of(a)
    cands = [text, a.get("title") or "", a.get("aria-label") or ""]
    cands += [img.get("alt") or "" for img in a.iter("img")]
    for c in cands:
        rel = _LABEL_OF.get(c.strip().lower())
        if rel:
            return text or c, rel
    m = _CLASS_REL.search(a.get("class") or "")
    return (text, m.group(1).lower()) if m else (text, None)


def _number(s: str) -> int | None:
    s = s.strip().strip("[]()")
    return int(s) if s.isdigit() and len(s) < 6 else None


def _url_page(url: str) -> int | None:
    parts = urlsplit(url)
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        if k.lower() in _PAGE_PARAMS and v.strip().isdigit():
            return int(v)
    m = _PATH_PAGE.search(parts.path)
    return int(m.group(1)) if m else None


def classify(a: etree._Element, page_url: str) -> PagerLink | None:
    """The paging control ``a`` is, or ``None`` when it is no paging control."""
    href = (a.get("href") or "").strip()
    if href.lower().startswith("javascript:") or not href or href == "#":
        return _postback_control(a)
    url = absolute(page_url, href)
    # Article links, excluded URLs and SharePoint pages are never paging: out before
    # the label is read (most links of a listing are articles).
    if not url or is_article_url(url) or is_excluded_url(url, site_root(page_url)):
        return None
    path = urlsplit(url).path
    if "/_layouts/" in path.lower():
        return None
    text, rel = _label(a)
    num_text = _number(text)
    number = _url_page(url)
    same_path = path.lower() == urlsplit(page_url).path.lower()
    if number is None and not (same_path or rel):
        return None
    if number is None and num_text is not None and same_path:
        number = num_text
    if rel is None and number is None:
        return None
    if rel is None and num_text is None and number is not None and not same_path:
        return None
    if rel is None and num_text is not None and number is not None and num_text != number:
        return None
    return PagerLink(
        Link(url.split("#", 1)[0], text), number, "number" if rel is None else rel, text
    )


def _postback_control(a: etree._Element) -> PagerLink | None:
    """The paging postback a ``javascript:`` (or empty) link performs, if it is one."""
    pb = parse_postback(a.get("href") or "") or parse_postback(a.get("onclick") or "")
    if pb is None:
        return None
    text, rel = _label(a)
    num_text = _number(text)
    arg = pb.argument
    m = _PAGE_ARG.match(arg)
    if m:
        word = m.group(1).lower()
        if word.isdigit():
            number: int | None = int(word)
        else:
            number, rel = None, {"previous": "prev"}.get(word, word)
    elif arg == "" or (arg.isdigit() and num_text == int(arg)):
        number = num_text
    else:
        return None  # a calendar day, a sort order, …: not paging
    if number is None and rel is None:
        return None
    return PagerLink(pb, number, "number" if rel is None else rel, text)


_CONTROLS = etree.XPath(
    "//a[@href or @onclick] | //input[@name][@type='submit' or @type='button' or @type='image']"
    " | //button[@name]"
)


def _button(el: etree._Element) -> PagerLink | None:
    """A submit button of the pager ("Trang sau", "»", a number): an ASP.NET Button posts
    back under its own name, so it is a postback with an empty argument."""
    onclick = el.get("onclick") or ""
    pb = parse_postback(onclick)
    label = clean_inline(el.get("value") or el.get("alt") or el.get("title") or "")
    if el.tag == "button":
        label = text_of(el) or label
    rel = _LABEL_OF.get(label.lower())
    number = _number(label)
    if rel is None and number is None:
        return None
    turn = pb if pb is not None and _PAGE_ARG.match(pb.argument or "Page$1") else None
    return PagerLink(turn or Postback(el.get("name") or "", ""), number, rel or "number", label)


def find_page_turns(root: etree._Element, page_url: str) -> list[tuple[etree._Element, PagerLink]]:
    """Every paging control of the page, in document order, with its element."""
    out = []
    for a in _CONTROLS(root):
        pl = classify(a, page_url) if a.tag == "a" else _button(a)
        if pl is not None:
            out.append((a, pl))
    return out
