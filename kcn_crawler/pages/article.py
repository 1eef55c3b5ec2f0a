"""An article page: its raw fields, by a selector set (fast path) or the generic fallback.

The fast path tries the layouts of :mod:`kcn_crawler.pages.selectors` in order; the
first whose title and body are both found wins.  Otherwise (or when that body holds
no text) :mod:`kcn_crawler.pages.fallback` locates body, title and date from the
page's structure.  Either way the body is read by :mod:`kcn_crawler.pages.body` and
its end by :mod:`kcn_crawler.pages.signature`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from lxml import etree

from kcn_crawler.items import Article
from kcn_crawler.normalize import canonical_url, clean_inline, clean_paragraphs, find_dates
from kcn_crawler.normalize.dates import ParsedDate, date_from_url, parse_date
from kcn_crawler.pages import fallback, headline, selectors, vicinity
from kcn_crawler.pages.base import (
    inside,
    legacy_kind,
    precedes,
    raw_text,
    tag_of,
    text_of,
    to_root,
)
from kcn_crawler.pages.body import Block, clean_html, walk
from kcn_crawler.pages.fields import ItemPage
from kcn_crawler.pages.fields import field as item_field
from kcn_crawler.pages.hidden import hidden_elements
from kcn_crawler.pages.media import attachments, images
from kcn_crawler.pages.published import DateCandidate, Published, choose_published
from kcn_crawler.pages.signature import (
    cut_furniture,
    is_stop_line,
    signature_after,
    take_tail,
)
from kcn_crawler.pages.thresholds import (
    HEAD_BLOCKS,
    LEAD_BLOCKS,
    MIN_BODY_CHARS,
    MIN_LAYOUT_TITLE_MATCH,
    MIN_LEAD_CHARS,
    REPEATED_TITLE_SLACK,
    TAIL_BLOCKS,
    TITLE_MAX_CHARS,
    TITLE_MIN_CHARS,
)
from kcn_crawler.pages.vocabulary import DATE_LINE_LABEL, LEAD_HINT, STOP_LINE

__all__ = ["ArticleContext", "ArticlePage"]


@dataclass
class Located:
    """Where the parts of an article are on its page."""

    body: etree._Element
    title: str | None
    title_el: etree._Element | None = None
    date_raw: str | None = None
    date_el: etree._Element | None = None
    lead_el: etree._Element | None = None
    skip: set = field(default_factory=set)
    extra: list = field(default_factory=list)  # siblings after the body that continue it
    layout: str = "fallback"  # the selector set that matched
    date_marked: bool = False  # the date came from the layout's own date element


@dataclass(frozen=True)
class ArticleContext:
    """What the crawl knows of an article beyond its page: the item's id, site, channel,
    the URL it carries, when it was read, and the listing's date for it (parsed)."""

    article_id: str = ""
    site: str = ""
    channel: str | None = None
    item_url: str | None = None  # the URL the item carries (default: the page's)
    crawled_at: str = ""
    listing_date: str | None = None  # as the listing showed it
    listing_parsed: ParsedDate | None = None


@dataclass
class _Read:
    """What one reading of the page found (one pass: the body's blocks are consumed)."""

    title: str | None
    summary: str | None
    paragraphs: list[str]
    html: str
    author: str | None
    author_role: str | None
    source: str | None
    images: list[dict] = field(default_factory=list)  # {"url", "caption"}
    attachments: list[dict] = field(default_factory=list)  # {"url", "name"}
    extraction: str = "selectors"  # "selectors" | "fallback"
    repairs: list[str] = field(default_factory=list)
    page_dates: Iterator[DateCandidate] = field(default_factory=lambda: iter(()))


