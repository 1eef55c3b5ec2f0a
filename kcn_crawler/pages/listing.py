"""A channel listing (or archive results) page: its article entries and paging.

Article links are grouped by the list they belong to: each link's *item* is its
highest ancestor holding no other article, the item's parent is the *list*.
The main listing is the list with the most items, with bonuses for dates and
leads beside the links and a doubling for sitting next to the pager; a list
whose box is titled as a side box ("Tin mới", "Video Clip", "Tin liên quan", …)
is out — but a box titled by the archive label *and a day* ("Các tin đã đăng ngày
16/05/2019") is the archive's answer, the page's main listing.  A small block just
above it in the same section (a featured item) joins it.  A thumbnail link and a
title link to one article make one entry.

An entry's date is a date line ("(16/05/2019)", "Cập nhật: …") inside the entry's own
container, nearest to its title link first; the search never leaves the entry (its
item) and never enters a box heading or another box, so an undated entry gets no
date rather than a neighbour's or the heading's.  Only in a flat list (links, dates
and ``<br>`` s as siblings, no element per entry) is the text between two links
the entry's.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from kcn_crawler.normalize import (
    article_id,
    canonical_url,
    clean_inline,
    find_dates,
    is_article_url,
    is_boilerplate_line,
)
from kcn_crawler.pages.base import (
    BLOCK_TAGS,
    SKIP_TAGS,
    absolute,
    class_id,
    quick_clean,
    raw_text,
    same_host,
    tag_of,
    text_of,
    to_root,
)
from kcn_crawler.pages.dateline import DATE_LINE_LABEL, date_line
from kcn_crawler.pages.headline import is_label
from kcn_crawler.pages.pager import PagerLink, find_page_turns, parse_postback
from kcn_crawler.pages.types import ListingEntry, PageTurn

__all__ = ["ListingPage", "parse_postback"]

_LINKS = etree.XPath("//a[@href]")
#: The archive's results heading: the archive label followed by the day.
_ARCHIVE_HEAD = re.compile(
    r"^(?:các\s+)?(?:tin|bài)(?:\s+bài)?\s+(?:đã\s+)?(?:được\s+)?đăng\s+(?:vào\s+|trong\s+)?ngày"
    r"|^(?:các\s+)?tin\s+(?:theo|trong)\s+ngày|^xem\s+tin\s+ngày",
    re.I,
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "caption", "legend"})
_HEADING_HINT = re.compile(
    r"(?:^|[\s_-])(?:[a-z]*(?:title|head|header|heading|tieude|tieu-de)[a-z]*)(?:$|[\s_-])", re.I
)
_HEADING_XP = etree.XPath(
    ".//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::caption]"
)
_SHORT_TEXTS = etree.XPath(".//text()[normalize-space()][string-length() < 100]")


class ListingPage:
    """A page listing articles, ``page_number`` being its 1-based position in the paging."""

    def __init__(self, url: str, html: Any, page_number: int = 1) -> None:
        self.url = url
        self.root = to_root(html)
        self.page_number = page_number
        self._turns: list[tuple[etree._Element, PagerLink]] | None = None

    # -- paging -----------------------------------------------------------------
    def _page_turns(self) -> list[tuple[etree._Element, PagerLink]]:
        if self._turns is None:
            self._turns = find_page_turns(self.root, self.url)
        return self._turns

    def all_page_turns(self) -> list[PagerLink]:
        """Every paging control found, in document order."""
        return [pl for _, pl in self._page_turns()]

    def next_page(self) -> PageTurn | None:
        """The turn to page ``page_number + 1``, else the "next" control, else ``None``."""
        turns = self.all_page_turns()
        want = self.page_number + 1
        for pl in turns:
            if pl.number == want:
                return pl.turn
        for pl in turns:
            if pl.rel == "next" and (pl.number is None or pl.number > self.page_number):
                return pl.turn
        return None

    # -- entries ----------------------------------------------------------------
    def entries(self) -> list[ListingEntry]:
        """The main listing's articles, in page order, each once."""
        units = self._article_links()
        if not units:
            return []
        groups = _group(units)
        pager_els = [el for el, _ in self._page_turns()]
        scores = {id(g): _score(g, pager_els) for g in groups}
        best = max(groups, key=lambda g: scores[id(g)])
        if scores[id(best)] <= 0:
            return []
        pos = {id(u[0]): i for i, u in enumerate(units)}

        def first(g: _Group) -> int:
            return min(pos[id(a)] for _, links in g.items for a, _, _ in links)

        merged = _Group(best.parent)
        for g in groups:
            if g is best or (
                scores[id(g)] > 0
                and first(g) < first(best)
                and len(g.keys) <= max(3, len(best.keys) // 2)
                and _companion(g, best)
            ):
                merged.items.extend(g.items)
        merged.items.sort(key=lambda it: min(pos[id(a)] for a, _, _ in it[1]))
        return _entries(merged)

    def _article_links(self) -> list[tuple[etree._Element, str, str]]:
        out = []
        for a in _LINKS(self.root):
            url = absolute(self.url, a.get("href"))
            if not url or not is_article_url(url) or not same_host(url, self.url):
                continue
            key = article_id(url) or canonical_url(url).lower()
            out.append((a, url.split("#", 1)[0], key))
        return out


class _Group:
    """One list: its container and its items (item element, [(a, url, key)])."""

    def __init__(self, parent: etree._Element | None) -> None:
        self.parent = parent
        self.items: list[tuple[etree._Element, list[tuple[etree._Element, str, str]]]] = []

    @property
    def keys(self) -> set[str]:
        return {k for _, links in self.items for _, _, k in links}


def _group(units: list[tuple[etree._Element, str, str]]) -> list[_Group]:
    keys_under: dict[etree._Element, set[str]] = {}
    for a, _, key in units:
        for anc in a.iterancestors():
            keys_under.setdefault(anc, set()).add(key)
    groups: dict[Any, _Group] = {}
    item_of: dict[etree._Element, int] = {}
    for unit in units:
        a = unit[0]
        item = a
        for anc in a.iterancestors():
            if len(keys_under[anc]) > 1:
                break
            item = anc
        parent = item.getparent()
        g = groups.setdefault(parent, _Group(parent))
        idx = item_of.get(item)
        if idx is None:
            item_of[item] = len(g.items)
            g.items.append((item, [unit]))
        else:
            g.items[idx][1].append(unit)
    return list(groups.values())


def _companion(g: _Group, best: _Group) -> bool:
    """Whether ``g`` is part of the same listing as ``best`` (a featured item or a
    top block beside the main list, in the same section of the page)."""
    if g.parent is None or best.parent is None:
        return False
    section = best.parent.getparent()
    if section is None or tag_of(section) in ("body", "html", "form"):
        return False
    if g.parent is section or g.parent is section.getparent():
        return tag_of(g.parent) not in ("body", "html", "form")
    return g.parent.getparent() is section


def _box_label(g: _Group) -> str:
    """The short text heading the list's box (the text before its first item), if any."""
    first = g.items[0][0]
    node = first
    for _ in range(4):
        parent = node.getparent()
        if parent is None:
            break
        before: list[str] = [parent.text or ""]
        for child in parent:
            if child is node:
                break
            before.append(raw_text(child))
            before.append(child.tail or "")
        label = clean_inline(" ".join(before))
        if label:
            return label if len(label) <= 80 else ""
        node = parent
    return ""


def _score(g: _Group, pager_els: list[etree._Element]) -> float:
    n = len(g.keys)
    if n == 0:
        return 0.0
    label = _box_label(g)
    archive = bool(label) and is_archive_heading(label)
    if label and not archive and is_boilerplate_line(label):
        return 0.0
    dated = sum(1 for d in _dates(g) if d)
    # leads beside the links: a channel's listing has them, side boxes rarely do
    leads = sum(1 for item, _ in g.items if len(_text_outside_links(item).strip()) >= 60)
    score = n * (1.0 + 0.5 * dated / len(g.items) + 0.5 * leads / len(g.items))
    if g.parent is not None and pager_els:
        up = set([g.parent, *g.parent.iterancestors()][:2])
        if any(_near(el, up) for el in pager_els):
            score = score * 2 + 3.0
    if archive:  # the archive's answer for a day: the page's listing, whatever is beside it
        score = score * 2 + 3.0
    return score


def is_archive_heading(label: str) -> bool:
    """Whether a box heading is the archive label followed by a day ("Các tin đã đăng
    ngày 16/05/2019"): the archive's results, unlike the form's bare label."""
    s = quick_clean(label)
    return bool(_ARCHIVE_HEAD.match(s)) and bool(find_dates(s))


def _near(pager_el: etree._Element, up: set[etree._Element]) -> bool:
    """Whether a pager control shares a close container with the list: the list's
    container or its parent, within seven levels above the control."""
    for hops, anc in enumerate(pager_el.iterancestors(), 1):
        if hops > 7:
            return False
        if anc in up:
            return True
    return False


def _text_outside_links(el: etree._Element) -> str:
    if tag_of(el) == "a":
        return ""
    parts = [el.text or ""]
    for child in el:
        if tag_of(child) != "a":
            parts.append(_text_outside_links(child))
        parts.append(child.tail or "")
    return " ".join(parts)


# -- entry dates ---------------------------------------------------------------------


def _dates(g: _Group) -> list[str | None]:
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
    """The text of ``el`` outside links, cut into lines at blocks, ``<br>`` s and links."""
    tag = tag_of(el)
    if not tag or tag in SKIP_TAGS:
        return
    if tag == "a":
        out.append([])
        return
    block = tag in BLOCK_TAGS
    if block:
        out.append([])
    if el.text:
        out[-1].append(el.text)
    for child in el:
        _lines(child, out)
        if child.tail:
            out[-1].append(child.tail)
    if block:
        out.append([])


def _first_line_date(lines: list[list[str]]) -> str | None:
    """The date of the first line that is a date line ("(16/05/2019)", "Cập nhật: …")."""
    for parts in lines:
        s = "".join(parts)
        if not s or len(s) > 300 or not any(c.isdigit() for c in s):
            continue
        s = quick_clean(s)
        if len(s) > 120 or is_archive_heading(s):
            continue
        d = date_line(s, slack=24)
        if d:
            return d
    return None


def _heading_text(text: str | None) -> bool:
    """A box heading's text: a label line ("Tin mới", "Các tin đã đăng ngày 16/05/2019")."""
    if not text or not text.strip():
        return False
    s = quick_clean(text)
    if len(s) > 80:
        return False
    return is_archive_heading(s) or (not date_line(s, slack=24) and is_label(s))


def _is_heading(el: etree._Element) -> bool:
    """Whether ``el`` is a heading (h1–h6, a caption, a title-named element, a label
    line) rather than part of an entry (a date line, an article link)."""
    tag = tag_of(el)
    if not tag or tag in SKIP_TAGS or tag in ("a", "br", "img"):
        return False
    named = tag in _HEADINGS or (
        (el.get("class") or el.get("id")) is not None and bool(_HEADING_HINT.search(class_id(el)))
    )
    if not named and len(el) > 3:
        return False
    text = text_of(el)
    if not text or len(text) > 100:
        return False
    if _heading_text(text):
        return True
    if not named or DATE_LINE_LABEL.match(text) or date_line(text, slack=24):
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


def _entries(g: _Group) -> list[ListingEntry]:
    order: list[str] = []
    found: dict[str, list] = {}  # key -> [url, title, date, title is link text]
    for (_item, links), date in zip(g.items, _dates(g), strict=True):
        for a, url, key in links:
            title, is_text = _link_title(a)
            rec = found.get(key)
            if rec is None:
                order.append(key)
                found[key] = [url, title, date, is_text]
                continue
            if (is_text and not rec[3]) or (title and not rec[1]):
                rec[1], rec[3] = title, is_text
            rec[2] = rec[2] or date
    return [ListingEntry(url=r[0], title=r[1], date_raw=r[2]) for r in (found[k] for k in order)]


def _link_title(a: etree._Element) -> tuple[str, bool]:
    """The title a link shows: its text, else its title attribute, else an image's alt."""
    text = text_of(a)
    if text:
        return text, True
    title = clean_inline(a.get("title") or "")
    if title:
        return title, False
    for img in a.iter("img"):
        alt = clean_inline(img.get("alt") or img.get("title") or "")
        if alt:
            return alt, False
    return "", False
