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

An entry's date comes from its own container only (see ``entry_dates``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lxml import etree

from kcn_crawler.normalize import (
    article_id,
    canonical_url,
    clean_inline,
    date_from_url,
    is_article_url,
    is_boilerplate_line,
    parse_date,
)
from kcn_crawler.normalize.dates import ParsedDate
from kcn_crawler.pages.base import (
    absolute,
    raw_text,
    same_host,
    tag_of,
    text_of,
    to_root,
)
from kcn_crawler.pages.discovery import list_signature
from kcn_crawler.pages.entry_dates import entry_dates, is_archive_heading
from kcn_crawler.pages.pager import (
    PagerLink,
    find_page_turns,
    parse_postback,
    turn_after_current,
)
from kcn_crawler.pages.thresholds import (
    ARCHIVE_ANSWER_FACTOR,
    ARCHIVE_DAY_WEIGHT,
    BOX_HEADING_LEVELS,
    BOX_HEADING_MAX_CHARS,
    COMPANION_MAX_ITEMS,
    ENTRY_BONUS,
    ENTRY_LEAD_CHARS,
    NEAR_PAGER_BONUS,
    NEAR_PAGER_FACTOR,
    PAGER_REACH,
)
from kcn_crawler.pages.types import ListingEntry, PageTurn

__all__ = ["ListingPage", "parse_postback"]

_LINKS = etree.XPath("//a[@href]")


