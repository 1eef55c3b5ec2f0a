"""The ``html`` field made safe to open: an allow-list sanitizer (nh3, Rust's ammonia).

A deny-list (drop ``<script>``, ``on*`` and ``javascript:`` links) misses what
browsers run anyway: ``<iframe srcdoc>``, ``<svg><a xlink:href>``, ``<form action>``,
``<button formaction>``, ``<object data>``, ``data:text/html`` links, ``<base href>``,
``style``. Here only the tags and attributes an article needs survive, and links
and images only with web or mail URLs.
"""

from __future__ import annotations

import nh3

#: Text structure, tables, figures, links and images; no embedding, forms, SVG or MathML.
TAGS = (set(nh3.ALLOWED_TAGS) - {"area", "map"}) | {"font", "section", "u"}
#: No ``style``, no ``class``/``id``, no event handlers, no ``srcset``.
ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "a": {"href", "hreflang", "title"},
    "img": {"src", "alt", "title", "width", "height", "align"},
    "p": {"align"},
    "div": {"align"},
    "font": {"color", "size"},
    "*": {"title", "lang", "dir"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html: str) -> str:
    """``html`` with everything outside the allow-list removed (text kept, except the
    content of scripts and styles)."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        strip_comments=True,
        link_rel=None,
        # Links and images were made absolute before; what is still relative is no
        # URL a reader can follow ("jav\tascript:…", "#").
        url_relative="deny",
    )
