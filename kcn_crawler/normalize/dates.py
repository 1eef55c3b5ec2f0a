"""Dates of the portal family: day-first, Vietnam time (Asia/Ho_Chi_Minh).

A strict fast path (precompiled regexes + ``datetime``) reads every known
format; ``dateparser`` is only the fallback for anything else.  A date that
cannot be read, an impossible one (31/02), one before 1995 or more than a day
after ``now`` gives ``None`` — never today's date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, Literal
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from kcn_crawler.normalize.labels import (
    DATE_LINE_ONLY_LABELS,
    DATE_NOISE_WORDS,
    PUBLICATION_DATE_LABELS,
    alternation,
)

__all__ = [
    "VN_TZ",
    "ParsedDate",
    "date_from_url",
    "find_dates",
    "iso",
    "parse_date",
    "parse_date_dateparser",
    "parse_date_fast",
]

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MIN_YEAR = 1995
_MIN_DT = datetime(MIN_YEAR, 1, 1, tzinfo=VN_TZ)
#: dateparser fills missing parts from this base: anything taken from it fails the 1995 floor.
RELATIVE_BASE = datetime(1900, 1, 1)


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date: aware ``value`` in Vietnam time, the ``raw`` input, how it was read."""

    value: datetime
    raw: str
    method: Literal["fast", "dateparser"]
    has_time: bool


_MONTH_NAMES = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))

_DATE_CORE = (
    r"(?<![\d/.\-])(?:"
    # ISO / year first: 2018-01-31, 2018/1/31, 2018-01-31T08:30:00+07:00
    r"(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
    r"(?:(?:t|\s+)(?P<ih>\d{1,2}):(?P<imi>\d{2})(?::(?P<is>\d{2})(?:[.,]\d+)?)?"
    r"(?P<itz>z|[+-]\d{2}(?::?\d{2})?)?)?"
    # day first: 31/01/2018, 31-01-2018, 31.01.2018, 31/1/18
    r"|(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    # Ngày 19 tháng 1 năm 2018, 19 tháng 01, 2018, 19 tháng giêng năm 2018
    rf"|(?P<vd>\d{{1,2}})\s+tháng\s+(?P<vm>\d{{1,2}}|{_MONTH_ALT})(?:\s*,\s*|\s+)"
    r"(?:năm\s+)?(?P<vy>\d{4})"
    r")(?!\d|[/.\-]\d)"
)
_DATE_RE = re.compile(_DATE_CORE, re.IGNORECASE)
_TIME_CORE = (
    r"(?<![\d:.,/])(?P<h>\d{1,2})\s*(?::|h|giờ)\s*(?P<mi>\d{2})"
    r"(?:\s*(?::|phút)\s*(?P<s>\d{2})(?:\s*giây)?)?(?:\s*phút)?"
    r"(?:\s*(?P<ap>sa|ch|am|pm|a\.m\.|p\.m\.|sáng|trưa|chiều|tối)(?![^\W\d_]))?"
    r"(?!\d)"
)
_TIME_RE = re.compile(_TIME_CORE, re.IGNORECASE)
_TZ_RE = re.compile(
    r"(?:gmt|utc)\s*(?:(?P<sign>[+-])\s*(?P<tzh>\d{1,2})(?::?(?P<tzm>\d{2}))?)?", re.IGNORECASE
)
_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|bốn|năm|sáu|bảy|[2-7])|chủ\s*nhật)"
_FIND_RE = re.compile(
    # a time before the date, a weekday between them: "08:27, Thứ Tư, 14/10/2026"
    rf"(?:{_TIME_CORE.replace('?P<', '?P<b')}\s*(?:[-,|]\s*)?(?:{_WEEKDAY}\s*[-,|]?\s*)?"
    r"(?:ngày)?\s*)?"
    rf"{_DATE_CORE}"
    rf"(?:\s*(?:[-,|]|lúc)?\s*{_TIME_CORE})?"
    r"(?:\s*\(?\s*(?:gmt|utc)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?",
    re.IGNORECASE,
)
_URL_DATE = re.compile(r"/(\d{4})-(\d{1,2})-(\d{1,2})/")
_SPACES = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+")
_PM = frozenset(("ch", "pm", "p.m.", "chiều", "tối"))
_AM = frozenset(("sa", "am", "a.m.", "sáng"))


