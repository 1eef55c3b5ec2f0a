"""A small asyncio HTTP/1.1 server (keep-alive, Content-Length bodies) around App."""

from __future__ import annotations

import asyncio
import contextlib
import time
from email.utils import formatdate

from .app import HEADERS, App, Response

REASONS = {
    200: "OK",
    302: "Found",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


class _Date:
    """The Date header, formatted once a second."""

    value, at = "", 0.0

    @classmethod
    def get(cls) -> str:
        now = time.time()
        if now - cls.at >= 1:
            cls.value, cls.at = formatdate(now, usegmt=True), now
        return cls.value


def encode(resp: Response, keep_alive: bool, head: bool) -> bytes:
    lines = [f"HTTP/1.1 {resp.status} {REASONS.get(resp.status, 'OK')}"]
    lines += [f"{k}: {v}" for k, v in resp.headers]
    lines += [f"{k}: {v}" for k, v in HEADERS]
    lines += [
        f"Date: {_Date.get()}",
        f"Content-Length: {len(resp.body)}",
        f"Connection: {'keep-alive' if keep_alive else 'close'}",
        "",
        "",
    ]
    head_bytes = "\r\n".join(lines).encode("latin-1")
    return head_bytes if head else head_bytes + resp.body


async def _serve_conn(app: App, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            try:
                raw = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                break
            lines = raw.decode("latin-1").split("\r\n")
            try:
                method, target, version = lines[0].split(" ", 2)
            except ValueError:
                writer.write(encode(Response(400, b"bad request"), False, False))
                break
            headers = {}
            for line in lines[1:]:
                k, sep, v = line.partition(":")
                if sep:
                    headers[k.strip().lower()] = v.strip()
            n = int(headers.get("content-length") or 0)
            body = await reader.readexactly(n) if n else b""
            conn = headers.get("connection", "").lower()
            keep = conn != "close" if version == "HTTP/1.1" else conn == "keep-alive"
            try:
                resp = app.handle(method, target, body, agent=headers.get("user-agent", ""))
            except Exception as exc:  # a replica bug must not kill the connection silently
                resp = Response(500, f"replica error: {exc!r}".encode())
            if resp.delay:
                await asyncio.sleep(resp.delay)
            writer.write(encode(resp, keep, method == "HEAD"))
            await writer.drain()
            if not keep:
                break
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        with contextlib.suppress(Exception):
            writer.close()


async def start(app: App, host: str = "127.0.0.1", port: int = 0) -> asyncio.base_events.Server:
    """Start serving *app*; returns the asyncio server (its socket gives the bound port)."""
    return await asyncio.start_server(
        lambda r, w: _serve_conn(app, r, w), host, port, limit=1 << 20, backlog=512
    )
