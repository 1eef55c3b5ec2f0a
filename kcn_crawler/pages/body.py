"""The article body as blocks of text: paragraphs, table rows, captions, images.

:func:`walk` turns a body element into :class:`Block` s — one per paragraph or
line (``<br>`` breaks a line), one per table row of a data table (its cells'
texts joined by a tab) — remembering for each block what later steps need: bold/italic,
right alignment, the class names around it, whether it is a caption.  Layout
tables (cells holding paragraphs or other tables) are walked like divs.
:func:`clean_html` serialises the body through an allow-list sanitizer (no scripts,
styles, handlers, frames, forms or script URLs), with links and images made absolute.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from kcn_crawler.normalize.sanitize import ATTRIBUTES, sanitize_html
from kcn_crawler.pages.base import (
    BLOCK_TAGS,
    SKIP_TAGS,
    absolute,
    clean_tracked,
    inside,
    is_right_aligned,
    raw_text,
    tag_of,
)
from kcn_crawler.pages.thresholds import (
    CAPTION_MAX_CHARS,
    CAPTION_WRAPPER_DEPTH,
    CAPTION_WRAPPER_SLACK,
    HINTS_MAX_CHARS,
    IMAGE_TABLE_MAX_CHARS,
    IMAGE_TABLE_MAX_ROWS,
    PLAIN_CAPTION_MAX_CHARS,
    PROSE_CELL_MIN_BREAKS,
    PROSE_CHARS,
)
from kcn_crawler.pages.vocabulary import CAPTION_HINT

_INLINE_BOLD = frozenset({"b", "strong"})
_INLINE_ITALIC = frozenset({"i", "em", "cite"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(slots=True)
class Block:
    """One line or paragraph of the body."""

    text: str
    el: etree._Element  # the innermost block element holding it
    bold: bool = False  # all of its text is bold (or a heading)
    italic: bool = False  # all of its text is italic
    right: bool = False  # right-aligned
    hints: str = ""  # class/id names of the elements around it, lower-cased
    caption: bool = False  # an image caption (never body text)
    row: bool = False  # a table row
    image_before: bool = False  # an image-only block directly precedes it
    repair: str | None = None  # the legacy encoding repaired in it ("tcvn3" | "vni")


@dataclass(slots=True)
class Image:
    """A body image: absolute URL, caption, and the index of the block after it."""

    url: str
    caption: str | None
    at: int
    el: etree._Element | None = None


@dataclass
class _State:
    base: str
    skip: frozenset | set
    start: etree._Element | None
    started: bool
    blocks: list[Block] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    segs: list[tuple[str, bool, bool]] = field(default_factory=list)
    seg_el: etree._Element | None = None
    seg_right: bool = False
    seg_hints: str = ""
    pending_image: bool = False


def walk(
    body: etree._Element | list[etree._Element],
    base_url: str,
    skip: set | frozenset = frozenset(),
    start_after: etree._Element | None = None,
) -> tuple[list[Block], list[Image]]:
    """Blocks and images of ``body`` (an element, or sibling elements read in turn);
    elements in ``skip`` are ignored, and so is everything up to the end of
    ``start_after`` when it lies inside the body."""
    roots = body if isinstance(body, list) else [body]
    if start_after is not None and not any(
        a is r for a in start_after.iterancestors() for r in roots
    ):
        start_after = None
    st = _State(base_url, skip, start_after, start_after is None)
    for root in roots:
        _visit(root, st, False, False, is_right_aligned(root), "", root)
        _flush(st)
    _mark_captions(st)
    return st.blocks, st.images


def _flush(st: _State) -> None:
    if not st.segs:
        return
    allsegs, st.segs = st.segs, []
    segs = [s for s in allsegs if s[0].strip()]
    if not segs or not st.started:
        return
    text, repair = clean_tracked("".join(s[0] for s in allsegs))
    if not text:
        return
    st.blocks.append(
        Block(
            text=text,
            el=st.seg_el,
            bold=all(s[1] for s in segs),
            italic=all(s[2] for s in segs),
            right=st.seg_right,
            hints=st.seg_hints,
            image_before=st.pending_image,
            repair=repair,
        )
    )
    st.pending_image = False


def _add_text(
    st: _State,
    s: str | None,
    bold: bool,
    italic: bool,
    right: bool,
    hints: str,
    block_el: etree._Element,
) -> None:
    if not s:
        return
    if not st.segs:
        st.seg_el, st.seg_right, st.seg_hints = block_el, right, hints
    st.segs.append((s, bold, italic))


def _visit(
    root: etree._Element,
    st: _State,
    bold: bool,
    italic: bool,
    right: bool,
    hints: str,
    block_el: etree._Element,
) -> None:
    """Walk ``root`` in document order with an explicit stack (no recursion: a body
    nested thousands of elements deep is read like any other)."""
    # Frames: ("open", el, bold, italic, right, hints, block_el) enters an element;
    # ("after", child, parent's context) ends a child (start marker, its tail);
    # ("close", el) flushes a block at its end.
    stack: list[tuple[Any, ...]] = [("open", root, bold, italic, right, hints, block_el)]
    while stack:
        frame = stack.pop()
        if frame[0] == "close":
            _flush(st)
            continue
        if frame[0] == "after":
            _, child, c_bold, c_italic, c_right, c_hints, c_block = frame
            if child is st.start:
                st.segs = []
                st.started = True
            if child.tail:
                _add_text(st, child.tail, c_bold, c_italic, c_right, c_hints, c_block)
            continue
        _, el, bold, italic, right, hints, block_el = frame
        opened = _open(el, st, bold, italic, right, hints, block_el)
        if opened is None:
            continue
        bold, italic, right, hints, block_el, is_block = opened
        if is_block:
            stack.append(("close", el))
        for child in reversed(el):
            stack.append(("after", child, bold, italic, right, hints, block_el))
            stack.append(("open", child, bold, italic, right, hints, block_el))


def _open(
    el: etree._Element,
    st: _State,
    bold: bool,
    italic: bool,
    right: bool,
    hints: str,
    block_el: etree._Element,
) -> tuple[bool, bool, bool, str, etree._Element, bool] | None:
    """Enter ``el``: its own text added; the context its children are read in, or
    ``None`` when they are not read (skipped, an image, a line break, a data table)."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if not tag or tag in SKIP_TAGS or el in st.skip:
        return None
    if tag == "img":
        _image(el, st)
        return None
    if tag == "br":
        _flush(st)
        return None
    is_block = tag in BLOCK_TAGS
    if is_block:
        _flush(st)
        block_el = el
        if is_right_aligned(el):
            right = True
        elif el.get("align") or "text-align" in (el.get("style") or ""):
            right = False
    cid = el.get("class") or el.get("id")
    if cid:
        hints = f"{hints} {el.get('class') or ''} {el.get('id') or ''}".lower()[-HINTS_MAX_CHARS:]
    if tag in _INLINE_BOLD or tag in _HEADINGS:
        bold = True
    elif tag in _INLINE_ITALIC:
        italic = True
    elif tag == "span" or is_block:
        style = (el.get("style") or "").lower()
        if style:
            if "font-weight" in style and re.search(r"font-weight\s*:\s*(bold|[6-9]00)", style):
                bold = True
            if "font-style" in style and re.search(r"font-style\s*:\s*italic", style):
                italic = True
    if tag == "table" and st.started and _visit_table(el, st, hints):
        return None
    if tag == "figcaption" or (is_block and CAPTION_HINT.search(el.get("class") or "")):
        hints += " caption"
    _add_text(st, el.text, bold, italic, right, hints, block_el)
    return bold, italic, right, hints, block_el, is_block


