"""Names and types of downloaded documents and images (no Scrapy here).

* :func:`safe_filename` turns a name taken from a URL or a ``Content-Disposition``
  header into one plain file name: no folders, no ``..``, no NUL or control
  characters, no Windows device names, at most 200 UTF-8 bytes.
* :func:`sniff` tells a file's type from its first bytes, and :func:`examine`
  compares it with the type its name (or ``Content-Type``) claims, so an
  ``x.pdf`` whose bytes are an HTML error page is flagged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

MAX_NAME_BYTES = 200
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*\\/]')
_EXT = re.compile(r"^[a-z0-9]{1,10}$")

#: kind claimed by an extension; kinds with a signature in :func:`sniff` can be checked
KIND_BY_EXT = {
    "pdf": "pdf",
    "doc": "ole",
    "xls": "ole",
    "ppt": "ole",
    "docx": "zip",
    "xlsx": "zip",
    "pptx": "zip",
    "odt": "zip",
    "ods": "zip",
    "zip": "zip",
    "rar": "rar",
    "7z": "7z",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "png": "png",
    "gif": "gif",
    "webp": "webp",
    "bmp": "bmp",
    "tif": "tiff",
    "tiff": "tiff",
    "html": "html",
    "htm": "html",
}
KIND_BY_MIME = {
    "application/pdf": "pdf",
    "application/msword": "ole",
    "application/vnd.ms-excel": "ole",
    "application/zip": "zip",
    "application/x-rar-compressed": "rar",
    "application/vnd.rar": "rar",
    "image/jpeg": "jpeg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/bmp": "bmp",
    "image/tiff": "tiff",
}
#: extension to store a file under when its bytes are of another kind than claimed
EXT_BY_KIND = {
    "pdf": "pdf",
    "ole": "doc",
    "zip": "zip",
    "rar": "rar",
    "7z": "7z",
    "jpeg": "jpg",
    "png": "png",
    "gif": "gif",
    "webp": "webp",
    "bmp": "bmp",
    "tiff": "tif",
    "html": "html",
}
_SIGNATURES = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)


def safe_filename(name: str, default: str = "file") -> str:
    """One harmless file name from any name a server or a URL proposes."""
    name = unicodedata.normalize("NFC", name.replace("\x00", ""))
    name = re.split(r"[/\\]", name)[-1]  # last path component only: no folders, no ".."
    name = _UNSAFE.sub("_", name).strip(" .")
    if not name or set(name) <= {"_", "."}:
        name = default
    if _RESERVED.match(name):
        name = "_" + name
    stem, dot, ext = name.rpartition(".")
    if not dot or not _EXT.match(ext.lower()):
        stem, ext = name, ""
    suffix = f".{ext}" if ext else ""
    budget = MAX_NAME_BYTES - len(suffix.encode())
    stem = stem.encode("utf-8")[:budget].decode("utf-8", "ignore").rstrip(" .") or default
    return stem + suffix


def name_from_url(url: str) -> str:
    """Last segment of a URL's path, percent-decoded and made safe."""
    path = unquote(urlsplit(url).path)
    return safe_filename(PurePosixPath(path.replace("\\", "/")).name or "")


def name_from_disposition(value: str | None) -> str | None:
    """The ``filename`` (or RFC 2231/5987 ``filename*``) of a Content-Disposition header."""
    if not value:
        return None
    msg = Message()
    msg["Content-Disposition"] = value.replace("\x00", "")
    try:
        name = msg.get_filename()
    except (ValueError, LookupError):
        return None
    return safe_filename(name) if name else None


def extension(name: str) -> str:
    """Lower-case extension of a safe name ('' when none or not plain alphanumerics)."""
    _, dot, ext = name.rpartition(".")
    ext = ext.lower()
    return ext if dot and _EXT.match(ext) else ""


def sniff(data: bytes) -> str | None:
    """Kind of a file from its first bytes (``pdf``, ``zip``, ``html``…), or None."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return None


@dataclass(frozen=True)
class FileFacts:
    """What a downloaded file is and where it is stored (relative to FILES_STORE)."""

    sha256: str
    path: str
    claimed: str | None
    detected: str | None
    mismatch: bool
    filename: str


def examine(url: str, body: bytes, disposition: str | None, content_type: str | None) -> FileFacts:
    """Hash, name, type-check and place one downloaded file.

    The stored path is ``<sha256[:2]>/<sha256>[.ext]``: only hex digits and a
    plain extension, whatever the server or the URL called the file.
    """
    sha = hashlib.sha256(body).hexdigest()
    url_name = name_from_url(url)
    filename = name_from_disposition(disposition) or url_name
    ext = extension(filename)
    mime = (content_type or "").split(";")[0].strip().lower()
    claimed = KIND_BY_EXT.get(ext) or KIND_BY_MIME.get(mime)
    detected = sniff(body)
    # Every name the file goes by must agree with its bytes: the server's filename
    # and the URL's own extension (a ".jpg" link serving a PDF is flagged even when
    # Content-Disposition calls it "x.pdf").
    claims = {claimed, KIND_BY_EXT.get(extension(url_name))} - {None, "html"}
    mismatch = any(kind != detected for kind in claims)
    # A known, truthful extension is kept (.docx stays .docx); otherwise the
    # extension names what the bytes are ("bin" for unknown bytes posing as a type).
    if mismatch:
        ext = EXT_BY_KIND.get(detected or "", "bin")
    elif ext not in KIND_BY_EXT:
        ext = EXT_BY_KIND.get(detected or claimed or "", ext)
    path = f"{sha[:2]}/{sha}" + (f".{ext}" if ext else "")
    return FileFacts(sha, path, claimed, detected, mismatch, filename)
