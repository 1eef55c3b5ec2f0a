"""Deploy to a Scrapyd on 127.0.0.1 with ``scrapyd-deploy``, schedule a crawl, find its items.

Scrapyd gets its own config and folders in a temporary directory; the project
is deployed from a copy (``scrapyd-deploy`` writes a ``setup.py`` and a
``build/`` beside ``scrapy.cfg``), with the ``[deploy]`` URL pointed at it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.ops.helpers import PROJECT_ROOT, read_jsonl, wait_for
from tests.ops.test_monitor import free_port
from tests.replica.process import run_replica

pytestmark = pytest.mark.crawl

BIN = Path(sys.executable).parent
SCRAPYD_CONF = """[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = {root}/eggs
logs_dir = {root}/logs
dbs_dir = {root}/dbs
items_dir =
max_proc = 1
poll_interval = 0.2
"""


def api(base: str, endpoint: str, data: list[tuple[str, str]] | None = None) -> Any:
    body = urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(base + endpoint, data=body, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def answers(base: str) -> bool:
    try:
        return api(base, "daemonstatus.json").get("status") == "ok"
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    if not (BIN / "scrapyd").exists() or not (BIN / "scrapyd-deploy").exists():
        pytest.skip(
            "scrapyd and scrapyd-client are not installed (pip install scrapyd scrapyd-client)"
        )
    root = tmp_path / "scrapyd"
    root.mkdir()
    port = free_port()
    (root / "scrapyd.conf").write_text(SCRAPYD_CONF.format(port=port, root=root))
    log = (root / "scrapyd.log").open("w")
    process = subprocess.Popen(
        [str(BIN / "scrapyd"), "--pidfile", str(root / "scrapyd.pid")],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: answers(base) or process.poll() is not None, 60, "scrapyd to answer")
        assert process.poll() is None, (root / "scrapyd.log").read_text()
        yield base, root
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def deploy(base: str, tmp_path: Path) -> dict[str, Any]:
    """``scrapyd-deploy`` from a copy of the project whose ``[deploy]`` URL is ``base``."""
    project = tmp_path / "project"
    shutil.copytree(
        PROJECT_ROOT / "kcn_crawler",
        project / "kcn_crawler",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    config = (PROJECT_ROOT / "scrapy.cfg").read_text().replace("http://127.0.0.1:6800/", base)
    assert base in config
    (project / "scrapy.cfg").write_text(config)
    done = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "--version", "r1"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_deploy_schedule_and_find_the_items(scrapyd: tuple[str, Path], tmp_path: Path) -> None:
    base, root = scrapyd
    answer = deploy(base, tmp_path)
    assert answer["status"] == "ok" and answer["spiders"] == 3, answer
    with run_replica(articles=60, seed=7, skin="classic") as replica:
        truth = {article["id"] for article in replica.truth()["articles"]}
        job = api(
            base,
            "schedule.json",
            [
                ("project", "kcn_crawler"),
                ("spider", "news"),
                ("site", replica.url),
                ("setting", "AUTOTHROTTLE_ENABLED=0"),
                ("setting", "DOWNLOAD_DELAY=0"),
                ("setting", "CONCURRENT_REQUESTS_PER_DOMAIN=8"),
            ],
        )
        assert job["status"] == "ok", job

        def finished() -> bool:
            jobs = api(base, "listjobs.json?project=kcn_crawler")
            return any(entry["id"] == job["jobid"] for entry in jobs["finished"])

        wait_for(finished, 180, "the scheduled crawl to finish", step=0.2)
    exports = sorted((root / "exports" / "news").glob("*.jsonl"))
    assert len(exports) == 1, list(root.rglob("*"))
    items = read_jsonl(exports[0])
    assert len(items) > len(truth) / 2
    assert {item["id"] for item in items} <= truth
    assert exports[0].with_suffix(".html").exists()  # the run's report
    assert (root / "exports" / "catalog.sqlite").exists()
    log = (root / "logs" / "kcn_crawler" / "news" / f"{job['jobid']}.log").read_text()
    assert "Monitor:" in log