def _image(el: etree._Element, st: _State) -> None:
    if not st.started:
        return
    src = el.get("src") or el.get("data-src") or el.get("data-original")
    url = absolute(st.base, src)
    if not url:
        return
    only = not any(s[0].strip() for s in st.segs)
    if only:
        _flush(st)
    st.images.append(Image(url=url, caption=None, at=len(st.blocks), el=el))
    st.pending_image = only


def _rows(table: etree._Element) -> list[etree._Element]:
    rows = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            rows.append(child)
        elif tag in ("tbody", "thead", "tfoot"):
            rows.extend(c for c in child if isinstance(c.tag, str) and c.tag.lower() == "tr")
    return rows


def _cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]


_LAYOUT_INSIDE = etree.XPath(".//table | .//p | .//div | .//ul | .//ol | .//h1 | .//h2 | .//h3")


def _visit_table(table: etree._Element, st: _State, hints: str) -> bool:
    """Handle a data or image table; ``False`` leaves a layout table to the walker."""
    rows = _rows(table)
    if not rows:
        return False
    imgs = table.xpath(".//img")
    text, repair = clean_tracked(raw_text(table))
    # an image with its caption
    if imgs and len(text) <= IMAGE_TABLE_MAX_CHARS and len(rows) <= IMAGE_TABLE_MAX_ROWS:
        _flush(st)
        for img in imgs:
            _image(img, st)
        if text:
            st.blocks.append(Block(text=text, el=table, caption=True, hints=hints, repair=repair))
            for im in st.images[-len(imgs) :]:
                if im.caption is None and im.el in imgs:
                    im.caption = text
        return True
    ncells = max(len(_cells(r)) for r in rows)
    if ncells <= 1 or (_LAYOUT_INSIDE(table) and _is_layout(table, rows)) or _prose_cell(rows):
        return False
    _flush(st)
    for img in imgs:
        _image(img, st)
    for r in rows:
        cells = [clean_tracked(raw_text(c)) for c in _cells(r)]
        line = "\t".join(c for c, _ in cells if c)  # the page shows cells, no separator
        if line:
            repair = next((k for _, k in cells if k), None)
            st.blocks.append(Block(text=line, el=r, row=True, hints=hints, repair=repair))
    return True


