"""Run the replica in a subprocess for tests and benchmarks (stdlib only).

with run_replica(articles=60, seed=7, skin="classic") as rep:
    rep.url            # http://127.0.0.1:PORT
    rep.truth()        # the ground truth dict
    rep.log(); rep.clear_log(); rep.publish(3); rep.edit(article_id)
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]


class Replica:
    """A running replica process and its admin endpoints."""

    def __init__(self, proc: subprocess.Popen, url: str) -> None:
        self.proc, self.url = proc, url

    def _call(self, method: str, path: str) -> Any:
        req = urllib.request.Request(
            self.url + path, method=method, data=b"" if method == "POST" else None
        )
        with urllib.request.urlopen(req, timeout=60) as resp:
            return json.loads(resp.read().decode("utf-8"))

    def truth(self) -> dict[str, Any]:
        """The current ground truth (changes after publish/edit)."""
        return self._call("GET", "/__replica__/truth.json")

    def log(self) -> list[dict[str, Any]]:
        """Requests seen so far: [{"method", "path", "status", "t", "agent"}] (admin calls
        excluded; ``agent`` is the request's User-Agent).

        ``t`` is the request's arrival time (epoch seconds): rates are measured from it.
        """
        return self._call("GET", "/__replica__/log")

    def clear_log(self) -> None:
        self._call("POST", "/__replica__/log/clear")

    def publish(self, n: int = 1) -> list[dict[str, Any]]:
        """Publish *n* new articles dated now; returns their ground truth."""
        return self._call("POST", f"/__replica__/publish?count={n}")

    def edit(self, article_id: str) -> dict[str, Any]:
        """Change an article's body (and mark it updated); returns its new ground truth."""
        return self._call("POST", f"/__replica__/edit?id={quote(article_id, safe='')}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@contextlib.contextmanager
def run_replica(
    articles: int = 60,
    seed: int = 7,
    skin: str = "classic",
    port: int = 0,
    broken: bool = False,
    truth_out: str | None = None,
) -> Iterator[Replica]:
    """Start `python -m tests.replica` and stop it on exit."""
    cmd = [
        sys.executable,
        "-m",
        "tests.replica",
        "--port",
        str(port),
        "--articles",
        str(articles),
        "--seed",
        str(seed),
        "--skin",
        skin,
    ]
    if broken:
        cmd.append("--broken")
    if truth_out:
        cmd += ["--truth-out", truth_out]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("http://"):
            raise RuntimeError(f"replica did not start (exit code {proc.poll()}): {line!r}")
        rep = Replica(proc, line)
        yield rep
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.stdout:
            proc.stdout.close()
