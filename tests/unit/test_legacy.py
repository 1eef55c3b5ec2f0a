"""TCVN3 (ABC) and VNI mojibake: tables, round trips, no false positives."""

from __future__ import annotations

import pytest

from kcn_crawler.normalize.legacy import (
    TCVN3_TO_UNICODE,
    VNI_TO_UNICODE,
    encode_tcvn3,
    encode_vni,
    repair_legacy,
)
from tests.unit._corpus import (
    MISC_LINES,
    SEED_PARAGRAPHS,
    VI_SENTENCES,
    headline,
    seed_lines,
    varied_paragraphs,
    vietnamese_paragraphs,
)

# Hand-checked points of the TCVN3 (VN3) table: byte → letter.
TCVN3_POINTS = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip


def test_tcvn3_table_is_complete_and_correct() -> None:
    assert {ord(k): v for k, v in TCVN3_TO_UNICODE.items()} == TCVN3_POINTS
    small = set("ăâêôơưđ") | {v for v in TCVN3_POINTS.values() if v.islower()}
    # 7 letters + 12 vowels × 5 tones = 67 small letters, 7 capitals
    assert len(small) == 67
    assert len(TCVN3_TO_UNICODE) == 74


@pytest.mark.parametrize(
    ("key", "letter"),
    [
        ("aù", "á"), ("aø", "à"), ("aû", "ả"), ("aõ", "ã"), ("aï", "ạ"),
        ("aâ", "â"), ("aá", "ấ"), ("aà", "ầ"), ("aå", "ẩ"), ("aã", "ẫ"), ("aä", "ậ"),
        ("aê", "ă"), ("aé", "ắ"), ("aè", "ằ"), ("aú", "ẳ"), ("aü", "ẵ"), ("aë", "ặ"),
        ("eâ", "ê"), ("eá", "ế"), ("oä", "ộ"), ("ô", "ơ"), ("ôù", "ớ"), ("ö", "ư"),
        ("öï", "ự"), ("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"),
        ("yù", "ý"), ("yõ", "ỹ"), ("î", "ỵ"), ("ñ", "đ"), ("Ñ", "Đ"), ("AÙ", "Á"),
        ("OÂ", "Ô"), ("Ô", "Ơ"), ("Ö", "Ư"), ("ÖØ", "Ừ"), ("AÊ", "Ă"), ("Î", "Ỵ"),
    ],
)  # fmt: skip
def test_vni_table_points(key: str, letter: str) -> None:
    assert VNI_TO_UNICODE[key] == letter


@pytest.mark.parametrize(
    ("mojibake", "expected", "encoding"),
    [
        ("Thanh Ho¸", "Thanh Hoá", "tcvn3"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc", "tcvn3"),
        ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "tcvn3"),
        ("Ng\xadêi d©n", "Người dân", "tcvn3"),
        ("¸o dµi", "Áo dài", "tcvn3"),  # a sentence starts with a capital
        ("Thanh Hoùa", "Thanh Hóa", "vni"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", "vni"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc", "vni"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "vni"),
    ],
)
def test_known_mojibake(mojibake: str, expected: str, encoding: str) -> None:
    assert repair_legacy(mojibake) == (expected, encoding)


def _as_web_text(legacy: str) -> str:
    """Legacy text as bytes, read by a browser as cp1252 (what the portal shows)."""
    return legacy.encode("cp1252").decode("cp1252")


ROUND_TRIP = (
    vietnamese_paragraphs(300)
    + SEED_PARAGRAPHS
    + [headline(s) for s in VI_SENTENCES]
    + [p for p in seed_lines() if p.strip()]
)


@pytest.mark.parametrize(
    ("encode", "name"), [(encode_tcvn3, "tcvn3"), (encode_vni, "vni")], ids=["tcvn3", "vni"]
)
def test_round_trip(encode, name) -> None:  # type: ignore[no-untyped-def]
    for p in ROUND_TRIP:
        mojibake = _as_web_text(encode(p))
        if mojibake == p:
            continue  # nothing to encode (ASCII-only line)
        assert repair_legacy(mojibake) == (p, name), p


def test_tcvn3_bytes_decoded_as_latin1_too() -> None:
    p = "Hội nghị tổng kết hoạt động khoa học và công nghệ năm 2017."
    raw = encode_tcvn3(p).encode("latin-1")
    assert repair_legacy(raw.decode("latin-1")) == (p, "tcvn3")


NO_FALSE_POSITIVES = varied_paragraphs(400) + MISC_LINES + seed_lines()


def test_no_false_positives_on_varied_paragraphs() -> None:
    assert len(NO_FALSE_POSITIVES) >= 300
    for p in NO_FALSE_POSITIVES:
        assert repair_legacy(p) == (p, None), p


@pytest.mark.parametrize(
    "text",
    [
        "Thanh Hóa",  # ó is TCVN3 "ú": "Thanh Húa" is also Vietnamese — no gain, no repair
        "Ông Tô Lâm",
        "Cà Mau",
        "Tây Ninh",
        "Lý Sơn",
        "café crème brûlée",
        "Noël à Hanoï, où il fait froid",
        "Je ne sais pas où",
        "Grüße aus München",
        "© 2024 Sở KH&CN",
        "© 2024",
        "25°C",
        "½ kg",
        "Microsoft® Word©",
        "«Bonjour», dit-il.",
        "5 µg/l",
        "España, año 2018, señor Muñoz",
        "",
        "plain ASCII",
    ],
)
def test_no_false_positive(text: str) -> None:
    assert repair_legacy(text) == (text, None)


@pytest.mark.parametrize("text", ["O0©0Ð", "©Ð", "â é"])
def test_a_repair_is_never_repaired_again(text: str) -> None:
    """Too little text to tell mojibake from Vietnamese: whatever the first call returns,
    a second call leaves it alone (found by hypothesis: "O0©0Ð" → "O0â0é" → "O0õ0ộ")."""
    once, _kind = repair_legacy(text)
    assert repair_legacy(once) == (once, None)