class ArticlePage(ItemPage[Article]):
    """An article page; ``listing_title`` is the link text that led here, if known.

    One :func:`field` method per :class:`~kcn_crawler.items.Article` field, each computed
    once; :meth:`to_item` builds the item.  ``context`` carries what the crawl knows
    beyond the page (see :class:`ArticleContext`).
    """

    item_cls = Article

    def __init__(
        self,
        url: str,
        html: Any,
        listing_title: str | None = None,
        *,
        selectors: bool = True,
        context: ArticleContext | None = None,
    ) -> None:
        self.page_url = url
        self.root = to_root(html)
        self.listing_title = listing_title
        self.use_selectors = selectors  # False: the generic fallback only (tests, diagnosis)
        self.context = context or ArticleContext()
        self.hidden = hidden_elements(self.root)  # never text, title or date

    # -- the item's fields ----------------------------------------------------------
    @item_field
    def id(self) -> str:
        return self.context.article_id

    @item_field
    def url(self) -> str:
        """The canonical URL the item carries (the page's, unless the crawl says otherwise)."""
        return canonical_url(self.context.item_url or self.page_url)

    @item_field
    def site(self) -> str:
        return self.context.site

    @item_field
    def channel(self) -> str | None:
        return self.context.channel

    @item_field
    def title(self) -> str:
        return self._read.title or ""

    @item_field
    def published(self) -> str | None:
        return self.publication.value

    @item_field
    def summary(self) -> str | None:
        return self._read.summary or None

    @item_field
    def text(self) -> str:
        """The body text: paragraphs joined by a blank line."""
        return "\n\n".join(self._read.paragraphs)

    @item_field
    def html(self) -> str:
        return self._read.html

    @item_field
    def author(self) -> str | None:
        return self._read.author or None

    @item_field
    def author_role(self) -> str | None:
        return self._read.author_role or None

    @item_field
    def images(self) -> list[dict[str, Any]]:
        return [dict(image) for image in self._read.images]

    @item_field
    def attachments(self) -> list[dict[str, Any]]:
        return [dict(attachment) for attachment in self._read.attachments]

    @item_field
    def crawled_at(self) -> str:
        return self.context.crawled_at

    @item_field
    def source(self) -> str | None:
        return self._read.source or None

    @item_field
    def published_raw(self) -> str | None:
        return self.publication.raw

    @item_field
    def date_source(self) -> str | None:
        return self.publication.source

    @item_field
    def date_method(self) -> str | None:
        return self.publication.method

    @item_field
    def extraction(self) -> str:
        return self._read.extraction

    @item_field
    def repairs(self) -> list[str]:
        return list(self._read.repairs)

    @item_field
    def revision(self) -> int | None:
        return None  # the catalog's, set by its pipeline

    # -- the publication date -----------------------------------------------------
    @cached_property
    def page_date(self) -> DateCandidate | None:
        """The page's own date: the first its layout shows (see :meth:`date_candidates`)."""
        dates = self._read.page_dates
        try:
            return next(dates, None)
        finally:
            # The suspended generator's frame holds this page (and its tree): closed, the
            # page is freed as soon as it is dropped, not at the next cyclic collection.
            getattr(dates, "close", lambda: None)()

    def date_candidates(self) -> Iterator[DateCandidate]:
        """The publication date's candidates, in order: the page's own date, the listing's,
        the URL's day (each parsed once, where it was found)."""
        if self.page_date is not None:
            yield self.page_date
        if self.context.listing_date:
            yield DateCandidate(
                "listing", "listing", self.context.listing_date, self.context.listing_parsed
            )
        day = date_from_url(self.page_url)
        if day is not None:
            yield DateCandidate.url_day(day)

    @cached_property
    def publication(self) -> Published:
        """The chosen publication date and where it came from (``choose_published``)."""
        return choose_published(self.date_candidates(), date_from_url(self.page_url))

    @property
    def date_raw(self) -> str | None:
        """The page's own date as it shows it (None when it shows none)."""
        return self.page_date.raw if self.page_date is not None else None

    @property
    def paragraphs(self) -> list[str]:
        """The body's paragraphs, as ``text`` joins them."""
        return self._read.paragraphs

    @cached_property
    def missing(self) -> list[str]:
        """What the page itself lacks: "title", "date" (its own), "text"."""
        return [
            name
            for name, value in (
                ("title", self._read.title),
                ("date", self.page_date),
                ("text", self._read.paragraphs),
            )
            if not value
        ]

    # -- reading --------------------------------------------------------------------
    @cached_property
    def _read(self) -> _Read:
        """The article's parts (see "Extraction conventions" in docs/design.md)."""
        loc = self._fast() if self.use_selectors else None
        if loc is not None:
            read = self._assemble(loc, "selectors")
            if read.paragraphs:
                return read
        loc = self._fallback()
        if loc is None:
            return _Read(
                title=headline.meta_title(self.root, self.listing_title),
                summary=None,
                paragraphs=[],
                html="",
                author=None,
                author_role=None,
                source=None,
                extraction="fallback",
                page_dates=self._dated("meta", lambda: vicinity.meta_date(self.root), False),
            )
        return self._assemble(loc, "fallback")

    def _dated(
        self, where: str, find: Callable[[], str | None], marked: bool
    ) -> Iterator[DateCandidate]:
        """The page date ``find`` finds (called only when asked for), parsed once."""
        raw = find()
        if raw:
            yield DateCandidate("page", where, raw, parse_date(raw), marked)

    # -- locating -----------------------------------------------------------------
    def _fast(self) -> Located | None:
        root = self.root
        for i, found in enumerate(selectors.match(root)):
            if not found["title"] or not found["body"]:
                continue
            skip = self.hidden | set(found["furniture"])
            body = _largest([el for el in found["body"] if not inside(el, skip)])
            if body is None:
                continue
            picked = _pick_title([el for el in found["title"] if not inside(el, skip)], body)
            if picked is None:
                continue
            title_el, title = picked
            if (
                self.listing_title
                and headline.listing_match(title, self.listing_title) < MIN_LAYOUT_TITLE_MATCH
            ):
                continue  # the class names mean something else on this site
            loc = Located(
                body=body, title=title, title_el=title_el, skip=skip, layout=selectors.set_name(i)
            )
            loc.extra = [el for el in signature_after(body) if el not in skip]
            for d in found["date"]:
                if inside(d, skip):
                    continue
                if precedes(d, title_el) and not _contains(d, title_el):
                    continue  # a date above the title is the page header's "today"
                hits = find_dates(text_of(d) or d.get("datetime") or d.get("content") or "")
                if hits:
                    loc.date_raw, loc.date_el = hits[0], d
                    break
            for lead in found["lead"]:
                # the lead sits between the title and the body's text, never after it
                if inside(lead, skip) or not text_of(lead):
                    continue
                if _contains(body, lead) or precedes(lead, body):
                    loc.lead_el = lead
                    break
            if loc.date_raw is None:
                loc.date_raw, loc.date_el = vicinity.date_near(
                    title_el, skip, url=self.page_url, lead=loc.lead_el, body=body
                )
            else:
                loc.date_marked = True  # the layout's own date element
            return loc
        return None

    def _fallback(self) -> Located | None:
        root = self.root
        skip = fallback.chrome(root) | self.hidden
        body, extra = fallback.best_body(root, skip)
        if body is None:
            return None
        if not extra:  # the body ends its box: a signature may follow the box
            extra = [el for el in signature_after(body) if el not in skip]
        title_el, title = headline.find_title(root, body, skip, self.listing_title, self.page_url)
        lead_el = vicinity.lead_between(title_el, body, skip)
        date_raw, date_el = vicinity.date_near(
            title_el, skip, url=self.page_url, lead=lead_el, body=body
        )
        return Located(
            body=body,
            title=title,
            title_el=title_el,
            date_raw=date_raw,
            date_el=date_el,
            lead_el=lead_el,
            skip=skip,
            extra=extra,
        )

    # -- assembling ---------------------------------------------------------------
    def _assemble(self, loc: Located, extraction: str) -> _Read:
        skip = set(loc.skip)
        for el in (loc.title_el, loc.date_el, loc.lead_el):
            if el is not None:
                skip.add(el)
        parts = [loc.body, *loc.extra]
        blocks, imgs = walk(parts, self.page_url, skip, start_after=loc.title_el)
        blocks, head_date, head_el = _drop_head(blocks, loc.title)
        summary = text_of(loc.lead_el) if loc.lead_el is not None else None
        lead_repair = None
        if summary is None:
            lead, blocks = _lead(blocks)
            summary = lead.text if lead is not None else None
            lead_repair = lead.repair if lead is not None else None
        scope = list(parts)
        box = _content_box(loc.body, loc.title_el)
        if box is not None:
            scope.append(box)
        atts = attachments(scope, self.page_url, skip=loc.skip)
        names = {a["name"] for a in atts}
        blocks = cut_furniture(blocks, names)
        # legacy encodings repaired in what the item carries (body, captions, lead, title)
        repairs = [b.repair for b in blocks] + [lead_repair]
        if summary and loc.lead_el is not None:
            repairs.append(legacy_kind(raw_text(loc.lead_el)))
        if loc.title and loc.title_el is not None:
            repairs.append(legacy_kind(raw_text(loc.title_el)))
        blocks, tail_date = _drop_date_lines(blocks)
        blocks, tail = take_tail(blocks)
        paragraphs = clean_paragraphs(b.text for b in blocks if not b.caption)
        title = loc.title or headline.meta_title(self.root, self.listing_title)
        return _Read(
            title=title or None,
            summary=summary or None,
            paragraphs=paragraphs,
            html=clean_html(parts, self.page_url),
            author=tail.author,
            author_role=tail.author_role,
            source=tail.source,
            images=images(imgs),
            attachments=atts,
            extraction=extraction,
            repairs=sorted({r for r in repairs if r}),
            page_dates=self._page_dates(loc, head_date, head_el, tail_date, scope, box),
        )

    def _page_dates(
        self,
        loc: Located,
        head_date: str | None,
        head_el: etree._Element | None,
        tail_date: str | None,
        scope: list[etree._Element],
        box: etree._Element | None,
    ) -> Iterator[DateCandidate]:
        """The page's dates, in the order they count (the first found is the page's own):
        the layout's date element or the title's vicinity, a date line heading the body,
        a "Cập nhật: …" line ending it, a labelled date in the article's box, a meta tag
        (all marked as the page's own), then a bare closing line after the body (unmarked).
        Each is looked for only when the ones before it are absent."""
        if loc.date_raw:
            marked = loc.date_marked or vicinity.is_marked(loc.date_el, loc.date_raw)
            where = "layout" if loc.date_marked else "vicinity"
            yield DateCandidate("page", where, loc.date_raw, parse_date(loc.date_raw), marked)
        if head_date:
            marked = vicinity.is_marked(head_el, head_date)
            yield DateCandidate("page", "head", head_date, parse_date(head_date), marked)
        # labelled ("Cập nhật: …") or meta dates are marked; a bare closing line is not
        yield from self._dated("foot", lambda: tail_date, True)
        yield from self._dated("label", lambda: vicinity.labelled_date(scope, loc.skip), True)
        yield from self._dated("meta", lambda: vicinity.meta_date(self.root), True)
        closing = box if box is not None else loc.body
        yield from self._dated("closing", lambda: vicinity.closing_date(closing, loc.body), False)


