"""What the served HTML carries and the ground truth does not: invisible characters, NBSP,
`&nbsp;` runs, NFD, `Ð` for `Đ`, TCVN3 mojibake, windows-1258 bytes, tone-placement style."""

from __future__ import annotations

import html
import random
import re
import unicodedata

# TCVN3 (ABC) code points of Vietnamese letters; the font drew them on Latin-1 positions.
_TCVN3_LOWER = {
    "à": 0xB5,
    "ả": 0xB6,
    "ã": 0xB7,
    "á": 0xB8,
    "ạ": 0xB9,
    "ă": 0xA8,
    "ằ": 0xBB,
    "ẳ": 0xBC,
    "ẵ": 0xBD,
    "ắ": 0xBE,
    "ặ": 0xC6,
    "â": 0xA9,
    "ầ": 0xC7,
    "ẩ": 0xC8,
    "ẫ": 0xC9,
    "ấ": 0xCA,
    "ậ": 0xCB,
    "đ": 0xAE,
    "è": 0xCC,
    "ẻ": 0xCE,
    "ẽ": 0xCF,
    "é": 0xD0,
    "ẹ": 0xD1,
    "ê": 0xAA,
    "ề": 0xD2,
    "ể": 0xD3,
    "ễ": 0xD4,
    "ế": 0xD5,
    "ệ": 0xD6,
    "ì": 0xD7,
    "ỉ": 0xD8,
    "ĩ": 0xDC,
    "í": 0xDD,
    "ị": 0xDE,
    "ò": 0xDF,
    "ỏ": 0xE1,
    "õ": 0xE2,
    "ó": 0xE3,
    "ọ": 0xE4,
    "ô": 0xAB,
    "ồ": 0xE5,
    "ổ": 0xE6,
    "ỗ": 0xE7,
    "ố": 0xE8,
    "ộ": 0xE9,
    "ơ": 0xAC,
    "ờ": 0xEA,
    "ở": 0xEB,
    "ỡ": 0xEC,
    "ớ": 0xED,
    "ợ": 0xEE,
    "ù": 0xEF,
    "ủ": 0xF1,
    "ũ": 0xF2,
    "ú": 0xF3,
    "ụ": 0xF4,
    "ư": 0xAD,
    "ừ": 0xF5,
    "ử": 0xF6,
    "ữ": 0xF7,
    "ứ": 0xF8,
    "ự": 0xF9,
    "ỳ": 0xFA,
    "ỷ": 0xFB,
    "ỹ": 0xFC,
    "ý": 0xFD,
    "ỵ": 0xFE,
    "Ă": 0xA1,
    "Â": 0xA2,
    "Ê": 0xA3,
    "Ô": 0xA4,
    "Ơ": 0xA5,
    "Ư": 0xA6,
    "Đ": 0xA7,
}
TCVN3 = {k: chr(v) for k, v in _TCVN3_LOWER.items()}

INVISIBLE = ["\u200b", "\u200c", "\u00ad", "\ufeff", "\u200d"]
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def tcvn3_mojibake(text: str) -> str:
    """*text* as a TCVN3 document pasted into a Unicode page (e.g. 'Thanh Ho¸')."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c in TCVN3:
            out.append(TCVN3[c])
        elif ord(c) < 0x80:
            out.append(c)
        else:
            raise ValueError(f"{c!r} has no TCVN3 code")
    return "".join(out)


def tones_new_style(text: str) -> str:
    """Move the tone of open 'oa', 'oe', 'uy' to the second vowel ('hóa' → 'hoá')."""
    d = unicodedata.normalize("NFD", text)
    d = re.sub(rf"([oOuU])([{_TONES}])([aAeEyY])(?![\w])", r"\1\3\2", d)
    return unicodedata.normalize("NFC", d)


def d_stroke(text: str) -> str:
    """`Ð` (U+00D0, Icelandic eth) typed for `Đ`."""
    return text.replace("Đ", "\u00d0")


def nfd(text: str) -> str:
    """Decomposed form, as some editors send it."""
    return unicodedata.normalize("NFD", text)


def noisy_html(text: str, rng: random.Random, level: int) -> str:
    """HTML-escape *text* and sprinkle it with invisible noise (level 0 = none, 1 light, 2 heavy).

    Every change disappears under the normalizer's clean_inline: NBSP becomes a space,
    `&nbsp;` runs collapse, zero-width characters and soft hyphens inside words vanish.
    """
    if level <= 0:
        return html.escape(text, quote=False)
    words = html.escape(text, quote=False).split(" ")
    n = len(words)
    picks = {rng.randrange(n) for _ in range(max(1, n // (12 if level == 1 else 4)))}
    out: list[str] = []
    for i, w in enumerate(words):
        if i in picks and len(w) > 3 and w.isalpha():  # never inside an entity
            k = rng.randrange(1, len(w))
            w = w[:k] + rng.choice(INVISIBLE) + w[k:]
        out.append(w)
        if i < n - 1:
            r = rng.random()
            if i in picks and r < 0.3:
                out.append("\u00a0")
            elif i in picks and r < 0.5:
                out.append("&nbsp; &nbsp;")
            elif i in picks and r < 0.6:
                out.append(" &nbsp;")
            else:
                out.append(" ")
    lead = rng.choice(["&nbsp;&nbsp;&nbsp; ", "\u00a0\u00a0 \u00a0 ", "", ""]) if level > 1 else ""
    return lead + "".join(out)


def encode_cp1258(text: str) -> bytes:
    """Encode as windows-1258: letters without a cp1258 code go as base + combining tone."""
    out = bytearray()
    for c in text:
        try:
            out += c.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", c)
        tones = "".join(x for x in d if x in _TONES)
        base = unicodedata.normalize("NFC", "".join(x for x in d if x not in _TONES))
        try:
            out += base.encode("cp1258") + tones.encode("cp1258")
        except UnicodeEncodeError:
            out += c.encode("ascii", "xmlcharrefreplace")
    return bytes(out)
