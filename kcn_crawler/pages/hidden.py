"""Elements a reader of the page never sees: they never enter an article's fields.

Hidden by the markup itself — ``display:none`` or ``visibility:hidden`` in the
element's ``style``, the ``hidden`` attribute, ``aria-hidden="true"`` — and the
label SharePoint writes for its rich-text field (``div.ms-rtestate-field`` names it
in ``aria-labelledby``: "Nội dung trang", "Page Content"), whatever its style.
"""

from __future__ import annotations

from lxml import etree

__all__ = ["hidden_elements"]

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# the style lower-cased and without spaces, so "Display: None" matches too
_STYLE = f"translate(@style, '{_UPPER} \t', '{_UPPER.lower()}')"
_HIDDEN = etree.XPath(
    f"//*[@hidden or @aria-hidden='true' or @aria-hidden='TRUE'"
    f" or contains({_STYLE}, 'display:none') or contains({_STYLE}, 'visibility:hidden')]"
)
_FIELD_LABELS = etree.XPath(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' ms-rtestate-field ')]"
    "/@aria-labelledby"
)
_WITH_ID = etree.XPath("//*[@id]")


def hidden_elements(root: etree._Element) -> set[etree._Element]:
    """The roots of the page's hidden subtrees (inputs aside: they hold no text)."""
    out = {el for el in _HIDDEN(root) if el.tag != "input"}
    ids = {i for value in _FIELD_LABELS(root) for i in str(value).split()}
    if ids:
        out.update(el for el in _WITH_ID(root) if el.get("id") in ids)
    return out
