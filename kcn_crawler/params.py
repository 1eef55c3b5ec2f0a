"""Spider arguments (``-a name=value``) parsed and validated in one place.

A bad argument raises :class:`BadArgument` with a one-line message naming the
argument; the ``crawl`` command turns it into that line and a non-zero exit
before any request is made.
"""

from __future__ import annotations

import difflib
import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_SITE = "https://skhcn.thanhhoa.gov.vn"
DEFAULT_WINDOW_DAYS = 30
DEFAULT_MAX_DAYS = 3660  # ten years
# The ``-a`` names the spiders take; names starting with "_" belong to schedulers
# (Scrapyd passes ``_job``) and are let through.
ARGUMENTS = ("site", "since", "until", "max_days", "incremental")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")


class BadArgument(ValueError):
    """A spider argument that cannot be used; ``str()`` is the one-line message."""


@dataclass(frozen=True)
class CrawlParams:
    """Validated spider arguments."""

    site: str
    since: date | None
    until: date | None
    max_days: int
    incremental: bool

    def archive_days(self) -> list[date]:
        """The days the archive walk visits, newest first (since/until inclusive)."""
        until = self.until or today_in_vietnam()
        since = self.since or until - timedelta(days=DEFAULT_WINDOW_DAYS)
        count = (until - since).days + 1
        return [until - timedelta(days=i) for i in range(count)]


def today_in_vietnam() -> date:
    """Today's date in Vietnam time (UTC+07:00)."""
    return datetime.now(VIETNAM).date()


def check_argument_names(names: Iterable[str]) -> None:
    """Refuse an ``-a`` name no spider takes, suggesting the closest known one."""
    for name in names:
        if name in ARGUMENTS or name.startswith("_"):
            continue
        close = difflib.get_close_matches(name, ARGUMENTS, n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise BadArgument(f"{name}: unknown argument{hint} (known: {', '.join(ARGUMENTS)})")


def _is_host(host: str, *, bare: bool) -> bool:
    """A hostname or IP literal; ``bare`` (no scheme given) also wants a dot in a name."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.rstrip(".").split(".")
    if not all(_HOST_LABEL.match(label) for label in labels):
        return False
    return not bare or len(labels) > 1 or host == "localhost"


def parse_site(value: str | None) -> str:
    """The site root (``scheme://host[:port]``) from a user-given URL.

    ``host.example.vn`` without a scheme means ``https://host.example.vn``; a
    single word (``notaurl``) is refused rather than taken for a host name.
    """
    raw = (value or DEFAULT_SITE).strip()
    bare = "://" not in raw
    if bare:
        raw = "https://" + raw
    parts = urlsplit(raw)
    if parts.scheme.lower() not in ("http", "https"):
        raise BadArgument(
            f"site: unsupported scheme {parts.scheme!r} in {value!r} (use http or https)"
        )
    if not parts.hostname:
        raise BadArgument(f"site: no host in {value!r}")
    try:
        port = parts.port
    except ValueError as exc:
        raise BadArgument(f"site: bad port in {value!r}") from exc
    host = parts.hostname.lower()
    if not _is_host(host, bare=bare):
        raise BadArgument(
            f"site: {value!r} is not an http(s) URL with a host "
            f"(e.g. {DEFAULT_SITE} or http://127.0.0.1:8080)"
        )
    shown = f"[{host}]" if ":" in host else host  # an IPv6 literal keeps its brackets
    netloc = f"{shown}:{port}" if port else shown
    return f"{parts.scheme.lower()}://{netloc}"


def parse_day(name: str, value: str | None) -> date | None:
    """A ``YYYY-MM-DD`` argument, or None when not given."""
    if value is None or str(value).strip() == "":
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise BadArgument(f"{name}: {value!r} is not a date (expected YYYY-MM-DD)") from exc


def parse_bool(name: str, value: object) -> bool:
    """A yes/no argument: 1/0, true/false, yes/no, on/off."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("", "0", "false", "no", "off"):
        return False
    raise BadArgument(f"{name}: {value!r} is not a yes/no value (use 1 or 0)")


def parse_int(name: str, value: object, default: int) -> int:
    """A positive whole-number argument."""
    if value is None or str(value).strip() == "":
        return default
    try:
        number = int(str(value).strip())
    except ValueError as exc:
        raise BadArgument(f"{name}: {value!r} is not a whole number") from exc
    if number < 1:
        raise BadArgument(f"{name}: must be at least 1, got {number}")
    return number


def parse_params(
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    max_days: object = None,
    incremental: object = False,
    *,
    check_span: bool = False,
) -> CrawlParams:
    """Validate the spider arguments; ``check_span`` limits the archive range."""
    params = CrawlParams(
        site=parse_site(site),
        since=parse_day("since", since),
        until=parse_day("until", until),
        max_days=parse_int("max_days", max_days, DEFAULT_MAX_DAYS),
        incremental=parse_bool("incremental", incremental),
    )
    if params.since and params.until and params.since > params.until:
        raise BadArgument(f"since: {params.since} is after until ({params.until})")
    if check_span:
        last_day = params.until or today_in_vietnam()
        if params.since and params.since > last_day:
            raise BadArgument(
                f"since: {params.since} is after until ({last_day}, today in Vietnam)"
            )
        span = len(params.archive_days())
        if span > params.max_days:
            raise BadArgument(
                f"since: the range {params.since} .. {last_day} is {span} days, more than "
                f"max_days={params.max_days}; pass -a max_days={span} if you mean it"
            )
    return params
