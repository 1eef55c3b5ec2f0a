"""``-s JOBDIR=…`` crawls killed midway (SIGTERM, SIGKILL) and started again lose nothing.

Each test starts a slowed-down crawl, waits (polling its export, with a
deadline) until some but not all articles are written, kills it, runs the same
command again to the end, and compares the union of the exports with an
uninterrupted crawl of the same replica: every article exactly once. With
``-O file`` the file is the union: the resumed run appends to it (JSON Lines
and CSV), or refuses to start when its format cannot be appended to.
"""

from __future__ import annotations

import csv
import json
import signal
import sqlite3
import subprocess
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.crawl.helpers import complete_jsonl_lines
from tests.ops.helpers import (
    SLOW,
    crawl,
    crawl_command,
    export_files,
    read_jsonl,
    scrapy_env,
    wait_for,
)
from tests.replica.process import Replica, run_replica

pytestmark = pytest.mark.crawl


@pytest.fixture(scope="module")
def replica() -> Iterator[Replica]:
    with run_replica(articles=60, seed=7, skin="classic") as running:
        yield running


@pytest.fixture(scope="module")
def reference(replica: Replica, tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The articles an uninterrupted crawl emits."""
    run = crawl(tmp_path_factory.mktemp("reference"), "news", replica.url)
    assert run.items, run.stderr[-3000:]
    return {item["id"] for item in run.items}


def exported_lines(workdir: Path) -> int:
    # complete lines only: the crawler may be halfway through writing the last one
    return sum(complete_jsonl_lines(path) for path in export_files(workdir, "news"))


@pytest.mark.parametrize("kill", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killed_and_restarted_crawl_emits_every_article_once(
    kill: signal.Signals, replica: Replica, reference: set[str], tmp_path: Path
) -> None:
    command = crawl_command("news", replica.url, settings=SLOW)
    first = subprocess.Popen(
        command, cwd=tmp_path, env=scrapy_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        written = wait_for(
            lambda: exported_lines(tmp_path) >= 10 or first.poll() is not None,
            deadline=90,
            what="the first run to export 10 articles",
        )
        assert written and first.poll() is None, "the crawl ended before it could be killed"
        first.send_signal(kill)
        first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    before = exported_lines(tmp_path)
    assert 0 < before < len(reference), f"killed too late: {before} of {len(reference)} exported"

    second = crawl(tmp_path, "news", replica.url, settings=SLOW, timeout=300)
    assert second.stats.get("finish_reason") == "finished", second.stderr[-3000:]
    assert "Resuming job" in second.stderr
    assert second.stats["kcn/resume/already_emitted"] == before

    union = [item["id"] for path in export_files(tmp_path, "news") for item in read_jsonl(path)]
    duplicates = [aid for aid, count in Counter(union).items() if count > 1]
    assert duplicates == []
    assert set(union) == reference


def kill_midway(command: list[str], workdir: Path, exported: Callable[[], int], total: int) -> int:
    """Start ``command``, ``kill -9`` it once it exported some articles; how many it did."""
    first = subprocess.Popen(
        command, cwd=workdir, env=scrapy_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        written = wait_for(
            lambda: exported() >= 10 or first.poll() is not None,
            deadline=90,
            what="the first run to export 10 articles",
        )
        assert written and first.poll() is None, "the crawl ended before it could be killed"
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    before = exported()
    assert 0 < before < total, f"killed too late: {before} of {total} exported"
    return before


def csv_rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def csv_ids(path: Path) -> list[str]:
    return [row[0] for row in csv_rows(path)[1:]]


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv"])
def test_overwrite_output_of_a_resumed_job_keeps_the_first_runs_articles(
    name: str, replica: Replica, reference: set[str], tmp_path: Path
) -> None:
    out = tmp_path / name

    def ids() -> list[str]:
        if name.endswith(".csv"):
            return csv_ids(out)
        if not out.exists():
            return []
        # complete lines only: the crawler may be halfway through writing the last one (a
        # broken line anywhere else still fails to parse)
        *complete, _tail = out.read_bytes().split(b"\n")
        return [json.loads(line)["id"] for line in complete if line.strip()]

    command = [*crawl_command("news", replica.url, settings=SLOW), "-O", name]
    before = kill_midway(command, tmp_path, lambda: len(ids()), len(reference))

    second = subprocess.run(
        command, cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=300
    )
    assert "Resuming job" in second.stderr, second.stderr[-3000:]
    assert f"appending to {name}" in second.stderr
    exported = ids()
    assert len(exported) > before
    assert sorted(exported) == sorted(reference)  # every article, each once
    if name.endswith(".csv"):
        text = out.read_text("utf-8")
        assert text.startswith("\ufeffid,") and text.count("\ufeffid,") == 1
        assert [row[0] for row in csv_rows(out)].count("id") == 1  # one header


def test_overwrite_output_that_cannot_be_appended_to_is_refused(
    replica: Replica, reference: set[str], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    command = [*crawl_command("news", replica.url, settings=SLOW), "-O", "out.jsonl"]
    # complete lines only: the crawler may be halfway through writing the last one
    kill_midway(command, tmp_path, lambda: out.read_bytes().count(b"\n") if out.exists() else 0, 60)
    as_json = tmp_path / "out.json"
    as_json.write_text("[]", "utf-8")  # an earlier run's JSON export of that job
    kept = out.read_bytes()
    resumed = [*crawl_command("news", replica.url, settings=SLOW), "-O", "out.json"]
    refused = subprocess.run(
        resumed, cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=120
    )
    assert refused.returncode == 2
    lines = [line for line in refused.stderr.splitlines() if "bad argument" in line]
    assert len(lines) == 1 and "-O out.json" in lines[0] and "JOBDIR" in lines[0]
    assert as_json.read_text("utf-8") == "[]" and out.read_bytes() == kept


def test_a_kill_between_export_and_catalog_and_a_torn_line_lose_and_repeat_nothing(
    replica: Replica, reference: set[str], tmp_path: Path
) -> None:
    """The two things a ``kill -9`` can leave: the last exported article not yet in the
    catalog (simulated by deleting its record), and half a line at the end of the file."""
    out = tmp_path / "out.jsonl"

    def ids() -> list[str]:
        return [item["id"] for item in read_jsonl(out)] if out.exists() else []

    command = [*crawl_command("news", replica.url, settings=SLOW), "-O", "out.jsonl"]
    kill_midway(command, tmp_path, lambda: complete_jsonl_lines(out), len(reference))
    exported = ids()
    with sqlite3.connect(tmp_path / "exports" / "catalog.sqlite") as conn:
        conn.execute("DELETE FROM run_items WHERE article_id = ?", (exported[-1],))
    with out.open("ab") as handle:
        handle.write('{"id": "torn-by-the-kill", "title": "Hội ngh'.encode())

    second = subprocess.run(
        command, cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=300
    )
    assert "torn by the interruption" in second.stderr, second.stderr[-3000:]
    assert sorted(ids()) == sorted(reference)  # parses, every article once
