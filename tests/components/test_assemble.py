"""The publication date's order of sources: page, listing, URL — never the body."""

from kcn_crawler.assemble import resolve_published

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
