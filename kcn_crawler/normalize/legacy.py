"""Legacy Vietnamese encodings shown as Latin-1/cp1252 mojibake: TCVN3 (ABC) and VNI.

Old documents typed with the .VnTime (TCVN3) or VNI-Times fonts and pasted into
the portal show up as ``Thanh Ho¸`` (TCVN3) or ``Thanh Hoùa`` (VNI).  Detection
is per paragraph and by score, never by a single character: the paragraph must
contain no genuine Vietnamese Unicode letter, the words touched by the
conversion must become valid Vietnamese syllables much more often than they
were, and the result as a whole must read as Vietnamese.  So ordinary
Vietnamese, English, French (é, à, ç, œ…), German, prices, ``©``, ``°C`` and
``½`` pass untouched.

TCVN3 has no code for upper-case toned letters (typists switched to the
upper-case ".VnTimeH" font, which draws the same codes as capitals): a word
whose ASCII letters are all capitals is upper-cased, and a toned letter
starting a sentence is capitalised.  Other capitals cannot be recovered.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kcn_crawler.normalize.viet import is_syllable

__all__ = ["TCVN3_TO_UNICODE", "VNI_TO_UNICODE", "encode_tcvn3", "encode_vni", "repair_legacy"]

_TCVN3_ROWS = {
    # capitals without tone, then the same letters in lower case
    0xA1: "ĂÂÊÔƠƯĐăâêôơưđ",
    # per vowel: huyền, hỏi, ngã, sắc, nặng
    0xB5: "àảãáạ", 0xBB: "ằẳẵắ", 0xC6: "ặầẩẫấậ", 0xCC: "è", 0xCE: "ẻẽéẹềểễếệìỉ",
    0xDC: "ĩíịò", 0xE1: "ỏõóọồổỗốộờởỡớợù", 0xF1: "ủũúụừửữứựỳỷỹýỵ",
}  # fmt: skip
#: TCVN3 (VN3, the ABC fonts): Latin-1 character → Unicode letter
TCVN3_TO_UNICODE: dict[str, str] = {
    chr(start + i): u for start, row in _TCVN3_ROWS.items() for i, u in enumerate(row)
}

_TONES = "ùøûõï"  # VNI tone keys on a plain vowel: sắc, huyền, hỏi, ngã, nặng
_HAT = "âáàåãä"  # circumflex, then circumflex + sắc, huyền, hỏi, ngã, nặng
_BREVE = "êéèúüë"  # breve, then breve + the same five tones
_ACC = "\u0301\u0300\u0309\u0303\u0323"


def _vni_table() -> dict[str, str]:
    import unicodedata

    def nfc(s: str) -> str:
        return unicodedata.normalize("NFC", s)

    table: dict[str, str] = {"ô": "ơ", "ö": "ư", "ñ": "đ", "î": "ỵ"}
    table.update(zip("íìæóò", (nfc("i" + a) for a in _ACC), strict=True))
    for v, base in (("a", "a"), ("e", "e"), ("o", "o"), ("u", "u"), ("y", "y"), ("ô", "ơ"),
                    ("ö", "ư")):  # fmt: skip
        for key, acc in zip(_TONES, _ACC, strict=True):
            if not (v == "y" and key == "ï"):  # ỵ is the single î
                table[v + key] = nfc(base + acc)
    for v in "aeo":
        for key, acc in zip(_HAT, ("", *_ACC), strict=True):
            table[v + key] = nfc(v + "\u0302" + acc)
    for key, acc in zip(_BREVE, ("", *_ACC), strict=True):
        table["a" + key] = nfc("a\u0306" + acc)
    full = dict(table)
    for k, u in table.items():  # capitals: AÙ, Ô, Ñ; also a capital vowel with a small key
        full[k.upper()] = u.upper()
        if len(k) == 2:
            full[k[0].upper() + k[1]] = u.upper()
    return full


#: VNI (VNI-Windows fonts): one or two Latin-1 characters → Unicode letter
VNI_TO_UNICODE: dict[str, str] = _vni_table()

_TCVN3_TRANS = str.maketrans(TCVN3_TO_UNICODE)
_TCVN3_KEYS = "".join(sorted(TCVN3_TO_UNICODE))
_TCVN3_ANY = re.compile(f"[{re.escape(_TCVN3_KEYS)}]")
_TCVN3_TOKEN = re.compile(f"[A-Za-z{re.escape(_TCVN3_KEYS)}]+")
_VNI_SEQ = re.compile("|".join(sorted(map(re.escape, VNI_TO_UNICODE), key=len, reverse=True)))
_VNI_ANY = re.compile("[ùøûõïâáàåãäêéèúüëôöñíìæóòîÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜËÔÖÑÍÌÆÓÒÎ]")
_VNI_TOKEN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]+")
# a genuine Vietnamese (or any non-Latin-1) letter or combining mark: not mojibake
_UNICODE_TEXT = re.compile("[\u0100-\u017f\u01a0-\u01b0\u0300-\u036f\u1e00-\u1eff]")
_WORD = re.compile(r"[^\W\d_]+")


def _ascii_caps(tok: str) -> tuple[int, bool]:
    """(number of ASCII letters, all of them capitals)."""
    letters = [c for c in tok if c.isascii() and c.isalpha()]
    return len(letters), all(c.isupper() for c in letters)


def _tcvn3_case(toks: list[str], i: int, new: str, upper_para: bool) -> str:
    """Case of a TCVN3 word: the capitals-only font used the small-letter codes."""
    n, caps = _ascii_caps(toks[i])
    if not caps:
        return new
    if n >= 2 or upper_para:
        return new.upper()

    def loud(j: int) -> bool:
        if not 0 <= j < len(toks):
            return False
        m, c = _ascii_caps(toks[j])
        return m >= 2 and c

    return new.upper() if loud(i - 1) and loud(i + 1) else new


def _starts(s: str, i: int) -> bool:
    """True when position ``i`` starts a sentence (after ``.!?:`` or at the start)."""
    i -= 1
    while i >= 0 and (s[i].isspace() or s[i] in "\"'“”‘’()[]«»-–—"):
        i -= 1
    return i < 0 or s[i] in ".!?:"


def _convert(
    s: str, token_re: re.Pattern[str], conv: Callable[[str], str], tcvn3: bool
) -> tuple[str, int, int]:
    """Convert every token; return (text, tokens changed, changed tokens that became valid)."""
    matches = list(token_re.finditer(s))
    toks = [m.group(0) for m in matches]
    upper_para = False
    if tcvn3:
        n, caps = _ascii_caps(s)
        upper_para = n >= 4 and (caps or sum(c.isupper() for c in s if c.isascii()) > 0.8 * n)
    changed = valid_gain = 0
    out: list[str] = []
    pos = 0
    for i, m in enumerate(matches):
        tok = toks[i]
        new = conv(tok)
        if tcvn3:  # VNI has codes for every capital; TCVN3 only for ĂÂÊÔƠƯĐ
            if not _TCVN3_ANY.search(tok):
                continue
            new = _tcvn3_case(toks, i, new, upper_para)
            if tok[0] in TCVN3_TO_UNICODE and new[0] not in "ăâêôơưđ" and _starts(s, m.start()):
                new = new[0].upper() + new[1:]
        if new == tok:
            continue
        if conv(tok) != tok:
            changed += 1
            valid_gain += is_syllable(new) - is_syllable(tok)
        out.append(s[pos : m.start()])
        out.append(new)
        pos = m.end()
    out.append(s[pos:])
    return "".join(out), changed, valid_gain


def _tcvn3(tok: str) -> str:
    return tok.translate(_TCVN3_TRANS)


def _vni(tok: str) -> str:
    return _VNI_SEQ.sub(lambda m: VNI_TO_UNICODE[m.group(0)], tok)


def _vietnamese_ratio(s: str) -> float:
    words = _WORD.findall(s)
    if not words:
        return 0.0
    return sum(map(is_syllable, words)) / len(words)


def _accept(fixed: str, changed: int, gain: int) -> float:
    """Score of a candidate repair; 0 when it must be rejected."""
    if changed == 0 or gain < max(1, round(changed * 0.4)):
        return 0.0
    ratio = _vietnamese_ratio(fixed)
    if ratio < 0.6 or (changed == 1 and sum(map(str.isalpha, fixed)) < 3):
        return 0.0
    return ratio + gain / changed


def repair_legacy(s: str) -> tuple[str, str | None]:
    """Detect TCVN3/VNI mojibake in one paragraph and convert it to Unicode.

    Returns ``(fixed, "tcvn3" | "vni" | None)``; with ``None`` the text is returned as is.
    Expects NFC text and must run before soft hyphens (TCVN3 ``ư``) are stripped.
    """
    fixed, kind = _best_repair(s)
    if kind is not None and _best_repair(fixed)[1] is not None:
        # The "repaired" text would be repaired again: too short or too ambiguous to
        # tell mojibake from Vietnamese (e.g. "â é"), so it is left as it is.
        return s, None
    return fixed, kind


def _best_repair(s: str) -> tuple[str, str | None]:
    """The best-scoring legacy reading of ``s``, if any is acceptable."""
    if s.isascii() or _UNICODE_TEXT.search(s):
        return s, None
    best: tuple[float, str, str | None] = (0.0, s, None)
    if _TCVN3_ANY.search(s):
        fixed, changed, gain = _convert(s, _TCVN3_TOKEN, _tcvn3, True)
        score = _accept(fixed, changed, gain)
        if score > best[0]:
            best = (score, fixed, "tcvn3")
    if _VNI_ANY.search(s):
        fixed, changed, gain = _convert(s, _VNI_TOKEN, _vni, False)
        score = _accept(fixed, changed, gain)
        if score > best[0]:
            best = (score, fixed, "vni")
    return best[1], best[2]


_TO_TCVN3 = {u: k for k, u in TCVN3_TO_UNICODE.items()}
_TO_VNI = {
    u: k for k, u in VNI_TO_UNICODE.items() if k == (k.upper() if u.isupper() else k.lower())
}


def encode_tcvn3(s: str) -> str:
    """Unicode → TCVN3 as Latin-1 text (capital toned letters written small, as .VnTimeH)."""
    return "".join(_TO_TCVN3.get(c, _TO_TCVN3.get(c.lower(), c)) for c in s)


def encode_vni(s: str) -> str:
    """Unicode → VNI as Latin-1 text (the inverse of the VNI repair)."""
    return "".join(_TO_VNI.get(c, c) for c in s)
