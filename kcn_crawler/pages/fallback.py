"""Generic main-content location, anchored on the portal's own landmarks.

1. Chrome out (:func:`chrome`): scripts, form controls, the SharePoint ribbon,
   nav/menus/search/footers, and every box headed by a side-box, related-news or
   archive label ("Video Clip", "Tin mới", "Tin liên quan", "Các tin đã đăng ngày").
2. Body (:func:`best_body`): readability-style scoring — each paragraph-like
   element scores 1 + commas + min(len/100, 3) for its parent (half for its
   grandparent); the best parent, weighted by 1 - link density, is the body,
   widened to its parent when siblings hold comparable text.
3. Title and date: :mod:`kcn_crawler.pages.headline`, :mod:`kcn_crawler.pages.vicinity`.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from kcn_crawler.normalize import is_article_url, is_boilerplate_line
from kcn_crawler.pages.base import BLOCK_TAGS, SKIP_TAGS, class_id, quick_clean, tag_of
from kcn_crawler.pages.signature import is_stop_line
from kcn_crawler.pages.thresholds import (
    BOX_CLIMB,
    BOX_LABEL_SLACK,
    CHROME_MAX_RUNNING_TEXTS,
    CONTINUATION_MAX,
    FALLBACK_MIN_TEXT,
    GRANDPARENT_SHARE,
    LABEL_AMONG_TEXT,
    LABEL_LINE_MAX_CHARS,
    LABEL_MAX_CHARS,
    LABEL_NODE_MAX_RAW,
    LABELLED_BOX_ROOM,
    LINK_DENSITY,
    LINKED_PARAGRAPH_WEIGHT,
    NEVER_CONTENT_BOX_ROOM,
    PARAGRAPH_CHARS_PER_POINT,
    PARAGRAPH_MAX_LENGTH_POINTS,
    PARAGRAPH_MIN_CHARS,
    SITE_FOOTER_MAX_CHARS,
    WIDEN_SHARE,
    WRAPPER_SLACK,
)
from kcn_crawler.pages.vocabulary import (
    ATTACH_LINE,
    CHROME_NAME,
    CONTACT_LINE,
    NEVER_CONTENT_LABEL,
    SIDE_LABEL,
    SITE_NOTICE,
    WEB_PART,
    WEB_PART_ERROR,
    WEB_PART_TITLE,
)

__all__ = ["best_body", "chrome"]

_CHROME = etree.XPath(
    "//script | //style | //noscript | //head | //nav | //select | //textarea | //button"
    " | //iframe | //*[@id='s4-ribbonrow' or @id='s4-titlerow' or @id='s4-leftpanel'"
    " or @role='navigation' or @role='banner' or @role='contentinfo' or @role='search']"
    " | //footer[not(ancestor::article)] | //aside | //header[not(ancestor::article)]"
)
_WITH_NAMES = etree.XPath("//*[@class or @id]")
_TEXTS = etree.XPath("//text()[normalize-space()]")
#: Pieces of running text (100+ characters outside links and scripts) under an element.
_RUNNING_TEXT = etree.XPath(
    "count(.//text()[string-length(normalize-space(.)) >= 100]"
    "[not(ancestor::a)][not(ancestor::script)][not(ancestor::style)])"
)
_PARA_TAGS = frozenset(
    {"p", "div", "td", "li", "pre", "blockquote", "dd", "article", "section", "font", "span",
     "center", "th"}
)  # fmt: skip
_TOP = frozenset({"body", "html", "form"})


def _is_label(line: str) -> bool:
    if ATTACH_LINE.match(line) or not any(c.isalnum() for c in line):
        return False  # the attachment block belongs to the article; "-", "|" head no box
    if SIDE_LABEL.match(line) or is_stop_line(line):
        return True
    return len(line) <= LABEL_MAX_CHARS and is_boilerplate_line(line)


def chrome(root: etree._Element) -> set[etree._Element]:
    """Elements (subtree roots) that are page furniture, never article content."""
    out: set[etree._Element] = set(_CHROME(root))
    for el in _WITH_NAMES(root):
        if (
            tag_of(el) not in _TOP
            and CHROME_NAME.search(class_id(el))
            and _RUNNING_TEXT(el)
            < CHROME_MAX_RUNNING_TEXTS  # a "navi-main" layout cell holds the article
        ):
            out.add(el)
    stats: dict[etree._Element, tuple[int, int]] = {}
    _stats(root, stats, False)
    for t in _TEXTS(root):
        if WEB_PART_ERROR.match(t.strip()):
            holder = _holder(t)
            if holder is not None:
                out.add(_failed_part(holder))
            continue
        if SITE_NOTICE.search(t):
            footer = _site_footer(t, stats)
            if footer is not None:
                out.add(footer)
            continue
        if len(t) > LABEL_NODE_MAX_RAW:
            continue
        line = quick_clean(t)
        if len(line) > LABEL_LINE_MAX_CHARS or not _is_label(line):
            continue
        el = _holder(t)
        if el is None or tag_of(el) in _TOP or el in out:
            continue
        tl, ll = stats.get(el, (0, 0))
        if tl - ll > LABEL_AMONG_TEXT + len(line):
            continue  # a short line among running text ("Lượt xem: 12" atop the body)
        if NEVER_CONTENT_LABEL.match(line):
            part = _web_part(el)
            out.add(
                part
                if part is not None
                else _box_of(el, NEVER_CONTENT_BOX_ROOM, stats, prose=True, label=line)
            )
        else:
            out.add(_box_of(el, len(line) + LABELLED_BOX_ROOM, stats))
    return out


def _holder(t: Any) -> etree._Element | None:
    """The element a text node sits in (a tail's is its element's parent)."""
    el = t.getparent()
    if el is not None and getattr(t, "is_tail", False):
        el = el.getparent()
    return el


def _failed_part(el: etree._Element) -> etree._Element:
    """The web part whose rendering failed (``el`` holds its error message): its body,
    or the message's own block when no web part markup is around it."""
    for anc in el.iterancestors():
        if WEB_PART.search(anc.get("class") or "") or tag_of(anc) in _TOP:
            return anc if tag_of(anc) not in _TOP else el
    return el


