"""Shared plumbing of the page objects: parsing, URL resolution, element text.

Everything works on plain lxml elements; a ``parsel.Selector`` given by the
spider is unwrapped (its ``.root``) so a page is never parsed twice.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from kcn_crawler.normalize import clean_inline, repair_legacy
from kcn_crawler.normalize.legacy import TCVN3_TO_UNICODE
from kcn_crawler.pages.depth import flatten

# libxml2's "Excessive depth in document" (XML_ERR_RESOURCE_LIMIT).
_DEPTH_LIMIT = etree.ErrorTypes.ERR_RESOURCE_LIMIT
# A plain (not lxml.html) parser: no per-element class look-up, faster proxies.
_PARSER = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)

#: Elements whose text is never content.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "select",
        "option",
        "textarea",
        "button",
        "iframe",
        "object",
        "embed",
        "svg",
        "map",
        "video",
        "audio",
        "canvas",
    }
)
#: Elements that break a line of text.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)


def to_root(html: Any) -> etree._Element:
    """The lxml root element of ``html`` (``str``, ``bytes``, ``parsel.Selector`` or element)."""
    if isinstance(html, etree._Element):
        return html
    root = getattr(html, "root", None)
    if root is not None and not isinstance(html, (str, bytes)):
        if isinstance(root, etree._Element):
            return root
        html = getattr(html, "text", "") or ""  # a Selector over text without an element root
    if isinstance(html, str):
        data = html.strip().replace("\x00", "").encode("utf-8")
    else:
        data = (html or b"").strip()
    if not data:
        data = b"<html/>"
    root = etree.fromstring(data, parser=_PARSER)
    if any(e.type == _DEPTH_LIMIT for e in _PARSER.error_log):
        # Nested deeper than libxml2 goes: read again with the deep containers unwrapped.
        root = etree.fromstring(flatten(data), parser=_PARSER)
    if root is None:
        root = etree.fromstring(b"<html/>", parser=_PARSER)
    return root


def tag_of(el: Any) -> str:
    """Lower-case tag name, or "" for comments and processing instructions."""
    t = el.tag
    return t.lower() if isinstance(t, str) else ""


_WALK_EVENTS = ("start", "end", "comment", "pi")


def raw_text(el: etree._Element) -> str:
    """Text of ``el`` with a space at every block boundary; scripts and styles skipped.

    Iterative (lxml's ``iterwalk``, no recursion): a page nested thousands of elements
    deep is read like any other."""
    if not isinstance(el.tag, str):
        return ""  # a comment or processing instruction holds no text of its own
    parts: list[str] = []
    add = parts.append
    walker = etree.iterwalk(el, events=_WALK_EVENTS)
    for event, node in walker:
        tag = node.tag
        if event == "start":
            low = tag.lower()
            if low not in SKIP_TAGS:
                if low in BLOCK_TAGS:
                    add(" ")
                if node.text:
                    add(node.text)
            else:
                walker.skip_subtree()  # its "end" still comes: its tail is text
            continue
        if event == "end":
            low = tag.lower()
            if low in BLOCK_TAGS and low not in SKIP_TAGS:
                add(" ")
        # a comment's or processing instruction's tail (their own text is not text)
        if node is not el and node.tail:
            add(node.tail)
    return "".join(parts)


# A letter or mark legacy mojibake never holds (Latin-1 only): genuine Unicode text,
# which repair_legacy leaves alone.
_GENUINE = re.compile("[\u0100-\u017f\u01a0-\u01b0\u0300-\u036f\u1e00-\u1eff]")
_NBSP_ENTITY = re.compile(r"&(?:nbsp;?|#160;|#x0*a0;)", re.I)


def clean_tracked(s: str) -> tuple[str, str | None]:
    """``clean_inline(s)`` and the legacy encoding it repaired ("tcvn3" | "vni" | None).

    The repair is detected on the raw text, before the soft hyphens (TCVN3 "ư") are
    stripped, exactly where :func:`clean_inline` repairs it; genuine Vietnamese text
    costs one regex search more."""
    if not s or s.isascii() or _GENUINE.search(s):
        return clean_inline(s), None
    if "&" in s:
        s = _NBSP_ENTITY.sub(" ", s)
    s = unicodedata.normalize("NFC", s)
    fixed, kind = repair_legacy(s)
    if kind is not None:
        return clean_inline(fixed, repair=False), kind
    out = clean_inline(s)
    if _GENUINE.search(out) is not None:
        # repaired once invisible characters inside its words were gone
        plain = clean_inline(s, repair=False)
        kind = repair_legacy(plain)[1]
        if kind is None:
            kind = "tcvn3" if any(c in TCVN3_TO_UNICODE for c in plain) else "vni"
    return out, kind


def legacy_kind(s: str) -> str | None:
    """The legacy encoding :func:`clean_inline` would repair in ``s``, if any."""
    if not s or s.isascii() or _GENUINE.search(s):
        return None
    return clean_tracked(s)[1]


def text_of(el: etree._Element | None) -> str:
    """Cleaned one-line text of ``el`` ("" for ``None``)."""
    if el is None:
        return ""
    return clean_inline(raw_text(el))


def absolute(base: str, href: str | None) -> str | None:
    """``href`` resolved against ``base``; ``None`` for empty, fragment-only or script links."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    low = href[:11].lower()
    if low.startswith(("javascript:", "mailto:", "tel:", "data:")):
        return None
    if "/." not in href and "\\" not in href and "?#" not in href and href[-1] not in "?#":
        # The portal's hrefs are absolute or root-relative: joined without urljoin's
        # parsing (what urljoin returns for them, at a fraction of the cost).
        if href.startswith(("http://", "https://")):
            return href
        if href[0] == "/" and href[1:2] != "/":
            origin = _origin(base)
            if origin:
                return origin + href
    try:
        return urljoin(base, href)
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _origin(url: str) -> str | None:
    """``scheme://host[:port]`` of an http(s) URL, else ``None``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def same_host(a: str, b: str) -> bool:
    """Whether two URLs are on the same host (port included, case-insensitive)."""
    return urlsplit(a).netloc.lower() == urlsplit(b).netloc.lower()


def class_id(el: etree._Element) -> str:
    """Lower-cased ``class`` and ``id`` of an element, space separated."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


_RIGHT_STYLE = re.compile(r"text-align\s*:\s*right", re.I)


def is_right_aligned(el: etree._Element) -> bool:
    """Whether the element itself is marked right-aligned (attribute, style or class)."""
    if (el.get("align") or "").lower() == "right":
        return True
    style = el.get("style")
    if style and _RIGHT_STYLE.search(style):
        return True
    cls = el.get("class")
    return bool(cls) and bool(
        re.search(
            r"(?:^|[\s_-])(?:text-?right|right|align-?right)"
            r"(?:$|[\s_-])",
            cls,
            re.I,
        )
    )


def quick_clean(s: str) -> str:
    """Cheap cleaning for matching labels: NFC and whitespace squashed (no legacy repair)."""
    if not s.isascii():
        s = unicodedata.normalize("NFC", s)
    return " ".join(s.split())


def inside(el: etree._Element, skip: set | frozenset) -> bool:
    """Whether ``el`` or one of its ancestors is in ``skip``."""
    if not skip:
        return False
    if el in skip:
        return True
    return any(a in skip for a in el.iterancestors())


def precedes(a: etree._Element, b: etree._Element) -> bool:
    """Whether ``a`` starts before ``b`` in document order (an ancestor precedes)."""
    if a is b:
        return False
    chain_a = [a, *a.iterancestors()][::-1]
    chain_b = [b, *b.iterancestors()][::-1]
    for x, y in zip(chain_a, chain_b, strict=False):
        if x is y:
            continue
        parent = x.getparent()
        if parent is None:
            return False
        return parent.index(x) < parent.index(y)
    return len(chain_a) < len(chain_b)
