"""Documents and body images of each article, kept on disk (``-s KCN_FILES=1``).

Scrapy's :class:`~scrapy.pipelines.files.FilesPipeline` downloads every
``images[].url`` and ``attachments[].url`` of an item (through the downloader,
so the WARC archive records them too) into ``FILES_STORE`` (default
``exports/files``). Files are stored by content: ``<sha256[:2]>/<sha256>.<ext>``;
names proposed by the URL or by ``Content-Disposition`` never reach the disk.
Images are kept byte for byte (no conversion, so no Pillow).

Each entry gains ``path`` (relative to ``FILES_STORE``), ``sha256`` and
``mismatch`` (True when the bytes are not of the type the name or
``Content-Type`` claims, e.g. an "x.pdf" that is an HTML error page). An entry
whose download failed gets ``path``/``sha256`` None.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from io import BytesIO
from pathlib import Path
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.pipelines.files import FilesPipeline, FSFilesStore
from scrapy.pipelines.media import FileInfoOrError, MediaPipeline
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from kcn_crawler import stats_keys
from kcn_crawler.warc.media import FileFacts, examine

logger = logging.getLogger(__name__)

DEFAULT_FILES_STORE = "exports/files"
#: item fields holding lists of ``{"url": …}`` entries, and the kind each entry is
FIELDS = (("images", "image"), ("attachments", "attachment"))


def media_entries(item: Any) -> list[tuple[str, dict[str, Any]]]:
    """``(kind, entry)`` for every image and attachment with an http(s) URL, in order."""
    adapter = ItemAdapter(item)
    found: list[tuple[str, dict[str, Any]]] = []
    for field, kind in FIELDS:
        for entry in adapter.get(field) or []:
            url = entry.get("url") if isinstance(entry, dict) else None
            if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
                found.append((kind, entry))
    return found


class ArticleFilesPipeline(FilesPipeline):
    """Download images and attachments to content-addressed files; annotate the item."""

    def __init__(self, store_uri: str, *, crawler: Crawler) -> None:
        super().__init__(store_uri, crawler=crawler)
        settings = crawler.settings
        # SharePoint download links often redirect; follow them unless told otherwise.
        if settings.getpriority("MEDIA_ALLOW_REDIRECTS") in (None, 0):
            self._handle_statuses(True)
        self._facts: dict[str, FileFacts] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build the pipeline; :class:`NotConfigured` unless ``KCN_FILES`` is on."""
        settings = crawler.settings
        if not settings.getbool("KCN_FILES"):
            raise NotConfigured  # silent: no "Disabled …" warning on every crawl
        cls._update_stores(settings)
        store = (
            settings.get("FILES_STORE") or settings.get("KCN_FILES_STORE") or DEFAULT_FILES_STORE
        )
        return cls(store, crawler=crawler)

    # --- requests and results -------------------------------------------------------

    def get_media_requests(self, item: Any, info: MediaPipeline.SpiderInfo) -> list[Request]:
        """One GET per image/attachment entry, referred by the article's page."""
        page = ItemAdapter(item).get("url")
        headers = {"Referer": page} if isinstance(page, str) else None
        return [
            Request(
                entry["url"],
                callback=NO_CALLBACK,
                headers=headers,
                meta={"kcn": {"kind": kind, "article_id": ItemAdapter(item).get("id")}},
            )
            for kind, entry in media_entries(item)
        ]

    def item_completed(
        self, results: list[FileInfoOrError], item: Any, info: MediaPipeline.SpiderInfo
    ) -> Any:
        """Add ``path``, ``sha256`` and ``mismatch`` to each entry, in request order."""
        stats = self.crawler.stats
        for (kind, entry), (ok, result) in zip(media_entries(item), results, strict=False):
            facts = None
            if ok and isinstance(result, dict) and result.get("path"):
                facts = self._facts.get(result["url"])
            if facts is None:
                entry.update(path=None, sha256=None, mismatch=False)
                stats.inc_value(stats_keys.FILES_FAILED)
                continue
            entry.update(path=facts.path, sha256=facts.sha256, mismatch=facts.mismatch)
            stats.inc_value(stats_keys.files_of_kind(kind))
        return item

    async def media_downloaded(
        self,
        response: Response,
        request: Request,
        info: MediaPipeline.SpiderInfo,
        *,
        item: Any = None,
    ) -> Any:
        """Store a 200 answer; any other answer (404, empty body) is a missing file.

        Dead attachment links are common on old portal pages: they are counted
        and logged as warnings, not as errors with a traceback.
        """
        if response.status == 200 and response.body:
            return await super().media_downloaded(response, request, info, item=item)
        logger.warning(
            "File not stored (HTTP %s, %d bytes): %s", response.status, len(response.body), request
        )
        self.crawler.stats.inc_value(stats_keys.files_http_status(response.status))
        return {"url": request.url, "path": None, "checksum": None, "status": "failed"}

    def media_failed(
        self, failure: Failure, request: Request, info: MediaPipeline.SpiderInfo
    ) -> Any:
        """A download that failed outright (DNS, timeout): warn, count, go on."""
        if isinstance(failure.value, IgnoreRequest):
            super().media_failed(failure, request, info)  # raises "filtered", not an error
        logger.warning("File not downloaded: %s: %s", request, failure.getErrorMessage())
        self.crawler.stats.inc_value(stats_keys.FILES_DOWNLOAD_ERRORS)
        return None

    # --- storage ------------------------------------------------------------------

    def file_path(
        self,
        request: Request,
        response: Response | None = None,
        info: MediaPipeline.SpiderInfo | None = None,
        *,
        item: Any = None,
    ) -> str:
        """Content address of a downloaded file.

        Before the download (``response`` None) the address is unknown: a name
        that never exists is returned, so the file is always fetched.
        """
        if response is None:
            return "pending/" + hashlib.sha1(request.url.encode()).hexdigest()
        return self._examine(request, response).path

    def _examine(self, request: Request, response: Response) -> FileFacts:
        disposition = response.headers.get("Content-Disposition")
        content_type = response.headers.get("Content-Type")
        facts = examine(
            request.url,
            response.body,
            disposition.decode("latin-1") if disposition else None,
            content_type.decode("latin-1") if content_type else None,
        )
        self._check_inside_store(facts.path)
        self._facts[request.url] = facts
        return facts

    def _check_inside_store(self, path: str) -> None:
        if isinstance(self.store, FSFilesStore):
            base = Path(self.store.basedir).resolve()
            target = (base / path).resolve()
            if not target.is_relative_to(base):  # pragma: no cover - paths are hex by design
                raise ValueError(f"refusing to store outside {base}: {path!r}")

    def file_downloaded(
        self,
        response: Response,
        request: Request,
        info: MediaPipeline.SpiderInfo,
        *,
        item: Any = None,
    ) -> Any:
        """Store the bytes under their content address; the checksum is the sha256."""
        facts = self._examine(request, response)
        stats = self.crawler.stats
        stats.inc_value(stats_keys.FILES_DOWNLOADED)
        stats.inc_value(stats_keys.FILES_BYTES, len(response.body))
        if facts.mismatch:
            stats.inc_value(stats_keys.FILES_TYPE_MISMATCH)
        return self._store(facts, response.body, info)

    async def _store(self, facts: FileFacts, body: bytes, info: MediaPipeline.SpiderInfo) -> str:
        if isinstance(self.store, FSFilesStore):
            existing = Path(self.store.basedir) / facts.path
            if existing.is_file() and existing.stat().st_size == len(body):
                self.crawler.stats.inc_value(stats_keys.FILES_ALREADY_STORED)
                return facts.sha256
        result = self.store.persist_file(facts.path, BytesIO(body), info)
        if isinstance(result, Deferred):
            from scrapy.utils.defer import maybe_deferred_to_future

            await maybe_deferred_to_future(result)
        elif inspect.isawaitable(result):
            await result
        return facts.sha256
