"""Each page object on each replica skin, in process (no server, no Scrapy).

The replica renders its pages and its ground truth from the same seed; the page
objects read the rendered HTML and must agree with the truth on every skin —
including the skins whose class names the fast path has never seen.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pytest

from kcn_crawler.normalize import article_id, iso, parse_date, token_f1
from kcn_crawler.normalize.encoding import decode_html
from kcn_crawler.pages import ArticlePage, HomePage, ListingPage, find_archive_form
from tests.replica import truth as replica_truth
from tests.replica.app import App
from tests.replica.site import SKINS, Site

BASE = "http://replica.test"


@cache
def replica(skin: str) -> tuple[App, dict[str, Any]]:
    app = App(Site(7, 60, skin), base=BASE)
    return app, replica_truth.build(app.site, BASE)


def fetch(skin: str, url: str) -> str:
    app, _ = replica(skin)
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    response = app.handle("GET", target, b"")
    if response.status == 503:  # the replica's one transient failure: ask again
        response = app.handle("GET", target, b"")
    assert response.status == 200, (url, response.status)
    content_type = dict(response.headers).get("Content-Type", "")
    declared = content_type.split("charset=")[-1] if "charset=" in content_type else None
    return decode_html(response.body, declared)[0]


def articles(skin: str) -> list[dict[str, Any]]:
    return replica(skin)[1]["articles"]


@pytest.mark.parametrize("skin", SKINS)
def test_home_page_links_every_top_level_channel(skin: str) -> None:
    """Each channel is among the home page's candidates, named as its menu shows it
    (sub-channels are linked from their parent channel's page)."""
    home_url = BASE + "/portal/Pages/default.aspx"
    candidates = HomePage(home_url, fetch(skin, home_url)).candidates()
    want = {
        (c["name"], c["url"].lower()) for c in replica(skin)[1]["channels"] if not c.get("parent")
    }
    assert want <= {(link.text, link.url.lower()) for link in candidates}


@pytest.mark.parametrize("skin", SKINS)
def test_home_page_has_the_archive_form(skin: str) -> None:
    home_url = BASE + "/portal/Pages/default.aspx"
    spec = find_archive_form(home_url, fetch(skin, home_url))
    assert spec is not None
    assert spec.date_field == replica(skin)[1]["archive"]["date_field"]
    assert spec.date_format == "%d/%m/%Y"


@pytest.mark.parametrize("skin", SKINS)
def test_first_listing_page_of_each_channel(skin: str) -> None:
    truth = replica(skin)[1]
    listed = {a["id"]: a for a in truth["articles"] if a["channels"]}
    paged = []
    for channel in truth["channels"]:
        page = ListingPage(channel["url"], fetch(skin, channel["url"]))
        entries = page.entries()
        assert entries, channel["name"]
        ids = [article_id(entry.url) for entry in entries]
        known = [aid for aid in ids if aid in listed]
        assert known and len(known) == len(set(known)), channel["name"]
        assert all(channel["name"] in listed[aid]["channels"] for aid in known)
        expected_count = sum(channel["name"] in a["channels"] for a in listed.values())
        if len(entries) < expected_count:
            paged.append(page.next_page())
    assert paged and all(turn is not None for turn in paged), "longer channels page on"


@pytest.mark.parametrize("selectors", [True, False], ids=["fast-path", "fallback-alone"])
@pytest.mark.parametrize("skin", SKINS)
def test_article_pages_read_like_the_truth(skin: str, selectors: bool) -> None:
    """Every field of every article; with the fast path, and with the generic fallback
    alone (what a site whose class names the selector sets never saw gets)."""
    problems: list[str] = []
    for want in articles(skin):
        raw = ArticlePage(want["url"], fetch(skin, want["url"]), selectors=selectors)
        aid = want["id"]
        if raw.title != want["title"]:
            problems.append(f"{aid}: title {raw.title!r}")
        parsed = parse_date(raw.date_raw) if raw.date_raw else None
        if {"nodate", "urldate"} & set(want["variety"]):
            pass  # the page shows no usable date: the listing's or the URL's serves
        elif parsed is None or iso(parsed.value) != want["published"]:
            problems.append(f"{aid}: date {raw.date_raw!r}, not {want['published']}")
        for field in ("summary", "source", "images", "attachments"):
            if getattr(raw, field) != want[field]:
                problems.append(f"{aid}: {field} {getattr(raw, field)!r}")
        f1 = token_f1(raw.text, want["text"])
        if f1 < 0.99:
            problems.append(f"{aid}: text F1 {f1:.3f}")
        if (raw.author, raw.author_role) != (want["author"], want["author_role"]):
            problems.append(f"{aid}: signature {(raw.author, raw.author_role)!r}")
    assert problems == []


@pytest.mark.parametrize("skin", SKINS)
def test_unreadable_page_reports_its_text_missing(skin: str) -> None:
    """The replica's unreadable article (an empty content box) is reported, never read
    from the furniture around it (footer, side boxes, the logo's caption)."""
    for url in replica(skin)[1]["unreadable"]:
        raw = ArticlePage(url, fetch(skin, url))
        assert "text" in raw.missing, (url, raw.paragraphs[:3])


@pytest.mark.parametrize("skin", SKINS)
def test_a_web_part_that_failed_to_render_is_no_article(skin: str) -> None:
    """The replica's broken mode (SharePoint's "Lỗi Phần Web" in place of the content):
    the page reports its text missing instead of offering the error message as text."""
    app = App(Site(7, 60, skin), base=BASE, broken=True)
    for want in replica_truth.build(app.site, BASE)["articles"][:10]:
        response = app.handle("GET", want["url"][len(BASE) :], b"")
        if response.status != 200:
            continue  # the transient 503
        text, _ = decode_html(response.body, response.headers[0][1].split("charset=")[-1])
        assert "text" in ArticlePage(want["url"], text).missing, want["url"]
