"""Run real ``scrapy crawl`` processes against the replica and score their output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kcn_crawler.normalize.text import token_f1

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Politeness lifted for the replica on 127.0.0.1 only.
LOOPBACK_SETTINGS = (
    "AUTOTHROTTLE_ENABLED=0",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS=16",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
    "LOG_LEVEL=INFO",
)


@dataclass
class CrawlRun:
    """What one ``scrapy crawl`` process left behind."""

    returncode: int
    stderr: str
    items: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    workdir: Path | None = None

    def by_id(self) -> dict[str, dict[str, Any]]:
        return {item["id"]: item for item in self.items}


def scrapy_env() -> dict[str, str]:
    env = dict(os.environ)
    env["SCRAPY_SETTINGS_MODULE"] = "kcn_crawler.settings"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    return env


def run_crawl(
    spider: str,
    workdir: Path,
    *args: str,
    settings: tuple[str, ...] = LOOPBACK_SETTINGS,
    output: str | None = "items.jsonl",
    timeout: float = 600,
) -> CrawlRun:
    """Run ``scrapy crawl SPIDER ARGS`` in ``workdir``; read its items and stats."""
    workdir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "scrapy", "crawl", spider, *args]
    for setting in (*settings, f"KCN_STATS_FILE={workdir / 'stats.json'}"):
        command += ["-s", setting]
    if output:
        command += ["-O", str(workdir / output)]
    done = subprocess.run(
        command,
        cwd=workdir,
        env=scrapy_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    run = CrawlRun(done.returncode, done.stderr, workdir=workdir)
    if output and (workdir / output).exists():
        run.items = read_jsonl(workdir / output)
    if (workdir / "stats.json").exists():
        run.stats = json.loads((workdir / "stats.json").read_text("utf-8"))
    return run


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def complete_jsonl_lines(path: Path) -> int:
    """Lines a running crawl has finished writing to ``path`` (its last may be half done)."""
    return path.read_bytes().count(b"\n") if path.exists() else 0


@dataclass
class Score:
    """How a crawl's items compare with the replica's ground truth."""

    missing: list[str]
    unexpected: list[str]
    duplicates: list[str]
    problems: list[str]

    @property
    def recall_precision_ok(self) -> bool:
        return not (self.missing or self.unexpected or self.duplicates)


def score(items: list[dict[str, Any]], truth: list[dict[str, Any]], min_f1: float) -> Score:
    """Compare items with ground-truth articles field by field."""
    counts = Counter(item["id"] for item in items)
    got = {item["id"]: item for item in items}
    want = {article["id"]: article for article in truth}
    problems: list[str] = []
    for aid in sorted(set(got) & set(want)):
        item, article = got[aid], want[aid]
        for name in ("title", "published", "author", "author_role"):
            if item.get(name) != article.get(name):
                problems.append(f"{aid}: {name} {item.get(name)!r} != {article.get(name)!r}")
        f1 = token_f1(item.get("text") or "", article.get("text") or "")
        if f1 < min_f1:
            problems.append(f"{aid}: text token-F1 {f1:.3f} < {min_f1}")
        if item.get("url", "").lower() != article.get("url", "").lower():
            problems.append(f"{aid}: url {item.get('url')!r} != {article.get('url')!r}")
    return Score(
        missing=sorted(set(want) - set(got)),
        unexpected=sorted(set(got) - set(want)),
        duplicates=sorted(aid for aid, n in counts.items() if n > 1),
        problems=problems,
    )


def trap_requests(crawl: Any) -> list[str]:
    """Requests the crawl made to the calendar trap, print views or sign-in pages."""
    prefixes = tuple(prefix.lower() for prefix in crawl.truth["trap_prefixes"])
    patterns = [re.compile(pattern, re.I) for pattern in crawl.truth.get("trap_patterns", [])]
    return [
        entry["path"]
        for entry in crawl.log
        if entry["path"].lower().startswith(prefixes)
        or any(pattern.search(entry["path"]) for pattern in patterns)
    ]
