"""The headline of an article page when no selector set names it.

Candidates are the elements before the body's first real paragraph: headings
(h1–h6), elements whose class/id says title, standalone bold lines, and plain
text lines of their own close to the body (SharePoint table layouts put the
title in a bare ``<td>``).  The nearest to the body wins, headings first; a
candidate matching the listing's link text (possibly cut with "...") wins over
all.  Without any: og:title, else ``<title>`` minus the site name.
"""

from __future__ import annotations

import re

from lxml import etree

from kcn_crawler.normalize import (
    article_id,
    clean_inline,
    find_dates,
    is_boilerplate_line,
    token_f1,
)
from kcn_crawler.pages.base import (
    BLOCK_TAGS,
    SKIP_TAGS,
    absolute,
    class_id,
    inside,
    raw_text,
    tag_of,
    text_of,
)
from kcn_crawler.pages.dateline import date_line
from kcn_crawler.pages.signature import is_stop_line
from kcn_crawler.pages.thresholds import (
    BOLD_LINE_SCORE,
    DATE_LINE_SLACK_TITLE,
    DISTANCE_MAX,
    DISTANCE_PENALTY,
    EDGE_DATE_MAX_CHARS,
    GLUED_DATE_SLACK,
    GLUED_TITLE_MIN_REST,
    HEADING_SCORES,
    LABEL_MAX_CHARS,
    LISTING_MATCH,
    LISTING_MATCH_BONUS,
    PARAGRAPH_MAX_CHILDREN,
    PLAIN_LINE_MAX_CHARS,
    PLAIN_LINE_MIN_WORDS,
    PLAIN_LINE_REACH,
    PLAIN_LINE_SCORE,
    RUNNING_TEXT_CHARS,
    SENTENCE_PENALTY,
    STANDALONE_MAX_CHILDREN,
    STANDALONE_SLACK,
    TITLE_CLASS_SCORE,
    TITLE_LINK_SHARE,
    TITLE_MAX_CHARS,
    TITLE_MIN_CHARS,
    TRUNCATED_TITLE_MIN_CHARS,
)
from kcn_crawler.pages.vocabulary import LEAD_HINT, SIDE_LABEL, SITE_SUFFIX, TITLE_HINT

__all__ = [
    "edge_date",
    "find_title",
    "glued_date",
    "is_label",
    "listing_match",
    "meta_title",
    "strip_dates",
    "title_text",
]

_LINE_TAGS = frozenset({"td", "th", "div", "p", "span", "font", "center"})
_PARA_TAGS = frozenset(
    {"p", "div", "li", "pre", "blockquote", "dd", "font", "span", "center", "td", "th"}
)
_META_TITLE = etree.XPath("//meta[@property='og:title' or @name='title']/@content")
_TITLE_TAG = etree.XPath("//title")
_EDGE = " |-–(),:[]"


def edge_date(text: str) -> str | None:
    """A date at the very start or end of a line (not one inside its words)."""
    if len(text) > EDGE_DATE_MAX_CHARS:
        return None
    core = text.strip(_EDGE)
    for d in find_dates(text):
        if core.endswith(d) or core.startswith(d):
            return d
    return None


_SEP_BEFORE = re.compile(r"(?:\s{2,}|\u00a0|[|(\[\-–—/]\s*)$")
_SEP_AFTER = re.compile(r"^(?:\s{2,}|\u00a0|\s*[|)\]\-–—/])")


