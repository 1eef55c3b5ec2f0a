"""Ground truth: what a perfect crawl of the replica yields (docs/design.md conventions)."""

from __future__ import annotations

from typing import Any

from .model import Article
from .site import Site
from .skins import get_skin


def iso(dt) -> str:
    """2018-01-31T08:30:00+07:00"""
    return dt.isoformat(timespec="seconds")


def article_truth(site: Site, a: Article, base: str) -> dict[str, Any]:
    """The item a perfect crawl yields for *a* (without crawled_at/html/channel)."""
    b = site.body(a.key)
    captions = site.look.captions_in_text
    return {
        "id": a.key,
        "url": base + a.path,
        "site": base,
        "title": a.title,
        "published": iso(a.shown_published()),
        "summary": b.summary,
        "text": "\n\n".join(b.paragraphs(captions)),
        "author": b.author,
        "author_role": b.role,
        "images": [{"url": base + u, "caption": c} for u, c in b.images()],
        "attachments": [{"url": base + u, "name": n} for u, n in b.all_attachments()],
        "source": b.source,
        "repairs": ["tcvn3"] if "tcvn3" in a.flags else [],
        "channels": list(a.channels),
        "archive_only": not a.channels,
        "updated": iso(a.updated) if a.updated else None,
        "variety": sorted(a.flags),
    }


def build(site: Site, base: str) -> dict[str, Any]:
    """The whole ground truth document of *site* served at *base* (http://127.0.0.1:PORT)."""
    skin = get_skin(site.skin)
    arts = [a for a in site.articles if "unreadable" not in a.flags]
    days = [a.day for a in arts]
    specials = {
        k: [s.path if s.kind == "external" else base + s.path for s in site.specials if s.kind == k]
        for k in ("dead", "restricted", "external")
    }
    return {
        "site": base,
        "skin": site.skin,
        "seed": site.seed,
        "n_articles": len(arts),
        "channels": [
            {
                "name": c.name,
                "url": base + c.path,
                "paging": skin.paging[c.slug],
                **({"parent": c.parent} if c.parent else {}),
            }
            for c in site.channels
        ],
        "first_day": min(days).isoformat() if days else None,
        "last_day": max(days).isoformat() if days else None,
        "archive": skin.archive_info(base),
        "print_view": skin.print_pattern,
        "unreadable": [base + a.path for a in site.articles if "unreadable" in a.flags],
        **specials,
        "traps": [base + "/_layouts/iframe.aspx", base + "/_layouts/Authenticate.aspx"],
        # lower-case path prefixes a crawl must never request (compare with log "path")
        "trap_prefixes": [
            "/_layouts/iframe.aspx",
            "/_layouts/authenticate.aspx",
            *([skin.print_prefix] if skin.print_prefix else []),
        ],
        # regexes (re.I) over log "path" (path+query): traps and the print view
        "trap_patterns": [
            r"^/_layouts/iframe\.aspx",
            r"^/_layouts/authenticate\.aspx",
            skin.print_regex,
        ],
        "transient_503": [base + a.path for a in arts if "transient-503" in a.flags],
        "slow": [base + a.path for a in arts if "slow" in a.flags],
        "articles": [article_truth(site, a, base) for a in arts],
    }
