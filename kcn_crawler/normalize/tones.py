"""Tone-mark placement: old (traditional) or new (reformed) style.

Only open syllables whose vowel cluster is ``oa``, ``oe`` or ``uy`` differ
between the styles: old ``hòa, khỏe, thủy`` — new ``hoà, khoẻ, thuỷ``.  Every
other syllable has one correct place (``hoàng``, ``khuyết``, ``thuyền``,
``hoạch``, ``quả``, ``giữa``, ``quỳnh`` never move).  Only the position of the
mark moves, never the spelling (``quý``/``quí`` stay as written); words that
are not Vietnamese syllables are left untouched.
"""

from __future__ import annotations

import re
import unicodedata

from kcn_crawler.normalize.viet import compose, parse_syllable, split_tone

__all__ = ["STYLES", "apply_tone_style", "restyle_word"]

STYLES = ("keep", "old", "new")
_VARIANT_CLUSTERS = frozenset(("oa", "oe", "uy"))


def _all_tones(letters: str) -> str:
    return "".join(compose(b, t) for b in letters for t in range(6))


# A word ending in o+a, o+e or u+y (either letter may carry the tone): the only
# words whose tone position depends on the style.  The scan starts on a
# character class (fast in C); the word's start is found by looking back at
# most 4 characters (a Vietnamese onset has at most 3 letters).
_PAIR = re.compile(
    rf"(?:[{_all_tones('oO')}][{_all_tones('aAeE')}]|[{_all_tones('uU')}][{_all_tones('yY')}])"
    r"(?![^\W\d_])"
)
_LETTERS_TO_END = re.compile(r"[^\W\d_]*\Z")


def restyle_word(word: str, style: str) -> str:
    """Move the tone mark of one word to its ``style`` ("old" | "new") position."""
    base, tone, idx = split_tone(word)
    if tone <= 0:
        return word
    syl = parse_syllable(base.lower())
    if syl is None or syl.coda or syl.vowels not in _VARIANT_CLUSTERS:
        return word
    start = len(syl.onset)
    if idx not in (start, start + 1):
        return word  # a misplaced mark: not ours to guess
    target = start if style == "old" else start + 1
    if idx == target:
        return word
    return base[:target] + compose(base[target], tone) + base[target + 1 :]


def apply_tone_style(s: str, style: str = "keep") -> str:
    """Place tone marks word by word in ``style``: "keep" (identity), "old" or "new"."""
    if style == "keep" or not s:
        return s
    if style not in STYLES:
        raise ValueError(f"unknown tone style {style!r}; expected one of {STYLES}")
    if not s.isascii() and not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    out: list[str] = []
    pos = 0
    for m in _PAIR.finditer(s):
        start = m.start()
        onset = _LETTERS_TO_END.search(s, max(0, start - 4), start)
        n = len(onset.group()) if onset else 4
        if n == 4:
            continue  # four letters before the pair: not a Vietnamese syllable
        begin = start - n
        word = s[begin : m.end()]
        new = restyle_word(word, style)
        if new != word:
            out.append(s[pos:begin])
            out.append(new)
            pos = m.end()
    if not out:
        return s
    out.append(s[pos:])
    return "".join(out)
