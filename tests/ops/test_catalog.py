"""The SQLite catalog: articles, revisions, runs, jobs, archive days, concurrent writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from kcn_crawler.catalog import Catalog, CatalogError, content_hash
from kcn_crawler.catalog.jobs import close_job, discard_scheduler_queue, load_job
from kcn_crawler.catalog.schema import SCHEMA_VERSION

SITE = "http://127.0.0.1:1"


def article(aid: str, text: str = "body", title: str = "Title") -> dict[str, object]:
    return {
        "id": aid,
        "url": f"{SITE}/portal/Pages/{aid}.aspx",
        "site": SITE,
        "title": title,
        "text": text,
        "published": "2018-01-31T00:00:00+07:00",
        "channel": "Tin hoạt động",
    }


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    cat = Catalog(tmp_path / "exports" / "catalog.sqlite")
    yield cat
    cat.close()


def test_new_then_unchanged_then_changed(catalog: Catalog) -> None:
    run = catalog.start_run("news", SITE, {"site": SITE})
    assert catalog.record_item(run, article("2018-1-31/a")) == ("new", 1)
    assert catalog.record_item(run, article("2018-1-31/a")) == ("unchanged", 1)
    assert catalog.record_item(run, article("2018-1-31/a", text="edited")) == ("changed", 2)
    assert catalog.classify(SITE, "2018-1-31/a", content_hash("Title", "edited")) == (
        "unchanged",
        2,
    )
    assert catalog.classify(SITE, "2018-1-31/b", "x") == ("new", 1)
    row = catalog.conn.execute("SELECT * FROM articles").fetchone()
    assert row["revision"] == 2 and row["first_seen"] <= row["last_seen"]
    assert row["content_hash"] == content_hash("Title", "edited")


def test_the_database_is_in_wal_mode(catalog: Catalog) -> None:
    assert catalog.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert catalog.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_runs_record_counts_and_exit_status(catalog: Catalog) -> None:
    first = catalog.start_run("news", SITE, {"site": SITE})
    catalog.finish_run(
        first, finish_reason="finished", exit_code=0, failed_checks=[], counts={"items": 5}
    )
    second = catalog.start_run("news", SITE, {"site": SITE}, incremental=True, kind="incremental")
    catalog.finish_run(
        second,
        finish_reason="finished",
        exit_code=3,
        failed_checks=["http_errors: 9 of 10"],
        counts={"items": 1, "seen": 7},
    )
    killed = catalog.start_run("news", SITE, {})
    full = catalog.recent_runs("news", SITE, kinds=["full"], limit=5, exclude=killed)
    assert [run["run_id"] for run in full] == [first]
    assert full[0]["items"] == 5
    incremental = catalog.recent_runs("news", SITE, kinds=["incremental"], limit=5)
    assert incremental[0]["exit_code"] == 3 and incremental[0]["seen"] == 7
    assert catalog.run(killed)["end"] is None


def test_listing_marks_and_days(catalog: Catalog) -> None:
    run = catalog.start_run("archive", SITE, {})
    catalog.record_item(run, article("2018-1-31/a"), {"Tin hoạt động": "31/01/2018"})
    catalog.save_marks(SITE, [("2018-1-31/a", "archive", "31-01-2018")])
    assert catalog.marks(SITE) == {
        "2018-1-31/a": {"Tin hoạt động": "31/01/2018", "archive": "31-01-2018"}
    }
    catalog.mark_days_completed(SITE, ["2018-01-31", "2018-02-01"], run)
    assert catalog.completed_days(SITE) == {"2018-01-31", "2018-02-01"}
    assert catalog.months(SITE) == [("2018-01", 1)]


def test_job_articles_are_those_its_runs_emitted(catalog: Catalog) -> None:
    one = catalog.start_run("news", SITE, {}, job="job-1")
    catalog.record_item(one, article("a"))
    other = catalog.start_run("news", SITE, {}, job="job-2")
    catalog.record_item(other, article("b"))
    again = catalog.start_run("news", SITE, {}, job="job-1")
    catalog.record_item(again, article("c"))
    assert catalog.job_articles("job-1") == {"a", "c"}


def test_job_file_lifecycle(tmp_path: Path) -> None:
    jobdir = tmp_path / "job"
    job = load_job(jobdir)
    assert not job.resumed
    assert load_job(jobdir) == job  # same process: same job
    close_job(job, finished=False)
    resumed = load_job(jobdir)
    assert resumed.id == job.id and resumed.resumed
    close_job(resumed, finished=True)
    assert load_job(jobdir).id != job.id
    (jobdir / "requests.queue").mkdir()
    assert discard_scheduler_queue(jobdir)
    assert not (jobdir / "requests.queue").exists()


def test_a_job_left_running_by_a_dead_process_is_resumed(tmp_path: Path) -> None:
    jobdir = tmp_path / "job"
    jobdir.mkdir()
    (jobdir / "kcn_job.json").write_text('{"id": "abc", "state": "running", "pid": -1}')
    job = load_job(jobdir)
    assert job.id == "abc" and job.resumed


def test_a_file_that_is_not_a_catalog_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite"
    path.write_bytes(b"this is not a database, just text" * 100)
    with pytest.raises(CatalogError, match="catalog"):
        Catalog(path)


def _writer(path: str, worker: int, count: int, start: multiprocessing.synchronize.Event) -> None:
    catalog = Catalog(path, timeout=60)
    start.wait(30)
    run = catalog.start_run("news", SITE, {"worker": worker})
    for i in range(count):
        catalog.record_item(run, article(f"shared-{i}", text=f"v{worker}"))
        catalog.record_item(run, article(f"w{worker}-{i}"))
    catalog.finish_run(run, finish_reason="finished", exit_code=0, failed_checks=[], counts={})
    catalog.close()


def test_two_processes_writing_at_once_leave_a_sound_catalog(tmp_path: Path) -> None:
    path = str(tmp_path / "catalog.sqlite")
    Catalog(path).close()
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    count = 150
    workers = [context.Process(target=_writer, args=(path, w, count, start)) for w in (1, 2)]
    for process in workers:
        process.start()
    start.set()
    for process in workers:
        process.join(120)
        assert process.exitcode == 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3 * count
    assert conn.execute("SELECT count(*) FROM run_items").fetchone()[0] == 4 * count
    assert conn.execute("SELECT count(*) FROM runs WHERE end IS NOT NULL").fetchone()[0] == 2
    conn.close()


def test_a_catalog_of_schema_1_gains_the_kind_of_its_runs(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE runs (run_id INTEGER PRIMARY KEY AUTOINCREMENT, spider TEXT NOT NULL,"
        " site TEXT NOT NULL, args TEXT NOT NULL DEFAULT '{}',"
        " incremental INTEGER NOT NULL DEFAULT 0, job TEXT, pid INTEGER, start TEXT NOT NULL,"
        " end TEXT, finish_reason TEXT, exit_code INTEGER, failed_checks TEXT, requests INTEGER,"
        " items INTEGER, seen INTEGER, new INTEGER, changed INTEGER, unchanged INTEGER,"
        " skipped INTEGER, dropped INTEGER, errors INTEGER, extracted INTEGER, fallback INTEGER,"
        " report TEXT);"
        "INSERT INTO runs (spider, site, incremental, start, finish_reason, seen)"
        " VALUES ('news', 'http://x', 0, 't', 'finished', 50),"
        " ('news', 'http://x', 1, 't', 'finished', 12);"
        "PRAGMA user_version = 1;"
    )
    conn.close()
    catalog = Catalog(path)
    full = catalog.recent_runs("news", "http://x", kinds=["full"], limit=5)
    incremental = catalog.recent_runs("news", "http://x", kinds=["incremental"], limit=5)
    assert [r["seen"] for r in full] == [50] and [r["seen"] for r in incremental] == [12]
    assert catalog.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert catalog.site_pages("http://x") == {}  # version 3's table is there
    catalog.close()
    Catalog(path).close()  # opening it again changes nothing


def test_a_jobs_history_is_its_other_runs_and_what_they_emitted(catalog: Catalog) -> None:
    first = catalog.start_run("news", SITE, {}, job="j1")
    catalog.record_item(first, article("2018-1-31/a"))
    catalog.record_item(first, article("2018-1-31/b"))
    other = catalog.start_run("news", SITE, {}, job="j2")
    catalog.record_item(other, article("2018-1-31/c"))
    second = catalog.start_run("news", SITE, {}, job="j1", kind="resumed")
    catalog.record_item(second, article("2018-1-31/d"))
    assert catalog.job_history("j1", second) == (1, 2)
    assert catalog.job_history("j2", None) == (1, 1)
    assert not catalog.has_articles("http://elsewhere") and catalog.has_articles(SITE)
