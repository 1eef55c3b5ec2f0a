"""Elements a reader of the page never sees: they never enter an article's fields.

Hidden by the markup itself — ``display:none`` or ``visibility:hidden`` in the
element's ``style``, the ``hidden`` attribute, ``aria-hidden="true"`` — and the
label SharePoint writes for its rich-text field (``div.ms-rtestate-field`` names it
in ``aria-labelledby``: "Nội dung trang", "Page Content"), whatever its style.

One pass over the elements in Python: an XPath predicate over every element's
``@style`` (``contains(translate(@style, …))``) costs five times as much on a
portal page.
"""

from __future__ import annotations

from lxml import etree

__all__ = ["hidden_elements"]

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# the style lower-cased (ASCII only) and without spaces or tabs, so "Display: None" matches
_STYLE = str.maketrans(_UPPER, _UPPER.lower(), " \t")
# XPath's normalize-space: tokens split on space, tab, CR and LF only
_XML_SPACE = str.maketrans("\t\r\n", "   ")
_FIELD_CLASS = "ms-rtestate-field"


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") in ("true", "TRUE"):
        return True
    style = el.get("style")
    if style is None:
        return False
    style = style.translate(_STYLE)
    return "display:none" in style or "visibility:hidden" in style


def hidden_elements(root: etree._Element) -> set[etree._Element]:
    """The roots of the page's hidden subtrees (inputs aside: they hold no text)."""
    out: set[etree._Element] = set()
    ids: set[str] = set()
    for el in root.iter(etree.Element):
        if _is_hidden(el) and el.tag != "input":
            out.add(el)
        labelled = el.get("aria-labelledby")
        if labelled is not None:
            cls = el.get("class")
            if cls and _FIELD_CLASS in cls.translate(_XML_SPACE).split(" "):
                ids.update(labelled.split())
    if ids:
        out.update(el for el in root.iter(etree.Element) if el.get("id") in ids)
    return out
