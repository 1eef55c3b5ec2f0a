"""Generic main-content location, anchored on the portal's own landmarks.

1. Chrome out: scripts, forms' controls, the SharePoint ribbon, nav/menus/search/
   footers, and every box headed by a side-box or related-news label.
2. Body: readability-style scoring — each paragraph-like element scores
   1 + commas + min(len/100, 3) for its parent (and half for its grandparent);
   the best parent, weighted by 1 - link density, is the body (widened to its
   parent when siblings hold comparable text).
3. Title: the heading/title-classed/bold line nearest before the body, or the
   one that best matches the listing's link text; else og:title / <title>.
4. Date: the first date in the title's vicinity (see :func:`date_near`).
"""

from __future__ import annotations

import re

from lxml import etree

from kcn_crawler.normalize import clean_inline, find_dates, is_boilerplate_line, token_f1
from kcn_crawler.pages.base import BLOCK_TAGS, SKIP_TAGS, class_id, raw_text, tag_of, text_of
from kcn_crawler.pages.signature import ATTACH_LINE, is_stop_line

_CHROME = etree.XPath(
    "//script | //style | //noscript | //head | //nav | //select | //textarea | //button"
    " | //iframe | //*[@id='s4-ribbonrow' or @id='s4-titlerow' or @id='s4-leftpanel'"
    " or @role='navigation' or @role='banner' or @role='contentinfo' or @role='search']"
    " | //footer | //aside | //header[not(ancestor::article)]"
)
_WITH_NAMES = etree.XPath("//*[@class or @id]")
_CHROME_NAME = re.compile(
    r"(?:^|[\s_-])(?:menu|nav|breadcrumb|footer|sidebar|ribbon|quicklaunch|banner|search|"
    r"login|share|social|copyright|topbar|toolbar|skip)",
    re.I,
)
_SHORT_TEXTS = etree.XPath("//text()[normalize-space()]")
_SIDE_LABEL = re.compile(
    r"^(?:video clip|video|hình ảnh hoạt động|thư viện ảnh|thư viện video|liên kết website|"
    r"liên kết|thông báo|văn bản mới|lịch công tác|thống kê truy cập|tin nổi bật|tin tiêu điểm|"
    r"tiêu điểm|tin đọc nhiều|tin xem nhiều|xem nhiều nhất|tin mới nhất|tin mới|"
    r"danh mục|chuyên mục|thăm dò ý kiến|hỗ trợ trực tuyến|dịch vụ công|"
    r"tìm kiếm|đăng nhập|bỏ qua.*)\s*:?$",
    re.I,
)
_HEAD_TAGS = {"h1": 50.0, "h2": 46.0, "h3": 42.0, "h4": 38.0, "h5": 30.0, "h6": 30.0}
_TITLE_HINT = re.compile(r"title|tieude|tieu-de|tieu_de|headline|heading|tentin", re.I)
_LEAD_HINT = re.compile(r"sapo|lead|summary|mota|mo-ta|tomtat|tom-tat|description|trichdan", re.I)
_PARA_TAGS = frozenset(
    {
        "p",
        "div",
        "td",
        "li",
        "pre",
        "blockquote",
        "dd",
        "article",
        "section",
        "font",
        "span",
        "center",
        "th",
    }
)
_DATE_LABEL = re.compile(
    r"(?:cập nhật|ngày đăng|đăng ngày|ngày cập nhật|ngày xuất bản|"
    r"thời gian đăng|đăng lúc|xuất bản|posted|published|updated)"
    r"\s*(?:lúc|vào|ngày)?\s*:?",
    re.I,
)
_ARCHIVE_LABEL = re.compile(r"các tin đã đăng ngày|tin theo ngày", re.I)
_META_DATE = etree.XPath(
    "//meta[@property='article:published_time' or @name='pubdate' or @name='publishdate'"
    " or @itemprop='datePublished' or @name='date' or @name='DC.date.issued'"
    " or @property='og:published_time' or @name='article:published_time']/@content"
    " | //time[@itemprop='datePublished']/@datetime"
)
_META_TITLE = etree.XPath("//meta[@property='og:title' or @name='title']/@content")
_TITLE_TAG = etree.XPath("//title")


