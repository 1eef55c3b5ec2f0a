"""ListingPage on hand-written fixtures: entries (urls, titles, dates) and paging."""

from __future__ import annotations

from dataclasses import asdict
from functools import cache

import pytest
from parsel import Selector

from kcn_crawler.pages.archive import ArchiveResultsPage, find_archive_form
from kcn_crawler.pages.listing import ListingPage
from kcn_crawler.pages.types import Link, Postback
from tests.pages._fixtures import load, params

FIELDS = ["entry_urls", "entry_titles", "entry_dates", "next_page", "page_turns", "archive_form"]


def derive(expected: dict) -> dict:
    """Split ``entries`` into one list per entry field."""
    expected = dict(expected)
    entries = expected.pop("entries", None)
    if entries is not None:
        expected["entry_urls"] = [e["url"] for e in entries]
        expected["entry_titles"] = [e["title"] for e in entries]
        expected["entry_dates"] = [e["date_raw"] for e in entries]
    return expected


CLASSES = {"ListingPage": ListingPage, "ArchiveResultsPage": ArchiveResultsPage}


@cache
def page(cls: str, case: str, selector: bool = False) -> tuple[ListingPage, dict]:
    html, expected = load(cls, case)
    expected = derive(expected)
    doc = Selector(text=html) if selector else html
    return CLASSES[cls](expected["url"], doc, expected.get("page_number", 1)), expected


def _turn(t: Link | Postback | None) -> dict | None:
    if t is None:
        return None
    if isinstance(t, Postback):
        return {"target": t.target, "argument": t.argument}
    return {"url": t.url}


PARAMS = [
    (cls, case, field, selector)
    for cls in CLASSES
    for case, field in params(cls, FIELDS, derive)
    for selector in (False, True)
]


@pytest.mark.parametrize(("cls", "case", "field", "selector"), PARAMS)
def test_field(cls: str, case: str, field: str, selector: bool) -> None:
    """One field of one case; ``selector``: the page given as a parsel.Selector."""
    p, expected = page(cls, case, selector)
    want = expected[field]
    if field == "entry_urls":
        assert [e.url for e in p.entries()] == want
    elif field == "entry_titles":
        assert [e.title for e in p.entries()] == want
    elif field == "entry_dates":
        assert [e.date_raw for e in p.entries()] == want
    elif field == "next_page":
        assert _turn(p.next_page()) == want
    elif field == "page_turns":
        assert [[_turn(t.turn), t.number, t.rel] for t in p.all_page_turns()] == want
    elif field == "archive_form":
        spec = find_archive_form(p.url, p.root)
        got = None if spec is None else {k: v for k, v in asdict(spec).items() if k in want}
        assert got == want
