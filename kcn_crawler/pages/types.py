"""Value types the page objects return (see docs/design.md, "pages API").

They carry no behaviour: spiders turn :class:`Link` and :class:`Postback` into
requests, :class:`ListingEntry` into article requests, :class:`ArchiveFormSpec`
into the archive form submission, and :class:`RawArticle` into an item.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    """One article of a listing: absolute URL, title as shown, date shown beside it."""

    url: str
    title: str
    date_raw: str | None


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


@dataclass
class RawArticle:
    """The raw fields of one article page, before the pipelines clean and date them."""

    title: str | None
    date_raw: str | None
    summary: str | None
    paragraphs: list[str]
    html: str
    author: str | None
    author_role: str | None
    source: str | None
    images: list[dict] = field(default_factory=list)  # {"url", "caption"}
    attachments: list[dict] = field(default_factory=list)  # {"url", "name"}
    extraction: str = "selectors"  # "selectors" | "fallback"
    missing: list[str] = field(default_factory=list)  # "title" | "date" | "text"
    #: legacy encodings repaired while reading title, summary, text, captions ("tcvn3", "vni")
    repairs: list[str] = field(default_factory=list)
    #: the page's date is marked as its own: the layout's date element, a publication
    #: label ("Đăng ngày", "Cập nhật:"), a <time> or date-named element, a meta tag
    date_marked: bool = False

    @property
    def text(self) -> str:
        """The body text as the item carries it: paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)
