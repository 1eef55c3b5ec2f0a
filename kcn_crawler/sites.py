"""The sites file: many portals of the family in one crawl (``-a sites=FILE|GROUP``).

A TOML file (read with the standard library's ``tomllib``) with one table per
portal, named ``[GROUP.NAME]``::

    [thanhhoa.skhcn]
    url = "https://skhcn.thanhhoa.gov.vn"
    skip_channels = ["Video", "Ảnh"]   # optional: channel names not walked
    delay = 2.0                        # optional politeness overrides, this host only:
                                       # at most one request per delay (no jitter)
    concurrency = 1
    autothrottle = true

``-a sites=`` takes a path to such a file, or the name of a group of the file
shipped with kcn_crawler (``kcn_crawler/sites.toml``: ``thanhhoa``,
``dienbien``, ``ninhthuan``, ``namdinh``, ``mpi``; ``all`` for every group).
Every entry is checked before any request: a bad one raises
:class:`~kcn_crawler.params.BadArgument` naming the file and the entry's line
(``tomllib`` gives no line numbers for values: the line is that of the entry's
table header, found by scanning the text).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kcn_crawler.params import BadArgument, parse_site

SHIPPED_SITES = Path(__file__).with_name("sites.toml")
ALL_GROUPS = "all"
KEYS = {"url", "skip_channels", "delay", "concurrency", "autothrottle"}


@dataclass(frozen=True)
class SiteEntry:
    """One portal of a sites file."""

    group: str
    name: str
    root: str  # scheme://host[:port], as ``-a site=`` gives it
    skip_channels: tuple[str, ...] = ()
    delay: float | None = None  # DOWNLOAD_DELAY for this host, without jitter
    concurrency: int | None = None  # CONCURRENT_REQUESTS_PER_DOMAIN for this host
    autothrottle: bool | None = None  # AUTOTHROTTLE_ENABLED for this host
    line: int = 0

    @property
    def slug(self) -> str:
        """A file-name-safe label: ``host`` or ``host_port``."""
        return netloc(self.root).replace(":", "_")

    def settings(self) -> dict[str, Any]:
        """The Scrapy settings this entry overrides for its host."""
        values: dict[str, Any] = {}
        if self.delay is not None:
            values["DOWNLOAD_DELAY"] = self.delay
            values["AUTOTHROTTLE_START_DELAY"] = max(self.delay, 0.0)
            # The entry's delay is a limit, one request per ``delay`` at most, as the
            # distributed mode's shared limiter enforces it. Scrapy's ±50 % jitter
            # would send some requests at half the delay, and it draws again each
            # time the slot looks at its queue, so its mean gap is ≈ 1.2 × the delay.
            values["DOWNLOAD_DELAY_JITTER"] = 0.0
        if self.concurrency is not None:
            values["CONCURRENT_REQUESTS_PER_DOMAIN"] = self.concurrency
        if self.autothrottle is not None:
            values["AUTOTHROTTLE_ENABLED"] = self.autothrottle
        return values


def netloc(root: str) -> str:
    """``host[:port]`` of a site root."""
    return urlsplit(root).netloc


def header_lines(text: str) -> dict[tuple[str, ...], int]:
    """Line number (1-based) of every table header ``[a.b]`` of a TOML text."""
    found: dict[tuple[str, ...], int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$", line)
        if match:
            parts = tuple(part.strip().strip("\"'") for part in match.group(1).split("."))
            found.setdefault(parts, number)
    return found


def _entry(source: str, group: str, name: str, table: Any, line: int) -> SiteEntry:
    where = f"{source}:{line}: [{group}.{name}]"

    def bad(message: str) -> BadArgument:
        return BadArgument(f"sites: {where}: {message}")

    if not isinstance(table, dict):
        raise bad("expected a table with url = ...")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise bad(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(KEYS))})")
    url = table.get("url")
    if not isinstance(url, str) or not url.strip():
        raise bad("url is missing or not a string")
    try:
        root = parse_site(url)
    except BadArgument as exc:
        raise bad(str(exc).removeprefix("site: ")) from exc
    skip = table.get("skip_channels", [])
    if not isinstance(skip, list) or not all(isinstance(x, str) for x in skip):
        raise bad("skip_channels must be a list of channel names")
    delay = table.get("delay")
    if delay is not None and (
        isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0
    ):
        raise bad(f"delay must be a number of seconds ≥ 0, got {delay!r}")
    concurrency = table.get("concurrency")
    if concurrency is not None and (
        isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1
    ):
        raise bad(f"concurrency must be a whole number ≥ 1, got {concurrency!r}")
    autothrottle = table.get("autothrottle")
    if autothrottle is not None and not isinstance(autothrottle, bool):
        raise bad(f"autothrottle must be true or false, got {autothrottle!r}")
    return SiteEntry(
        group=group,
        name=name,
        root=root,
        skip_channels=tuple(skip),
        delay=float(delay) if delay is not None else None,
        concurrency=concurrency,
        autothrottle=autothrottle,
        line=line,
    )


def parse_sites(text: str, source: str = "<sites>") -> list[SiteEntry]:
    """Every entry of a sites file's text, checked; raises BadArgument on the first bad one."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadArgument(f"sites: {source}: not valid TOML: {exc}") from exc
    lines = header_lines(text)
    entries: list[SiteEntry] = []
    hosts: dict[str, SiteEntry] = {}
    for group, tables in data.items():
        if not isinstance(tables, dict):
            raise BadArgument(
                f"sites: {source}: top-level key {group!r} is not a group of [{group}.NAME] tables"
            )
        for name, table in tables.items():
            line = lines.get((group, name), lines.get((group,), 0))
            entry = _entry(source, group, name, table, line)
            other = hosts.get(netloc(entry.root))
            if other is not None:
                raise BadArgument(
                    f"sites: {source}:{line}: [{group}.{name}]: {entry.root} is already "
                    f"[{other.group}.{other.name}] (line {other.line})"
                )
            hosts[netloc(entry.root)] = entry
            entries.append(entry)
    if not entries:
        raise BadArgument(f"sites: {source}: no [GROUP.NAME] entry with a url")
    return entries


def load_sites(value: str) -> list[SiteEntry]:
    """The entries ``-a sites=VALUE`` names: a TOML file, else a group of the shipped file."""
    raw = str(value or "").strip()
    if not raw:
        raise BadArgument("sites: empty (give a sites file or a group name)")
    path = Path(raw)
    if path.is_file():
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadArgument(f"sites: cannot read {raw}: {exc}") from exc
        return parse_sites(text, raw)
    if raw.endswith(".toml") or "/" in raw:
        raise BadArgument(f"sites: no such file {raw!r}")
    shipped = parse_sites(SHIPPED_SITES.read_text("utf-8"), SHIPPED_SITES.name)
    groups = sorted({entry.group for entry in shipped})
    chosen = [e for e in shipped if raw in (e.group, ALL_GROUPS)]
    if not chosen:
        raise BadArgument(
            f"sites: {raw!r} is neither a file nor a group of the shipped sites file "
            f"(groups: {', '.join(groups)}, or {ALL_GROUPS})"
        )
    return chosen