def chrome(root: etree._Element) -> set[etree._Element]:
    """Elements (subtree roots) that are page furniture, never article content."""
    out: set[etree._Element] = set(_CHROME(root))
    for el in _WITH_NAMES(root):
        if tag_of(el) in ("html", "body", "form"):
            continue
        if _CHROME_NAME.search(class_id(el)):
            out.add(el)
    for t in _SHORT_TEXTS(root):
        s = t.strip()
        if len(s) > 60:
            continue
        line = clean_inline(s)
        if not (_SIDE_LABEL.match(line) or is_stop_line(line) or _boiler(line)):
            continue
        if ATTACH_LINE.match(line):
            continue  # the attachment block belongs to the article
        el = t.getparent()
        if el is None:
            continue
        if getattr(t, "is_tail", False):
            el = el.getparent()
            if el is None:
                continue
        out.add(_box_of(el, line))
    return out


def _boiler(line: str) -> bool:
    try:
        return len(line) <= 40 and bool(is_boilerplate_line(line))
    except Exception:  # pragma: no cover
        return False


def _box_of(el: etree._Element, label: str) -> etree._Element:
    """The box a label heads: climb while the label opens the ancestor and the ancestor
    holds little text outside links."""
    box = el
    for _ in range(8):
        parent = box.getparent()
        if parent is None or tag_of(parent) in ("body", "html", "form"):
            break
        text = clean_inline(raw_text(parent))
        if not text.startswith(label):
            break
        links = sum(len(clean_inline(raw_text(a))) for a in parent.iter("a"))
        if len(text) - links > 300 + len(label):
            break
        box = parent
    return box


def _inside(el: etree._Element, skip: set) -> bool:
    if el in skip:
        return True
    return any(a in skip for a in el.iterancestors())


def best_body(root: etree._Element, skip: set) -> etree._Element | None:
    """The element holding the densest run of paragraphs outside ``skip``."""
    scores: dict[etree._Element, float] = {}
    stats: dict[etree._Element, list[int]] = {}  # el -> [text length, link text length]
    _measure(root, skip, scores, stats, False)
    if not scores:
        return None

    def final(el: etree._Element) -> float:
        tl, ll = stats.get(el, (0, 0))
        return scores[el] * (1.0 - (ll / tl if tl else 0.0))

    best = max(scores, key=final)
    top = final(best)
    parent = best.getparent()
    if parent is not None and tag_of(parent) not in ("body", "html", "form"):
        others = sum(final(c) for c in parent if c is not best and c in scores)
        if others >= 0.25 * top:
            best = parent
    return best


def _measure(
    el: etree._Element, skip: set, scores: dict, stats: dict, in_link: bool
) -> tuple[int, int, str]:
    """Post-order: (text length, link text length, own inline text) of ``el``."""
    tag = tag_of(el)
    if not tag or tag in SKIP_TAGS or el in skip:
        return 0, 0, ""
    in_link = in_link or tag == "a"
    own = [el.text or ""]
    tl = len((el.text or "").strip())
    ll = tl if in_link else 0
    for child in el:
        ctl, cll, cown = _measure(child, skip, scores, stats, in_link)
        tl += ctl
        ll += cll
        if tag_of(child) not in BLOCK_TAGS:
            own.append(cown)
        if child.tail:
            own.append(child.tail)
            n = len(child.tail.strip())
            tl += n
            if in_link:
                ll += n
    stats[el] = [tl, ll]
    text = "".join(own)
    if tag in BLOCK_TAGS or tag in _PARA_TAGS:
        n = len(text.strip())
        if n >= 25 and tag in _PARA_TAGS:
            c = 1.0 + text.count(",") + min(n / 100.0, 3.0)
            if in_link:
                c *= 0.2
            parent = el.getparent()
            if parent is not None:
                scores[parent] = scores.get(parent, 0.0) + c
                grand = parent.getparent()
                if grand is not None:
                    scores[grand] = scores.get(grand, 0.0) + c / 2
        return tl, ll, ""
    return tl, ll, text