def glued_date(el: etree._Element, text: str | None = None) -> str | None:
    """A date shown with the title in the same element but set apart from its words —
    in a child element of its own (``TITLE <span>31-01-2018</span>``) or behind a
    separator ("TITLE | 31-01-2018", "TITLE (31/01/2018)", wide spaces).  A date that
    belongs to the title's words ("Lịch công tác tuần từ 29/01 đến 02/02/2018") is not."""
    text = text_of(el) if text is None else text
    d = edge_date(text)
    if d is None:
        return None
    for child in el.iterdescendants():
        t = text_of(child) if tag_of(child) not in SKIP_TAGS else ""
        if (
            t
            and d in t
            and len(t) <= len(d) + GLUED_DATE_SLACK
            and len(t) < len(text) - GLUED_TITLE_MIN_REST
        ):
            return d
    raw = raw_text(el).strip()
    at = raw.rfind(d) if text.strip(_EDGE).endswith(d) else raw.find(d)
    if at < 0:
        return None
    if at > 0 and _SEP_BEFORE.search(raw[:at]):
        return d
    end = at + len(d)
    return d if end < len(raw) and _SEP_AFTER.search(raw[end:]) else None


def title_text(el: etree._Element) -> tuple[str, str | None]:
    """The title an element shows, and the date set apart beside it (if any)."""
    text = text_of(el)
    d = glued_date(el, text)
    return (strip_date(text, d), d) if d else (text, None)


def strip_date(text: str, d: str) -> str:
    """``text`` without the date ``d`` at its start or end."""
    core = text.strip(_EDGE)
    if core.startswith(d):
        core = core[len(d) :]
    elif core.endswith(d):
        core = core[: -len(d)]
    return clean_inline(core.strip(_EDGE + " "))


def strip_dates(text: str) -> str:
    """A line without a date at its start or end (for comparing lines with the title)."""
    d = edge_date(text)
    return strip_date(text, d) if d else text


def listing_match(text: str, listing_title: str | None) -> float:
    """How well a candidate matches the listing's link text (1.0 for a cut prefix)."""
    if not listing_title:
        return 0.0
    lt = clean_inline(listing_title)
    trunc = lt.rstrip(".… ").strip()
    low = text.lower()
    if low == lt.lower() or (
        lt != trunc and len(trunc) >= TRUNCATED_TITLE_MIN_CHARS and low.startswith(trunc.lower())
    ):
        return 1.0
    return token_f1(text, lt)


def _kind(el: etree._Element, tag: str) -> float:
    score = HEADING_SCORES.get(tag, 0.0)
    if score:
        return score
    names = class_id(el) if (el.get("class") or el.get("id")) else ""
    if names and TITLE_HINT.search(names) and not LEAD_HINT.search(names):
        return TITLE_CLASS_SCORE
    if tag in ("b", "strong") and _standalone(el):
        return BOLD_LINE_SCORE
    return 0.0


def find_title(
    root: etree._Element,
    body: etree._Element | None,
    skip: set,
    listing_title: str | None,
    url: str | None = None,
) -> tuple[etree._Element | None, str | None]:
    """The title element and its text (dates stripped), or (None, meta title).
    ``url`` (the page's) lets a title that links to its own page count as text."""
    order: dict[etree._Element, int] = {}
    for i, el in enumerate(root.iter()):
        order[el] = i
    n = len(order)
    body_pos = order.get(body, n) if body is not None else n
    first_para = _first_paragraph_pos(body, order) if body is not None else n
    limit = max(first_para, body_pos)
    best: tuple[float, etree._Element, str] | None = None
    for el, pos in order.items():
        if pos >= limit:
            break
        tag = tag_of(el)
        if not tag or tag in SKIP_TAGS or pos > first_para:
            continue
        kind = _kind(el, tag)
        line = False
        if not kind and tag in _LINE_TAGS and first_para - pos < PLAIN_LINE_REACH and _leafish(el):
            kind, line = PLAIN_LINE_SCORE, True
        if not kind:
            continue
        text = text_of(el)
        if not TITLE_MIN_CHARS <= len(text) <= TITLE_MAX_CHARS:
            continue
        text, _ = title_text(el)
        if not _acceptable(el, tag, text, line, skip, url):
            continue
        end = pos + sum(1 for _ in el.iterdescendants())
        score = kind - min(max(0, first_para - end), DISTANCE_MAX) * DISTANCE_PENALTY
        if text.endswith((".", ";", ":")) and not text.endswith("..."):
            score -= SENTENCE_PENALTY
        match = listing_match(text, listing_title)
        if match >= LISTING_MATCH:
            score += LISTING_MATCH_BONUS * match
        if best is None or score > best[0]:
            best = (score, el, text)
    if best is None:
        return None, meta_title(root, listing_title)
    return best[1], best[2]


