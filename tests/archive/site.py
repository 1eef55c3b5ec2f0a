"""A tiny local web site (stdlib http.server, 127.0.0.1, port 0) for the archive tests.

It serves what the WARC writer and the files pipeline must cope with: gzip
bodies, chunked bodies, a POST form, images, real and fake documents, and
``Content-Disposition`` names that try to leave the download folder. Every
answer is logged with the exact bytes sent, so tests can compare the archive
with what went over the wire.
"""

from __future__ import annotations

import gzip
import struct
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1>{body}</body></html>"""


def png(width: int = 2, height: int = 2) -> bytes:
    """A valid, tiny PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x00\x80\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
FAKE_PDF = PAGE.format(title="Lỗi", body="<p>Không tìm thấy tệp</p>").encode()
BIG = bytes(range(256)) * 64  # 16 KiB, for truncation
TRAVERSAL_NAMES = {
    "1": 'attachment; filename="../../evil.pdf"',
    "2": 'attachment; filename="/etc/passwd"',
    "3": "attachment; filename*=UTF-8''a%00b%2F..%2Fc.pdf",
    "4": 'attachment; filename="CON"',
    "5": 'attachment; filename="' + "x" * 300 + '.pdf"',
    "6": 'attachment; filename="..\\..\\win.doc"',
}

ARTICLE_1 = PAGE.format(
    title="Hội nghị tổng kết hoạt động KH&CN năm 2017",
    body=(
        "<p>Sáng ngày 19/01/2018, Sở Khoa học và Công nghệ tổ chức hội nghị.</p>"
        '<img src="/img/p.png" alt="Ảnh hội nghị">'
        '<a href="/docs/report.pdf">Báo cáo</a> <a href="/docs/fake.pdf">Tệp lỗi</a>'
    ),
)
ARTICLE_2 = PAGE.format(
    title="Tin thứ hai",
    body=(
        "<p>Nội dung tin thứ hai.</p>"
        '<img src="/img/p.png"><img src="/img/copy.png">'
        + "".join(f'<a href="/dl/{n}">Tệp {n}</a>' for n in sorted(TRAVERSAL_NAMES))
        + '<a href="/files/..%2F..%2Furl-evil.pdf">url</a> <a href="/gone.pdf">404</a>'
    ),
)
HOME = PAGE.format(
    title="Trang chủ",
    body=(
        '<a href="/a1.html">Tin 1</a> <a href="/a2.html">Tin 2</a> '
        '<a href="/gz.html">gzip</a> <a href="/chunked.html">chunked</a> '
        '<a href="/big.bin">big</a>'
        '<form method="post" action="/list"><input name="__EVENTTARGET" value="pager">'
        '<input name="__EVENTARGUMENT" value="Page$2"></form>'
    ),
)


@dataclass
class Served:
    """One answer the site sent."""

    method: str
    path: str
    request_body: bytes
    status: int
    body: bytes  # bytes on the wire (compressed when Content-Encoding was sent)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        self._answer(b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(self.rfile.read(length))

    def _answer(self, body_in: bytes) -> None:
        path = self.path
        headers: dict[str, str] = {}
        status, ctype, body = 200, "text/html; charset=utf-8", b""
        if path == "/robots.txt":
            ctype, body = "text/plain", b"User-agent: *\nDisallow: /private/\n"
        elif path == "/":
            body = HOME.encode()
        elif path == "/a1.html":
            body = ARTICLE_1.encode()
        elif path == "/a2.html":
            body = ARTICLE_2.encode()
        elif path == "/gz.html":
            body = PAGE.format(title="Nén gzip", body="<p>nén</p>" * 50).encode()
            if "gzip" in (self.headers.get("Accept-Encoding") or ""):
                body = gzip.compress(body, mtime=0)
                headers["Content-Encoding"] = "gzip"
        elif path == "/chunked.html":
            self._chunked(PAGE.format(title="Chunked", body="<p>từng khúc</p>" * 20).encode())
            return
        elif path == "/list" and self.command == "POST":
            form = parse_qs(body_in.decode())
            page = form.get("__EVENTARGUMENT", ["?"])[0]
            body = PAGE.format(title=f"Danh sách {page}", body="<p>POST answer</p>").encode()
        elif path in ("/img/p.png", "/img/copy.png"):
            ctype, body = "image/png", png()
        elif path == "/docs/report.pdf":
            ctype, body = "application/pdf", PDF
        elif path == "/docs/fake.pdf":
            ctype, body = "application/pdf", FAKE_PDF
        elif path.startswith("/dl/") and path[4:] in TRAVERSAL_NAMES:
            ctype, body = "application/octet-stream", PDF + path.encode()
            headers["Content-Disposition"] = TRAVERSAL_NAMES[path[4:]]
        elif path == "/files/..%2F..%2Furl-evil.pdf":
            ctype, body = "application/pdf", PDF + b"url"
        elif path == "/big.bin":
            ctype, body = "application/octet-stream", BIG
        else:
            status, body = 404, b"<html><body>not found</body></html>"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        self.server.log(Served(self.command, path, body_in, status, body))

    def _chunked(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(body), 100):
            piece = body[start : start + 100]
            self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")
        self.server.log(Served(self.command, self.path, b"", 200, body))


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.served: list[Served] = []
        self._lock = threading.Lock()

    def log(self, served: Served) -> None:
        with self._lock:
            self.served.append(served)


@dataclass
class LocalSite:
    """A running local site: its base URL and the log of what it served."""

    url: str
    server: _Server

    @property
    def served(self) -> list[Served]:
        return list(self.server.served)


@contextmanager
def local_site() -> Iterator[LocalSite]:
    """Serve the test site in a thread for the duration of the ``with`` block."""
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalSite(f"http://127.0.0.1:{server.server_address[1]}", server)
    finally:
        server.shutdown()
        server.server_close()