def _prep(raw: str) -> str:
    if not raw.isascii():
        raw = unicodedata.normalize("NFC", raw)
    return _SPACES.sub(" ", raw).strip()


def _hour24(h: int, ap: str | None) -> int:
    if not ap:
        return h
    ap = ap.lower()
    if h == 0 or h > 12:  # 24-hour clock with a redundant marker
        return 99 if ap in _AM and h > 12 else h
    if ap in _PM:
        return h if h == 12 else h + 12
    if ap in _AM:
        return 0 if h == 12 else h
    return h  # trưa (noon): 11 trưa, 12 trưa, 1 trưa


def _two_digit_year(y: str) -> int:
    n = int(y)
    if len(y) == 4:
        return n
    return 1900 + n if n >= 95 else 2000 + n


def _date_parts(m: re.Match[str]) -> tuple[int, int, int]:
    if m.group("iy"):
        return int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    if m.group("y"):
        return _two_digit_year(m.group("y")), int(m.group("m")), int(m.group("d"))
    vm = m.group("vm").lower()
    month = int(vm) if vm.isdigit() else _MONTH_NAMES[vm]
    return int(m.group("vy")), month, int(m.group("vd"))


def _offset(text: str) -> timezone | None:
    t = _TZ_RE.search(text)
    if not t:
        return None
    if not t.group("sign"):
        return UTC
    delta = timedelta(hours=int(t.group("tzh")), minutes=int(t.group("tzm") or 0))
    return timezone(delta if t.group("sign") == "+" else -delta)


def _iso_offset(tz: str) -> timezone:
    if tz.lower() == "z":
        return UTC
    digits = tz[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    return timezone(delta if tz[0] == "+" else -delta)


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(VN_TZ)
    return now if now.tzinfo else now.replace(tzinfo=VN_TZ)


def _plausible(dt: datetime, now: datetime | None) -> bool:
    return _MIN_DT <= dt <= _now(now) + timedelta(days=1)


def _fast(raw: str, now: datetime | None) -> tuple[bool, ParsedDate | None]:
    """Fast path: ``(a date shape was found, the date or None if impossible/implausible)``."""
    s = _prep(raw)
    m = _DATE_RE.search(s)
    if m is None:
        return False, None
    try:
        year, month, day = _date_parts(m)
        tz: timezone | ZoneInfo = VN_TZ
        hour = minute = second = 0
        has_time = False
        if m.group("ih"):
            has_time = True
            hour, minute = int(m.group("ih")), int(m.group("imi"))
            second = int(m.group("is") or 0)
            if m.group("itz"):
                tz = _iso_offset(m.group("itz"))
        else:
            t = _TIME_RE.search(s, m.end())
            if t is None:
                before = list(_TIME_RE.finditer(s, 0, m.start()))
                t = before[-1] if before else None
            if t is not None:
                has_time = True
                hour = _hour24(int(t.group("h")), t.group("ap"))
                minute, second = int(t.group("mi")), int(t.group("s") or 0)
            tz = _offset(s) or VN_TZ
        value = datetime(year, month, day, hour, minute, second, tzinfo=tz).astimezone(VN_TZ)
    except ValueError:
        return True, None
    if not _plausible(value, now):
        return True, None
    return True, ParsedDate(value=value, raw=raw, method="fast", has_time=has_time)


def parse_date_fast(raw: str, *, now: datetime | None = None) -> ParsedDate | None:
    """Only the strict fast path (no dateparser); None when it does not apply."""
    return _fast(raw, now)[1]


_DP_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "RELATIVE_BASE": RELATIVE_BASE,
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "Asia/Ho_Chi_Minh",
    "TO_TIMEZONE": "Asia/Ho_Chi_Minh",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
}
_dp_parser: Any = None
# dateparser traps: weekday names containing "năm" (year), zero-padded "tháng 09"
# (dateparser issue 1297), prefixes, GMT suffixes.
_DP_WEEKDAY = re.compile(r"\b(?:thứ\s*(?:hai|ba|tư|bốn|năm|sáu|bảy|[2-7])|chủ\s*nhật)\b,?", re.I)
_DP_MONTH0 = re.compile(r"\b(tháng|thg)\s*0(\d)\b", re.IGNORECASE)
_DP_NOISE = re.compile(
    rf"(?:{alternation(PUBLICATION_DATE_LABELS + DATE_LINE_ONLY_LABELS + DATE_NOISE_WORDS)}"
    r"|\(?\s*(?:gmt|utc)\s*\+\s*0?7(?::?00)?\s*\)?)\s*:?",
    re.IGNORECASE,
)


