"""URL helpers: canonical form, article ids, page kinds, exclusions."""

from __future__ import annotations

import pytest

from kcn_crawler.normalize.urls import (
    article_id,
    canonical_url,
    is_article_url,
    is_channel_url,
    is_excluded_url,
    site_root,
)

SITE = "https://skhcn.thanhhoa.gov.vn"
ART = "https://skhcn.thanhhoa.gov.vn/portal/Pages/2024-4-25/Quy-hoach-dvv348x.aspx"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (ART, ART),
        (
            "HTTPS://SKHCN.ThanhHoa.gov.vn:443/portal/Pages/2024-4-25/Quy-hoach-dvv348x.aspx"
            "?fbclid=abc#top",
            ART,
        ),
        (
            "http://skhcn.thanhhoa.gov.vn:80/portal/KenhTin/Tin-tuc.aspx",
            "http://skhcn.thanhhoa.gov.vn/portal/KenhTin/Tin-tuc.aspx",
        ),
        (
            "http://127.0.0.1:8080/portal/Pages/default.aspx?a=1",
            "http://127.0.0.1:8080/portal/Pages/default.aspx",
        ),
        ("https://x.gov.vn", "https://x.gov.vn/"),
        ("https://x.gov.vn/portal/pages/a%7eb.aspx", "https://x.gov.vn/portal/pages/a~b.aspx"),
        (
            "https://x.gov.vn/portal/pages/Đà Nẵng.aspx",
            "https://x.gov.vn/portal/pages/%C4%90%C3%A0%20N%E1%BA%B5ng.aspx",
        ),
        (
            "https://x.gov.vn/portal/pages/%c4%90a.aspx",
            "https://x.gov.vn/portal/pages/%C4%90a.aspx",
        ),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected
    assert canonical_url(expected) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (ART, "2024-4-25/quy-hoach-dvv348x"),
        (ART.replace("/Pages/", "/pages/") + "?fbclid=1#x", "2024-4-25/quy-hoach-dvv348x"),
        (ART.replace("/Pages/", "/PAGES/"), "2024-4-25/quy-hoach-dvv348x"),
        (
            "https://x.gov.vn/portal/pages/2026-07-15/Cot-co-A-Pa-Chai.aspx",
            "2026-07-15/cot-co-a-pa-chai",
        ),
        (
            "https://x.gov.vn/portal/pages/2015/Tham-vong-niqdbvc3sab5.aspx",
            "2015/tham-vong-niqdbvc3sab5",
        ),
        ("https://x.gov.vn/portal/Pages/default.aspx", None),
        ("https://x.gov.vn/portal/KenhTin/Tin-tuc.aspx", None),
        ("https://x.gov.vn/portal/Pages/2018-1-31/sub/x.aspx", None),
        ("https://x.gov.vn/portal/Photos/2021-04/_w/99eff37a75b30deda1_JPG.jpg", None),
        ("https://x.gov.vn/portal/Pages/18-1-31/x.aspx", None),
    ],
)
def test_article_id(url: str, expected: str | None) -> None:
    assert article_id(url) == expected
    assert is_article_url(url) is (expected is not None)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.gov.vn/portal/KenhTin/Hoi-dong-nhan-dan-tinh.aspx", True),
        ("https://x.gov.vn/portal/kenhtin/hoi-dong.aspx?Page=2", True),
        ("https://x.gov.vn/PORTAL/KENHTIN/X.ASPX", True),
        ("https://x.gov.vn/portal/KenhTin/a/b.aspx", False),
        (ART, False),
        ("https://x.gov.vn/portal/Pages/default.aspx", False),
    ],
)
def test_is_channel_url(url: str, expected: bool) -> None:
    assert is_channel_url(url) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (ART, False),
        (ART + "?fbclid=1", False),
        ("http://skhcn.thanhhoa.gov.vn/portal/KenhTin/Tin.aspx", False),  # http↔https, same host
        ("https://SKHCN.thanhhoa.gov.vn/portal/Pages/default.aspx", False),
        ("https://thanhhoa.gov.vn/portal/Pages/default.aspx", True),  # other host
        ("https://skhcn.thanhhoa.gov.vn:8443/portal/Pages/default.aspx", True),  # other port
        ("mailto:skhcn@thanhhoa.gov.vn", True),
        ("javascript:__doPostBack('ctl00$m$g_1$pager','Page$3')", True),
        ("tel:+842373852641", True),
        ("file:///C:/x.doc", True),
        ("ftp://skhcn.thanhhoa.gov.vn/x", True),
        (ART + "?print=1", True),
        (ART + "?IsPrint=true", True),
        (ART + "?InPrint=1", True),
        ("https://skhcn.thanhhoa.gov.vn/portal/Pages/Print.aspx?id=3", True),
        ("https://skhcn.thanhhoa.gov.vn/portal/print/2018-1-31/x.aspx", True),
        ("https://skhcn.thanhhoa.gov.vn/portal/Pages/InNoiDung.aspx?ItemID=12", True),
        ("https://skhcn.thanhhoa.gov.vn/_layouts/iframe.aspx?cal=1&date=1/1/2018", True),
        ("https://skhcn.thanhhoa.gov.vn/portal/_layouts/images/cal.gif", True),
        ("https://skhcn.thanhhoa.gov.vn/_layouts/Authenticate.aspx?Source=/x", True),
        ("https://skhcn.thanhhoa.gov.vn/_login/default.aspx", True),
        ("https://skhcn.thanhhoa.gov.vn/_windows/default.aspx", True),
        ("https://skhcn.thanhhoa.gov.vn/portal/Pages/Login.aspx", True),
        ("https://skhcn.thanhhoa.gov.vn/portal/Pages/2020-1-1/Printed-circuits.aspx", False),
    ],
)
def test_is_excluded_url(url: str, expected: bool) -> None:
    assert is_excluded_url(url, SITE) is expected


def test_is_excluded_url_site_forms() -> None:
    assert not is_excluded_url(ART, "skhcn.thanhhoa.gov.vn")
    assert is_excluded_url(ART, "thanhhoa.gov.vn")
    local = "http://127.0.0.1:8765/portal/Pages/default.aspx"
    assert not is_excluded_url(local, "http://127.0.0.1:8765")
    assert not is_excluded_url(local, "127.0.0.1:8765")
    assert is_excluded_url(
        "http://127.0.0.1:8766/portal/Pages/default.aspx", "http://127.0.0.1:8765"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (ART, "https://skhcn.thanhhoa.gov.vn"),
        ("HTTP://Example.GOV.vn:80/x", "http://example.gov.vn"),
        ("http://127.0.0.1:8765/portal/Pages/default.aspx", "http://127.0.0.1:8765"),
    ],
)
def test_site_root(url: str, expected: str) -> None:
    assert site_root(url) == expected