def _largest(els: list[etree._Element]) -> etree._Element | None:
    """The element with the most text (at least a sentence's worth), or ``None``."""
    best, best_len = None, MIN_BODY_CHARS
    for el in els:
        n = len(raw_text(el).strip())
        if n > best_len:
            best, best_len = el, n
    return best


def _contains(outer: etree._Element, inner: etree._Element) -> bool:
    return outer is inner or any(a is outer for a in inner.iterancestors())


def _pick_title(
    cands: list[etree._Element], body: etree._Element
) -> tuple[etree._Element, str] | None:
    """The title candidate nearest before the body (or first inside it); side-box
    headings sharing the class name are skipped."""
    before: tuple[etree._Element, str] | None = None
    within: tuple[etree._Element, str] | None = None
    for el in cands:
        if _contains(el, body):
            continue
        text, _ = headline.title_text(el)
        if (
            not TITLE_MIN_CHARS <= len(text) <= TITLE_MAX_CHARS
            or is_stop_line(text)
            or headline.is_label(text)
        ):
            continue
        if _contains(body, el):
            within = within or (el, text)
        elif precedes(el, body):
            before = (el, text)
    return before or within


def _content_box(body: etree._Element, title_el: etree._Element | None) -> etree._Element | None:
    """The lowest element holding both title and body (where attachments may sit)."""
    if title_el is None:
        return body.getparent()
    body_anc = [body, *body.iterancestors()]
    for anc in [title_el, *title_el.iterancestors()]:
        if anc in body_anc:
            return anc if tag_of(anc) not in ("body", "html", "form") else body.getparent()
    return None