def _dateparser() -> Any:
    global _dp_parser
    if _dp_parser is None:
        from dateparser.date import DateDataParser

        _dp_parser = DateDataParser(languages=["vi"], settings=_DP_SETTINGS)
    return _dp_parser


def parse_date_dateparser(raw: str, *, now: datetime | None = None) -> ParsedDate | None:
    """Only the dateparser path (with the trap work-arounds); None when it fails."""
    s = _prep(raw)
    if not s or len(s) > 200:
        return None
    text = _DP_MONTH0.sub(r"\1 \2", _DP_WEEKDAY.sub(" ", s))
    text = _DP_NOISE.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" -,|")
    if not text or not any(c.isdigit() for c in text):
        return None
    try:
        data = _dateparser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    dt = data.date_obj if data else None
    if dt is None:
        return None
    value = dt.astimezone(VN_TZ) if dt.tzinfo else dt.replace(tzinfo=VN_TZ)
    if not _plausible(value, now):
        return None
    return ParsedDate(
        value=value, raw=raw, method="dateparser", has_time=_TIME_RE.search(s) is not None
    )


def parse_date(raw: str, *, now: datetime | None = None) -> ParsedDate | None:
    """Parse a day-first date (optionally with time) into Vietnam time.

    None when unparseable, impossible, before 1995 or more than a day after
    ``now`` (default: the current time).  The fast path handles every known
    format; dateparser is tried only when no known date shape is present, so a
    numeric date that is impossible day-first (``01/31/2018``) is never flipped.
    If several dates occur, the first wins, with the time next to it.
    """
    if not raw:
        return None
    found, parsed = _fast(raw, now)
    if found:
        return parsed
    return parse_date_dateparser(raw, now=now)


def find_dates(text: str) -> list[str]:
    """Date-looking substrings of ``text`` in order, with an adjacent time part if any."""
    if not text:
        return []
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    out = []
    for m in _FIND_RE.finditer(text):
        try:
            year, month, day = _date_parts(m)
            date(year, month, day)
        except ValueError:
            continue
        out.append(m.group(0).strip())
    return out


def date_from_url(url: str) -> date | None:
    """The day in an article path (``/2018-1-31/``); None for a year alone or a bad day."""
    m = _URL_DATE.search(unquote(urlsplit(url).path))
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return d if d.year >= MIN_YEAR else None


def iso(dt: datetime | date) -> str:
    """ISO 8601 in Vietnam time with seconds: ``2018-01-31T08:30:00+07:00``.

    A ``date`` (or naive datetime) is taken as Vietnam time; a day gives ``T00:00:00+07:00``.
    """
    if not isinstance(dt, datetime):
        dt = datetime(dt.year, dt.month, dt.day, tzinfo=VN_TZ)
    elif dt.tzinfo is None:
        dt = dt.replace(tzinfo=VN_TZ)
    return dt.astimezone(VN_TZ).isoformat(timespec="seconds")
