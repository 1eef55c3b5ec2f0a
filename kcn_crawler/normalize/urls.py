"""URL helpers for the SharePoint e-portal family.

Patterns (any case): article ``/portal/pages/<YYYY>[-<M>-<D>]/<slug>.aspx``,
channel ``/portal/KenhTin/<slug>.aspx``, home ``/portal/Pages/default.aspx``.
"""

from __future__ import annotations

import re
import sys
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

__all__ = [
    "article_id",
    "canonical_url",
    "is_article_url",
    "is_channel_url",
    "is_excluded_url",
    "site_root",
]

_DEFAULT_PORTS = {"http": 80, "https": 443}
_WEB_SCHEMES = frozenset(("http", "https"))

_ARTICLE_PATH = re.compile(
    r"^/portal/pages/((?:\d{4})(?:-\d{1,2}-\d{1,2})?/[^/]+?)\.aspx$", re.IGNORECASE
)
_CHANNEL_PATH = re.compile(r"^/portal/kenhtin/[^/]+\.aspx$", re.IGNORECASE)
_PRINT_KEYS = frozenset(("print", "isprint", "inprint", "printview", "innoidung"))
_EXCLUDED_PATH = re.compile(
    r"/print(?:view|version|page|preview|er)?(?:\.aspx?|\.html?|/|$)|innoidung|/_layouts/|/_login/|/_windows/|/_vti_bin/|/_catalogs/"
    r"|login\.aspx|authenticate\.aspx|signout\.aspx|accessdenied\.aspx",
    re.IGNORECASE,
)


def _split(url: str) -> tuple[str, str, int | None, str, str]:
    """(scheme, host, effective port, path, query) with scheme/host lower-cased."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is None:
        port = _DEFAULT_PORTS.get(scheme)
    return scheme, host, port, parts.path, parts.query


def _netloc(scheme: str, host: str, port: int | None) -> str:
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS.get(scheme):
        return host
    return f"{host}:{port}"


def site_root(url: str) -> str:
    """``scheme://host[:port]`` of ``url``, lower-cased, default port dropped."""
    scheme, host, port, _, _ = _split(url)
    return f"{scheme}://{_netloc(scheme, host, port)}"


def canonical_url(url: str) -> str:
    """Canonical form: scheme+host lower-cased, default port dropped, no query, no fragment.

    The path keeps its case; its percent-encoding is normalised by w3lib
    (``%7e`` → ``~``, non-ASCII → UTF-8 percent-escapes, ``%2f`` upper-cased).
    """
    scheme, host, port, path, _ = _split(url)
    if scheme not in _WEB_SCHEMES:
        return url.strip()
    if path:
        path = urlsplit(canonicalize_url("http://h" + path)).path
    return urlunsplit((scheme, _netloc(scheme, host, port), path or "/", "", ""))


def _path(url: str) -> str:
    return unquote(urlsplit(url.strip()).path)


def is_article_url(url: str) -> bool:
    """True for ``/portal/pages/<YYYY>[-<M>-<D>]/<slug>.aspx`` (any case)."""
    return _ARTICLE_PATH.match(_path(url)) is not None


def article_id(url: str) -> str | None:
    """Path after ``/portal/pages/``, lower-cased, without ``.aspx``; None if not an article.

    Interned: the crawl's seen-sets (scheduled, listed, emitted) share one string per id."""
    m = _ARTICLE_PATH.match(_path(url))
    return sys.intern(m.group(1).lower()) if m else None


def is_channel_url(url: str) -> bool:
    """True for ``/portal/KenhTin/<slug>.aspx`` (any case)."""
    return _CHANNEL_PATH.match(_path(url)) is not None


def is_excluded_url(url: str, site: str) -> bool:
    """True for links the crawler must not follow from ``site`` (a URL or a host name).

    ``url`` must be absolute (a relative URL has no host: excluded).

    Excluded: non-web schemes (``mailto:``, ``javascript:``, ``tel:``, ``file:`` …),
    other hosts or ports (``http``↔``https`` on the same host without explicit
    ports counts as the same site), print views (``print``/``isprint``/``inprint``
    query parameters, ``/print`` or ``InNoiDung`` in the path), anything under
    ``/_layouts/`` (calendar popup, sign-in) and the sign-in pages.
    """
    scheme, host, port, path, query = _split(url)
    if scheme not in _WEB_SCHEMES or not host:
        return True
    if "://" not in site:
        site = "http://" + site if ":" in site else "//" + site
    s_scheme, s_host, s_port, _, _ = _split(site)
    if host != s_host:
        return True
    explicit = urlsplit(url.strip()).port is not None or urlsplit(site).port is not None
    if (explicit or scheme == s_scheme) and s_scheme and port != s_port:
        return True
    if _EXCLUDED_PATH.search(unquote(path)):
        return True
    if query:
        for key, value in parse_qsl(query, keep_blank_values=True):
            k = key.lower()
            if k in _PRINT_KEYS and value.lower() not in ("0", "false", "no"):
                return True
            if "innoidung" in value.lower():
                return True
    return False
