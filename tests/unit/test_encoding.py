"""HTML decoding: UTF-8 preferred, windows-1258 with combining marks, header/body mismatch."""

from __future__ import annotations

import codecs

import pytest

from kcn_crawler.normalize.encoding import decode_html, encode_cp1258, normalize_charset
from tests.unit._corpus import SEED_PARAGRAPHS, VI_SENTENCES

BODY = "\n".join(f"<p>{p}</p>" for p in SEED_PARAGRAPHS + VI_SENTENCES)


def page(charset: str | None) -> str:
    meta = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        if charset
        else ""
    )
    return f"<html><head>{meta}<title>Sở KH&amp;CN</title></head><body>{BODY}</body></html>"


def test_cp1258_uses_combining_marks() -> None:
    raw = encode_cp1258("Việt Hóa")
    assert raw == b"Vi\xea\xf2t H\xf3a"  # ê + combining dot below (0xF2); ó is precomposed
    assert raw.decode("cp1258") != "Việt Hóa"  # decomposed until NFC
    assert decode_html(raw, "windows-1258") == ("Việt Hóa", "windows-1258")


@pytest.mark.parametrize(
    "declared",
    [None, "utf-8", "windows-1258", "iso-8859-1", "text/html; charset=UTF-8", "bogus-charset"],
)
def test_windows_1258_page(declared: str | None) -> None:
    html = page("windows-1258")
    text, enc = decode_html(encode_cp1258(html), declared)
    assert text == html
    assert enc == "windows-1258"
    assert "\ufffd" not in text


@pytest.mark.parametrize("meta", [None, "utf-8", "windows-1258"])
def test_windows_1258_with_wrong_or_missing_meta(meta: str | None) -> None:
    html = page(meta)
    text, enc = decode_html(encode_cp1258(html), "utf-8")
    assert (text, enc) == (html, "windows-1258")


@pytest.mark.parametrize("declared", [None, "utf-8", "windows-1258", "iso-8859-1", "windows-1252"])
def test_valid_utf8_wins(declared: str | None) -> None:
    html = page("windows-1258")  # a lying meta too
    assert decode_html(html.encode("utf-8"), declared) == (html, "utf-8")


def test_nfd_utf8_is_composed() -> None:
    import unicodedata

    html = page("utf-8")
    text, enc = decode_html(unicodedata.normalize("NFD", html).encode("utf-8"), "utf-8")
    assert (text, enc) == (html, "utf-8")


def test_utf8_bom() -> None:
    html = page("utf-8")
    assert decode_html(codecs.BOM_UTF8 + html.encode("utf-8"), None) == (html, "utf-8")


def test_utf16_bom() -> None:
    html = page(None)
    assert decode_html(codecs.BOM_UTF16_LE + html.encode("utf-16-le"), None) == (html, "utf-16-le")


def test_utf8_page_with_a_stray_legacy_byte_has_no_replacement_char() -> None:
    html = page("utf-8")
    body = html.encode("utf-8").replace(b"</body>", "café".encode("cp1252") + b"</body>")
    text, enc = decode_html(body, "utf-8")
    assert enc == "utf-8"
    assert "\ufffd" not in text
    assert text == html.replace("</body>", "café</body>")


def test_latin_page_keeps_its_declared_charset() -> None:
    html = '<meta charset="iso-8859-1"><p>Le café est très bon, où que l\'on soit.</p>'
    assert decode_html(html.encode("cp1252"), None) == (html, "windows-1252")
    assert decode_html(html.encode("cp1252"), "windows-1252") == (html, "windows-1252")


def test_ascii_page() -> None:
    assert decode_html(b"<p>Hello</p>", "windows-1258") == ("<p>Hello</p>", "utf-8")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("UTF-8", "utf-8"),
        ("utf8", "utf-8"),
        ("windows-1258", "cp1258"),
        ("ISO-8859-1", "cp1252"),
        ("latin1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("text/html; charset=windows-1258", "cp1258"),
        ('text/html; charset="utf-8"', "utf-8"),
        ("nonsense", None),
        (None, None),
        ("", None),
    ],
)
def test_normalize_charset(label: str | None, expected: str | None) -> None:
    assert normalize_charset(label) == expected
