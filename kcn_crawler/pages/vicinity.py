"""What surrounds the title: the date line, the lead, labelled and meta dates.

The publication date is the first date in the title's vicinity — glued to the
title, on the lines after it up to the body's first long paragraph, in its table
row, or on the line just before it — never a date inside the body.  Failing
that, a "Cập nhật: …"/"Ngày đăng: …" line anywhere, then meta tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from kcn_crawler.normalize import (
    article_id,
    clean_inline,
    date_from_url,
    find_dates,
    is_article_url,
    parse_date,
)
from kcn_crawler.pages.base import (
    BLOCK_TAGS,
    class_id,
    inside,
    precedes,
    quick_clean,
    tag_of,
    text_of,
)
from kcn_crawler.pages.dateline import date_line
from kcn_crawler.pages.headline import glued_date
from kcn_crawler.pages.signature import is_stop_line
from kcn_crawler.pages.thresholds import (
    DATE_LINE_SLACK,
    DATE_LINE_SLACK_CLOSING,
    DATE_LINE_SLACK_NEAR_TITLE,
    DATE_NEAR_BUDGET,
    DATE_NEAR_ELEMENTS,
    LABELLED_DATE_CHARS,
    LEAD_DATE_FREE_CHARS,
    LEAD_NEAR_ELEMENTS,
    LINE_SCAN_MAX_RAW,
    MARKED_DATE_ANCESTORS,
    MARKED_DATE_DESCENDANTS,
    MIN_LEAD_CHARS,
    RUNNING_TEXT_CHARS,
    SAME_LINE_SLACK,
    TITLE_ROW_MAX_CHARS,
)
from kcn_crawler.pages.vocabulary import (
    ARCHIVE_LINE_LABEL,
    DATE_CLASS_HINT,
    LEAD_HINT,
    PUBLICATION_LABEL,
    PUBLICATION_LABEL_IN_LINE,
    STOP_LINE,
)

__all__ = [
    "closing_date",
    "date_line",
    "date_near",
    "following",
    "is_marked",
    "labelled_date",
    "lead_between",
    "meta_date",
]

_META_DATE = etree.XPath(
    "//meta[@property='article:published_time' or @name='pubdate' or @name='publishdate'"
    " or @itemprop='datePublished' or @name='date' or @name='DC.date.issued'"
    " or @property='og:published_time' or @name='article:published_time']/@content"
    " | //time[@itemprop='datePublished']/@datetime"
)
_SCOPED_TEXTS = etree.XPath(".//text()[normalize-space()]")
#: Paragraph-level blocks: a date inside one is a date line only when the whole
#: paragraph is ("<p><b>Ngày 25/09/2017</b>, tại huyện …</p>" is a sentence).
_PARAGRAPHS = frozenset({"p", "li", "dd", "dt", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5"})
_LINKS = etree.XPath(".//a[@href]")


def _paragraph(el: etree._Element) -> etree._Element | None:
    """The paragraph holding ``el``: its nearest block (itself included) when that block is
    a paragraph-level tag or holds no other block but line breaks; else ``None``."""
    for node in (el, *el.iterancestors()):
        tag = tag_of(node)
        if tag not in BLOCK_TAGS or tag == "br":
            continue
        if tag in _PARAGRAPHS:
            return node
        leaf = not any(
            tag_of(d) in BLOCK_TAGS and tag_of(d) != "br" for d in node.iterdescendants()
        )
        return node if leaf else None
    return None


def _lists_other_article(el: etree._Element, url: str | None) -> bool:
    """Whether ``el`` (the block a date sits in) links to an article other than the page's
    own: an entry of a related list or of a side box, whose date is that article's."""
    own = article_id(url) if url else None
    for node in (el, *el.iterancestors()):
        if tag_of(node) == "a":
            href = node.get("href") or ""
            if is_article_url(href) and (own is None or article_id(href) != own):
                return True
            break
    for a in _LINKS(el):
        href = a.get("href") or ""
        if is_article_url(href) and (own is None or article_id(href) != own):
            return True
    return False


def _entry(el: etree._Element) -> etree._Element:
    """The smallest unit a date in ``el`` belongs to: its paragraph (a list item), else
    ``el`` itself."""
    para = _paragraph(el)
    return para if para is not None else el


def _block_of(el: etree._Element) -> etree._Element:
    """The nearest block element holding ``el`` (itself included)."""
    for node in (el, *el.iterancestors()):
        if tag_of(node) in BLOCK_TAGS and tag_of(node) != "br":
            return node
    return el