def _drop_head(
    blocks: list[Block], title: str | None
) -> tuple[list[Block], str | None, etree._Element | None]:
    """Drop a repeated title (in any case: editors repeat it in capitals), a date line and
    a meta line ("| Lượt xem: 2178") at the top of the body: chrome there sits above the
    text, it does not end it."""
    date, date_el = None, None
    i = 0
    while i < len(blocks) and i < HEAD_BLOCKS:
        b = blocks[i]
        if (
            title
            and len(b.text) <= len(title) + REPEATED_TITLE_SLACK
            and clean_inline(headline.strip_dates(b.text)).casefold() == title.casefold()
        ):
            hits = find_dates(b.text)
            if hits and not date:
                date, date_el = hits[0], b.el
            i += 1
            continue
        line_date = vicinity.date_line(b.text)
        if line_date:
            if not date:
                date, date_el = line_date, b.el
            i += 1
            continue
        if not b.row and not STOP_LINE.match(b.text) and is_stop_line(b.text):
            i += 1
            continue
        break
    return blocks[i:], date, date_el


def _drop_date_lines(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """A "Cập nhật: …" line at the end of the body is the page's date, not text."""
    date = None
    for b in reversed(blocks[-TAIL_BLOCKS:]):
        if DATE_LINE_LABEL.match(b.text) and not b.text.lower().startswith("ngày "):
            d = vicinity.date_line(b.text)
            if d:
                date = d
                blocks = [x for x in blocks if x is not b]
                break
    return blocks, date


def _lead(blocks: list[Block]) -> tuple[Block | None, list[Block]]:
    """The lead: a first block marked sapo/lead/…, or wholly bold or italic."""
    for i, b in enumerate(blocks[:LEAD_BLOCKS]):
        if b.caption or b.row:
            continue
        marked = bool(LEAD_HINT.search(b.hints))
        styled = (b.bold or b.italic) and len(b.text) >= MIN_LEAD_CHARS and i == 0
        if (marked or styled) and len(blocks) > i + 1 and not is_stop_line(b.text):
            return b, blocks[:i] + blocks[i + 1 :]
        if not b.caption:
            break
    return None, blocks
