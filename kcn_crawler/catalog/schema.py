"""The catalog's SQLite schema and how a connection to it is opened.

WAL journal mode lets readers work while one writer writes; every write runs in
``BEGIN IMMEDIATE`` so two crawls on the same catalog queue for the write lock
(up to the busy timeout) instead of failing half-way or corrupting the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 3
DEFAULT_TIMEOUT = 60.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    site          TEXT NOT NULL,
    id            TEXT NOT NULL,
    url           TEXT NOT NULL,
    title         TEXT,
    published     TEXT,
    channel       TEXT,
    content_hash  TEXT NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 1,
    first_seen    TEXT NOT NULL,
    last_seen     TEXT NOT NULL,
    last_changed  TEXT NOT NULL,
    PRIMARY KEY (site, id)
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (site, published);

CREATE TABLE IF NOT EXISTS listing_marks (
    site    TEXT NOT NULL,
    id      TEXT NOT NULL,
    source  TEXT NOT NULL,
    mark    TEXT NOT NULL,
    PRIMARY KEY (site, id, source)
);

CREATE TABLE IF NOT EXISTS runs (
    run_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    spider        TEXT NOT NULL,
    site          TEXT NOT NULL,
    args          TEXT NOT NULL DEFAULT '{}',
    incremental   INTEGER NOT NULL DEFAULT 0,
    kind          TEXT NOT NULL DEFAULT 'full',
    job           TEXT,
    pid           INTEGER,
    start         TEXT NOT NULL,
    end           TEXT,
    finish_reason TEXT,
    exit_code     INTEGER,
    failed_checks TEXT,
    requests      INTEGER,
    items         INTEGER,
    seen          INTEGER,
    new           INTEGER,
    changed       INTEGER,
    unchanged     INTEGER,
    skipped       INTEGER,
    dropped       INTEGER,
    errors        INTEGER,
    extracted     INTEGER,
    fallback      INTEGER,
    report        TEXT
);
CREATE INDEX IF NOT EXISTS runs_site ON runs (spider, site, start);
CREATE INDEX IF NOT EXISTS runs_job ON runs (job);

CREATE TABLE IF NOT EXISTS run_items (
    run_id      INTEGER NOT NULL REFERENCES runs (run_id),
    site        TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('new', 'changed', 'unchanged')),
    revision    INTEGER NOT NULL,
    PRIMARY KEY (run_id, site, article_id)
);
CREATE INDEX IF NOT EXISTS run_items_article ON run_items (site, article_id);

CREATE TABLE IF NOT EXISTS site_pages (
    site        TEXT NOT NULL,
    key         TEXT NOT NULL,
    url         TEXT NOT NULL,
    name        TEXT,
    is_channel  INTEGER NOT NULL,
    checked     TEXT NOT NULL,
    PRIMARY KEY (site, key)
);

CREATE TABLE IF NOT EXISTS archive_days (
    site       TEXT NOT NULL,
    day        TEXT NOT NULL,
    completed  TEXT NOT NULL,
    run_id     INTEGER,
    PRIMARY KEY (site, day)
);
"""

# Version 1 -> 2: the kind of a run (full, incremental, resumed), the checks' baselines.
MIGRATIONS = {
    2: (
        "ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'full'",
        "UPDATE runs SET kind = 'incremental' WHERE incremental = 1",
    ),
    # 2 -> 3: the pages channel discovery judged (the table is created with the schema)
    3: (),
}


class CatalogError(RuntimeError):
    """The catalog cannot be used; ``str()`` is a one-line explanation."""


def connect(path: str | Path, timeout: float = DEFAULT_TIMEOUT) -> sqlite3.Connection:
    """Open (creating if needed) the catalog at ``path`` in WAL mode."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(target, timeout=timeout, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise CatalogError(f"catalog {target}: cannot switch to WAL mode (got {mode})")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            # another crawl may have upgraded the file while this one waited for the lock
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= 1:
                for number in range(version + 1, SCHEMA_VERSION + 1):
                    for statement in MIGRATIONS[number]:
                        conn.execute(statement)
            for statement in _statements(SCHEMA):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        elif version > SCHEMA_VERSION:
            raise CatalogError(
                f"catalog {target}: schema version {version} is newer than this "
                f"kcn_crawler understands ({SCHEMA_VERSION})"
            )
    except sqlite3.DatabaseError as exc:
        raise CatalogError(f"catalog {target}: {exc}") from exc
    return conn


def _statements(script: str) -> list[str]:
    """Split the schema into single statements (no semicolons inside them)."""
    return [part.strip() for part in script.split(";") if part.strip()]