def is_label(text: str) -> bool:
    """A box heading or chrome label ("Tin mới", "Nội dung", "Video Clip"), not a title."""
    if is_stop_line(text) or SIDE_LABEL.match(text):
        return True
    return len(text) <= LABEL_MAX_CHARS and is_boilerplate_line(text)


def _self_link(a: etree._Element, url: str | None) -> bool:
    """A link to the page itself (or to nowhere): its text is the title's, not navigation."""
    href = (a.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")):
        return True
    if not url:
        return False
    target = absolute(url, href)
    own = article_id(url)
    return target is not None and own is not None and article_id(target) == own


def _acceptable(
    el: etree._Element, tag: str, text: str, line: bool, skip: set, url: str | None
) -> bool:
    if (
        len(text) < TITLE_MIN_CHARS
        or is_label(text)
        or date_line(text, slack=DATE_LINE_SLACK_TITLE)
    ):
        return False
    if line and (len(text) > PLAIN_LINE_MAX_CHARS or len(text.split()) < PLAIN_LINE_MIN_WORDS):
        return False
    if tag not in HEADING_SCORES and el.find(".//h1") is not None:
        return False
    if el.find(".//a") is not None and tag_of(el) != "a":
        links = sum(len(text_of(a)) for a in el.iter("a") if not _self_link(a, url))
        if links >= TITLE_LINK_SHARE * len(text):
            return False  # a breadcrumb or a list of links
    return not inside(el, skip)


def _leafish(el: etree._Element) -> bool:
    """No block inside holding text, no link: a line of text of its own."""
    for child in el.iterdescendants():
        t = tag_of(child)
        if (t == "a" and child.get("href")) or (
            t in BLOCK_TAGS and t != "br" and (child.text or "").strip()
        ):
            return False
        if t in ("table", "ul", "ol", "p", "div"):
            return False
    return True


def _standalone(el: etree._Element) -> bool:
    """A bold element that is its block's whole text."""
    parent = el.getparent()
    if parent is None:
        return False
    if len(parent) > STANDALONE_MAX_CHILDREN:
        return False
    return len(clean_inline(raw_text(parent))) <= len(text_of(el)) + STANDALONE_SLACK


def _first_paragraph_pos(body: etree._Element, order: dict) -> int:
    """Position of the body's first real paragraph (120+ characters of running text)."""
    for el in body.iter():
        tag = tag_of(el)
        if tag not in _PARA_TAGS or len(el) > PARAGRAPH_MAX_CHILDREN:
            continue
        if any(tag_of(c) in BLOCK_TAGS and tag_of(c) != "br" for c in el.iterdescendants()):
            continue
        if len(raw_text(el).strip()) >= RUNNING_TEXT_CHARS:
            return order.get(el, 0)
    return order.get(body, 0) + 1


def meta_title(root: etree._Element, listing_title: str | None = None) -> str | None:
    """og:title, else the <title> minus the site name."""
    for content in _META_TITLE(root):
        t = clean_inline(str(content))
        if t:
            return t
    for el in _TITLE_TAG(root):
        t = clean_inline("".join(el.itertext()))
        if not t:
            continue
        bare = SITE_SUFFIX.sub("", t)
        if bare != t and bare:
            return bare  # the title whole, " - " in it kept
        parts = [p.strip() for p in re.split(r"\s+[|\-–»:]{1,2}\s+", t) if p.strip()]
        if listing_title and parts:
            return max(parts, key=lambda p: listing_match(p, listing_title))
        return parts[0] if parts else t
    return None
