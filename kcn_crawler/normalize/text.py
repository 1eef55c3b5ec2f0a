"""Cleaning of Vietnamese text: one paragraph, a list of paragraphs, a block.

All functions are pure and cheap: invisible characters go through one
``str.translate`` table, whitespace through one precompiled regex.  Legacy
(TCVN3/VNI) mojibake is repaired *before* soft hyphens are stripped, because
TCVN3 stores ``ư`` on 0xAD, the soft hyphen.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from kcn_crawler.normalize.legacy import repair_legacy
from kcn_crawler.normalize.tones import apply_tone_style

__all__ = ["clean_block", "clean_inline", "clean_paragraphs", "token_f1"]

# Characters removed outright: zero-width and joiners, BOM, soft hyphen,
# bidi marks and embeddings, C1 controls and DEL.
_DROP = [
    *(0x00AD, 0x034F, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060),
    *range(0x2061, 0x2065),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x2070),
    *(0xFEFF, 0xFFFE, 0x7F),
    *range(0x80, 0x85),
    *range(0x86, 0xA0),
]
# Characters made a plain space: C0 controls (tab, newlines included), NBSP and
# the typographic spaces, line/paragraph separators.
_SPACE = [
    *range(0x00, 0x20),
    *(0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000),
    *range(0x2000, 0x200B),
]


def _char_class(codes: list[int]) -> str:
    return "[" + "".join(re.escape(chr(c)) for c in sorted(set(codes))) + "]"


# Regexes, not str.translate: CPython's translate with a dict is slow on
# non-ASCII text, a character-class scan in C is not.
_DROP_RE = re.compile(_char_class(_DROP))
_SPACE_RE = re.compile(_char_class([c for c in _SPACE if c != 0x20]))
_WS = re.compile(" {2,}")
_NBSP_ENTITY = re.compile(r"&(?:nbsp;?|#160;|#x0*a0;)", re.IGNORECASE)
_PARA_SPLIT = re.compile(r"\n[ \t\u00a0\u3000\r\f\v]*(?:\n[ \t\u00a0\u3000\r\f\v]*)+")
_WORD = re.compile(r"\w+")

# Ð (U+00D0, Icelandic eth) typed for Đ (U+0110): at the start of a word, or
# inside a short all-caps abbreviation such as HÐND, QÐ-UBND.
_ETH_INITIAL = re.compile(r"(?<![^\W\d_])([Ðð])(?=[^\W\d_])")
_ETH_ABBR = re.compile(r"(?<![^\W\d_])([A-ZĐ]{0,4})Ð(?=[A-ZĐ]{0,5}(?![^\W\d_]))")
_VIET_HINT = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]"
)


def _fix_eth(s: str) -> str:
    """Replace the look-alike Ð/ð by Đ/đ where a Vietnamese word is meant (to a fixed
    point: a fixed letter can make its neighbour's context Vietnamese, as in "ÐÐ")."""
    while True:
        fixed = _fix_eth_once(s)
        if fixed == s:
            return s
        s = fixed


def _fix_eth_once(s: str) -> str:
    s = _ETH_ABBR.sub(lambda m: m.group(1) + "Đ", s)
    if "ð" in s and not _VIET_HINT.search(s):
        # lower-case eth outside a Vietnamese context: only the capital is fixed
        return _ETH_INITIAL.sub(lambda m: "Đ" if m.group(1) == "Ð" else "ð", s)
    return _ETH_INITIAL.sub(lambda m: "Đ" if m.group(1) == "Ð" else "đ", s)


def clean_inline(s: str, *, repair: bool = True, tone_style: str = "keep") -> str:
    """Clean one line or paragraph.

    NFC; legacy TCVN3/VNI mojibake repaired (``repair``); ``&nbsp;`` entities,
    NBSP, zero-width characters, soft hyphens, BOMs and control characters
    removed or made spaces; ``Ð`` look-alike fixed; whitespace collapsed and
    stripped.  ``tone_style`` ("keep" | "old" | "new") moves tone marks.
    """
    if not s:
        return ""
    if "&" in s:
        s = _NBSP_ENTITY.sub(" ", s)
    if s.isascii():
        return _restyle(_spaces(s), tone_style)
    s = unicodedata.normalize("NFC", s)
    repaired = False
    if repair:  # before the soft hyphen (TCVN3 "ư") is stripped
        s, enc = repair_legacy(s)
        repaired = enc is not None
    s = _spaces(s)
    if not s.isascii():
        if not unicodedata.is_normalized("NFC", s):
            s = unicodedata.normalize("NFC", s)
        if repair and not repaired:  # invisible characters may have split a word
            s = repair_legacy(s)[0]
        if "Ð" in s or "ð" in s:
            s = _fix_eth(s)
    return _restyle(s, tone_style)


def _spaces(s: str) -> str:
    """Invisible characters out, odd spaces made plain, runs collapsed, stripped."""
    s = _SPACE_RE.sub(" ", _DROP_RE.sub("", s))
    if "  " in s:
        s = _WS.sub(" ", s)
    return s.strip()


def _restyle(s: str, tone_style: str) -> str:
    if tone_style != "keep" and s:
        return apply_tone_style(s, tone_style)
    return s


def clean_paragraphs(
    ps: Iterable[str], *, repair: bool = True, tone_style: str = "keep"
) -> list[str]:
    """Clean each paragraph with :func:`clean_inline`; drop empty and ``&nbsp;``-only ones.

    A tab separates the cells of a table row (one paragraph per row): each cell is
    cleaned on its own and the tabs between non-empty cells are kept."""
    out = []
    for p in ps:
        if "\t" in p:
            cells = (clean_inline(c, repair=repair, tone_style=tone_style) for c in p.split("\t"))
            c = "\t".join(cell for cell in cells if cell)
        else:
            c = clean_inline(p, repair=repair, tone_style=tone_style)
        if c:
            out.append(c)
    return out


def clean_block(s: str, *, repair: bool = True, tone_style: str = "keep") -> str:
    """Clean multi-paragraph text: split on blank lines, clean, rejoin with ``"\\n\\n"``
    (the tabs between a table row's cells kept, see :func:`clean_paragraphs`)."""
    if not s:
        return ""
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n")
    return "\n\n".join(clean_paragraphs(_PARA_SPLIT.split(s), repair=repair, tone_style=tone_style))


def _tokens(s: str) -> Counter[str]:
    if not s.isascii():
        s = unicodedata.normalize("NFC", s)
    return Counter(_WORD.findall(s.lower()))


def token_f1(a: str, b: str) -> float:
    """Token F1 of two texts over ``re.findall(r"\\w+", s.lower())`` multisets (NFC first).

    Two empty texts score 1.0; one empty text scores 0.0.
    """
    ta, tb = _tokens(a), _tokens(b)
    na, nb = sum(ta.values()), sum(tb.values())
    if na == 0 and nb == 0:
        return 1.0
    if na == 0 or nb == 0:
        return 0.0
    overlap = sum((ta & tb).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / na, overlap / nb
    return 2 * precision * recall / (precision + recall)
