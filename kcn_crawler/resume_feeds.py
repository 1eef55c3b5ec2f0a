"""``-O file`` in a resumed job appends instead of destroying the first run's export.

A job whose earlier run was interrupted (``JOBDIR/kcn_job.json`` not
finished) skips the articles that run already exported. Overwriting that
run's ``-O`` file would lose them. So before the crawl starts:

* a JSON Lines or CSV ``-O`` file (``.jsonl``/``.jl``/``.csv``) is appended to
  instead (the CSV exporter writes no second header), with one log line;
* a file in a format that cannot be appended to (``.json``, ``.xml``, …) or a
  remote feed is refused with one line (exit status 2), unless it is empty or
  absent.

A ``kill -9`` can land between an article's export and its record in the
catalog; the resumed run then also skips the articles the appended files
already hold (``exported_ids``), after cutting a line the kill tore in two.
The union of the runs' exports then holds every article exactly once.
"""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from kcn_crawler.catalog.jobs import JOB_FILE
from kcn_crawler.params import BadArgument

logger = logging.getLogger(__name__)

APPENDABLE_FORMATS = frozenset({"jsonlines", "jsonl", "jl", "csv"})
APPENDED = "KCN_RESUME_APPENDED"  # setting: [[path, format], ...] a resumed run appends to


def interrupted_job(jobdir: str | Path | None) -> str | None:
    """The id of ``jobdir``'s job when an earlier run left it unfinished, else None."""
    if not jobdir:
        return None
    try:
        data = json.loads((Path(jobdir) / JOB_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not data.get("id") or data.get("state") == "finished":
        return None
    return str(data["id"])


def local_path(uri: str) -> Path | None:
    """The file a feed URI writes, or None for a remote feed."""
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme and len(parts.scheme) > 1:  # s3://, ftp://, … (not a drive letter)
        return None
    return Path(uri)


def keep_earlier_exports(settings: Any) -> None:
    """Turn ``-O`` into append for a resumed job; BadArgument when that cannot be done.

    ``settings`` are the command's settings, before the crawler is created.
    """
    jobdir = settings.get("JOBDIR")
    job = interrupted_job(jobdir)
    if job is None:
        return
    feeds = settings.getdict("FEEDS")
    appended: list[list[str]] = []
    for uri, options in feeds.items():
        if not isinstance(options, dict) or not options.get("overwrite"):
            continue
        text = str(uri)
        path = local_path(text)
        if "%(" in text:
            continue  # a templated name is a new file for every run
        if path is not None and (not path.exists() or path.stat().st_size == 0):
            continue  # nothing to lose
        fmt = str(options.get("format") or "").lower()
        if path is None or fmt not in APPENDABLE_FORMATS:
            raise BadArgument(
                f"-O {text}: JOBDIR {jobdir} resumes an interrupted job whose articles are in "
                "this file; overwriting would lose them (use a .jsonl or .csv file, which a "
                "resumed job appends to, or another file name)"
            )
        feeds[uri] = {**options, "overwrite": False}
        appended.append([str(path), fmt])
        cut_torn_record(path, fmt)
        logger.warning(
            "Resuming interrupted job %s (JOBDIR %s): appending to %s instead of overwriting "
            "it, which holds what the earlier run exported",
            job,
            jobdir,
            text,
        )
    if appended:
        settings.set("FEEDS", feeds, priority="cmdline")
        settings.set(APPENDED, appended, priority="cmdline")


def overwritten_files(settings: Any) -> dict[Path, float]:
    """The existing local files that ``-O`` targets (path → modification time)."""
    found: dict[Path, float] = {}
    for uri, options in settings.getdict("FEEDS").items():
        if not isinstance(options, dict) or not options.get("overwrite") or "%(" in str(uri):
            continue
        path = local_path(str(uri))
        if path is not None and path.is_file():
            found[path] = path.stat().st_mtime
    return found


def drop_stale(earlier: dict[Path, float]) -> None:
    """After a crawl that reached its site and exported nothing: an ``-O`` file it did not
    write would pass an earlier run's articles off as this one's; it goes."""
    for path, mtime in earlier.items():
        if path.is_file() and path.stat().st_mtime == mtime:
            path.unlink()
            logger.info("-O %s: this run exported nothing; the earlier file is removed", path)


def cut_torn_record(path: Path, fmt: str) -> None:
    """Cut what a kill left after the file's last whole record (JSON Lines line, CSV row)."""
    data = path.read_bytes()
    end = b"\r\n" if fmt == "csv" else b"\n"  # csv rows end in CRLF, newlines in cells are LF
    if not data or data.endswith(end):
        return
    keep = data.rfind(end) + len(end) if end in data else 0
    with path.open("r+b") as handle:
        handle.truncate(keep)
    logger.warning("%s: cut %d bytes of a record torn by the interruption", path, len(data) - keep)


def exported_ids(settings: Any) -> set[str]:
    """The article ids the files a resumed run appends to already hold."""
    ids: set[str] = set()
    for path_text, fmt in settings.getlist(APPENDED):
        path = Path(path_text)
        if not path.exists():
            continue
        if fmt == "csv":
            ids |= _csv_ids(path)
        else:
            ids |= _jsonl_ids(path)
    return ids


def _jsonl_ids(path: Path) -> set[str]:
    ids: set[str] = set()
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and record.get("id"):
                ids.add(str(record["id"]))
    return ids


def _csv_ids(path: Path) -> set[str]:
    ids: set[str] = set()
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        rows = csv.reader(handle)
        try:
            header = next(rows, [])
            if not header or header[0] != "id":
                return ids
            for row in rows:
                if len(row) == len(header) and row[0]:
                    ids.add(row[0])
        except csv.Error:
            pass  # a torn last row
    return ids
