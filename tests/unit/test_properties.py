"""Property tests: cleaning is idempotent and NFC, tone styles round-trip, keep is identity."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kcn_crawler.normalize.dates import find_dates, parse_date
from kcn_crawler.normalize.legacy import encode_tcvn3, encode_vni, repair_legacy
from kcn_crawler.normalize.text import clean_block, clean_inline, token_f1
from kcn_crawler.normalize.tones import apply_tone_style
from kcn_crawler.normalize.viet import compose, is_syllable

SETTINGS = settings(max_examples=300, deadline=None)

_VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
_TONED = "".join(compose(v, t) for v in _VOWELS for t in range(6))
_ALPHABET = (
    "abcdđghklmnpqrstvxĐ" + _TONED + " \u00a0\u200b\u00ad\ufeff\t\n\r\x00\x85&;.,-"
    "¸µ·©®«»½°ÐðéèçœüöÑñùøû" + "\u0300\u0301\u0303\u0309\u0323\u0302"
)
messy_text = st.text(alphabet=_ALPHABET, max_size=80) | st.text(max_size=40)

_ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph",
           "qu", "s", "t", "th", "tr", "v", "x"]  # fmt: skip
_RHYMES = ["a", "oa", "oe", "uy", "ai", "ao", "an", "ang", "anh", "oan", "oang", "uyên",
           "ương", "ươi", "iêu", "ưa", "ua", "ia", "ê", "ô", "ơ", "u", "i", "y", "oai", "uya",
           "uân"]  # fmt: skip


@st.composite
def vietnamese_word(draw: st.DrawFn) -> str:
    """A Vietnamese syllable with a random tone, capitalised or not."""
    base = draw(st.sampled_from(_ONSETS)) + draw(st.sampled_from(_RHYMES))
    tone = draw(st.integers(0, 5))
    positions = [i for i, c in enumerate(base) if c in _VOWELS]
    pos = draw(st.sampled_from(positions))
    word = base[:pos] + compose(base[pos], tone) + base[pos + 1 :]
    case = draw(st.sampled_from(["lower", "title", "upper"]))
    return word.title() if case == "title" else word.upper() if case == "upper" else word


vietnamese_text = st.lists(vietnamese_word().filter(is_syllable), min_size=1, max_size=12).map(
    " ".join
)


@SETTINGS
@given(messy_text)
def test_clean_inline_idempotent_and_nfc(s: str) -> None:
    once = clean_inline(s)
    assert clean_inline(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert once == once.strip()
    assert "  " not in once
    assert not any(c in once for c in "\u00a0\u200b\u00ad\ufeff\n\t\x00")


@SETTINGS
@given(st.lists(messy_text, max_size=5).map("\n\n".join))
def test_clean_block_idempotent_and_nfc(s: str) -> None:
    once = clean_block(s)
    assert clean_block(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\n\n\n" not in once


@SETTINGS
@given(vietnamese_text)
def test_tone_styles_round_trip(s: str) -> None:
    new = apply_tone_style(s, "new")
    old = apply_tone_style(s, "old")
    assert apply_tone_style(apply_tone_style(new, "old"), "new") == new
    assert apply_tone_style(apply_tone_style(old, "new"), "old") == old
    assert len(new) == len(s) == len(old)
    # only the mark moves: the letters without tones are unchanged
    assert _untoned(new) == _untoned(s) == _untoned(old)


def _untoned(s: str) -> str:
    d = unicodedata.normalize("NFD", s)
    return "".join(c for c in d if c not in "\u0300\u0301\u0303\u0309\u0323")


@SETTINGS
@given(messy_text | vietnamese_text)
def test_keep_is_identity(s: str) -> None:
    assert apply_tone_style(s, "keep") is s


@SETTINGS
@given(vietnamese_text)
def test_vietnamese_text_is_never_repaired(s: str) -> None:
    assert repair_legacy(s) == (s, None)


@SETTINGS
@given(st.lists(vietnamese_word(), min_size=3, max_size=12).map(" ".join))
def test_vni_round_trip_of_valid_syllables(s: str) -> None:
    if all(is_syllable(w) for w in s.split()):
        fixed, enc = repair_legacy(encode_vni(s))
        # a few short words can be ambiguous ("a a ña" is also TCVN3 for "a a ủa")
        if enc == "vni":
            assert fixed == s


@SETTINGS
@given(st.lists(vietnamese_word(), min_size=3, max_size=12).map(" ".join))
def test_tcvn3_round_trip_ignoring_case(s: str) -> None:
    if all(is_syllable(w) for w in s.split()):
        fixed, enc = repair_legacy(encode_tcvn3(s))
        if enc == "tcvn3":
            assert fixed.lower() == s.lower()


@SETTINGS
@given(st.text(max_size=60))
def test_parse_date_never_raises_and_never_today_for_garbage(s: str) -> None:
    parsed = parse_date(s)
    if parsed is not None:
        assert parsed.value.utcoffset() is not None
        assert parsed.value.year >= 1995
    find_dates(s)


@SETTINGS
@given(messy_text, messy_text)
def test_token_f1_bounds(a: str, b: str) -> None:
    f = token_f1(a, b)
    assert 0.0 <= f <= 1.0
    assert token_f1(a, b) == token_f1(b, a)
    assert token_f1(a, a) == 1.0