# -- title ---------------------------------------------------------------------------
def edge_date(text: str) -> str | None:
    """A date glued at the start or the end of a line (not one inside its words)."""
    core = text.strip(" |-–(),:[]")
    for d in find_dates(text):
        if core.endswith(d) or core.startswith(d):
            return d
    return None


def strip_dates(text: str) -> str:
    """A title line without a date (and its label) glued before or after it."""
    for d in find_dates(text):
        if text.endswith(d) or text.startswith(d):
            text = text.replace(d, " ", 1)
    text = re.sub(r"[\s|\-–(),:]*$", "", text) if text != text.rstrip(" |-–(") else text
    return clean_inline(re.sub(r"^[\s|\-–(),]+", "", text))


def _listing_match(text: str, listing_title: str | None) -> float:
    if not listing_title:
        return 0.0
    lt = clean_inline(listing_title)
    trunc = lt.rstrip(".… ").strip()
    if lt != trunc and text.lower().startswith(trunc.lower()):
        return 1.0
    if text.lower() == lt.lower():
        return 1.0
    return token_f1(text, lt)


def find_title(
    root: etree._Element, body: etree._Element | None, skip: set, listing_title: str | None
) -> tuple[etree._Element | None, str | None]:
    """The title element and its text (dates stripped)."""
    order = {el: i for i, el in enumerate(root.iter())}
    body_pos = order.get(body, len(order)) if body is not None else len(order)
    first_para = _first_paragraph_pos(body, order) if body is not None else body_pos
    best: tuple[float, etree._Element, str] | None = None
    for el in root.iter():
        tag = tag_of(el)
        if not tag or tag in SKIP_TAGS:
            continue
        pos = order[el]
        if pos > first_para:
            break
        kind = _HEAD_TAGS.get(tag, 0.0)
        names = class_id(el)
        if not kind and _TITLE_HINT.search(names) and not _LEAD_HINT.search(names):
            kind = 44.0
        if not kind and tag in ("b", "strong") and _standalone(el):
            kind = 26.0
        line = False
        if not kind and tag in _LINE_TAGS and pos < first_para and first_para - pos < 40:
            kind, line = 20.0, True
        if not kind:
            continue
        text = strip_dates(text_of(el))
        if not 6 <= len(text) <= 400 or is_stop_line(text) or _SIDE_LABEL.match(text):
            continue
        if _boiler(text) or _inside(el, skip):
            continue
        if tag not in _HEAD_TAGS and el.find(".//h1") is not None:
            continue
        if line and not _leaf_line(el, text):
            continue
        end = pos + sum(1 for _ in el.iterdescendants())
        dist = (
            max(0, min(first_para, body_pos) - end) if pos < body_pos else max(0, first_para - end)
        )
        score = kind - min(dist, 300) * 0.15
        if text.endswith((".", ";", ":")) and not text.endswith("..."):
            score -= 12.0
        match = _listing_match(text, listing_title)
        if match >= 0.6:
            score += 100.0 * match
        if best is None or score > best[0]:
            best = (score, el, text)
    if best is None:
        return None, meta_title(root, listing_title)
    return best[1], best[2]


_LINE_TAGS = frozenset({"td", "th", "div", "p", "span", "font", "center"})


def _leaf_line(el: etree._Element, text: str) -> bool:
    """A text line of its own: no block inside holding text, no link, no sentence run."""
    if len(text) > 300 or len(text.split()) < 3:
        return False
    for child in el.iterdescendants():
        t = tag_of(child)
        if t == "a" or (t in BLOCK_TAGS and t != "br" and clean_inline(raw_text(child))):
            return False
    return True


def _standalone(el: etree._Element) -> bool:
    """A bold element that is its block's whole text."""
    parent = el.getparent()
    if parent is None:
        return False
    return len(clean_inline(raw_text(parent))) <= len(text_of(el)) + 3


def _first_paragraph_pos(body: etree._Element, order: dict) -> int:
    """Position of the body's first real paragraph (120+ characters of running text)."""
    for el in body.iter():
        tag = tag_of(el)
        if tag in _PARA_TAGS and tag not in ("article", "section", "td"):
            if len(el) > 12:
                continue
            if len(raw_text(el).strip()) >= 120 and not any(
                tag_of(c) in BLOCK_TAGS and tag_of(c) != "br" for c in el.iterdescendants()
            ):
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
        parts = [p.strip() for p in re.split(r"\s+[|\-–»:]{1,2}\s+", t) if p.strip()]
        if listing_title and parts:
            return max(parts, key=lambda p: _listing_match(p, listing_title))
        return parts[0] if parts else t
    return None


