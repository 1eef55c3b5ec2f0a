"""Start pywb's ``wayback`` on 127.0.0.1 over a folder of WARCs and CDXJ indexes.

pywb lives in its own virtual environment (``.venv-pywb``): its requirements
would replace packages Scrapy relies on (``brotlipy`` shadows ``brotli``; it
pins an older ``pyOpenSSL``). The executable is looked up, in order, in
``$KCN_PYWB_WAYBACK``, ``<project>/.venv-pywb/bin/wayback``, beside this
interpreter, and on ``PATH``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_wayback() -> str | None:
    """Path of pywb's ``wayback`` executable, or None."""
    candidates = [
        os.environ.get("KCN_PYWB_WAYBACK"),
        str(PROJECT_ROOT / ".venv-pywb" / "bin" / "wayback"),
        str(Path(sys.executable).with_name("wayback")),
        shutil.which("wayback"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def require_wayback() -> str:
    """The ``wayback`` executable; skip the test without it (fail under CI)."""
    found = find_wayback()
    if found:
        return found
    message = "pywb not installed: python -m venv .venv-pywb && .venv-pywb/bin/pip install pywb"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def run_pywb(warc_dir: Path, workdir: Path, *, deadline: float = 60) -> Iterator[str]:
    """Serve collection ``kcn`` (WARCs and CDXJ of ``warc_dir``); yields the base URL.

    The collection reads the crawl's own CDXJ files (no re-indexing), so a
    replay also proves the indexes right.
    """
    wayback = require_wayback()
    workdir.mkdir(parents=True, exist_ok=True)
    folder = str(warc_dir.resolve()) + "/"
    (workdir / "config.yaml").write_text(
        f"collections:\n  kcn:\n    archive_paths: {folder}\n    index_paths: {folder}\n",
        encoding="utf-8",
    )
    port = free_port()
    log = (workdir / "wayback.log").open("wb")
    proc = subprocess.Popen(
        [wayback, "-b", "127.0.0.1", "-p", str(port)],
        cwd=workdir,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, proc, time.monotonic() + deadline)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait_ready(base: str, proc: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"wayback exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise TimeoutError("wayback did not answer in time")


def replay(
    base: str, url: str, *, modifier: str = "mp_", timestamp: str = "2100"
) -> tuple[int, bytes]:
    """Fetch ``url`` from collection ``kcn`` (``mp_`` = rewritten page, ``id_`` = as archived).

    pywb answers with the capture closest to ``timestamp`` (default: the latest).
    """
    try:
        with urllib.request.urlopen(
            f"{base}/kcn/{timestamp}{modifier}/{url}", timeout=30
        ) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
