"""Value types the page objects return (see docs/design.md, "pages API").

They carry no behaviour: spiders turn :class:`Link` and :class:`Postback` into
requests, :class:`ListingEntry` into article requests, :class:`ArchiveFormSpec`
into the archive form submission.
"""

from __future__ import annotations

from dataclasses import dataclass

from kcn_crawler.normalize.dates import ParsedDate


@dataclass(frozen=True)
class Link:
    """A plain link: absolute URL and its cleaned text."""

    url: str
    text: str


@dataclass(frozen=True)
class Postback:
    """An ASP.NET postback: ``__EVENTTARGET`` and ``__EVENTARGUMENT`` values."""

    target: str
    argument: str


PageTurn = Link | Postback


@dataclass(frozen=True)
class ListingEntry:
    """One article of a listing: absolute URL, title as shown, date shown beside it
    (``date_raw``) and that date parsed (``date``; None when absent or unreadable)."""

    url: str
    title: str
    date_raw: str | None
    date: ParsedDate | None = None


@dataclass(frozen=True)
class ArchiveFormSpec:
    """How to ask the "Các tin đã đăng ngày" archive form for one day.

    ``form_index`` is the index of the form among the page's ``<form>``
    elements; ``date_field`` the name of the text input taking the day;
    ``submit_name``/``submit_value`` the "Xem" button to send (``None`` when
    the page has no such button).  ``submit_postback`` is set when "Xem" is a
    link that posts back instead of a submit button.
    """

    form_index: int
    date_field: str
    submit_name: str | None
    submit_value: str | None
    date_format: str = "%d/%m/%Y"
    submit_postback: Postback | None = None
