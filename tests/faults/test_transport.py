"""Hostile HTTP: header floods, bodies, redirects, Retry-After, silence (issue 12)."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from tests.faults.helpers import run
from tests.faults.server import (
    Handler,
    HostileSite,
    article_path,
    article_title,
    free_port,
    serve,
)

pytestmark = pytest.mark.crawl

ALL = {article_title(n) for n in (1, 2, 3)}


def header_flood(h: Handler) -> None:
    """Headers without end: 2 GiB of 1 KiB lines unless the client hangs up first."""
    h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    line = b"X-Flood: " + b"a" * 1014 + b"\r\n"
    chunk = line * 1024
    try:
        for _ in range(2 * 1024):
            h.wfile.write(chunk)
    except OSError:
        pass
    h.close_connection = True


def test_a_header_flood_fails_the_page_in_bounded_memory(tmp_path: Path) -> None:
    site = HostileSite(routes={article_path(2): header_flood})
    with serve(site) as url:
        result = run(tmp_path, url)
    assert result.titles() == ALL - {article_title(2)}
    assert "response headers over" in result.stderr
    assert result.peak_rss_mb < 300, result.peak_rss_mb
    # the lost article is a listed failure, and the crawl says so
    assert result.stats["kcn/http/exceptions"] >= 1


def test_a_server_that_never_answers_fails_in_under_a_minute(tmp_path: Path) -> None:
    """Default settings: accepts connections, never says a byte."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        port = listener.getsockname()[1]
        start = time.monotonic()
        result = run(tmp_path, f"http://127.0.0.1:{port}", settings=("LOG_LEVEL=INFO",))
        elapsed = time.monotonic() - start
    assert elapsed < 60, elapsed
    assert result.returncode == 4  # the site never answered: one line, no exports
    assert any(line.startswith("kcn_crawler: site unreachable") for line in result.check_lines())
    assert result.items == []


def test_nothing_listening_fails_at_once(tmp_path: Path) -> None:
    result = run(tmp_path, f"http://127.0.0.1:{free_port()}", settings=("LOG_LEVEL=INFO",))
    assert result.returncode == 4
    assert any(line.startswith("kcn_crawler: site unreachable") for line in result.check_lines())
    assert result.seconds < 30
