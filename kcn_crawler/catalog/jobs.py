"""A resumable job: the runs that share one ``JOBDIR`` until one of them finishes.

``JOBDIR/kcn_job.json`` names the job. The first run with a JOBDIR creates it;
runs that follow an interrupted one (SIGTERM, SIGKILL, a crash) join the same
job, so the catalog can tell which articles the job already emitted. A run
that finishes its walk closes the job: the next run with that JOBDIR starts a
new one.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

JOB_FILE = "kcn_job.json"
SCHEDULER_QUEUE = "requests.queue"


@dataclass(frozen=True)
class Job:
    """One resumable job."""

    id: str
    jobdir: Path
    resumed: bool  # an earlier run of this job was interrupted


def _write(path: Path, data: dict[str, object]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), "utf-8")
    os.replace(tmp, path)


def load_job(jobdir: str | Path) -> Job:
    """The open job of ``jobdir``, created when there is none (idempotent)."""
    folder = Path(jobdir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / JOB_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        data = {}
    if data.get("id") and data.get("state") != "finished":
        if data.get("state") == "interrupted":
            return Job(str(data["id"]), folder, resumed=True)
        if data.get("pid") != os.getpid():
            # The previous run died without closing: this run resumes it.
            data.update(state="interrupted")
            _write(path, data)
            return Job(str(data["id"]), folder, resumed=True)
        return Job(str(data["id"]), folder, resumed=False)
    data = {"id": uuid.uuid4().hex, "state": "running", "pid": os.getpid()}
    _write(path, data)
    return Job(str(data["id"]), folder, resumed=False)


def close_job(job: Job, finished: bool) -> None:
    """At the end of a run: ``finished`` closes the job, else it stays open to resume."""
    state = "finished" if finished else "interrupted"
    _write(job.jobdir / JOB_FILE, {"id": job.id, "state": state, "pid": os.getpid()})


def discard_scheduler_queue(jobdir: str | Path) -> bool:
    """Remove Scrapy's on-disk request queue; True if there was one.

    After an unclean death the queue's chunk files and bookkeeping disagree
    (stale requests come back, or unpickling fails), and requests that were in
    memory or in flight are missing from it anyway. kcn_crawler resumes by
    walking the navigation again and skipping what the job already emitted,
    which needs no queue.
    """
    queue = Path(jobdir) / SCHEDULER_QUEUE
    if not queue.exists():
        return False
    shutil.rmtree(queue, ignore_errors=True)
    return True
