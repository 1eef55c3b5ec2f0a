"""The item kcn_crawler yields: one Article per news article (docs/contract.md).

:class:`Article` is the one declaration of the item's fields: name, type and meaning,
and in each field's metadata

- ``contract``: the field is one of the contract's (docs/contract.md), exported first,
  in declaration order; the others are provenance (where a value came from);
- ``text``: the field is text, cleaned once by the page object (legacy encodings
  repaired, NFC, invisible characters and extra spaces out) as ``"inline"`` (one line)
  or ``"block"`` (paragraphs separated by a blank line); ``toned``: the user's tone
  style (``KCN_TONE_STYLE``, :mod:`kcn_crawler.pipelines.tones`) applies to it.

``CONTRACT_FIELDS``, ``ARTICLE_FIELDS`` (the CSV column order) and ``TEXT_FIELDS`` are
derived from it; the article page object has one method per field
(:class:`kcn_crawler.pages.article.ArticlePage`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

TextKind = Literal["inline", "block"]


def _meta(contract: bool, text: TextKind | None = None, *, toned: bool = False) -> dict:
    return {"contract": contract, "text": text, "toned": toned}


CONTRACT = _meta(True)
CONTRACT_INLINE = _meta(True, "inline")
CONTRACT_TONED_INLINE = _meta(True, "inline", toned=True)
CONTRACT_TONED_BLOCK = _meta(True, "block", toned=True)
PROVENANCE = _meta(False)
PROVENANCE_INLINE = _meta(False, "inline")


@dataclass
class Article:
    """One news article, as docs/contract.md defines it, plus provenance fields."""

    #: stable id of the article: the site's article key from its URL
    id: str = field(metadata=CONTRACT)
    #: canonical URL of the article page
    url: str = field(metadata=CONTRACT)
    #: the portal's base URL (the ``site`` argument)
    site: str = field(metadata=CONTRACT)
    #: the channel whose listing led to the article (None: found by the archive only)
    channel: str | None = field(metadata=CONTRACT)
    #: the headline
    title: str = field(metadata=CONTRACT_TONED_INLINE)
    #: publication date, ISO 8601 with +07:00 (page, else listing, else URL day)
    published: str | None = field(metadata=CONTRACT)
    #: the lead (sapo), if the page has one
    summary: str | None = field(metadata=CONTRACT_TONED_BLOCK)
    #: the body text, paragraphs separated by a blank line
    text: str = field(metadata=CONTRACT_TONED_BLOCK)
    #: the body's cleaned HTML
    html: str = field(metadata=CONTRACT)
    #: the signature's name
    author: str | None = field(metadata=CONTRACT_INLINE)
    #: the signature's role or unit ("TP. Quản lý Khoa học")
    author_role: str | None = field(metadata=CONTRACT_INLINE)
    #: body images: ``{"url", "caption"}``
    images: list[dict[str, Any]] = field(default_factory=list, metadata=CONTRACT)
    #: attached files: ``{"url", "name"}``
    attachments: list[dict[str, Any]] = field(default_factory=list, metadata=CONTRACT)
    #: when the page was read, ISO 8601 UTC
    crawled_at: str = field(default="", metadata=CONTRACT)
    # --- beyond the contract: where each value came from -------------------
    #: the source line under the text ("Nguồn: Báo Thanh Hóa")
    source: str | None = field(default=None, metadata=PROVENANCE_INLINE)
    #: the date string ``published`` was read from (None for the URL's day)
    published_raw: str | None = field(default=None, metadata=PROVENANCE)
    #: where ``published`` came from: "page" | "listing" | "url"
    date_source: str | None = field(default=None, metadata=PROVENANCE)
    #: how ``published_raw`` was read: "fast" | "dateparser"
    date_method: str | None = field(default=None, metadata=PROVENANCE)
    #: how the body was found: "selectors" (a known layout) | "fallback"
    extraction: str = field(default="selectors", metadata=PROVENANCE)
    #: legacy encodings repaired in the text fields ("tcvn3", "vni")
    repairs: list[str] = field(default_factory=list, metadata=PROVENANCE)
    #: the catalog's revision of the article (set by the catalog pipeline)
    revision: int | None = field(default=None, metadata=PROVENANCE)


ARTICLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Article))
"""Every field, in the order the CSV export writes them."""

CONTRACT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Article) if f.metadata["contract"])
"""The contract's fields, first in the exports."""

TEXT_FIELDS: tuple[tuple[str, TextKind, bool], ...] = tuple(
    (f.name, f.metadata["text"], f.metadata["toned"]) for f in fields(Article) if f.metadata["text"]
)
"""``(name, "inline" | "block", toned)`` of each text field (image captions and attachment
names are inline text too)."""
