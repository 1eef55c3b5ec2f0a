"""An article page: its raw fields, by a selector set (fast path) or the generic fallback.

The fast path tries the layouts of :mod:`kcn_crawler.pages.selectors` in order; the
first whose title and body are both found wins.  Otherwise (or when that body holds
no text) :mod:`kcn_crawler.pages.fallback` locates body, title and date from the
page's structure.  Either way the body is read by :mod:`kcn_crawler.pages.body` and
its end by :mod:`kcn_crawler.pages.signature`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from kcn_crawler.normalize import clean_inline, clean_paragraphs, find_dates
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
from kcn_crawler.pages.hidden import hidden_elements
from kcn_crawler.pages.media import attachments, images
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
from kcn_crawler.pages.types import RawArticle
from kcn_crawler.pages.vocabulary import DATE_LINE_LABEL, LEAD_HINT, STOP_LINE

__all__ = ["ArticlePage"]


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


class ArticlePage:
    """An article page; ``listing_title`` is the link text that led here, if known."""

    def __init__(
        self, url: str, html: Any, listing_title: str | None = None, *, selectors: bool = True
    ) -> None:
        self.url = url
        self.root = to_root(html)
        self.listing_title = listing_title
        self.use_selectors = selectors  # False: the generic fallback only (tests, diagnosis)
        self.hidden = hidden_elements(self.root)  # never text, title or date

    def to_raw(self) -> RawArticle:
        """The article's raw fields (see "Extraction conventions" in docs/design.md)."""
        loc = self._fast() if self.use_selectors else None
        if loc is not None:
            raw = self._assemble(loc, "selectors")
            if raw.paragraphs:
                return raw
        loc = self._fallback()
        if loc is None:
            return RawArticle(
                title=headline.meta_title(self.root, self.listing_title),
                date_raw=vicinity.meta_date(self.root),
                summary=None,
                paragraphs=[],
                html="",
                author=None,
                author_role=None,
                source=None,
                extraction="fallback",
                missing=["text"],
            )
        return self._assemble(loc, "fallback")

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
                    title_el, skip, url=self.url, lead=loc.lead_el, body=body
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
        title_el, title = headline.find_title(root, body, skip, self.listing_title, self.url)
        lead_el = vicinity.lead_between(title_el, body, skip)
        date_raw, date_el = vicinity.date_near(
            title_el, skip, url=self.url, lead=lead_el, body=body
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
    def _assemble(self, loc: Located, extraction: str) -> RawArticle:
        skip = set(loc.skip)
        for el in (loc.title_el, loc.date_el, loc.lead_el):
            if el is not None:
                skip.add(el)
        parts = [loc.body, *loc.extra]
        blocks, imgs = walk(parts, self.url, skip, start_after=loc.title_el)
        date_raw = loc.date_raw
        marked = loc.date_marked or vicinity.is_marked(loc.date_el, date_raw)
        blocks, head_date, head_el = _drop_head(blocks, loc.title)
        if not date_raw and head_date:
            date_raw, marked = head_date, vicinity.is_marked(head_el, head_date)
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
        atts = attachments(scope, self.url, skip=loc.skip)
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
        if not date_raw:
            # labelled ("Cập nhật: …") or meta dates are marked; a bare closing line is not
            date_raw = (
                tail_date
                or vicinity.labelled_date(scope, loc.skip)
                or vicinity.meta_date(self.root)
            )
            marked = bool(date_raw)
        if not date_raw:
            date_raw = vicinity.closing_date(box if box is not None else loc.body, loc.body)
        paragraphs = clean_paragraphs(b.text for b in blocks if not b.caption)
        title = loc.title or headline.meta_title(self.root, self.listing_title)
        missing = [
            name
            for name, value in (("title", title), ("date", date_raw), ("text", paragraphs))
            if not value
        ]
        return RawArticle(
            title=title or None,
            date_raw=date_raw,
            summary=summary or None,
            paragraphs=paragraphs,
            html=clean_html(parts, self.url),
            author=tail.author,
            author_role=tail.author_role,
            source=tail.source,
            images=images(imgs),
            attachments=atts,
            extraction=extraction,
            missing=missing,
            repairs=sorted({r for r in repairs if r}),
            date_marked=bool(date_raw) and marked,
        )


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