def _prose_cell(rows: list[etree._Element]) -> bool:
    """A cell holding paragraphs separated by ``<br>`` only (the article in a layout
    table): no data table's cell."""
    for r in rows:
        for c in _cells(r):
            if (
                sum(1 for _ in c.iter("br")) >= PROSE_CELL_MIN_BREAKS
                and len(raw_text(c)) > PROSE_CHARS
            ):
                return True
    return False


def _is_layout(table: etree._Element, rows: list[etree._Element]) -> bool:
    for r in rows:
        for c in _cells(r):
            for inner in _LAYOUT_INSIDE(c):
                tag = inner.tag.lower()
                if tag == "table" or len(raw_text(inner)) > PROSE_CHARS:
                    return True
    return False


def _mark_captions(st: _State) -> None:
    """Captions: figcaption/class*=caption blocks, or an italic line right after an image."""
    blocks = st.blocks
    for im in st.images:
        if im.caption is not None:
            continue
        if im.at < len(blocks):
            b = blocks[im.at]
            if (
                b.caption
                or ("caption" in b.hints and not b.row)
                or (b.image_before and b.italic and len(b.text) <= CAPTION_MAX_CHARS)
                or _wrapped_with(im.el, b)
            ):
                b.caption = True
                im.caption = b.text
            elif _plain_caption(im.el, b):
                im.caption = b.text  # and the paragraph stays text: the page shows it so
    for b in blocks:
        if "caption" in b.hints and not b.caption and CAPTION_HINT.search(b.hints):
            b.caption = True


_INLINE_WRAPPERS = frozenset({"a", "span", "font", "strong", "b", "em", "i", "u"})


