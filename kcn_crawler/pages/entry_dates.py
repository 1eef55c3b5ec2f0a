"""Where a listing entry's date is: inside the entry's own container, never a neighbour's.

An entry's date is a date line ("(16/05/2019)", "Cập nhật: …") inside the entry's own
container, nearest to its title link first; the search never leaves the entry (its
item) and never enters a box heading or another box, so an undated entry gets no
date rather than a neighbour's or the heading's.  Only in a flat list (links, dates
and ``<br>`` s as siblings, no element per entry) is the text between two links
the entry's.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from kcn_crawler.normalize import find_dates, is_article_url
from kcn_crawler.pages.base import BLOCK_TAGS, SKIP_TAGS, class_id, quick_clean, tag_of, text_of
from kcn_crawler.pages.dateline import date_line
from kcn_crawler.pages.headline import is_label
from kcn_crawler.pages.thresholds import (
    BOX_HEADING_MAX_CHARS,
    DATE_LINE_SLACK_ENTRY,
    HEADING_MAX_CHARS,
    HEADING_MAX_CHILDREN,
    LINE_SCAN_MAX_RAW,
    RUNNING_TEXT_CHARS,
)
from kcn_crawler.pages.vocabulary import ARCHIVE_HEADING, DATE_LINE_LABEL, HEADING_HINT

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "caption", "legend"})
_HEADING_XP = etree.XPath(
    ".//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::caption]"
)
_SHORT_TEXTS = etree.XPath(".//text()[normalize-space()][string-length() < 100]")


def is_archive_heading(label: str) -> bool:
    """Whether a box heading is the archive label followed by a day ("Các tin đã đăng
    ngày 16/05/2019"): the archive's results, unlike the form's bare label."""
    s = quick_clean(label)
    return bool(ARCHIVE_HEADING.match(s)) and bool(find_dates(s))


def entry_dates(g: Any) -> list[str | None]:
    """The date shown with each item, from the item's own container only; for a flat
    list (inline items among text and ``<br>`` s), from the text between the item and
    its neighbour (after it, or before it when the list puts dates first)."""
    out: list[str | None] = [_own_date(item, links) for item, links in g.items]
    if all(out):
        return out
    by_parent: dict[etree._Element, list[int]] = {}
    for k, (item, _) in enumerate(g.items):
        parent = item.getparent()
        if parent is not None and tag_of(item) not in BLOCK_TAGS:
            by_parent.setdefault(parent, []).append(k)
    for parent, ks in by_parent.items():
        heads, tails = _gaps(parent, [g.items[k][0] for k in ks])
        before = [_first_line_date(x) for x in tails[:-1]]  # the text just before each item
        after = [_first_line_date(x) for x in heads[1:]]  # the text just after each item
        use = before if sum(map(bool, before)) > sum(map(bool, after)) else after
        for k, d in zip(ks, use, strict=True):
            out[k] = out[k] or d
    return out


def _own_date(item: etree._Element, links: list[tuple[etree._Element, str, str]]) -> str | None:
    """The date line nearest to the entry's title link inside its item: the link's
    surroundings first, then wider, never past a box heading or into another box."""
    start = next((a for a, _, _ in links if text_of(a)), links[0][0])
    node = start
    while node is not item:
        parent = node.getparent()
        if parent is None or _headed(parent, node):
            return None
        lines: list[list[str]] = [[parent.text or ""]]
        after = boxed = False
        for child in parent:
            if child is node:
                after = True
                lines.append([])
            elif after and _is_box(child):
                boxed = True  # another box beside the entry: not the entry's text
                lines.append([])
            else:
                _lines(child, lines)
            if child.tail:
                lines[-1].append(child.tail)
        d = _first_line_date(lines)
        if d or boxed:
            return d
        node = parent
    return None


def _lines(el: etree._Element, out: list[list[str]]) -> None:
    """The text of ``el`` outside links, cut into lines at blocks, ``<br>`` s and links.

    Iterative (an explicit stack): no recursion on depth."""
    # A str on the stack is text for the current line, None starts a new line.
    stack: list[Any] = [el]
    while stack:
        node = stack.pop()
        if node is None:
            out.append([])
            continue
        if isinstance(node, str):
            out[-1].append(node)
            continue
        tag = tag_of(node)
        if not tag or tag in SKIP_TAGS:
            continue
        if tag == "a":
            out.append([])
            continue
        block = tag in BLOCK_TAGS
        if block:
            out.append([])
            stack.append(None)
        for child in reversed(node):
            if child.tail:
                stack.append(child.tail)
            stack.append(child)
        if node.text:
            out[-1].append(node.text)


def _first_line_date(lines: list[list[str]]) -> str | None:
    """The date of the first line that is a date line ("(16/05/2019)", "Cập nhật: …")."""
    for parts in lines:
        s = "".join(parts)
        if not s or len(s) > LINE_SCAN_MAX_RAW or not any(c.isdigit() for c in s):
            continue
        s = quick_clean(s)
        if len(s) > RUNNING_TEXT_CHARS or is_archive_heading(s):
            continue
        d = date_line(s, slack=DATE_LINE_SLACK_ENTRY)
        if d:
            return d
    return None


def _heading_text(text: str | None) -> bool:
    """A box heading's text: a label line ("Tin mới", "Các tin đã đăng ngày 16/05/2019")."""
    if not text or not text.strip():
        return False
    s = quick_clean(text)
    if len(s) > BOX_HEADING_MAX_CHARS:
        return False
    return is_archive_heading(s) or (not date_line(s, slack=DATE_LINE_SLACK_ENTRY) and is_label(s))


def _is_heading(el: etree._Element) -> bool:
    """Whether ``el`` is a heading (h1–h6, a caption, a title-named element, a label
    line) rather than part of an entry (a date line, an article link)."""
    tag = tag_of(el)
    if not tag or tag in SKIP_TAGS or tag in ("a", "br", "img"):
        return False
    named = tag in _HEADINGS or (
        (el.get("class") or el.get("id")) is not None and bool(HEADING_HINT.search(class_id(el)))
    )
    if not named and len(el) > HEADING_MAX_CHILDREN:
        return False
    text = text_of(el)
    if not text or len(text) > HEADING_MAX_CHARS:
        return False
    if _heading_text(text):
        return True
    if not named or DATE_LINE_LABEL.match(text) or date_line(text, slack=DATE_LINE_SLACK_ENTRY):
        return False
    return not any(is_article_url(a.get("href") or "") for a in el.iter("a"))


def _headed(parent: etree._Element, node: etree._Element) -> bool:
    """Whether ``parent`` is a box: a heading of its own precedes ``node`` in it."""
    if _heading_text(parent.text):
        return True
    for child in parent:
        if child is node:
            return False
        if _is_heading(child) or _heading_text(child.tail):
            return True
    return False


def _is_box(el: etree._Element) -> bool:
    """Whether ``el`` (beside an entry) is another box: a heading, or holds one."""
    tag = tag_of(el)
    if not tag or tag in SKIP_TAGS or tag in ("a", "br", "img") or tag not in BLOCK_TAGS:
        return False
    if _is_heading(el):
        return True
    for h in _HEADING_XP(el):
        if _is_heading(h):
            return True
    return any(_heading_text(str(t)) for t in _SHORT_TEXTS(el))


def _gaps(
    parent: etree._Element, items: list[etree._Element]
) -> tuple[list[list[list[str]]], list[list[list[str]]]]:
    """The lines between a flat list's items: for each gap (len(items) + 1), its lines
    up to the first block element (text after an item) and after the last one (text
    before an item).  A block element in a gap is another component: it bounds both."""
    ids = {id(it) for it in items}
    heads: list[list[list[str]]] = [[[parent.text or ""]]]
    tails: list[list[list[str]]] = [[[parent.text or ""]]]
    open_head = True
    for child in parent:
        if id(child) in ids:
            heads.append([[]])
            tails.append([[]])
            open_head = True
        elif tag_of(child) in BLOCK_TAGS and tag_of(child) != "br":
            open_head = False
            tails[-1] = [[]]
        else:
            if open_head:
                _lines(child, heads[-1])
            _lines(child, tails[-1])
        if child.tail:
            if open_head:
                heads[-1][-1].append(child.tail)
            tails[-1][-1].append(child.tail)
    return heads, tails
