"""Vietnamese orthography: letters, tone marks, syllable structure.

Shared by legacy-encoding detection (is the repaired text Vietnamese?), tone
placement and the name heuristics.  Tables are built once at import from
``unicodedata`` so no letter is typed by hand twice.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "TONE_MARKS",
    "VIET_LETTERS",
    "Syllable",
    "compose",
    "fold",
    "is_syllable",
    "parse_syllable",
    "split_tone",
]

#: combining tone marks, index 1..5: huyền, sắc, hỏi, ngã, nặng (0 = ngang)
TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_BASES = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"

_TONED: dict[str, tuple[str, int]] = {}  # toned letter -> (base letter, tone)
_COMPOSE: dict[tuple[str, int], str] = {}
for _b in _BASES:
    for _t, _mark in enumerate(TONE_MARKS):
        _c = unicodedata.normalize("NFC", _b + _mark)
        _COMPOSE[(_b, _t)] = _c
        if _t:
            _TONED[_c] = (_b, _t)

#: every letter of the Vietnamese alphabet, both cases, with and without tones
VIET_LETTERS = frozenset("bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX" + _BASES) | frozenset(_TONED)
_STRIP_TONE = str.maketrans({c: b for c, (b, _) in _TONED.items()})
_FOLD = str.maketrans(
    {
        **{c: unicodedata.normalize("NFD", c)[0] for c in VIET_LETTERS if not c.isascii()},
        "đ": "d",
        "Đ": "D",
    }
)
_TONED_RE = re.compile("[" + "".join(sorted(_TONED)) + "]")


def split_tone(word: str) -> tuple[str, int, int]:
    """``(word without tone, tone 0..5, index of the toned letter or -1)``.

    A word with two tone marks gives tone ``-1`` (not a Vietnamese syllable).
    """
    m = _TONED_RE.search(word)
    if m is None:
        return word, 0, -1
    if _TONED_RE.search(word, m.end()):
        return word.translate(_STRIP_TONE), -1, m.start()
    return word.translate(_STRIP_TONE), _TONED[m.group()][1], m.start()


def compose(base: str, tone: int) -> str:
    """The letter ``base`` (a vowel, tone-less) carrying ``tone`` (0..5)."""
    return _COMPOSE.get((base, tone), base)


def fold(s: str) -> str:
    """Accent-fold: remove every Vietnamese diacritic, ``đ`` → ``d`` (case kept)."""
    return s.translate(_FOLD)


class Syllable(NamedTuple):
    """A parsed, tone-less, lower-case syllable: onset + vowel cluster + final consonant."""

    onset: str
    vowels: str
    coda: str


_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]?)"
    r"([aăâeêioôơuưy]+?)"
    r"(ch|ng|nh|[cmnpt]?)"
)
_C = ("c", "ch", "m", "n", "ng", "nh", "p", "t")
# vowel cluster -> final consonants it takes ("" = open syllable allowed)
_RHYMES: dict[str, tuple[str, ...]] = {
    "a": ("", *_C), "ă": ("c", "m", "n", "ng", "p", "t"), "â": ("c", "m", "n", "ng", "p", "t"),
    "e": ("", "c", "ch", "m", "n", "ng", "p", "t"), "ê": ("", *_C),
    "i": ("", "c", "ch", "m", "n", "nh", "p", "t"), "o": ("", "c", "m", "n", "ng", "p", "t"),
    "ô": ("", "c", "m", "n", "ng", "p", "t"), "ơ": ("", "m", "n", "p", "t"),
    "u": ("", "c", "m", "n", "ng", "p", "t"), "ư": ("", "c", "m", "n", "ng", "t"),
    "y": ("", "ch", "n", "nh", "p", "t"),
    "iê": ("c", "m", "n", "ng", "p", "t"), "yê": ("m", "n", "ng", "t"),
    "uô": ("c", "m", "n", "ng", "t"), "ươ": ("c", "m", "n", "ng", "p", "t"),
    "oo": ("c", "ng"), "oa": ("", *_C), "oă": ("c", "m", "n", "ng", "t"),
    "oe": ("", "m", "n", "t"), "uâ": ("n", "ng", "t"), "uê": ("", "ch", "nh"),
    "uy": ("", "ch", "n", "nh", "p", "t"), "uyê": ("n", "t"), "uơ": ("",),
    "ai": ("",), "ao": ("",), "au": ("",), "ay": ("",), "âu": ("",), "ây": ("",),
    "eo": ("",), "êu": ("",), "ia": ("",), "iu": ("",), "iêu": ("",), "yêu": ("",),
    "oi": ("",), "ôi": ("",), "ơi": ("",), "ua": ("",), "ui": ("",), "uôi": ("",),
    "ưa": ("",), "ưi": ("",), "ưu": ("",), "ươi": ("",), "ươu": ("",),
    "oai": ("",), "oay": ("",), "oao": ("",), "oeo": ("",), "uya": ("",), "uyu": ("",),
    "uây": ("",),
}  # fmt: skip
_FRONT = frozenset("eêi")
_LABIAL = frozenset(("b", "m", "p", "ph", "v"))


@lru_cache(maxsize=8192)
def parse_syllable(word: str) -> Syllable | None:
    """Parse a lower-case, tone-less word as a Vietnamese syllable, or None.

    ``qu`` and ``gi`` are onsets (their u/i is a consonant part): ``quả`` is
    qu+a, ``giữa`` is gi+ưa; ``gì``/``gìn`` (no vowel after gi) are g+i.
    """
    m = _SYLLABLE.fullmatch(word)
    if m is None:
        return None
    onset, vowels, coda = m.groups()
    if vowels not in _RHYMES or coda not in _RHYMES[vowels]:
        return None
    first = vowels[0]
    if onset in ("k", "gh", "ngh") and first not in _FRONT and first != "y":
        return None
    if onset == "c" and first in _FRONT | {"y"}:
        return None
    if onset == "qu" and first in "uo":
        return None
    if first == "o" and onset in _LABIAL and len(vowels) > 1 and vowels[1] in "aăe":
        return None  # labials take no medial o: "boa", "moe" are loans, not syllables
    return Syllable(onset, vowels, coda)


def is_syllable(word: str) -> bool:
    """True when ``word`` (any case, one tone mark at most, NFC) is a Vietnamese syllable."""
    base, tone, _ = split_tone(word.lower())
    if tone < 0:
        return False
    syl = parse_syllable(base)
    if syl is None:
        return False
    # stop finals (c ch p t) take only sắc or nặng
    return not (syl.coda in ("c", "ch", "p", "t") and tone not in (0, 2, 5))