def _ordinary(el: etree._Element | None) -> bool:
    """A paragraph the page marks with nothing: a ``<p>`` or ``<div>`` without class,
    style or alignment."""
    return (
        el is not None
        and tag_of(el) in ("p", "div")
        and not (el.get("class") or el.get("style") or el.get("align"))
    )


_SENTENCE_BREAK = re.compile(r"[.!?…]\s+(\w)")


def _caption_sized(text: str) -> bool:
    """Short, and one sentence (no stop followed by a capital)."""
    if len(text) > PLAIN_CAPTION_MAX_CHARS:
        return False
    return not any(m.group(1).isupper() for m in _SENTENCE_BREAK.finditer(text))


def _plain_caption(img: etree._Element | None, b: Block) -> bool:
    """Whether ``b`` is an ordinary paragraph right after an ordinary paragraph holding
    the image ``img`` and nothing else (``<p><img></p><p>caption</p>``, as the rich-text
    field of the family's vendor layout writes a caption)."""
    if img is None or b.row or b.caption or not b.image_before or not _ordinary(b.el):
        return False
    if not _caption_sized(b.text):
        return False  # a paragraph of running text after a caption-less image
    holder = img.getparent()
    while holder is not None and tag_of(holder) in _INLINE_WRAPPERS:
        holder = holder.getparent()
    if not _ordinary(holder) or raw_text(holder).strip() or inside(b.el, {holder}):
        return False
    return sum(1 for _ in holder.iter("img")) == 1


def _wrapped_with(img: etree._Element, b: Block) -> bool:
    """Whether ``b`` shares a small wrapper with the image and nothing else does: a
    figure without ``<figure>`` (``<div><img><div>caption</div></div>``)."""
    if b.row or len(b.text) > CAPTION_MAX_CHARS:
        return False
    wrapper = img.getparent()
    for _ in range(CAPTION_WRAPPER_DEPTH):
        if wrapper is None:
            return False
        if inside(b.el, {wrapper}):
            break
        wrapper = wrapper.getparent()
    else:
        return False
    if sum(1 for _ in wrapper.iter("img")) != 1:
        return False
    return len(" ".join(raw_text(wrapper).split())) <= len(b.text) + CAPTION_WRAPPER_SLACK


# tag -> the URL attributes the sanitizer keeps on it (an <a href>, an <img src>)
_URL_TAGS: dict[str, tuple[str, ...]] = {
    tag: tuple(sorted(names & {"href", "src"}))
    for tag, names in ATTRIBUTES.items()
    if names & {"href", "src"}
}
# (no URL attribute is allowed on every tag: "*" keeps title, lang and dir only)


def clean_html(body: etree._Element | list[etree._Element], base_url: str) -> str:
    """The body's HTML: scripts, styles, comments and ``on*`` attributes removed,
    ``href``/``src`` made absolute."""
    if isinstance(body, list):
        return "\n".join(clean_html(b, base_url) for b in body)
    el = copy.deepcopy(body)
    el.tail = None
    for bad in el.xpath(".//script | .//style | .//noscript | .//comment() | .//link | .//meta"):
        parent = bad.getparent()
        if parent is None:
            continue
        tail = bad.tail
        prev = bad.getprevious()
        parent.remove(bad)
        if tail:
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
    # Only the links the sanitizer keeps are made absolute; it drops every other
    # href/src, every ``on*`` attribute and javascript:/vbscript: URLs itself.
    for node in el.iter(*_URL_TAGS):
        for name in _URL_TAGS[node.tag]:
            value = node.get(name)
            if value is None:
                continue
            val = value.strip()
            if val.lower().startswith(("javascript:", "vbscript:")):
                del node.attrib[name]
                continue
            url = absolute(base_url, val)
            if url:
                try:
                    node.set(name, url)
                except ValueError:  # control characters: no usable URL
                    del node.attrib[name]
    return sanitize_html(etree.tostring(el, encoding="unicode", method="html"))
