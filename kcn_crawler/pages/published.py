"""The publication date chosen among its candidates, and what an item misses (pure, no Scrapy).

Every date that may be an article's publication date is a :class:`DateCandidate`: where it
came from and its value, parsed once where it was found (a listing's date in the listing
page object, the page's in the article page object).  The article page object yields them
(:meth:`kcn_crawler.pages.article.ArticlePage.date_candidates`) in the order CONTRACT.md
sets: the article page's own date, else the date the listing showed for it, else the date
in the URL path — never a date inside the body.  :func:`choose_published` picks one:

1. a candidate whose string could not be read as a date is skipped, and reported
   (``unparsed``);
2. a page date the page does not mark as its own (no publication label, no date element
   of its own) that lies more than ``URL_AGREEMENT_DAYS`` from the URL's day is set aside
   (``overruled``); a listing date must then agree with the URL's day too;
3. the first candidate left wins; the URL's day (midnight, Vietnam time) always agrees;
4. a chosen date more than ``URL_MISMATCH_DAYS`` from the URL's day is flagged
   (``url_mismatch``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from kcn_crawler.normalize.dates import VN_TZ, ParsedDate, iso

URL_MISMATCH_DAYS = 3
#: How far an unmarked page date may lie from the URL's day and still be taken.
URL_AGREEMENT_DAYS = 1
VIETNAM = VN_TZ

DateSource = Literal["page", "listing", "url"]


@dataclass(frozen=True)
class DateCandidate:
    """One possible publication date: where it came from and its parsed value.

    ``source`` is "page", "listing" or "url"; ``where`` the place on the page (the
    layout's date element, the title's vicinity, a head or foot line, a label, a meta
    tag, a closing line) or "listing"/"url"; ``raw`` the string as shown (None for the
    URL's day); ``parsed`` its value (None: the string is no readable date); ``marked``
    whether the page marks the date as its own (always true off the page).
    """

    source: DateSource
    where: str
    raw: str | None
    parsed: ParsedDate | None
    marked: bool = True
    day: date | None = None  # the URL's day ("url" candidates only)

    @classmethod
    def url_day(cls, day: date) -> DateCandidate:
        """The day in the article's URL path, at midnight Vietnam time."""
        midnight = datetime(day.year, day.month, day.day, tzinfo=VIETNAM)
        return cls("url", "url", None, ParsedDate(midnight, "", "fast", False), day=day)


@dataclass(frozen=True)
class Published:
    """The resolved publication date and where it came from."""

    value: str | None  # ISO 8601 with +07:00
    raw: str | None
    source: str | None  # "page" | "listing" | "url"
    method: str | None  # "fast" | "dateparser" | None for the URL
    url_mismatch: bool = False
    unparsed: tuple[str, ...] = ()  # date strings seen but not readable as a date
    overruled: str | None = None  # an unmarked page date set aside: far from the URL's day


def choose_published(candidates: Iterable[DateCandidate], url_day: date | None) -> Published:
    """The publication date among ``candidates`` (in order of preference), by the rule of
    this module's docstring; ``url_day`` is the day in the article's URL, if any."""
    unparsed: list[str] = []
    overruled = None
    first_raw = None
    for cand in candidates:
        if cand.source == "url":
            value = cand.parsed.value if cand.parsed else None
            return Published(
                iso(value) if value else None, None, "url", None, False, tuple(unparsed), overruled
            )
        if not cand.raw:
            continue
        first_raw = first_raw or cand.raw
        if cand.parsed is None:
            unparsed.append(cand.raw)
            continue
        off = abs((cand.parsed.value.date() - url_day).days) if url_day else 0
        if cand.source == "page" and not cand.marked and off > URL_AGREEMENT_DAYS:
            overruled = cand.raw
            continue
        if overruled is not None and off > URL_AGREEMENT_DAYS:
            continue  # the URL's day wins over an unmarked page date; a listing must agree
        return Published(
            iso(cand.parsed.value),
            cand.raw,
            cand.source,
            cand.parsed.method,
            off > URL_MISMATCH_DAYS,
            tuple(unparsed),
            overruled,
        )
    return Published(None, first_raw, None, None, unparsed=tuple(unparsed))


#: The fields an article cannot be emitted without, by the names the log and stats use.
REQUIRED = (("title", "title"), ("text", "text"), ("date", "published"))


def missing_fields(item: Any) -> list[str]:
    """The required fields ``item`` (an Article) lacks: "title", "text", "date"."""
    return [name for name, attr in REQUIRED if not getattr(item, attr)]


def utc_now_iso() -> str:
    """The current time as ISO 8601 UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def date_to_meta(parsed: ParsedDate | None) -> list[Any] | None:
    """A parsed date as request meta can carry it (JSON: a distributed crawl stores it)."""
    if parsed is None:
        return None
    return [parsed.value.isoformat(), parsed.raw, parsed.method, parsed.has_time]


def date_from_meta(value: list[Any] | None) -> ParsedDate | None:
    """The parsed date :func:`date_to_meta` stored (the value, not its string re-read)."""
    if not value:
        return None
    when, raw, method, has_time = value
    return ParsedDate(datetime.fromisoformat(when), raw, method, has_time)
