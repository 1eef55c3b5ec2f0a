"""WARC archive of every HTTP exchange of a crawl (``-s KCN_WARC=1``).

Every response the downloader receives — robots.txt, pages, postback answers,
redirects, errors, images and attachments fetched by the files pipeline — is
written with its request as WARC 1.1 records under ``KCN_WARC_DIR``:
``<spider>-<start>-<n>.warc.gz`` plus a CDXJ index ``<spider>-<start>-<n>.cdxj``.

The exchange is taken from the ``response_downloaded`` signal, which Scrapy sends
before any downloader middleware runs: the body is the one transferred (still
compressed when ``Content-Encoding`` says so) and matches the recorded headers.
Responses that never reach the network (an HTTP cache hit) are not recorded.

Archive-day answers that list no article (most days of a small site: thousands of
postbacks, each carrying the page's ``__VIEWSTATE`` both ways) are not written
unless ``KCN_WARC_EMPTY_DAYS`` is on: the crawl's last record, a ``metadata``
record (``application/json``), lists them (day, URL, status, capture time).
Whether an answer lists anything is read once the downloader middlewares
decoded it (``response_received``), with the same page object the spider uses.

An unchanged re-fetch (its payload digest already archived by an earlier crawl,
see :mod:`kcn_crawler.warc.digests`) is recorded compactly, so that re-crawling an
unchanged site adds little (``KCN_WARC_REVISIT_REQUESTS`` turns this off):

* a GET: a ``revisit`` record (identical-payload-digest profile, with
  ``WARC-Refers-To-Target-URI``/``-Date`` and the response's HTTP headers) and no
  ``request`` record — WARC makes request records optional, and pywb, like any
  CDX indexer, keys a GET capture by its URL alone;
* a POST: no record at all, but a line in the crawl's last ``metadata`` record
  (``kcn:unchanged-postbacks``: URL, capture time, payload digest, the capture it
  repeats, and the digest of the form body). A POST's request record holds the
  page's ``__VIEWSTATE`` (tens of KB), and without it a revisit would be indexed
  as a GET of the form's URL (pywb keys a POST by its body), shadowing that page.
  The first capture, request and answer, stays the one pywb replays.

A changed payload is always written in full, request and response.
"""

from __future__ import annotations

import itertools
import json
import logging
import platform
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import scrapy
import warcio
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response, TextResponse
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred, DeferredList
from twisted.internet.threads import deferToThread

from kcn_crawler import PROJECT_URL, __version__, stats_keys
from kcn_crawler.pages.listing import ListingPage
from kcn_crawler.warc.digests import DigestIndex
from kcn_crawler.warc.records import Exchange, build_exchange, sha1_digest
from kcn_crawler.warc.writer import RotatingWarcWriter, write_cdxj

logger = logging.getLogger(__name__)

#: Settings recorded in every warcinfo record (with those given on the command line).
INFO_SETTINGS = (
    "USER_AGENT",
    "ROBOTSTXT_OBEY",
    "DOWNLOAD_DELAY",
    "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "AUTOTHROTTLE_ENABLED",
    "DOWNLOAD_MAXSIZE",
    "KCN_WARC_MAX_SIZE",
    "KCN_WARC_MAX_PAYLOAD",
    "KCN_WARC_REVISITS",
    "KCN_WARC_REVISIT_REQUESTS",
    "KCN_FILES",
)
_SECRET_WORDS = ("PASS", "SECRET", "TOKEN", "KEY", "AUTH", "PROXY", "CREDENTIAL")
_SPIDER_ARGS = ("site", "since", "until")


def _mask(name: str, value: Any) -> Any:
    return "***" if any(word in name.upper() for word in _SECRET_WORDS) else value


def command_line_arguments(argv: list[str]) -> dict[str, str]:
    """The ``-a NAME=VALUE`` spider arguments of a ``scrapy crawl`` command line."""
    args: dict[str, str] = {}
    for flag, value in itertools.pairwise(argv):
        if flag == "-a" and "=" in value:
            name, _, val = value.partition("=")
            args[name] = val
    return args


