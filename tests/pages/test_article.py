"""ArticlePage on hand-written fixtures: one assertion per field per case."""

from __future__ import annotations

from functools import cache

import pytest
from parsel import Selector

from kcn_crawler.normalize.dates import parse_date
from kcn_crawler.normalize.text import token_f1
from kcn_crawler.pages.article import ArticlePage
from tests.pages._fixtures import cases, load, params

FIELDS = [
    "title",
    "date",
    "summary",
    "text",
    "author",
    "author_role",
    "source",
    "images",
    "attachments",
    "repairs",
    "extraction",
    "missing",
]


@cache
def extract(case: str) -> tuple[ArticlePage, dict]:
    html, expected = load("ArticlePage", case)
    page = ArticlePage(expected["url"], html, listing_title=expected.get("listing_title"))
    return page, expected


@pytest.mark.parametrize(("case", "field"), params("ArticlePage", FIELDS))
def test_field(case: str, field: str) -> None:
    raw, expected = extract(case)
    check(raw, expected, field)


def check(raw: ArticlePage, expected: dict, field: str) -> None:
    """One field of ``raw`` against the fixture's expected value."""
    want = expected[field]
    if field == "date":
        parsed = parse_date(raw.date_raw) if raw.date_raw else None
        got = parsed.value.isoformat() if parsed else None
        assert got == want, raw.date_raw
    elif field == "text":
        got = raw.text
        assert token_f1(got, want) >= 0.98, got
    else:
        assert getattr(raw, field) == want


@cache
def extract_fallback(case: str, with_listing_title: bool) -> tuple[ArticlePage, dict]:
    html, expected = load("ArticlePage", case)
    lt = expected.get("listing_title") if with_listing_title else None
    page = ArticlePage(expected["url"], html, listing_title=lt, selectors=False)
    return page, expected


@pytest.mark.parametrize("with_listing_title", [True, False], ids=["listing", "nolisting"])
@pytest.mark.parametrize(("case", "field"), params("ArticlePage", FIELDS[:-2]))
def test_fallback_alone(case: str, field: str, with_listing_title: bool) -> None:
    """The generic fallback reads every layout by itself (hidden skins match no selector)."""
    raw, expected = extract_fallback(case, with_listing_title)
    check(raw, expected, field)


@pytest.mark.parametrize("case", cases("ArticlePage"))
def test_selector_input(case: str) -> None:
    """A parsel.Selector (what the spider passes) reads the same as the HTML text."""
    html, expected = load("ArticlePage", case)
    lt = expected.get("listing_title")
    from_sel = ArticlePage(expected["url"], Selector(text=html), listing_title=lt)
    from_text = extract(case)[0]
    assert from_sel.to_item() == from_text.to_item()
    assert from_sel.page_date == from_text.page_date


@pytest.mark.parametrize("case", cases("ArticlePage"))
@pytest.mark.parametrize("use_selectors", [True, False], ids=["fast", "fallback"])
def test_signature_never_stays_in_text(case: str, use_selectors: bool) -> None:
    """The signature's name and role are read out of the body, never left in ``text``."""
    html, expected = load("ArticlePage", case)
    lt = expected.get("listing_title")
    raw = ArticlePage(expected["url"], html, listing_title=lt, selectors=use_selectors)
    for value in (expected.get("author"), expected.get("author_role")):
        if value:
            assert not any(value in p for p in raw.paragraphs), value
