"""Text cleaning: NFC, invisible characters, &nbsp;, Ð look-alike, paragraphs, token F1."""

from __future__ import annotations

import unicodedata

import pytest

from kcn_crawler.normalize.text import clean_block, clean_inline, clean_paragraphs, token_f1
from tests.unit._corpus import SEED_PARAGRAPHS, seed_lines, varied_paragraphs


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Thanh   Hóa  ", "Thanh Hóa"),
        ("Thanh\u00a0Hóa", "Thanh Hóa"),
        ("Thanh\u00a0\u00a0 \u00a0Hóa", "Thanh Hóa"),
        ("Khoa\u200bhọc", "Khoahọc"),
        ("Khoa\u200c\u200d\u2060\ufeff học", "Khoa học"),
        ("\ufeffNgày 19/01/2018", "Ngày 19/01/2018"),
        ("công\u00adnghệ", "côngnghệ"),  # soft hyphen removed (not TCVN3 context)
        ("a\tb\nc\rd\x0be\x0cf", "a b c d e f"),
        ("a\x00b\x07c", "a b c"),
        ("a\x85b", "a b"),
        ("a\x9cb\x7fc", "abc"),
        ("a\u2028b\u2029c", "a b c"),
        ("a\u2003b\u3000c\u202fd", "a b c d"),
        ("Hội&nbsp;nghị&nbsp;&nbsp;tổng kết", "Hội nghị tổng kết"),
        ("Hội&NBSP;nghị&#160;tổng&#xa0;kết", "Hội nghị tổng kết"),
        ("&nbsp;&nbsp;", ""),
        ("\u00a0 \u200b", ""),
        ("KH&CN và R&D", "KH&CN và R&D"),
        # NFD → NFC
        (unicodedata.normalize("NFD", "Thanh Hóa, Việt Nam"), "Thanh Hóa, Việt Nam"),
        ("Vie\u0323\u0302t", "Việt"),
        ("Vie\u200b\u0302\u0323t", "Việt"),  # composed after the zero-width char goes
        # Ð (U+00D0) typed for Đ (U+0110)
        ("Ðồng chí Nguyễn Ðức Quyền", "Đồng chí Nguyễn Đức Quyền"),
        ("ÐẠI HỘI ÐẢNG BỘ", "ĐẠI HỘI ĐẢNG BỘ"),
        ("Nghị quyết của HÐND tỉnh, QÐ-UBND", "Nghị quyết của HĐND tỉnh, QĐ-UBND"),
        ("ðồng chí ðã đến", "đồng chí đã đến"),
        ("Ðà Nẵng", "Đà Nẵng"),
        # plain text passes
        ("Hello, world!", "Hello, world!"),
        ("Ça coûte 12,50 €", "Ça coûte 12,50 €"),
        ("", ""),
    ],
)
def test_clean_inline(raw: str, expected: str) -> None:
    assert clean_inline(raw) == expected


def test_clean_inline_repairs_legacy_before_stripping_soft_hyphen() -> None:
    # TCVN3 "người dân" is "ng\xadêi d©n": 0xAD (soft hyphen) is "ư"
    assert clean_inline("Ng\xadêi d©n Thanh Ho¸") == "Người dân Thanh Hoá"
    assert clean_inline("Ng\xadêi d©n", repair=False) == "Ngêi d©n"


def test_clean_inline_tone_style() -> None:
    assert clean_inline(" Thanh  Hóa ", tone_style="new") == "Thanh Hoá"
    assert clean_inline("Thanh Hoá", tone_style="old") == "Thanh Hóa"
    assert clean_inline("Thanh Hoá") == "Thanh Hoá"


def test_seed_text_unchanged_apart_from_whitespace() -> None:
    for line in seed_lines():
        assert clean_inline(line) == " ".join(line.split())


def test_generated_text_unchanged_apart_from_whitespace() -> None:
    for p in varied_paragraphs(300):
        assert clean_inline(p) == " ".join(p.split())


def test_icelandic_eth_inside_words_is_kept() -> None:
    assert clean_inline("Guðmundur og Sigurður") == "Guðmundur og Sigurður"
    assert clean_inline("GUÐMUNDUR") == "GUÐMUNDUR"


def test_clean_paragraphs() -> None:
    ps = ["  Một  ", "", "&nbsp;", "\u00a0", " \u200b ", "Hai\u00a0ba", "&nbsp;&nbsp;", "Bốn"]
    assert clean_paragraphs(ps) == ["Một", "Hai ba", "Bốn"]
    assert clean_paragraphs(iter(["a"])) == ["a"]
    assert clean_paragraphs([]) == []


def test_clean_block() -> None:
    raw = "Đoạn  một\ncòn tiếp\r\n\r\n \u00a0\n&nbsp;\n\nĐoạn hai\n\n\n\nĐoạn\t ba \u2029Đoạn bốn"
    # a tab separates a table row's cells: kept, the spaces around it are not
    assert clean_block(raw) == "Đoạn một còn tiếp\n\nĐoạn hai\n\nĐoạn\tba\n\nĐoạn bốn"
    assert clean_block("") == ""
    assert clean_block("\n\n \n") == ""
    assert clean_block("\n\n".join(SEED_PARAGRAPHS)) == "\n\n".join(SEED_PARAGRAPHS)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("a b c", "a b c", 1.0),
        ("", "", 1.0),
        ("a", "", 0.0),
        ("", "a", 0.0),
        ("a b", "c d", 0.0),
        ("a b c", "a b d", 2 / 3),  # overlap 2; P = R = 2/3
        ("a a b", "a b b", 2 / 3),  # multisets: overlap {a, b} = 2 of 3
        ("A, b!", "a B", 1.0),  # \w+ tokens, lower-cased
        ("Hòa bình", unicodedata.normalize("NFD", "hòa bình"), 1.0),
        ("a b c d", "a b", 2 / 3),  # overlap 2: P = 2/4, R = 2/2 → F1 = 2/3
    ],
)
def test_token_f1(a: str, b: str, expected: float) -> None:
    assert token_f1(a, b) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["ÐÐ", "ÐÐ Ðà", "O0©0Ð"])
def test_clean_inline_is_idempotent_on_what_hypothesis_found(text: str) -> None:
    once = clean_inline(text)
    assert clean_inline(once) == once