def _site_footer(t: Any, stats: dict) -> etree._Element | None:
    """The site footer holding the publisher's notice ``t``: its largest container of at
    most 1,000 characters that also holds contact lines (address, phone, e-mail)."""
    el = _holder(t)
    found = None
    while (
        el is not None
        and tag_of(el) not in _TOP
        and stats.get(el, (0, 0))[0] <= SITE_FOOTER_MAX_CHARS
    ):
        found = el
        el = el.getparent()
    if found is None or not CONTACT_LINE.search(" ".join(found.itertext())):
        return None
    return found


def _stats(el: etree._Element, out: dict, in_link: bool) -> tuple[int, int]:
    """Post-order: (text length, link text length) of every element, into ``out``.

    Iterative (children before parents, from an explicit stack): no recursion on depth."""
    order: list[tuple[etree._Element, bool]] = []  # pre-order; reversed = children first
    stack = [(el, in_link)]
    while stack:
        node, linked = stack.pop()
        tag = tag_of(node)
        if not tag or tag in SKIP_TAGS:
            out[node] = (0, 0)
            continue
        linked = linked or tag == "a"
        order.append((node, linked))
        stack.extend((child, linked) for child in node)
    for node, linked in reversed(order):
        tl = len((node.text or "").strip())
        ll = tl if linked else 0
        for child in node:
            ctl, cll = out[child]
            tail = len((child.tail or "").strip())
            tl += ctl + tail
            ll += cll + (tail if linked else 0)
        out[node] = (tl, ll)
    return out[el]


