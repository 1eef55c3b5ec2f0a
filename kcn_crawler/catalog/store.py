"""The catalog: every article harvested and every run, in one SQLite file.

It is the state of incremental crawls (what is known, with which content hash
and listing marks), of resumed jobs (what a job already emitted) and a table
researchers can query. All writes are short ``BEGIN IMMEDIATE`` transactions.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kcn_crawler.catalog.schema import DEFAULT_TIMEOUT, CatalogError, connect

RUN_COUNTS = (
    "requests", "items", "seen", "new", "changed", "unchanged", "skipped", "dropped", "errors",
    "extracted", "fallback",
)  # fmt: skip


def _args_json(args: Mapping[str, Any]) -> str:
    return json.dumps(dict(args), default=str, sort_keys=True)


def now_iso() -> str:
    """The current UTC time, ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(title: str | None, text: str | None) -> str:
    """The hash that says whether an article changed: its title and text."""
    data = f"{title or ''}\x1f{text or ''}".encode()
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Known:
    """What the catalog holds about one article."""

    revision: int
    content_hash: str


class Catalog:
    """One connection to the catalog file; use from one thread."""

    def __init__(self, path: str | Path, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.conn = connect(self.path, timeout)

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that waits for the lock up to the busy timeout."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise CatalogError(
                f"catalog {self.path} stayed locked by another process for "
                f"{self.timeout:.0f} s ({exc}); is another crawl stuck?"
            ) from exc
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- runs ---------------------------------------------------------------
    def start_run(
        self,
        spider: str,
        site: str,
        args: Mapping[str, Any],
        *,
        incremental: bool = False,
        kind: str = "full",
        job: str | None = None,
        start: str | None = None,
    ) -> int:
        """Record a run's start (``kind``: full, incremental or resumed); returns its ``run_id``."""
        with self.write() as conn:
            cursor = conn.execute(
                "INSERT INTO runs (spider, site, args, incremental, kind, job, pid, start)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    spider,
                    site,
                    _args_json(args),
                    int(incremental),
                    kind,
                    job,
                    os.getpid(),
                    start or now_iso(),
                ),
            )
            return int(cursor.lastrowid or 0)

    def finish_run(
        self,
        run_id: int,
        *,
        finish_reason: str,
        exit_code: int,
        failed_checks: list[str],
        counts: Mapping[str, int],
        report: str | None = None,
        end: str | None = None,
    ) -> None:
        """Record a run's end, counts and exit status."""
        values = [int(counts.get(name, 0) or 0) for name in RUN_COUNTS]
        columns = ", ".join(f"{name} = ?" for name in RUN_COUNTS)
        with self.write() as conn:
            conn.execute(
                f"UPDATE runs SET end = ?, finish_reason = ?, exit_code = ?, failed_checks = ?,"
                f" report = ?, {columns} WHERE run_id = ?",
                (
                    end or now_iso(),
                    finish_reason,
                    exit_code,
                    json.dumps(failed_checks, ensure_ascii=False),
                    report,
                    *values,
                    run_id,
                ),
            )

    def recent_runs(
        self,
        spider: str,
        site: str,
        *,
        kinds: Iterable[str],
        limit: int,
        exclude: int | None = None,
        args: Mapping[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """The last finished runs of this spider on this site, of these kinds, newest first.

        With ``args``, only runs with the same arguments (the same date range).
        """
        wanted = sorted(set(kinds))
        query = (
            "SELECT * FROM runs WHERE spider = ? AND site = ?"
            f" AND kind IN ({', '.join('?' for _ in wanted)})"
            " AND finish_reason = 'finished' AND run_id != ?"
        )
        params: list[Any] = [spider, site, *wanted, exclude or -1]
        if args is not None:
            query += " AND args = ?"
            params.append(_args_json(args))
        rows = self.conn.execute(query + " ORDER BY run_id DESC LIMIT ?", (*params, limit))
        return [dict(row) for row in rows.fetchall()]

    def run(self, run_id: int) -> dict[str, Any] | None:
        """One run's row."""
        row = self.conn.execute("SELECT * FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        return dict(row) if row else None

    # --- articles -----------------------------------------------------------
    def known(self, site: str) -> dict[str, Known]:
        """Every catalogued article of a site: id → revision and content hash."""
        rows = self.conn.execute(
            "SELECT id, revision, content_hash FROM articles WHERE site = ?", (site,)
        )
        return {row["id"]: Known(row["revision"], row["content_hash"]) for row in rows}

    def lookup(self, site: str, article_id: str) -> Known | None:
        """What the catalog holds about one article, if anything."""
        row = self.conn.execute(
            "SELECT revision, content_hash FROM articles WHERE site = ? AND id = ?",
            (site, article_id),
        ).fetchone()
        return Known(row["revision"], row["content_hash"]) if row else None

    def classify(self, site: str, article_id: str, digest: str) -> tuple[str, int]:
        """``(status, revision)`` an item with this content hash would get."""
        known = self.lookup(site, article_id)
        if known is None:
            return "new", 1
        if known.content_hash != digest:
            return "changed", known.revision + 1
        return "unchanged", known.revision

    def record_item(
        self, run_id: int, item: Mapping[str, Any], marks: Mapping[str, str] | None = None
    ) -> tuple[str, int]:
        """Upsert an emitted article and link it to the run; returns ``(status, revision)``."""
        site, article_id = str(item["site"]), str(item["id"])
        digest = content_hash(item.get("title"), item.get("text"))
        stamp = now_iso()
        with self.write() as conn:
            status, revision = self.classify(site, article_id, digest)
            conn.execute(
                "INSERT INTO articles (site, id, url, title, published, channel, content_hash,"
                " revision, first_seen, last_seen, last_changed)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (site, id) DO UPDATE SET url = excluded.url,"
                " title = excluded.title, published = excluded.published,"
                " channel = COALESCE(articles.channel, excluded.channel),"
                " content_hash = excluded.content_hash, revision = excluded.revision,"
                " last_seen = excluded.last_seen,"
                " last_changed = CASE WHEN articles.content_hash = excluded.content_hash"
                " THEN articles.last_changed ELSE excluded.last_changed END",
                (
                    site, article_id, item.get("url"), item.get("title"), item.get("published"),
                    item.get("channel"), digest, revision, stamp, stamp, stamp,
                ),
            )  # fmt: skip
            conn.execute(
                "INSERT OR REPLACE INTO run_items (run_id, site, article_id, status, revision)"
                " VALUES (?, ?, ?, ?, ?)",
                (run_id, site, article_id, status, revision),
            )
            self._save_marks(conn, site, ((article_id, s, m) for s, m in (marks or {}).items()))
        return status, revision

    def touch(self, site: str, ids: Iterable[str]) -> None:
        """Note that a crawl saw these articles listed (``last_seen``)."""
        stamp = now_iso()
        with self.write() as conn:
            conn.executemany(
                "UPDATE articles SET last_seen = ? WHERE site = ? AND id = ?",
                ((stamp, site, article_id) for article_id in ids),
            )

    # --- listing marks (what a listing showed beside an article) --------------
    def marks(self, site: str) -> dict[str, dict[str, str]]:
        """id → {source (channel name or "archive"): the date the listing showed}."""
        result: dict[str, dict[str, str]] = {}
        rows = self.conn.execute(
            "SELECT id, source, mark FROM listing_marks WHERE site = ?", (site,)
        )
        for row in rows:
            result.setdefault(row["id"], {})[row["source"]] = row["mark"]
        return result

    def save_marks(self, site: str, rows: Iterable[tuple[str, str, str]]) -> None:
        """Store ``(id, source, mark)`` rows."""
        with self.write() as conn:
            self._save_marks(conn, site, rows)

    @staticmethod
    def _save_marks(
        conn: sqlite3.Connection, site: str, rows: Iterable[tuple[str, str, str]]
    ) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO listing_marks (site, id, source, mark) VALUES (?, ?, ?, ?)",
            ((site, article_id, source, mark) for article_id, source, mark in rows),
        )

    # --- the site's pages channel discovery judged -----------------------------
    def site_pages(self, site: str) -> dict[str, bool]:
        """Candidate key → whether it was a channel, as the last run that looked saw it."""
        rows = self.conn.execute("SELECT key, is_channel FROM site_pages WHERE site = ?", (site,))
        return {row["key"]: bool(row["is_channel"]) for row in rows}

    def save_site_pages(self, site: str, rows: Iterable[tuple[str, str, str, bool]]) -> None:
        """Store ``(key, url, name, is_channel)`` rows, stamped now."""
        stamp = now_iso()
        with self.write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO site_pages (site, key, url, name, is_channel, checked)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                ((site, key, url, name, int(ok), stamp) for key, url, name, ok in rows),
            )

    # --- jobs (JOBDIR) and archive days --------------------------------------
    def job_articles(self, job: str) -> set[str]:
        """The ids of the articles a job's runs already emitted."""
        rows = self.conn.execute(
            "SELECT DISTINCT article_id FROM run_items JOIN runs USING (run_id) WHERE runs.job = ?",
            (job,),
        )
        return {row[0] for row in rows}

    def job_history(self, job: str, run_id: int | None) -> tuple[int, int]:
        """``(runs, articles)``: a job's runs other than ``run_id``, and what they emitted."""
        runs = self.conn.execute(
            "SELECT count(*) FROM runs WHERE job = ? AND run_id != ?", (job, run_id or -1)
        ).fetchone()[0]
        articles = self.conn.execute(
            "SELECT count(DISTINCT article_id) FROM run_items JOIN runs USING (run_id)"
            " WHERE runs.job = ? AND run_id != ?",
            (job, run_id or -1),
        ).fetchone()[0]
        return int(runs), int(articles)

    def has_articles(self, site: str) -> bool:
        """Whether the catalog holds any article of ``site``."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE site = ? LIMIT 1", (site,))
        return row.fetchone() is not None

    def completed_days(self, site: str) -> set[str]:
        """The archive days (``YYYY-MM-DD``) a finished run walked completely."""
        rows = self.conn.execute("SELECT day FROM archive_days WHERE site = ?", (site,))
        return {row[0] for row in rows}

    def mark_days_completed(self, site: str, days: Iterable[str], run_id: int | None) -> None:
        """Record archive days as walked completely."""
        stamp = now_iso()
        with self.write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO archive_days (site, day, completed, run_id)"
                " VALUES (?, ?, ?, ?)",
                ((site, day, stamp, run_id) for day in days),
            )

    def months(self, site: str) -> list[tuple[str, int]]:
        """Catalogued articles of a site per publication month, oldest first."""
        rows = self.conn.execute(
            "SELECT substr(published, 1, 7) AS month, count(*) FROM articles"
            " WHERE site = ? AND published IS NOT NULL GROUP BY month ORDER BY month",
            (site,),
        )
        return [(row[0], row[1]) for row in rows]
