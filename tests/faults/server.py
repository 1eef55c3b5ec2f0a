"""A small hostile portal on 127.0.0.1: a healthy skeleton with one fault per test.

``HostileSite`` serves, on a thread of the test process, a minimal portal the
crawler reads (home with one or more channels, listings, articles, robots.txt);
a test replaces any path with a *fault*: a function that writes whatever it
likes on the raw socket. Each server is bounded: it answers at most
``max_requests`` requests (then closes connections unanswered) and shuts itself
down after ``lifetime`` seconds, whatever the crawler does.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Fault = Callable[["Handler"], None]

ROBOTS_OK = b"User-agent: *\nDisallow: /_layouts/\n"
BODY = (
    "Sở Khoa học và Công nghệ tỉnh Thanh Hóa tổ chức hội nghị tổng kết công tác năm {n}, "
    "với sự tham gia của đại diện các sở, ban, ngành và doanh nghiệp trên địa bàn tỉnh. "
    "Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ khoa học và công nghệ, đồng thời "
    "đề ra phương hướng cho năm tới."
)


def article_path(n: int, day: int = 1) -> str:
    """The portal's article URL shape: ``/portal/Pages/2018-01-DD/Tin-so-N.aspx``."""
    return f"/portal/Pages/2018-01-{day:02d}/Tin-so-{n}.aspx"


def article_title(n: int) -> str:
    return f"Hội nghị tổng kết khoa học công nghệ số {n}"


def article_html(n: int, day: int = 1, *, head: str = "", body: str | None = None) -> str:
    """An article page: title, date line, a few paragraphs (``body`` replaces them)."""
    paragraphs = (
        body
        if body is not None
        else "".join(f"<p>{BODY.format(n=2000 + n + i)}</p>" for i in range(3))
    )
    return (
        f"<html><head><meta charset='utf-8'><title>{article_title(n)}</title>{head}</head>"
        f"<body><div id='content'><h1 class='title'>{article_title(n)}</h1>"
        f"<p class='date'>Ngày {day:02d}/01/2018</p>"
        f"<div class='body'>{paragraphs}</div></div></body></html>"
    )


def listing_html(links: list[tuple[str, str, str]], next_href: str | None = None) -> str:
    """A channel listing: (href, title, dd/mm/yyyy) per entry, an optional "Trang sau"."""
    items = "".join(
        f"<li><a href='{href}'>{title}</a> <span class='date'>({shown})</span></li>"
        for href, title, shown in links
    )
    pager = f"<div class='pager'><a href='{next_href}'>Trang sau</a></div>" if next_href else ""
    return (
        "<html><head><meta charset='utf-8'><title>Tin hoạt động</title></head><body>"
        f"<h2>Tin hoạt động</h2><ul class='news'>{items}</ul>{pager}</body></html>"
    )


def home_html(channels: list[tuple[str, str]]) -> str:
    menu = "".join(f"<li><a href='{href}'>{name}</a></li>" for href, name in channels)
    return (
        "<html><head><meta charset='utf-8'><title>Sở KH&amp;CN</title></head><body>"
        f"<ul class='menu'>{menu}</ul><p>Trang chủ</p></body></html>"
    )


class Handler(BaseHTTPRequestHandler):
    """One request; ``self.server.site`` decides what is written."""

    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _dispatch(self) -> None:
        site = self.server.site
        if not site.count(self.command, self.path):
            self.close_connection = True
            return
        site.agents.add(self.headers.get("User-Agent", ""))
        with site._lock:
            site.inflight += 1
            site.max_inflight = max(site.max_inflight, site.inflight)
        try:
            site.route(self.path)(self)
        finally:
            with site._lock:
                site.inflight -= 1

    do_GET = do_POST = do_HEAD = _dispatch

    # helpers for faults
    def send(
        self,
        status: int,
        body: bytes | str,
        ctype: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: HostileSite


@dataclass
class HostileSite:
    """A minimal portal whose paths a test may replace with faults."""

    articles: int = 3
    routes: dict[str, Fault] = field(default_factory=dict)
    max_requests: int = 400
    lifetime: float = 90.0
    log: list[tuple[str, str]] = field(default_factory=list)
    agents: set[str] = field(default_factory=set)
    inflight: int = 0
    max_inflight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def channel(self) -> str:
        return "/portal/KenhTin/Tin-hoat-dong.aspx"

    def count(self, method: str, path: str) -> bool:
        """Record a request; False once the server's request budget is spent."""
        with self._lock:
            self.log.append((method, path))
            return len(self.log) <= self.max_requests

    def paths(self) -> list[str]:
        return [path for _method, path in self.log]

    def route(self, path: str) -> Fault:
        plain = path.split("?", 1)[0]
        for key in (path, plain):
            if key in self.routes:
                return self.routes[key]
        return self.default

    def default(self, h: Handler) -> None:
        path = h.path.split("?", 1)[0]
        if path == "/robots.txt":
            h.send(200, ROBOTS_OK, "text/plain")
        elif path in ("/", "/portal/Pages/default.aspx"):
            h.send(200, home_html([(self.channel, "Tin hoạt động")]))
        elif path == self.channel:
            links = [
                (article_path(n), article_title(n), "01/01/2018")
                for n in range(1, self.articles + 1)
            ]
            h.send(200, listing_html(links))
        elif path.startswith("/portal/Pages/2018-01-") and path.endswith(".aspx"):
            try:
                n = int(path.rsplit("-", 1)[1].removesuffix(".aspx"))
                day = int(path.split("/")[3].rsplit("-", 1)[1])
            except ValueError:
                h.send(404, "not found")
                return
            h.send(200, article_html(n, day))
        else:
            h.send(404, "not found")


@contextlib.contextmanager
def serve(site: HostileSite) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (free port) until the block ends or its lifetime passes."""
    server = _Server(("127.0.0.1", 0), Handler)
    server.site = site
    server.timeout = 1
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
    )
    thread.start()
    timer = threading.Timer(site.lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        timer.cancel()
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