# -- date ----------------------------------------------------------------------------
def date_near(
    root: etree._Element, title_el: etree._Element | None, skip: set = frozenset()
) -> tuple[str | None, etree._Element | None]:
    """The first date in the title's vicinity: in the title element, the lines after it
    up to the first long paragraph, its row (table layouts) or the line before it."""
    if title_el is None:
        return None, None
    edge = edge_date(text_of(title_el))
    if edge:
        return edge, title_el
    # forward, in document order, until a long paragraph
    budget = 0
    seen = 0
    for el in _following(title_el):
        seen += 1
        if seen > 60:
            break
        if skip and _inside(el, skip):
            continue
        for chunk in (el.text, el.tail):
            if not chunk or not chunk.strip():
                continue
            s = clean_inline(chunk)
            if _ARCHIVE_LABEL.search(s):
                continue
            if len(s) >= 120:
                budget = -1
                break
            hits = find_dates(s)
            if hits:
                return hits[0], el
            budget += len(s)
        if budget < 0 or budget > 400:
            break
    # the title's row in a table layout, or its parent line
    for anc in title_el.iterancestors():
        if tag_of(anc) in ("tr", "li", "p", "div", "td"):
            s = text_of(anc)
            if len(s) <= 500:
                hits = find_dates(s)
                if hits:
                    return hits[0], anc
            if tag_of(anc) in ("tr", "div"):
                break
    prev = title_el.getprevious()
    if prev is not None:
        s = text_of(prev)
        if len(s) <= 100:
            hits = find_dates(s)
            if hits:
                return hits[0], prev
    return None, None


def _following(el: etree._Element):
    """Elements after ``el`` in document order (its descendants excluded)."""
    node = el
    while node is not None:
        sib = node.getnext()
        while sib is not None:
            yield sib
            yield from sib.iterdescendants()
            sib = sib.getnext()
        node = node.getparent()


def labelled_date(root: etree._Element, skip: set = frozenset()) -> str | None:
    """A date after a label such as "Cập nhật:" or "Ngày đăng:" anywhere on the page."""
    for t in _SHORT_TEXTS(root):
        s = clean_inline(t)
        if len(s) > 120 or _ARCHIVE_LABEL.search(s) or not _DATE_LABEL.search(s):
            continue
        el = t.getparent()
        if el is not None and skip and _inside(el, skip):
            continue
        m = _DATE_LABEL.search(s)
        hits = find_dates(s[m.start() :]) if m else []
        if not hits and el is not None:
            hits = find_dates(text_of(el))
        if hits:
            return hits[0]
    return None


def meta_date(root: etree._Element) -> str | None:
    """article:published_time and friends."""
    for v in _META_DATE(root):
        s = clean_inline(str(v))
        if s:
            hits = find_dates(s)
            return hits[0] if hits else s
    return None


def lead_between(
    root: etree._Element,
    title_el: etree._Element | None,
    body: etree._Element,
    skip: set = frozenset(),
) -> etree._Element | None:
    """A lead block between the title (and date line) and the body: marked sapo/lead/…,
    or a paragraph of running text standing on its own there."""
    if title_el is None or any(a is body for a in title_el.iterancestors()):
        return None
    seen = 0
    for el in _following(title_el):
        if el is body or any(a is body for a in el.iterancestors()):
            return None
        seen += 1
        if seen > 40:
            return None
        tag = tag_of(el)
        if tag not in BLOCK_TAGS or tag == "br" or (skip and _inside(el, skip)):
            continue
        names = class_id(el)
        text = text_of(el)
        if not text:
            continue
        if _LEAD_HINT.search(names):
            return el
        if (
            len(text) >= 60
            and not find_dates(text[:40])
            and not el.xpath(".//a")
            and not any(tag_of(c) in BLOCK_TAGS for c in el.iterdescendants())
        ):
            return el
    return None
