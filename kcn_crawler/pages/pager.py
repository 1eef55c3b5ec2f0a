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
from kcn_crawler.pages.thresholds import PAGE_LABEL_MAX_CHARS, PAGE_NUMBER_MAX_DIGITS, PAGER_LEVELS
from kcn_crawler.pages.types import Link, PageTurn, Postback
from kcn_crawler.pages.vocabulary import (
    CURRENT_PAGE_CLASS,
    PAGE_ARGUMENT,
    PAGE_IN_PATH,
    PAGE_PARAMS,
    PAGE_TURN_CLASS,
    PAGE_TURN_IMAGES,
    PAGE_TURN_LABEL_OF,
    PAGE_TURN_WORDS,
)

__all__ = ["PagerLink", "find_page_turns", "parse_postback"]

_Q = r"(?:'|\"|&#39;|&quot;|\\')"
_DO_POSTBACK = re.compile(
    r"__doPostBack\(\s*(" + _Q + r")(.*?)\1\s*,\s*(" + _Q + r")(.*?)\3\s*\)", re.S
)
_WEBFORM = re.compile(
    r"WebForm_PostBackOptions\(\s*(" + _Q + r")(.*?)\1\s*,\s*(" + _Q + r")(.*?)\3", re.S
)


def label_rel(label: str) -> str | None:
    """Which way a paging label leads ("next", "prev", "first", "last"), if it says."""
    low = label.strip().lower()
    if not low or len(low) > PAGE_LABEL_MAX_CHARS:
        return None
    rel = PAGE_TURN_LABEL_OF.get(low)
    if rel:
        return rel
    for rel, pattern in PAGE_TURN_WORDS:
        if pattern.search(low):
            return rel
    return None


def _image_rel(a: etree._Element) -> str | None:
    for img in a.iter("img"):
        name = (img.get("src") or "").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        for rel, pattern in PAGE_TURN_IMAGES:
            if name and pattern.search(name):
                return rel
    return None


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


def _label(a: etree._Element) -> tuple[str, str | None, bool]:
    """(text, where the control leads, whether the page says so outright: a known label
    or a class name — not only a word of it, which a link elsewhere may carry too)."""
    text = text_of(a)
    cands = [text, a.get("title") or "", a.get("aria-label") or ""]
    cands += [img.get("alt") or "" for img in a.iter("img")]
    for c in cands:
        rel = PAGE_TURN_LABEL_OF.get(c.strip().lower())
        if rel:
            return text or c, rel, True
    m = PAGE_TURN_CLASS.search(a.get("class") or "")
    if m:
        return text, m.group(1).lower(), True
    for c in cands:
        rel = label_rel(c)
        if rel:
            return text or c, rel, False
    if not text:
        return text, _image_rel(a), False
    return text, None, False


def _number(s: str) -> int | None:
    s = s.strip().strip("[]()")
    return int(s) if s.isdigit() and len(s) < PAGE_NUMBER_MAX_DIGITS else None


def _url_page(url: str) -> int | None:
    parts = urlsplit(url)
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        if k.lower() in PAGE_PARAMS and v.strip().isdigit():
            return int(v)
    m = PAGE_IN_PATH.search(parts.path)
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
    text, rel, outright = _label(a)
    num_text = _number(text)
    number = _url_page(url)
    same_path = path.lower() == urlsplit(page_url).path.lower()
    if number is None and not (same_path or (rel and outright)):
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
    text, rel, _ = _label(a)
    num_text = _number(text)
    arg = pb.argument
    m = PAGE_ARGUMENT.match(arg)
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
    rel = label_rel(label)
    number = _number(label)
    if rel is None and number is None:
        return None
    turn = pb if pb is not None and PAGE_ARGUMENT.match(pb.argument or "Page$1") else None
    return PagerLink(turn or Postback(el.get("name") or "", ""), number, rel or "number", label)


def find_page_turns(root: etree._Element, page_url: str) -> list[tuple[etree._Element, PagerLink]]:
    """Every paging control of the page, in document order, with its element."""
    out = []
    for a in _CONTROLS(root):
        pl = classify(a, page_url) if a.tag == "a" else _button(a)
        if pl is not None:
            out.append((a, pl))
    return out


def _is_current_marker(el: etree._Element, page_number: int) -> bool:
    """A pager's mark of the page shown: its number outside any link, or a control
    marked current (``span.CurrentPage``, ``li.active``, ``aria-current``)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag not in ("span", "strong", "b", "em", "font", "li", "td", "a", "div", "i", "u"):
        return False
    own = (el.text or "").strip().strip("[]()")
    marked = bool(CURRENT_PAGE_CLASS.search(el.get("class") or "")) or el.get("aria-current")
    if own.isdigit() and int(own) == page_number:
        return tag != "a" or bool(marked) or not el.get("href")
    return bool(marked) and own.isdigit()


def turn_after_current(
    turns: list[tuple[etree._Element, PagerLink]], page_number: int
) -> PageTurn | None:
    """The control right after the pager's current-page mark, when it leads forward: the
    structure every pager shares ("1 [2] 3 4 »", ``span.CurrentPage`` then a link)."""
    if not turns:
        return None
    controls = {id(el): pl for el, pl in turns}
    first = turns[0][0]
    container = first.getparent()
    for _ in range(PAGER_LEVELS):  # the pager: the lowest ancestor holding every control
        if container is None:
            return None
        if all(any(anc is container for anc in el.iterancestors()) for el, _ in turns):
            break
        container = container.getparent()
    else:
        return None
    if container is None:
        return None
    seen_current = False
    for el in container.iter():
        pl = controls.get(id(el))
        if pl is not None and seen_current:
            if pl.rel in ("prev", "first") or (pl.number is not None and pl.number <= page_number):
                continue
            if pl.rel == "last":
                return None
            return pl.turn
        if pl is None and not seen_current and _is_current_marker(el, page_number):
            seen_current = True
    return None
