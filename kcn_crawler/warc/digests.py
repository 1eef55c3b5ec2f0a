"""A small sqlite index of payload digests, kept beside the WARC files.

It lets a later crawl write a ``revisit`` record (identical-payload-digest
profile) instead of storing the same bytes again. A digest enters the index
only when the WARC file holding its full ``response`` record has been closed,
so a revisit never points at a record that a crashed crawl failed to finish.
Digests seen in the running crawl are not used for revisits: within one crawl
every payload is stored in full.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS payloads (
    digest TEXT PRIMARY KEY,
    uri TEXT NOT NULL,
    date TEXT NOT NULL,
    warc TEXT NOT NULL,
    run TEXT NOT NULL
)
"""


class DigestIndex:
    """Payload digests of earlier crawls: ``digest -> (target URI, WARC-Date)``."""

    def __init__(self, path: Path, run: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.run = run
        self._db = sqlite3.connect(str(path), timeout=30)
        self._db.execute(_SCHEMA)
        self._db.commit()
        # digest -> (uri, date) for records in WARC files not yet closed
        self._pending: dict[str, dict[str, tuple[str, str]]] = {}

    def previous(self, digest: str) -> tuple[str, str] | None:
        """The first capture of ``digest`` by another crawl, if any."""
        row = self._db.execute(
            "SELECT uri, date FROM payloads WHERE digest = ? AND run <> ?", (digest, self.run)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def add(self, digest: str, uri: str, date: str, warc: str) -> None:
        """Remember a full capture written to ``warc`` (kept pending until it closes)."""
        self._pending.setdefault(warc, {}).setdefault(digest, (uri, date))

    def commit(self, warc: str) -> int:
        """Store the digests of a closed WARC file; returns how many were new."""
        rows = [
            (digest, uri, date, warc, self.run)
            for digest, (uri, date) in self._pending.pop(warc, {}).items()
        ]
        before = self._db.total_changes
        self._db.executemany(
            "INSERT OR IGNORE INTO payloads (digest, uri, date, warc, run) VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        self._db.commit()
        return self._db.total_changes - before

    def close(self) -> None:
        """Close the database (pending digests of unclosed files are dropped)."""
        self._db.close()
