"""Turn a page object's raw fields into an Article item (pure, no Scrapy).

The publication date is resolved here, in the order CONTRACT.md sets: the
article page's own date, else the date the listing showed for it, else the
date in the URL path — never a date inside the body.  A page date that the page
does not mark as its own (no publication label, no date element of its own) and
that lies more than a day from the URL's day is set aside (``overruled``): the
listing's date, else the URL's day, serves, and the spider reports the
disagreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from kcn_crawler.items import Article
from kcn_crawler.normalize.dates import ParsedDate, date_from_url, iso, parse_date
from kcn_crawler.normalize.urls import canonical_url
from kcn_crawler.pages.types import RawArticle

URL_MISMATCH_DAYS = 3
#: How far an unmarked page date may lie from the URL's day and still be taken.
URL_AGREEMENT_DAYS = 1
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


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


def resolve_published(
    page_raw: str | None, listing_raw: str | None, url: str, *, page_marked: bool = True
) -> Published:
    """Pick the publication date: page, else listing, else URL path.  ``page_marked``:
    whether the page marks its date as its own (a label or an element of its own). A page
    date the page does not mark, more than a day from the URL's day, gives way to the URL's
    day (the listing's date serves only when it agrees with that day)."""
    url_day = date_from_url(url)
    unparsed: list[str] = []
    overruled = None
    for source, raw in (("page", page_raw), ("listing", listing_raw)):
        if not raw:
            continue
        parsed: ParsedDate | None = parse_date(raw)
        if parsed is None:
            unparsed.append(raw)
            continue
        off = abs((parsed.value.date() - url_day).days) if url_day else 0
        if source == "page" and not page_marked and off > URL_AGREEMENT_DAYS:
            overruled = raw
            continue
        if overruled is not None and off > URL_AGREEMENT_DAYS:
            continue  # the URL's day wins over an unmarked page date; a listing must agree

        return Published(
            iso(parsed.value),
            raw,
            source,
            parsed.method,
            off > URL_MISMATCH_DAYS,
            tuple(unparsed),
            overruled,
        )
    if url_day is not None:
        midnight = datetime(url_day.year, url_day.month, url_day.day, tzinfo=VIETNAM)
        return Published(iso(midnight), None, "url", None, False, tuple(unparsed), overruled)
    return Published(None, page_raw or listing_raw, None, None, unparsed=tuple(unparsed))


def utc_now_iso() -> str:
    """The current time as ISO 8601 UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def build_article(
    raw: RawArticle,
    *,
    url: str,
    article_id: str,
    site: str,
    channel: str | None,
    published: Published,
    crawled_at: str,
) -> Article:
    """The Article item for one article page."""
    return Article(
        id=article_id,
        url=canonical_url(url),
        site=site,
        channel=channel,
        title=raw.title or "",
        published=published.value,
        summary=raw.summary or None,
        text="\n\n".join(raw.paragraphs),
        html=raw.html,
        author=raw.author or None,
        author_role=raw.author_role or None,
        images=[dict(image) for image in raw.images],
        attachments=[dict(attachment) for attachment in raw.attachments],
        crawled_at=crawled_at,
        source=raw.source or None,
        published_raw=published.raw,
        date_source=published.source,
        date_method=published.method,
        extraction=raw.extraction,
        repairs=list(getattr(raw, "repairs", []) or []),
    )
