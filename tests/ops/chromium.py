"""Headless Chromium (Debian's ``chromium`` package) for looking at the run reports."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is missing: `apt-get install chromium` (Debian) to run this test",
)


def _run(page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="kcn-chromium-") as profile:
        return subprocess.run(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )


def dump_dom(page: Path) -> str:
    """The DOM Chromium built from ``page`` (offline: file:// only)."""
    done = _run(page, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(page: Path, png: Path, size: str = "1200,1600") -> Path:
    """A PNG of ``page`` as Chromium renders it."""
    done = _run(page, f"--screenshot={png}", f"--window-size={size}")
    assert done.returncode == 0 and png.exists(), done.stderr[-2000:]
    return png