def _web_part(el: etree._Element) -> etree._Element | None:
    """The SharePoint web part whose title bar holds ``el``, if it is in one: its box,
    prose and all (a "Lịch công tác" web part may hold more text than a short article)."""
    titled = False
    for anc in (el, *el.iterancestors()):
        names = f"{anc.get('class') or ''} {anc.get('id') or ''}"
        if not titled:
            titled = bool(WEB_PART_TITLE.search(names))
            continue
        if WEB_PART.search(anc.get("class") or "") or (anc.get("id") or "").startswith(
            "MSOZoneCell_WebPart"
        ):
            return anc
        if tag_of(anc) in _TOP:
            return None
    return None


def _box_of(
    el: etree._Element, room: int, stats: dict, *, prose: bool = False, label: str = ""
) -> etree._Element:
    """The box a label heads: climb while the label opens the ancestor and the ancestor
    holds at most ``room`` characters outside links.  With ``prose`` (a heading no
    article carries) the box may hold running text, but the climb takes in running
    text once only: the box's own, never the article's beside it."""
    box = el
    absorbed = False
    for _ in range(BOX_CLIMB):
        parent = box.getparent()
        if parent is None or tag_of(parent) in _TOP:
            break
        if (parent.text or "").strip():
            break
        opens = True
        for sib in box.itersiblings(preceding=True):
            if stats.get(sib, (0, 0))[0] or (sib.tail or "").strip():
                opens = False
                break
        if not opens:
            break
        tl, ll = stats.get(parent, (0, 0))
        if tl - ll > room:
            break
        if prose and _RUNNING_TEXT(parent) > _RUNNING_TEXT(box):
            # running text joins only a heading that holds nothing yet: the box's own
            if absorbed or stats.get(box, (0, 0))[0] > len(label) + BOX_LABEL_SLACK:
                break
            absorbed = True
        box = parent
    return box


def best_body(
    root: etree._Element, skip: set
) -> tuple[etree._Element | None, list[etree._Element]]:
    """The element holding the densest run of paragraphs outside ``skip``, and the
    siblings after it that continue the article (tables, figures, the signature)."""
    stats: dict[etree._Element, tuple[int, int]] = {}
    paras: list[tuple[etree._Element, float]] = []
    counts: dict[etree._Element, int] = {}
    _measure(root, skip, stats, paras, counts, False)
    scores: dict[etree._Element, float] = {}
    for el, c in paras:
        # a paragraph wrapped alone in divs counts at its outermost wrapper
        node = el
        parent = node.getparent()
        while (
            parent is not None
            and counts.get(parent, 0) == 1
            and tag_of(parent) not in _TOP
            and stats[parent][0] <= stats[node][0] + WRAPPER_SLACK
        ):
            node, parent = parent, parent.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + c
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + c * GRANDPARENT_SHARE
    if not scores:
        return None, []

    def final(el: etree._Element) -> float:
        tl, ll = stats.get(el, (0, 0))
        return scores[el] * (1.0 - (ll / tl if tl else 0.0))

    best = max(scores, key=final)
    if _mostly_article_links(best, stats):
        return None, []  # a list of other articles (a side box), not an article's text
    tl, ll = stats.get(best, (0, 0))
    if tl - ll < FALLBACK_MIN_TEXT and best.find(".//a[@href]") is None:
        return None, []  # a line or two of the page's chrome (a logo's caption), no text
    top = final(best)
    parent = best.getparent()
    if parent is not None and tag_of(parent) not in _TOP:
        others = sum(final(c) for c in parent if c is not best and c in scores)
        if others >= WIDEN_SHARE * top:
            best = parent
    return best, _continuation(best, skip, stats)


def _mostly_article_links(el: etree._Element, stats: dict) -> bool:
    """Whether most of ``el``'s text links to other articles (links to files, as in a
    notice that is a sentence and its attachments, do not count)."""
    total = stats.get(el, (0, 0))[0]
    linked = sum(
        len("".join(a.itertext()).strip())
        for a in el.iter("a")
        if is_article_url(a.get("href") or "")
    )
    return bool(total) and linked / total > LINK_DENSITY


