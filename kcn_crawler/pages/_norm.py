"""TEMPORARY: the normalize helpers the page objects use, with stop-gap shims.

kcn_crawler.normalize is being written in parallel; every name is taken from
there when it exists, else from a tiny private shim below.  To be replaced by
direct imports once normalize is complete.
"""

from __future__ import annotations

import importlib
import re
from datetime import date
from urllib.parse import urlsplit, urlunsplit

_MODULES = ("kcn_crawler.normalize", "kcn_crawler.normalize.text",
            "kcn_crawler.normalize.dates", "kcn_crawler.normalize.urls",
            "kcn_crawler.normalize.boilerplate", "kcn_crawler.normalize.people")


def _find(name: str):
    for mod in _MODULES:
        try:
            m = importlib.import_module(mod)
        except ImportError:
            continue
        if hasattr(m, name):
            return getattr(m, name)
    return None


# --- shims -------------------------------------------------------------------
_DATE_RE = re.compile(
    r"(?:\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)"
    r"|(?:\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?:\s*[-,]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?)?)"
    r"|(?:[Nn]gày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)


def _find_dates(text: str) -> list[str]:
    return [m.group(0) for m in _DATE_RE.finditer(text or "")]


def _parse_date(raw: str, *, now=None):
    return raw or None


def _date_from_url(url: str) -> date | None:
    m = re.search(r"/pages/(\d{4})-(\d{1,2})-(\d{1,2})/", url, re.I)
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _canonical_url(url: str) -> str:
    p = urlsplit(url)
    return urlunsplit((p.scheme.lower(), p.netloc.lower(), p.path, "", ""))


_ART = re.compile(r"/portal/pages/\d{4}(?:-\d{1,2}-\d{1,2})?/[^/]+\.aspx$", re.I)
_CHAN = re.compile(r"/portal/kenhtin/[^/]+\.aspx$", re.I)


def _article_id(url: str) -> str | None:
    path = urlsplit(url).path
    if not _ART.search(path):
        return None
    return path.lower().split("/portal/pages/", 1)[1][:-5]


def _is_article_url(url: str) -> bool:
    return bool(_ART.search(urlsplit(url).path))


def _is_channel_url(url: str) -> bool:
    return bool(_CHAN.search(urlsplit(url).path))


def _site_root(url: str) -> str:
    p = urlsplit(url)
    return f"{p.scheme.lower()}://{p.netloc.lower()}"


def _is_excluded_url(url: str, site: str) -> bool:
    low = url.lower()
    if low.startswith(("mailto:", "javascript:", "tel:")):
        return True
    p = urlsplit(url)
    if p.netloc.lower() != urlsplit(site).netloc.lower():
        return True
    return "/_layouts/" in p.path.lower() or "print" in p.path.lower()


_BOILER = re.compile(
    r"^(tin mới|tin liên quan|các tin khác|tin đã đưa|video clip|hình ảnh hoạt động|"
    r"in nội dung|các tin đã đăng ngày|tin xem nhiều|tin nổi bật|liên kết website|"
    r"tài liệu đính kèm|file đính kèm|bỏ qua.*|đăng nhập|tìm kiếm|chọn một ngày từ lịch\.?)"
    r"\s*:?$", re.I)


def _is_boilerplate_line(line: str) -> bool:
    return bool(_BOILER.match((line or "").strip()))


def _split_source(text: str):
    m = re.match(r"^\s*\(?\s*nguồn\s*:\s*(.+?)\)?\s*$", text or "", re.I)
    return ("", m.group(1).strip()) if m else (text, None)


def _looks_like_person_name(s: str) -> bool:
    words = (s or "").split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not any(
        ch.isdigit() for ch in s)


def _looks_like_role(s: str) -> bool:
    return 0 < len((s or "").split()) <= 10 and not (s or "").endswith(".")


_SHIMS = {
    "find_dates": _find_dates, "parse_date": _parse_date, "date_from_url": _date_from_url,
    "canonical_url": _canonical_url, "article_id": _article_id,
    "is_article_url": _is_article_url, "is_channel_url": _is_channel_url,
    "site_root": _site_root, "is_excluded_url": _is_excluded_url,
    "is_boilerplate_line": _is_boilerplate_line, "split_source": _split_source,
    "looks_like_person_name": _looks_like_person_name, "looks_like_role": _looks_like_role,
}
_g = globals()
for _name, _shim in _SHIMS.items():
    _g[_name] = _find(_name) or _shim
clean_inline = _find("clean_inline")
clean_paragraphs = _find("clean_paragraphs")
token_f1 = _find("token_f1")
