"""The date archive form ("Các tin đã đăng ngày") and its results page.

SharePoint renders the day picker as a text input whose generated name ends in
``DateTimeControlDate`` (or a similar ``…Date``) next to a calendar button
("Chọn một ngày từ lịch."), and a "Xem" button submits it.  All controls of an
ASP.NET page share one ``<form>`` — the search box ("Tìm kiếm") included — so
the right submit button is the "Xem" nearest to the date input.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from kcn_crawler.normalize import clean_inline
from kcn_crawler.pages.base import tag_of, text_of, to_root
from kcn_crawler.pages.listing import ListingPage, parse_postback
from kcn_crawler.pages.thresholds import (
    FORM_BUTTON_BEFORE_PENALTY,
    FORM_DATE_CONTROL_SCORE,
    FORM_DATE_NAME_SCORE,
    FORM_LABEL_SCORE,
    FORM_MIN_SCORE,
    FORM_SEARCH_PENALTY,
)
from kcn_crawler.pages.types import ArchiveFormSpec, Postback
from kcn_crawler.pages.vocabulary import (
    ARCHIVE_DATE_INPUT,
    ARCHIVE_DATE_INPUT_CI,
    ARCHIVE_FORM_LABEL,
    ARCHIVE_SUBMIT,
    SEARCH_INPUT,
)

__all__ = ["ArchiveResultsPage", "find_archive_form"]

_CANDIDATES = etree.XPath("//form | //input | //button | //a[@href or @onclick] | //text()")
_TEXT_TYPES = frozenset({"", "text", "date", "search"})
_SUBMIT_TYPES = frozenset({"submit", "button", "image"})


def _is_text_input(el: etree._Element) -> bool:
    return tag_of(el) == "input" and (el.get("type") or "").strip().lower() in _TEXT_TYPES


def _button_label(el: etree._Element) -> str:
    tag = tag_of(el)
    if tag == "input":
        return clean_inline(el.get("value") or el.get("alt") or el.get("title") or "")
    return text_of(el) or clean_inline(el.get("value") or el.get("title") or "")


def find_archive_form(url: str, html: Any) -> ArchiveFormSpec | None:
    """Discover the archive form of a page, or ``None`` when the page has none.

    The date input is, by preference: a name ending in ``DateTimeControlDate``,
    a name ending in ``Date``/``DateDate``, or the first text input after the
    "Các tin đã đăng ngày" label.  The submit is the "Xem" control nearest to it
    in the same form (never the search button).
    """
    root = to_root(html)
    forms: list[etree._Element] = []
    seq: list[etree._Element] = []  # inputs, buttons and links in document order
    form_of: dict[int, int] = {}  # position in seq -> form index (parser-inserted owner)
    label_pos: list[int] = []
    current_form = -1
    for node in _CANDIDATES(root):
        if isinstance(node, str):  # a text node
            if ARCHIVE_FORM_LABEL.search(node):
                label_pos.append(len(seq))
            continue
        if tag_of(node) == "form":
            forms.append(node)
            current_form = len(forms) - 1
            continue
        form_of[len(seq)] = current_form
        seq.append(node)

    best: tuple[int, int] | None = None  # (score, position)
    for i, el in enumerate(seq):
        if not _is_text_input(el):
            continue
        name = el.get("name") or ""
        if not name:
            continue
        score = 0
        if name.lower().endswith("datetimecontroldate"):
            score += FORM_DATE_CONTROL_SCORE
        elif ARCHIVE_DATE_INPUT.search(name) or ARCHIVE_DATE_INPUT_CI.search(name):
            score += FORM_DATE_NAME_SCORE
        if any(p <= i and not any(_is_text_input(s) for s in seq[p:i]) for p in label_pos):
            score += FORM_LABEL_SCORE
        if SEARCH_INPUT.search(name) or SEARCH_INPUT.search(el.get("id") or ""):
            score -= FORM_SEARCH_PENALTY
        if score >= FORM_MIN_SCORE and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return None
    pos = best[1]
    date_el = seq[pos]
    form_index = _owner_form(date_el, forms, form_of.get(pos, -1))
    if form_index < 0:
        return None

    submit_name = submit_value = None
    postback: Postback | None = None
    choice: tuple[int, etree._Element] | None = None
    for j, el in enumerate(seq):
        if j == pos or not ARCHIVE_SUBMIT.match(_button_label(el)):
            continue
        tag = tag_of(el)
        is_button = (tag == "input" and (el.get("type") or "").lower() in _SUBMIT_TYPES) or (
            tag == "button"
        )
        if not is_button and tag != "a":
            continue
        # a button after the input is likelier
        dist = abs(j - pos) + (0 if j > pos else FORM_BUTTON_BEFORE_PENALTY)
        if choice is None or dist < choice[0]:
            choice = (dist, el)
    if choice is not None:
        el = choice[1]
        if tag_of(el) == "a":
            postback = parse_postback(el.get("href") or "") or parse_postback(
                el.get("onclick") or ""
            )
        else:
            submit_name = el.get("name")
            submit_value = el.get("value") if el.get("value") is not None else _button_label(el)
            if not submit_name:
                submit_name = submit_value = None
    return ArchiveFormSpec(
        form_index=form_index,
        date_field=date_el.get("name") or "",
        submit_name=submit_name,
        submit_value=submit_value,
        submit_postback=postback,
    )


def _owner_form(el: etree._Element, forms: list[etree._Element], fallback: int) -> int:
    """Index of the form that owns ``el``: its ``form`` attribute, an ancestor, or the last
    form opened before it (how browsers treat forms the parser closed early)."""
    owner_id = el.get("form")
    if owner_id:
        for i, f in enumerate(forms):
            if f.get("id") == owner_id:
                return i
    for anc in el.iterancestors("form"):
        for i, f in enumerate(forms):
            if f is anc:
                return i
    return fallback


class ArchiveResultsPage(ListingPage):
    """The answer of the archive form: a listing of the day's articles (with paging)."""
