"""Tone-mark placement: old (hòa, thủy) and new (hoà, thuỷ) styles."""

from __future__ import annotations

import unicodedata

import pytest

from kcn_crawler.normalize.tones import apply_tone_style
from kcn_crawler.normalize.viet import is_syllable, parse_syllable
from tests.unit._corpus import seed_lines

# (old style, new style): hand-written pairs
PAIRS = [
    ("hòa", "hoà"), ("Hòa", "Hoà"), ("HÒA", "HOÀ"), ("hóa", "hoá"), ("Thanh Hóa", "Thanh Hoá"),
    ("THANH HÓA", "THANH HOÁ"), ("thủy", "thuỷ"), ("Thủy", "Thuỷ"), ("khỏe", "khoẻ"),
    ("KHỎE", "KHOẺ"), ("xòe", "xoè"), ("lòe loẹt", "loè loẹt"), ("hỏa", "hoả"), ("tòa", "toà"),
    ("ủy ban", "uỷ ban"), ("Ủy ban", "Uỷ ban"), ("ỦY BAN", "UỶ BAN"), ("túy", "tuý"),
    ("lũy", "luỹ"), ("họa", "hoạ"), ("thỏa", "thoả"), ("lõa", "loã"), ("khóa", "khoá"),
    ("nhòe", "nhoè"), ("hòa bình, thủy lợi!", "hoà bình, thuỷ lợi!"), ("(Hóa)", "(Hoá)"),
    ("“hòa”", "“hoà”"), ("hòa-bình", "hoà-bình"), ("số 3 hòa", "số 3 hoà"),
]  # fmt: skip

# identical in both styles: the tone has one correct place
FIXED = [
    "quả", "quá", "quý", "quí", "quỳnh", "Quỳnh", "quốc", "quyết", "quyển", "giữa", "già",
    "gì", "gìn", "giếng", "giỏi", "hoàng", "khuyết", "thuyền", "hoạch", "hoành", "toán",
    "xoắn", "khoảng", "huấn", "thuở", "khuỷu", "ngoài", "người", "mùa", "múa", "chìa",
    "mía", "ngửi", "bưởi", "tuổi", "hươu", "ủng", "uống", "yến", "yêu", "oái", "hoại",
    "quạ", "Hà Nội", "KH&CN", "HĐND", "Nguyễn", "Việt",
]  # fmt: skip

# not Vietnamese syllables: left untouched whatever the style
FOREIGN = ["boà", "Zoè", "Joé", "Quìa", "hòaa", "hòả", "Fhòa", "coèd"]


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_pairs(old: str, new: str) -> None:
    assert apply_tone_style(old, "new") == new
    assert apply_tone_style(new, "old") == old
    assert apply_tone_style(old, "old") == old
    assert apply_tone_style(new, "new") == new
    assert apply_tone_style(old, "keep") == old
    assert apply_tone_style(new, "keep") == new


@pytest.mark.parametrize("word", FIXED)
def test_fixed_words_never_move(word: str) -> None:
    assert apply_tone_style(word, "old") == word
    assert apply_tone_style(word, "new") == word


@pytest.mark.parametrize("word", FOREIGN)
def test_foreign_words_untouched(word: str) -> None:
    assert apply_tone_style(word, "old") == word
    assert apply_tone_style(word, "new") == word


def test_qu_and_gi_are_consonants() -> None:
    q = parse_syllable("quynh")
    g = parse_syllable("giua")
    assert q is not None and q.onset == "qu" and q.vowels == "y"
    assert g is not None and g.onset == "gi" and g.vowels == "ua"


def test_sentence() -> None:
    old = "Ủy ban nhân dân tỉnh Thanh Hóa hỗ trợ thủy lợi, giữ gìn sức khỏe và hòa bình."
    new = "Uỷ ban nhân dân tỉnh Thanh Hoá hỗ trợ thuỷ lợi, giữ gìn sức khoẻ và hoà bình."
    assert apply_tone_style(old, "new") == new
    assert apply_tone_style(new, "old") == old


def test_nfd_input() -> None:
    assert apply_tone_style(unicodedata.normalize("NFD", "Thanh Hóa"), "new") == "Thanh Hoá"


def test_keep_is_identity_even_for_nfd() -> None:
    s = unicodedata.normalize("NFD", "Thanh Hóa")
    assert apply_tone_style(s, "keep") is s
    assert apply_tone_style(s) is s


def test_unknown_style() -> None:
    with pytest.raises(ValueError):
        apply_tone_style("hòa", "modern")


def test_seed_words_round_trip() -> None:
    for line in seed_lines():
        new = apply_tone_style(line, "new")
        assert apply_tone_style(apply_tone_style(new, "old"), "new") == new
        assert len(new) == len(line)


def test_seed_is_vietnamese() -> None:
    """The syllable model accepts every lower-case word of the seed page."""
    words = [w for line in seed_lines() for w in line.split()]
    words = [w.strip(".,;:“”()-/") for w in words]
    for w in words:
        if w.isalpha() and not w.isupper() and w[1:].islower() and w not in ("Video", "Clip"):
            assert is_syllable(w), w
