"""Decoding HTML bodies to correct Vietnamese text.

Valid UTF-8 wins whatever the header says.  Otherwise the header's charset,
the ``<meta charset>`` and windows-1258/1252 are tried strictly, plus UTF-8
whose stray bytes are read as cp1252 (a UTF-8 page with a pasted legacy
snippet); among the candidates that decode cleanly the one reading most like
Vietnamese wins.  The result is NFC (windows-1258 uses combining tone marks)
and never contains U+FFFD when some candidate decodes cleanly.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from kcn_crawler.normalize.viet import TONE_MARKS, is_syllable, split_tone

__all__ = ["decode_html", "encode_cp1258", "normalize_charset"]

_META = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# WHATWG: these labels mean windows-1252 in HTML
_AS_1252 = frozenset(
    ("iso8859-1", "latin-1", "ascii", "iso-8859-1", "latin1", "us-ascii", "l1", "cp819")
)
_NAMES = {"cp1258": "windows-1258", "cp1252": "windows-1252", "utf-8": "utf-8"}
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>|&[#\w]+;", re.IGNORECASE | re.DOTALL)
_NONASCII_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")
_C1 = re.compile("[\x80-\x9f]")
_SAMPLE = 60_000


def _fallback_1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read undecodable bytes one by one as cp1252 (else Latin-1)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in chunk), exc.end


codecs.register_error("kcn_cp1252", _fallback_1252)


def normalize_charset(label: str | None) -> str | None:
    """Python codec name for a charset label (or a whole Content-Type); None if unknown."""
    if not label:
        return None
    m = _CHARSET_PARAM.search(label)
    label = (m.group(1) if m else label).strip().strip("\"'").lower()
    if label in _AS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_1252 else name


def _score(text: str) -> float:
    """How Vietnamese a decoding reads: valid minus invalid non-ASCII words, per word."""
    sample = _TAG.sub(" ", text[:_SAMPLE])
    words = _NONASCII_WORD.findall(unicodedata.normalize("NFC", sample))
    if not words:
        return 0.0
    good = sum(map(is_syllable, words))
    odd = len(_C1.findall(sample))
    return (2 * good - len(words) - odd) / len(words)


def _nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def decode_html(body: bytes, declared: str | None) -> tuple[str, str]:
    """Decode an HTML body; returns ``(NFC text, encoding used)``.

    ``declared`` is the HTTP header's charset (or Content-Type), possibly wrong
    or missing.  Encoding names are ``utf-8``, ``utf-16-le``/``-be``,
    ``windows-1258``, ``windows-1252`` or a Python codec name.
    """
    if body.startswith(codecs.BOM_UTF8):
        return _nfc(body[3:].decode("utf-8", "kcn_cp1252")), "utf-8"
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if body.startswith(bom):
            return _nfc(body[2:].decode(enc, "replace")), enc
    try:
        return _nfc(body.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    meta = _META.search(body[:4096])
    order: list[str] = []
    for label in (declared, meta.group(1).decode("ascii") if meta else None, "cp1258", "cp1252"):
        name = normalize_charset(label)
        if name and name not in order and name != "utf-8" and not name.startswith("utf-16"):
            order.append(name)
    candidates: list[tuple[str, str]] = []
    for enc in order:
        try:
            candidates.append((enc, body.decode(enc)))
        except (UnicodeDecodeError, LookupError):
            continue
    candidates.append(("utf-8", body.decode("utf-8", "kcn_cp1252")))
    if len(candidates) == 1:
        enc, text = candidates[0]
    else:
        best = max(range(len(candidates)), key=lambda i: (_score(candidates[i][1]), -i))
        enc, text = candidates[best]
    return _nfc(text), _NAMES.get(enc, enc)


def encode_cp1258(s: str, errors: str = "strict") -> bytes:
    """Encode Vietnamese text as windows-1258 (tone marks as combining characters when needed)."""
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, tone, _ = split_tone(ch)
            out += (base + TONE_MARKS[max(tone, 0)]).encode("cp1258", errors)
    return bytes(out)