def is_marked(el: etree._Element | None, raw: str | None) -> bool:
    """Whether the date ``raw`` found in ``el`` is marked as the page's own: by a
    publication label ("Đăng ngày", "Cập nhật:", "Ngày đăng:") or by an element of its own
    (``<time>``, a class or id naming a date: ``.news-date``, ``span.ngaydang``)."""
    if el is None or not raw:
        return False
    if PUBLICATION_LABEL.match(text_of(_block_of(el))):
        return True
    near = [el, *list(el.iterancestors())[:MARKED_DATE_ANCESTORS]]
    for n, d in enumerate(el.iterdescendants()):
        if n > MARKED_DATE_DESCENDANTS:
            break
        if isinstance(d.tag, str) and raw in text_of(d):
            near.append(d)  # the element of its own in the title's line
    return any(
        tag_of(node) == "time" or bool(DATE_CLASS_HINT.search(class_id(node))) for node in near
    )


def following(el: etree._Element) -> Iterator[etree._Element]:
    """Elements after ``el`` in document order (its descendants excluded)."""
    node: etree._Element | None = el
    while node is not None:
        sib = node.getnext()
        while sib is not None:
            yield sib
            yield from sib.iterdescendants()
            sib = sib.getnext()
        node = node.getparent()


def date_near(
    title_el: etree._Element | None,
    skip: set | frozenset = frozenset(),
    url: str | None = None,
    lead: etree._Element | None = None,
    body: etree._Element | None = None,
) -> tuple[str | None, etree._Element | None]:
    """The first date in the title's vicinity, and the element holding it.

    The lead (``lead``), when known, is stepped over: a date line may follow it.
    A date on the line just above the title is taken only when it agrees with
    the date in the article's URL (``url``): above the title sits, as often, the
    page header's "today".  Never a date inside a sentence (a paragraph that is
    not a date line), inside the body (``body``) unless its paragraph is a strict
    date line, in an entry linking another article, or after a related list's
    heading ("Các tin khác")."""
    if title_el is None:
        return None, None
    edge = glued_date(title_el)
    if edge:
        return edge, title_el
    budget = 0
    for seen, el in enumerate(following(title_el)):
        if seen > DATE_NEAR_ELEMENTS or budget > DATE_NEAR_BUDGET:
            break
        if skip and inside(el, skip):
            continue
        if lead is not None and inside(el, {lead}):
            continue
        for chunk, is_tail in ((el.text, False), (el.tail, True)):
            if not chunk or not chunk.strip():
                continue
            s = quick_clean(chunk)
            if ARCHIVE_LINE_LABEL.search(s):
                continue
            if len(s) >= RUNNING_TEXT_CHARS or STOP_LINE.match(s):
                budget = 10**6  # the body's running text, or a related list: stop
                break
            hit = _date_of_line(s, el, is_tail, body, url, title_el)
            if hit:
                return hit, el
            budget += len(s)
    for anc in title_el.iterancestors():  # the title's row in a table layout
        if (body is not None and inside(body, {anc})) or _lists_other_article(anc, url):
            break  # no row of the title's: a box holding the body, or a list of articles
        tag = tag_of(anc)
        if tag in ("tr", "li", "p", "div", "td"):
            s = text_of(anc)
            if len(s) <= TITLE_ROW_MAX_CHARS:
                hit = glued_date(anc, s)
                if hit:
                    return hit, anc
            if tag in ("tr", "div"):
                break
    prev = title_el.getprevious()
    if prev is not None and url:
        s = text_of(prev)
        hit = (
            date_line(s, slack=DATE_LINE_SLACK_NEAR_TITLE) if len(s) <= RUNNING_TEXT_CHARS else None
        )
        if hit and _agrees(hit, url):
            return hit, prev
    return None, None


def _date_of_line(
    s: str,
    el: etree._Element,
    is_tail: bool,
    body: etree._Element | None,
    url: str | None,
    title_el: etree._Element,
) -> str | None:
    """The date of the text chunk ``s`` (of ``el``, or its tail) when it is a date line of
    the article's own (see :func:`date_near`)."""
    holder = el.getparent() if is_tail and el.getparent() is not None else el
    in_body = body is not None and inside(holder, {body})
    slack = DATE_LINE_SLACK if in_body else DATE_LINE_SLACK_NEAR_TITLE
    hit = date_line(s, slack=slack)
    if not hit:
        return None
    para = _paragraph(holder)
    if para is not None and not inside(title_el, {para}):  # not the title's own line
        line = text_of(para)
        if len(line) > len(s) + SAME_LINE_SLACK and not date_line(line, slack=slack):
            return None  # a date inside a sentence
    if _lists_other_article(para if para is not None else holder, url):
        return None
    return hit