class WarcArchiver:
    """Scrapy extension writing WARC files, CDXJ indexes and a payload digest index."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.folder = Path(settings.get("KCN_WARC_DIR") or "exports/warc")
        self.max_size = settings.getint("KCN_WARC_MAX_SIZE", 1_000_000_000)
        self.max_payload = settings.getint("KCN_WARC_MAX_PAYLOAD", 64 * 1024 * 1024)
        self.revisits = settings.getbool("KCN_WARC_REVISITS", True)
        self.make_index = settings.getbool("KCN_WARC_CDXJ", True)
        self.empty_days = settings.getbool("KCN_WARC_EMPTY_DAYS", False)
        # write a revisit's request record (and unchanged POSTs as revisits), as before
        self.revisit_requests = settings.getbool("KCN_WARC_REVISIT_REQUESTS", False)
        # archive-day answers waiting to be read: request -> the response as downloaded
        self._held: WeakKeyDictionary[Request, Response] = WeakKeyDictionary()
        self._empty: list[dict[str, Any]] = []
        self._unchanged_posts: list[dict[str, Any]] = []
        db = settings.get("KCN_WARC_DIGEST_DB") or self.folder / "digests.sqlite3"
        self.digest_db = Path(db)
        self.writer: RotatingWarcWriter | None = None
        self.digests: DigestIndex | None = None
        self._jobs: list[Deferred[Any]] = []
        self._started: WeakKeyDictionary[Request, datetime] = WeakKeyDictionary()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcArchiver:
        """Build the extension; :class:`NotConfigured` unless ``KCN_WARC`` is on."""
        if not crawler.settings.getbool("KCN_WARC"):
            raise NotConfigured  # silent: no "Disabled …" warning on every crawl
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.headers_received, signal=signals.headers_received)
        crawler.signals.connect(ext.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext

    # --- signals ------------------------------------------------------------------

    def spider_opened(self, spider: Spider) -> None:
        """Prepare the writer (files open lazily, on the first exchange)."""
        start = getattr(spider, "kcn_start", None)
        if not isinstance(start, str) or not start.strip():
            start = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        start = "".join(c for c in start if c.isalnum() or c in "-_")
        prefix = f"{spider.name}-{start}"
        # a run id unique even if two crawls share a name and a start second
        self.digests = DigestIndex(self.digest_db, run=f"{prefix}/{uuid.uuid4().hex[:12]}")
        self.writer = RotatingWarcWriter(
            self.folder,
            prefix,
            max_size=self.max_size,
            info=self.warcinfo(spider, prefix),
            on_closed=self._file_closed,
        )
        logger.info("Writing WARC files to %s/%s-*.warc.gz", self.folder, prefix)

    def headers_received(
        self, headers: Any, body_length: int, request: Request, spider: Spider
    ) -> None:
        """Note when the answer started: the exchange's capture time."""
        self._started[request] = datetime.now(UTC)

    def response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        """Write one exchange as it came off the wire."""
        if self.writer is None or self.digests is None:
            return
        kcn = request.meta.get("kcn") or {}
        if not self.empty_days and kcn.get("kind") == "archive_day" and response.status == 200:
            self._held[request] = response  # recorded once read: see response_received
            return
        self._safe_record(response, request)

    def response_received(self, response: Response, request: Request, spider: Spider) -> None:
        """An archive-day answer held back: record it unless it lists no article."""
        downloaded = self._held.pop(request, None)
        if downloaded is None:
            return
        if (
            isinstance(response, TextResponse)
            and not ListingPage(response.url, response.text).entries()
        ):
            day = (request.meta.get("kcn") or {}).get("day")
            started = self._started.pop(request, None) or datetime.now(UTC)
            self._empty.append(
                {
                    "day": str(day) if day else None,
                    "url": request.url,
                    "method": request.method,
                    "status": downloaded.status,
                    "date": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
                }
            )
            self.stats.inc_value(stats_keys.WARC_EMPTY_DAYS_NOT_RECORDED)
            return
        self._safe_record(downloaded, request)

    def _safe_record(self, response: Response, request: Request) -> None:
        try:
            self._record(response, request)
        except Exception:
            self.stats.inc_value(stats_keys.WARC_ERRORS)
            logger.exception("WARC: could not record %s", request.url)

    def _write_listed(self, spider: Spider) -> None:
        """One metadata record listing the exchanges not written as records.

        ``kcn:empty-archive-days``: archive-day answers that listed nothing;
        ``kcn:unchanged-postbacks``: POSTs whose answer an earlier crawl archived.
        Both in day (then URL) order, which also compresses best.
        """
        if not (self._empty or self._unchanged_posts) or self.writer is None:
            return
        first = (self._empty or self._unchanged_posts)[0]
        site = str(getattr(spider, "site", "") or first["url"])

        def order(entry: dict[str, Any]) -> tuple[str, str]:
            return (entry.get("day") or "", entry["url"])

        data = json.dumps(
            {
                "kcn:empty-archive-days": sorted(self._empty, key=order),
                "kcn:unchanged-postbacks": sorted(self._unchanged_posts, key=order),
            },
            ensure_ascii=False,
            indent=0,
        ).encode("utf-8")
        self.writer.write_metadata(site, data, "application/json")
        self.stats.inc_value(stats_keys.WARC_RECORDS_METADATA)

    async def spider_closed(self, spider: Spider, reason: str) -> None:
        """Close the last file and wait for the CDXJ indexes to be written."""
        if self.writer is None:
            return
        for request, response in list(self._held.items()):  # never read: keep them
            self._safe_record(response, request)
        self._held.clear()
        self._write_listed(spider)
        self.writer.close()
        try:
            await maybe_deferred_to_future(DeferredList(self._jobs, consumeErrors=True))
        finally:
            if self.digests is not None:
                self.digests.close()

    # --- work ---------------------------------------------------------------------

    def _record(self, response: Response, request: Request) -> None:
        assert self.writer is not None and self.digests is not None
        exchange = build_exchange(
            method=request.method,
            url=request.url,
            request_headers=request.headers.items(),
            request_body=request.body,
            status=response.status,
            protocol=response.protocol,
            response_headers=response.headers.items(),
            body=response.body,
            flags=response.flags,
            ip_address=str(response.ip_address) if response.ip_address else None,
            captured=self._started.pop(request, None),
            max_payload=self.max_payload,
        )
        name = self.writer.target_name()
        storable = exchange.status == 200 and not exchange.truncated and bool(exchange.payload)
        revisit_of = None
        if storable and self.revisits:
            revisit_of = self.digests.previous(exchange.payload_digest)
        if storable and revisit_of is None:
            self.digests.add(exchange.payload_digest, exchange.url, exchange.date, name)
        post = request.method.upper() == "POST"
        if revisit_of and post and not self.revisit_requests:
            self._list_unchanged_post(exchange, request, revisit_of)
            return
        with_request = revisit_of is None or self.revisit_requests
        self.writer.write(exchange, revisit_of, with_request=with_request)
        self.stats.inc_value(
            stats_keys.WARC_RECORDS_REQUEST if with_request else stats_keys.WARC_REQUESTS_OMITTED
        )
        self.stats.inc_value(
            stats_keys.WARC_RECORDS_REVISIT if revisit_of else stats_keys.WARC_RECORDS_RESPONSE
        )
        if exchange.truncated:
            self.stats.inc_value(stats_keys.warc_truncated(exchange.truncated))
        if post:
            self.stats.inc_value(stats_keys.WARC_RECORDS_POST)

    def _list_unchanged_post(
        self, exchange: Exchange, request: Request, revisit_of: tuple[str, str]
    ) -> None:
        """A POST answered as an earlier crawl archived it: one line, no record."""
        day = (request.meta.get("kcn") or {}).get("day")
        self._unchanged_posts.append(
            {
                "day": str(day) if day else None,
                "url": exchange.url,
                "method": request.method.upper(),
                "status": exchange.status,
                "date": exchange.date,
                "payload-digest": exchange.payload_digest,
                "refers-to-uri": revisit_of[0],
                "refers-to-date": revisit_of[1],
                "request-body-digest": sha1_digest(request.body),
            }
        )
        self.stats.inc_value(stats_keys.WARC_UNCHANGED_POSTS)

    def _file_closed(self, path: Path) -> None:
        """A WARC file is complete: remember its digests, count it, index it."""
        if self.digests is not None:
            self.digests.commit(path.name)
        self.stats.inc_value(stats_keys.WARC_FILES)
        self.stats.inc_value(stats_keys.WARC_BYTES, path.stat().st_size)
        if not self.make_index:
            return
        job = deferToThread(write_cdxj, path)
        job.addCallbacks(self._indexed, self._index_failed, errbackArgs=(path,))
        self._jobs.append(job)

    def _indexed(self, cdxj: Path) -> None:
        self.stats.inc_value(stats_keys.WARC_INDEXES)
        logger.info("WARC index written: %s", cdxj)

    def _index_failed(self, failure: Any, path: Path) -> None:
        self.stats.inc_value(stats_keys.WARC_INDEX_ERRORS)
        logger.error("WARC: could not index %s: %s", path, failure.getErrorMessage())

    def warcinfo(self, spider: Spider, prefix: str) -> dict[str, str]:
        """Fields of the warcinfo record: software, crawl, arguments, settings."""
        settings = self.crawler.settings
        chosen: dict[str, Any] = {name: settings.get(name) for name in INFO_SETTINGS}
        cmdline = SETTINGS_PRIORITIES["cmdline"]
        for name in settings:
            if settings.getpriority(name) == cmdline:
                chosen[name] = settings.get(name)
        arguments = {k: getattr(spider, k) for k in _SPIDER_ARGS if getattr(spider, k, None)}
        arguments.update(command_line_arguments(sys.argv))
        return {
            "software": f"kcn_crawler/{__version__} (+{PROJECT_URL})",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/"
            "specifications/warc-format/warc-1.1/",
            "isPartOf": prefix,
            "description": f"scrapy crawl {spider.name}",
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "http-header-user-agent": str(settings.get("USER_AGENT") or ""),
            "arguments": json.dumps(arguments, ensure_ascii=False, sort_keys=True),
            "settings": json.dumps(
                {k: _mask(k, v) for k, v in sorted(chosen.items())},
                ensure_ascii=False,
                default=str,
            ),
            "tools": f"Scrapy/{scrapy.__version__} warcio/{_warcio_version()} "
            f"Python/{platform.python_version()}",
        }


def _warcio_version() -> str:
    try:
        from importlib.metadata import version

        return version("warcio")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return getattr(warcio, "__version__", "?")
