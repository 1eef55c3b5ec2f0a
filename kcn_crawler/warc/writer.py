"""Rotating WARC 1.1 files (gzip per record) and their CDXJ indexes.

Files are named ``<prefix>-<n>.warc.gz`` (``n`` from 00000) and written as
``….warc.gz.open`` until closed, so an interrupted crawl never leaves a file that
looks finished. Each file begins with a ``warcinfo`` record. A file is closed
(renamed, then indexed) once it reaches ``max_size`` bytes; a request/response
pair is never split across files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from warcio.recordloader import ArcWarcRecord
from warcio.warcwriter import WARCWriter

from kcn_crawler.warc.records import Exchange, RawHeaders, sha1_digest, warc_date

OPEN_SUFFIX = ".open"


def write_cdxj(warc: Path) -> Path:
    """Write ``<name>.cdxj`` beside ``warc`` with the ``cdxj-indexer`` package.

    The index is sorted (pywb binary-searches it), names the WARC by its base
    name, and keys POST answers by their body (``__wb_post_data``), so a replay
    of a GET never gets a postback's answer.
    """
    from cdxj_indexer.main import CDXJIndexer  # heavy import, only when indexing

    target = cdxj_path(warc)
    tmp = target.with_name(target.name + ".tmp")
    indexer = CDXJIndexer(output=str(tmp), inputs=[str(warc)], sort=True, post_append=True)
    indexer.process_all()
    os.replace(tmp, target)
    return target


def cdxj_path(warc: Path) -> Path:
    """``x.warc.gz`` -> ``x.cdxj`` in the same folder."""
    name = warc.name.removesuffix(OPEN_SUFFIX).removesuffix(".gz").removesuffix(".warc")
    return warc.with_name(name + ".cdxj")


class RotatingWarcWriter:
    """Append exchanges to ``folder/<prefix>-<n>.warc.gz``, rotating at ``max_size`` bytes."""

    def __init__(
        self,
        folder: Path,
        prefix: str,
        *,
        max_size: int,
        info: Mapping[str, str],
        on_closed: Callable[[Path], None] = lambda path: None,
    ) -> None:
        self.folder = folder
        self.prefix = prefix
        self.max_size = max_size
        self.info = dict(info)
        self.on_closed = on_closed
        self.number = -1
        self.closed_files: list[Path] = []
        self._fh: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._path: Path | None = None

    @property
    def current_name(self) -> str | None:
        """Final base name of the file being written, or None when none is open."""
        return self._path.name if self._path else None

    def target_name(self) -> str:
        """Base name of the file the next exchange goes to (opening it if needed)."""
        self._open()
        assert self._path is not None
        return self._path.name

    def _open(self) -> WARCWriter:
        if self._writer is not None:
            return self._writer
        self.folder.mkdir(parents=True, exist_ok=True)
        while True:  # next free number; exclusive creation also guards against a parallel crawl
            self.number += 1
            path = self.folder / f"{self.prefix}-{self.number:05d}.warc.gz"
            if path.exists():
                continue
            try:
                self._fh = open(path.with_name(path.name + OPEN_SUFFIX), "xb")  # noqa: SIM115
            except FileExistsError:
                continue
            break
        self._path = path
        self._writer = WARCWriter(self._fh, gzip=True, warc_version="1.1")
        self._writer.write_record(self._warcinfo(self._writer, path.name))
        return self._writer

    def _warcinfo(self, writer: WARCWriter, filename: str) -> ArcWarcRecord:
        lines = [f"{k}: {v}".replace("\r", " ").replace("\n", " ") for k, v in self.info.items()]
        data = ("\r\n".join(lines) + "\r\n").encode("utf-8")
        return writer.create_warc_record(
            "",
            "warcinfo",
            payload=BytesIO(data),
            length=len(data),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Date": warc_date(),
                "WARC-Filename": filename,
                # The payload of a warcinfo block is the block itself.
                "WARC-Payload-Digest": sha1_digest(data),
            },
        )

    def write(
        self,
        exchange: Exchange,
        revisit_of: tuple[str, str] | None = None,
        *,
        with_request: bool = True,
    ) -> str:
        """Write the request and response (or revisit) records of one exchange.

        ``with_request=False`` writes the response (or revisit) record alone: WARC
        makes request records optional, and a revisit's request says nothing a
        reader needs. Returns the base name of the WARC file that holds them.
        """
        writer = self._open()
        assert self._path is not None and self._fh is not None
        response = self._response_record(writer, exchange, revisit_of)
        if not with_request:
            writer.write_record(response)
            return self._after_write()
        head, _, body = exchange.request_block.partition(b"\r\n\r\n")
        request = writer.create_warc_record(
            exchange.url,
            "request",
            payload=BytesIO(body),
            length=len(body),
            http_headers=RawHeaders(head + b"\r\n\r\n", is_request=True),
            warc_headers_dict={"WARC-Date": exchange.date},
        )
        writer.write_request_response_pair(request, response)
        return self._after_write()

    def _after_write(self) -> str:
        """The current file's name; the file is closed once it reached ``max_size``."""
        assert self._path is not None and self._fh is not None
        name = self._path.name
        if self._fh.tell() >= self.max_size:
            self._close()
        return name

    @staticmethod
    def _response_record(
        writer: WARCWriter, ex: Exchange, revisit_of: tuple[str, str] | None
    ) -> ArcWarcRecord:
        headers = {"WARC-Date": ex.date}
        if ex.ip_address:
            headers["WARC-IP-Address"] = ex.ip_address
        if ex.truncated:
            headers["WARC-Truncated"] = ex.truncated
        http_headers = RawHeaders(ex.response_head, is_request=False)
        if revisit_of:
            uri, date = revisit_of
            return writer.create_revisit_record(
                ex.url,
                ex.payload_digest,
                uri,
                date,
                http_headers=http_headers,
                warc_headers_dict=headers,
            )
        headers["WARC-Payload-Digest"] = ex.payload_digest
        return writer.create_warc_record(
            ex.url,
            "response",
            payload=BytesIO(ex.payload),
            length=len(ex.payload),
            http_headers=http_headers,
            warc_headers_dict=headers,
        )

    def write_metadata(self, uri: str, data: bytes, content_type: str) -> str:
        """Write one ``metadata`` record about ``uri``; returns the file's base name."""
        writer = self._open()
        assert self._path is not None
        record = writer.create_warc_record(
            uri,
            "metadata",
            payload=BytesIO(data),
            length=len(data),
            warc_content_type=content_type,
            warc_headers_dict={"WARC-Date": warc_date(), "WARC-Payload-Digest": sha1_digest(data)},
        )
        writer.write_record(record)
        return self._path.name

    def _close(self) -> None:
        if self._fh is None or self._path is None:
            return
        self._fh.close()
        os.replace(self._path.with_name(self._path.name + OPEN_SUFFIX), self._path)
        path = self._path
        self._fh = self._writer = self._path = None
        self.closed_files.append(path)
        self.on_closed(path)

    def close(self) -> None:
        """Close the open file, if any (it is renamed and handed to ``on_closed``)."""
        self._close()

    def tell(self) -> int:
        """Bytes written to the open file so far (0 when none is open)."""
        return self._fh.tell() if self._fh else 0