def _article_list(el: etree._Element) -> bool:
    """A list whose every item links an article (a related list, dates and leads beside
    the links): the article's end, however little of its text the links are."""
    items = [li for li in el.iter("li") if "".join(li.itertext()).strip()]
    return bool(items) and all(
        any(is_article_url(a.get("href") or "") for a in li.iter("a")) for li in items
    )


def _continuation(best: etree._Element, skip: set, stats: dict) -> list[etree._Element]:
    """Siblings after the body holding more of the article: text that is not a list of
    links, images, tables; up to the first furniture."""
    out: list[etree._Element] = []
    for sib in best.itersiblings():
        if len(out) >= CONTINUATION_MAX or not isinstance(sib.tag, str):
            break
        if sib in skip:
            break
        tl, ll = stats.get(sib, (0, 0))
        if (tl and ll / tl > LINK_DENSITY) or _article_list(sib):
            break
        if tl == 0 and sib.find(".//img") is None:
            if (sib.tail or "").strip():
                break
            continue
        first = next((t for t in sib.itertext() if t.strip()), "")
        if first and is_stop_line(quick_clean(first)):
            break
        out.append(sib)
    while out and stats.get(out[-1], (0, 0))[0] == 0 and out[-1].find(".//img") is None:
        out.pop()
    return out


def _measure(
    el: etree._Element,
    skip: set,
    stats: dict,
    paras: list,
    counts: dict,
    in_link: bool,
) -> tuple[int, int, int, int, int]:
    """Post-order: (text length, link text length, own inline text length, commas,
    paragraphs inside); paragraph-like blocks with 25+ characters go to ``paras``.

    Iterative (children before parents, from an explicit stack): no recursion on depth;
    ``paras`` gets the blocks in the same order as a recursive post-order walk."""
    zero = (0, 0, 0, 0, 0)
    results: dict[etree._Element, tuple[int, int, int, int, int]] = {}
    stack: list[tuple[etree._Element, bool, bool]] = [(el, in_link, False)]
    while stack:
        node, linked, done = stack.pop()
        if not done:
            tag = tag_of(node)
            if not tag or tag in SKIP_TAGS or node in skip:
                results[node] = zero
                continue
            linked = linked or tag == "a"
            stack.append((node, linked, True))
            stack.extend((child, linked, False) for child in reversed(node))
            continue
        results[node] = _measure_one(node, linked, stats, paras, counts, results)
    return results[el]


def _measure_one(
    el: etree._Element, in_link: bool, stats: dict, paras: list, counts: dict, results: dict
) -> tuple[int, int, int, int, int]:
    """``_measure`` of one element whose children are measured in ``results``."""
    tag = tag_of(el)
    text = el.text or ""
    own = len(text.strip())
    commas = text.count(",")
    tl = own
    ll = own if in_link else 0
    npara = 0
    for child in el:
        ctl, cll, cown, ccommas, cpara = results.pop(child, (0, 0, 0, 0, 0))
        tl += ctl
        ll += cll
        npara += cpara
        if tag_of(child) not in BLOCK_TAGS:
            own += cown
            commas += ccommas
        tail = child.tail
        if tail:
            n = len(tail.strip())
            own += n
            commas += tail.count(",")
            tl += n
            if in_link:
                ll += n
    stats[el] = (tl, ll)
    if tag in BLOCK_TAGS:  # inline elements (span, font) pass their text up instead
        if own >= PARAGRAPH_MIN_CHARS and tag in _PARA_TAGS:
            c = 1.0 + commas + min(own / PARAGRAPH_CHARS_PER_POINT, PARAGRAPH_MAX_LENGTH_POINTS)
            paras.append((el, c * LINKED_PARAGRAPH_WEIGHT if in_link else c))
            npara += 1
        counts[el] = npara
        return tl, ll, 0, 0, npara
    counts[el] = npara
    return tl, ll, own, commas, npara