def _agrees(raw: str, url: str) -> bool:
    """Whether a date string names the day in the URL path (the year, for /YYYY/ paths)."""
    parsed = parse_date(raw)
    if parsed is None:
        return False
    day = date_from_url(url)
    if day is not None:
        return parsed.value.date() == day
    m = re.search(r"/pages/(\d{4})/", url, re.I)
    return m is not None and int(m.group(1)) == parsed.value.year


def labelled_date(scopes: list[etree._Element], skip: set | frozenset = frozenset()) -> str | None:
    """A date after a label such as "Cập nhật:" or "Ngày đăng:" in the article's box
    (``scopes``: the body and the box holding title and body; never the site footer)."""
    texts = []
    for scope in scopes:
        texts.extend(_SCOPED_TEXTS(scope))
    for t in texts:
        if len(t) > LINE_SCAN_MAX_RAW:
            continue
        s = quick_clean(t)
        if len(s) > RUNNING_TEXT_CHARS or ARCHIVE_LINE_LABEL.search(s):
            continue
        m = PUBLICATION_LABEL_IN_LINE.search(s)
        if not m:
            continue
        el = t.getparent()
        if el is not None and (inside(el, skip) or _lists_other_article(_entry(el), None)):
            continue
        hits = find_dates(s[m.start() :])
        if not hits and el is not None:
            hits = find_dates(text_of(el)[:LABELLED_DATE_CHARS])
        if hits:
            return hits[0]
    return None


def closing_date(box: etree._Element, body: etree._Element) -> str | None:
    """A line after the body, inside the article's box, that is a date and nothing else
    ("20/06/2022 12:35 | Lượt xem: 2.469"): the date some layouts print at the article's
    foot, footer markup or not.  The body's own lines never count, nor a place-and-date
    line ("Thanh Hóa, ngày …"); the scan ends at a furniture line ("Tin khác") or at a
    link to another article (a related list and its dates)."""
    for t in _SCOPED_TEXTS(box):
        el = t.getparent()
        if el is None or not ((el is body and t.is_tail) or _follows(el, body)):
            continue
        owner = el.getparent() if t.is_tail else el  # the element the text sits in
        if owner is None:
            continue
        if any(
            tag_of(a) == "a" and is_article_url(a.get("href") or "")
            for a in (owner, *owner.iterancestors())
        ):
            return None
        s = quick_clean(t)
        if not any(c.isalnum() for c in s):
            continue
        if is_stop_line(s) and not find_dates(s):
            return None
        hit = date_line(s, slack=DATE_LINE_SLACK_CLOSING)
        if hit:
            return hit
    return None


def _follows(el: etree._Element, body: etree._Element) -> bool:
    """Whether ``el`` starts after the whole of ``body`` (not inside it)."""
    return precedes(body, el) and not inside(el, {body})


def meta_date(root: etree._Element) -> str | None:
    """article:published_time and friends."""
    for v in _META_DATE(root):
        s = clean_inline(str(v))
        if s:
            hits = find_dates(s)
            return hits[0] if hits else s
    return None


def lead_between(
    title_el: etree._Element | None,
    body: etree._Element,
    skip: set | frozenset = frozenset(),
) -> etree._Element | None:
    """A lead block between the title (and date line) and the body: marked sapo/lead/…,
    or a paragraph of running text standing on its own there."""
    if title_el is None or any(a is body for a in title_el.iterancestors()):
        return None
    for seen, el in enumerate(following(title_el)):
        if el is body or seen > LEAD_NEAR_ELEMENTS or any(a is body for a in el.iterancestors()):
            return None
        tag = tag_of(el)
        if tag not in BLOCK_TAGS or tag == "br" or inside(el, skip):
            continue
        text = text_of(el)
        if not text:
            continue
        if LEAD_HINT.search(class_id(el)):
            return el
        if (
            len(text) >= MIN_LEAD_CHARS
            and not find_dates(text[:LEAD_DATE_FREE_CHARS])
            and el.find(".//a") is None
            and not any(tag_of(c) in BLOCK_TAGS for c in el.iterdescendants())
        ):
            return el
    return None
