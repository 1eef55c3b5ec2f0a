"""The item kcn_crawler yields: one Article per news article (CONTRACT.md)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

# The CONTRACT fields, in the order the CSV export writes them.
CONTRACT_FIELDS: tuple[str, ...] = (
    "id",
    "url",
    "site",
    "channel",
    "title",
    "published",
    "summary",
    "text",
    "html",
    "author",
    "author_role",
    "images",
    "attachments",
    "crawled_at",
)


@dataclass
class Article:
    """One news article, as CONTRACT.md defines it, plus provenance fields."""

    id: str
    url: str
    site: str
    channel: str | None
    title: str
    published: str | None
    summary: str | None
    text: str
    html: str
    author: str | None
    author_role: str | None
    images: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    crawled_at: str = ""
    # --- beyond the contract: where each value came from -------------------
    source: str | None = None
    published_raw: str | None = None
    date_source: str | None = None  # "page" | "listing" | "url"
    date_method: str | None = None  # "fast" | "dateparser"
    extraction: str = "selectors"  # "selectors" | "fallback"
    repairs: list[str] = field(default_factory=list)
    revision: int | None = None


ARTICLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Article))
