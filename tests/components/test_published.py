"""The publication date's chooser: page, listing, URL — never the body."""

import pytest

from kcn_crawler.normalize.dates import date_from_url, parse_date
from kcn_crawler.pages.published import DateCandidate, Published, choose_published


def resolve_published(
    page_raw: str | None, listing_raw: str | None, url: str, *, page_marked: bool = True
) -> Published:
    """The chooser over the candidates the article page object would yield."""
    day = date_from_url(url)
    candidates = [
        DateCandidate(source, source, raw, parse_date(raw), page_marked or source != "page")
        for source, raw in (("page", page_raw), ("listing", listing_raw))
        if raw
    ]
    if day is not None:
        candidates.append(DateCandidate.url_day(day))
    return choose_published(candidates, day)


URL = "http://127.0.0.1:8080/portal/Pages/2018-1-31/Hoi-nghi-tong-ketabc123.aspx"


def test_page_date_wins() -> None:
    published = resolve_published("Thứ Tư, 31/01/2018 - 08:30", "30/01/2018", URL)
    assert (published.value, published.source) == ("2018-01-31T08:30:00+07:00", "page")
    assert published.raw == "Thứ Tư, 31/01/2018 - 08:30"


def test_listing_date_when_the_page_has_none() -> None:
    published = resolve_published(None, "(31/01/2018)", URL)
    assert (published.value, published.source) == ("2018-01-31T00:00:00+07:00", "listing")


def test_url_date_last() -> None:
    published = resolve_published(None, None, URL)
    assert (published.value, published.source, published.raw) == (
        "2018-01-31T00:00:00+07:00",
        "url",
        None,
    )


def test_unreadable_page_date_falls_through_and_is_reported() -> None:
    published = resolve_published("31/02/2018", None, URL)
    assert published.source == "url"
    assert published.unparsed == ("31/02/2018",)


def test_a_page_date_far_from_the_url_date_is_flagged() -> None:
    assert resolve_published("15/03/2018", None, URL).url_mismatch
    assert not resolve_published("01/02/2018", None, URL).url_mismatch


def test_nothing_known_gives_no_date_never_today() -> None:
    url = "http://127.0.0.1:8080/portal/pages/2015/Tham-vong-niqdbvc3sab5.aspx"
    published = resolve_published(None, None, url)
    assert published.value is None and published.source is None


def test_an_unmarked_page_date_far_from_the_url_day_is_set_aside() -> None:
    """A page date with no label or element of its own, two days from the URL's day: the
    URL's day serves, and the page date is kept for the report."""
    published = resolve_published("29/01/2018", None, URL, page_marked=False)
    assert (published.value, published.source) == ("2018-01-31T00:00:00+07:00", "url")
    assert published.overruled == "29/01/2018"


def test_an_overruled_page_date_leaves_the_listing_date_next() -> None:
    published = resolve_published("25/09/2017", "31/01/2018 08:30", URL, page_marked=False)
    assert (published.source, published.overruled) == ("listing", "25/09/2017")
    assert published.value == "2018-01-31T08:30:00+07:00"  # the URL's day, the listing's time


def test_the_urls_day_wins_over_a_listing_that_disagrees_with_it() -> None:
    published = resolve_published("25/09/2017", "25/09/2017", URL, page_marked=False)
    assert (published.value, published.source) == ("2018-01-31T00:00:00+07:00", "url")


@pytest.mark.parametrize(("raw", "marked"), [("30/01/2018", False), ("15/03/2018", True)])
def test_a_near_or_marked_page_date_is_taken(raw: str, marked: bool) -> None:
    published = resolve_published(raw, None, URL, page_marked=marked)
    assert (published.source, published.overruled) == ("page", None)
