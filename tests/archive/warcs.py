"""Reading WARC files back for the tests: records, ``warcio check``, digests."""

from __future__ import annotations

import base64
import gzip
import hashlib
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator


@dataclass
class Record:
    """One WARC record, read back with its payload (raw and content-decoded)."""

    file: str
    type: str
    uri: str
    headers: dict[str, str]
    http_first_line: str
    http_headers: dict[str, str]
    raw: bytes  # payload as stored (still gzip-encoded when Content-Encoding says so)
    content: bytes  # payload with transfer and content encodings undone

    @property
    def status(self) -> int | None:
        """HTTP status of a response or revisit record."""
        if self.type not in ("response", "revisit"):
            return None
        return int(self.http_first_line.split(" ")[1])

    @property
    def method(self) -> str | None:
        """HTTP method of a request record."""
        return self.http_first_line.split(" ")[0] if self.type == "request" else None


def warc_files(folder: Path) -> list[Path]:
    """The finished WARC files of a folder, in name order."""
    return sorted(folder.glob("*.warc.gz"))


def read_records(folder: Path) -> list[Record]:
    """Every record of every finished WARC file in ``folder``."""
    records: list[Record] = []
    for path in warc_files(folder):
        with path.open("rb") as stream:
            for rec in ArchiveIterator(stream):
                http = rec.http_headers
                first = ""
                if http is not None:
                    first = f"{http.protocol} {http.statusline}".strip()
                raw = rec.raw_stream.read()
                records.append(
                    Record(
                        file=path.name,
                        type=rec.rec_type,
                        uri=rec.rec_headers.get_header("WARC-Target-URI") or "",
                        headers=dict(rec.rec_headers.headers),
                        http_first_line=first,
                        http_headers=dict(http.headers) if http is not None else {},
                        raw=raw,
                        content=_decoded(
                            http.get_header("Content-Encoding") if http else None, raw
                        ),
                    )
                )
    return records


def _decoded(content_encoding: str | None, raw: bytes) -> bytes:
    encoding = (content_encoding or "").lower()
    if encoding in ("gzip", "x-gzip"):
        return gzip.decompress(raw)
    if encoding == "deflate":
        return zlib.decompress(raw)
    return raw


def sha1_label(data: bytes) -> str:
    """``sha1:<base32>`` of ``data``, as in WARC-Payload-Digest."""
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def warcio_check(files: list[Path]) -> subprocess.CompletedProcess[str]:
    """Run ``warcio check -v`` on the files (the console script of this interpreter)."""
    script = Path(sys.executable).with_name("warcio")
    fallback = [sys.executable, "-c", "from warcio.cli import main; main()"]
    command = [str(script)] if script.exists() else fallback
    return subprocess.run(
        [*command, "check", "-v", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_well_formed(folder: Path) -> list[Record]:
    """warcio check passes, every record has both digests, pairs are linked."""
    files = warc_files(folder)
    assert files, f"no WARC in {folder}"
    assert not list(folder.glob("*.open")), "unfinished WARC left behind"
    done = warcio_check(files)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "digest pass" in done.stdout
    records = read_records(folder)
    by_id = {r.headers["WARC-Record-ID"]: r for r in records}
    for rec in records:
        assert rec.headers.get("WARC-Block-Digest"), rec.headers
        assert rec.headers.get("WARC-Payload-Digest"), rec.headers
        assert rec.headers["WARC-Date"].endswith("Z")
        if rec.type == "response":
            assert rec.headers["WARC-Payload-Digest"] == sha1_label(rec.raw)
        if rec.type == "request":
            partner = by_id[rec.headers["WARC-Concurrent-To"]]
            assert partner.type in ("response", "revisit")
            assert partner.uri == rec.uri
            assert partner.headers["WARC-Date"] == rec.headers["WARC-Date"]
    for path in files:
        with path.open("rb") as stream:
            first = next(iter(ArchiveIterator(stream)))
            assert first.rec_type == "warcinfo"
        cdxj = path.with_name(path.name.removesuffix(".warc.gz") + ".cdxj")
        assert cdxj.exists(), f"no index beside {path.name}"
    return records
