"""Offline demo: start the bundled replica portal, harvest it, show what came out.

    make demo        (or: .venv/bin/python scripts/demo.py [--skin modern] [--articles 60])

Runs ``scrapy crawl portal`` (both walks: channels and the date archive) over
the replica's whole date range, with politeness lifted for 127.0.0.1 only, and
writes the real exports to ``exports/portal/<start time>.jsonl`` and ``.csv``
(plus the run report, when that extension is on).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.replica.process import run_replica  # noqa: E402
from tests.replica.site import SKINS  # noqa: E402

LOOPBACK = [
    "-s", "AUTOTHROTTLE_ENABLED=0",
    "-s", "DOWNLOAD_DELAY=0",
    "-s", "CONCURRENT_REQUESTS=16",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
]  # fmt: skip


def newest(folder: Path, suffix: str) -> Path | None:
    files = sorted(folder.glob(f"*{suffix}"), key=lambda path: path.stat().st_mtime)
    return files[-1] if files else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skin", default="classic", choices=SKINS, help="replica markup skin")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with run_replica(articles=args.articles, seed=args.seed, skin=args.skin) as replica:
        truth = replica.truth()
        first, last = truth["first_day"], truth["last_day"]
        print(
            f"replica ({args.skin}) at {replica.url}: {len(truth['articles'])} articles, "
            f"{first} .. {last}"
        )
        command = [
            sys.executable, "-m", "scrapy", "crawl", "portal",
            "-a", f"site={replica.url}", "-a", f"since={first}", "-a", f"until={last}",
            "-a", "max_days=20000",
            *LOOPBACK,
        ]  # fmt: skip
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="kcn_crawler.settings")
        code = subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
    folder = ROOT / "exports" / "portal"
    jsonl, csv = newest(folder, ".jsonl"), newest(folder, ".csv")
    count = sum(1 for line in jsonl.open(encoding="utf-8") if line.strip()) if jsonl else 0
    print(f"\nscrapy exit code {code}; {count} articles harvested")
    for label, path in (("JSON Lines", jsonl), ("CSV", csv), ("report", newest(folder, ".html"))):
        if path:
            print(f"  {label:10} {path.relative_to(ROOT)}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