class ListingPage:
    """A page listing articles, ``page_number`` being its 1-based position in the paging."""

    def __init__(self, url: str, html: Any, page_number: int = 1, day: date | None = None) -> None:
        self.url = url
        self.root = to_root(html)
        self.page_number = page_number
        self.day = day  # the archive's answer for this day: its entries carry this date
        self._turns: list[tuple[etree._Element, PagerLink]] | None = None
        self.main_list: etree._Element | None = None  # the container of entries(), once read
        self._entries: list[ListingEntry] | None = None

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
        after = turn_after_current(self._page_turns(), self.page_number)
        if after is not None:
            return after
        for pl in turns:
            if pl.rel == "next" and (pl.number is None or pl.number > self.page_number):
                return pl.turn
        return None

    # -- entries ----------------------------------------------------------------
    def entries(self) -> list[ListingEntry]:
        """The main listing's articles, in page order, each once (read once per page)."""
        if self._entries is None:
            self._entries = self._read_entries()
        return self._entries

    def _read_entries(self) -> list[ListingEntry]:
        units = self._article_links()
        if not units:
            return []
        parse = _DateReader()
        groups = _group(units)
        pager_els = [el for el, _ in self._page_turns()]
        dates = {id(g): entry_dates(g) for g in groups}
        scores = {id(g): _score(g, pager_els, dates[id(g)], self.day, parse) for g in groups}
        best = max(groups, key=lambda g: scores[id(g)])
        if scores[id(best)] <= 0:
            return []
        self.main_list = best.parent
        pos = {id(u[0]): i for i, u in enumerate(units)}

        def first(g: _Group) -> int:
            return min(pos[id(a)] for _, links in g.items for a, _, _ in links)

        merged = _Group(best.parent)
        merged_alone = True
        for g in groups:
            if g is best or (
                scores[id(g)] > 0
                and first(g) < first(best)
                and len(g.keys) <= max(COMPANION_MAX_ITEMS, len(best.keys) // 2)
                and _companion(g, best)
            ):
                merged.items.extend(g.items)
                merged_alone = merged_alone and g is best
        if merged_alone:
            return _entries(best, dates[id(best)], parse)
        merged.items.sort(key=lambda it: min(pos[id(a)] for a, _, _ in it[1]))
        return _entries(merged, entry_dates(merged), parse)

    def has_pager(self) -> bool:
        """Whether the page shows a control that leads to another page of its listing."""
        return any(
            pl.rel in ("next", "last") or (pl.number is not None and pl.number != self.page_number)
            for pl in self.all_page_turns()
        )

    def list_places(self) -> dict[str, set[str]]:
        """Every list of article links on the page: its place (``list_signature``) → its
        article keys. The home page's lists are the site's frame boxes and news boxes."""
        places: dict[str, set[str]] = {}
        units = self._article_links()
        for g in _group(units) if units else []:
            places.setdefault(list_signature(g.parent), set()).update(g.keys)
        return places

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
    for _ in range(BOX_HEADING_LEVELS):
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
            return label if len(label) <= BOX_HEADING_MAX_CHARS else ""
        node = parent
    return ""


class _DateReader:
    """The listing's date strings, each parsed once (the scoring and the entries share it)."""

    def __init__(self) -> None:
        self.parsed: dict[str, ParsedDate | None] = {}

    def __call__(self, raw: str | None) -> ParsedDate | None:
        if not raw:
            return None
        if raw not in self.parsed:
            self.parsed[raw] = parse_date(raw)
        return self.parsed[raw]


def _day_of(parsed: ParsedDate | None, url: str) -> date | None:
    return parsed.value.date() if parsed else date_from_url(url)


def _score(
    g: _Group,
    pager_els: list[etree._Element],
    dates: list[str | None],
    day: date | None = None,
    parse: _DateReader | None = None,
) -> float:
    """How much ``g`` looks like the page's main listing (0: not at all); ``dates`` are
    its items' dates (``entry_dates``), read by ``parse``."""
    n = len(g.keys)
    if n == 0:
        return 0.0
    label = _box_label(g)
    archive = bool(label) and is_archive_heading(label)
    if label and not archive and is_boilerplate_line(label):
        return 0.0
    dated = sum(1 for d in dates if d)
    if day is not None:
        # An archive answer lists the day's articles: a list dated that day is the
        # answer, however short; a list of other days (a side box) is not.
        read = parse or _DateReader()
        days = [
            _day_of(read(raw), links[0][1]) for raw, (_, links) in zip(dates, g.items, strict=True)
        ]
        known = [d for d in days if d is not None]
        if known:
            matching = sum(1 for d in known if d == day)
            if matching == 0:
                return 0.0
            return (n + ARCHIVE_DAY_WEIGHT * matching) * ARCHIVE_ANSWER_FACTOR
    # leads beside the links: a channel's listing has them, side boxes rarely do
    leads = sum(
        1 for item, _ in g.items if len(_text_outside_links(item).strip()) >= ENTRY_LEAD_CHARS
    )
    score = n * (1.0 + ENTRY_BONUS * dated / len(g.items) + ENTRY_BONUS * leads / len(g.items))
    if g.parent is not None and pager_els:
        up = set([g.parent, *g.parent.iterancestors()][:2])
        if any(_near(el, up) for el in pager_els):
            score = score * NEAR_PAGER_FACTOR + NEAR_PAGER_BONUS
    if archive:  # the archive's answer for a day: the page's listing, whatever is beside it
        score = score * NEAR_PAGER_FACTOR + NEAR_PAGER_BONUS
    return score


def _near(pager_el: etree._Element, up: set[etree._Element]) -> bool:
    """Whether a pager control shares a close container with the list: the list's
    container or its parent, within seven levels above the control."""
    for hops, anc in enumerate(pager_el.iterancestors(), 1):
        if hops > PAGER_REACH:
            return False
        if anc in up:
            return True
    return False


def _text_outside_links(el: etree._Element) -> str:
    """Text of ``el`` outside its links (iterative: no recursion on depth)."""
    if tag_of(el) == "a":
        return ""
    parts: list[str] = []
    # A str on the stack is text to emit; an element is read (never a link): its text,
    # then per child " " + the child's text outside links (unless a link), " " + tail.
    stack: list[Any] = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        parts.append(node.text or "")
        for child in reversed(node):
            stack.append(child.tail or "")
            stack.append(" ")
            if tag_of(child) != "a":
                stack.append(child)
                stack.append(" ")
    return "".join(parts)


def _entries(g: _Group, dates: list[str | None], parse: _DateReader) -> list[ListingEntry]:
    order: list[str] = []
    found: dict[str, list] = {}  # key -> [url, title, date, title is link text]
    for (_item, links), shown in zip(g.items, dates, strict=True):
        for a, url, key in links:
            title, is_text = _link_title(a)
            rec = found.get(key)
            if rec is None:
                order.append(key)
                found[key] = [url, title, shown, is_text]
                continue
            if (is_text and not rec[3]) or (title and not rec[1]):
                rec[1], rec[3] = title, is_text
            rec[2] = rec[2] or shown
    return [
        ListingEntry(url=r[0], title=r[1], date_raw=r[2], date=parse(r[2]))
        for r in (found[k] for k in order)
    ]


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
