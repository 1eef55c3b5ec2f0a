"""The benchmark script still runs: four Scrapy processes over one small replica.

It measures nothing here (a timing in a test proves nothing); it checks that
``make bench`` would work and that its runs fetch what they should.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.ops.helpers import PROJECT_ROOT

pytestmark = pytest.mark.crawl

ROW = re.compile(r"^(full crawl|navigation|bare spider|reference)\s+(\d+)\s+(\d+)\s", re.M)


def test_bench_crawl_runs_the_four_spiders_over_the_same_pages() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/bench_crawl.py", "--articles", "30"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = {name: (int(pages), int(items)) for name, pages, items in ROW.findall(done.stdout)}
    assert set(rows) == {"full crawl", "navigation", "bare spider", "reference"}, done.stdout
    full, navigation, bare, reference = (
        rows[k] for k in ("full crawl", "navigation", "bare spider", "reference")
    )
    assert full[1] > 0 and navigation[0] == full[0]  # the same walk, page for page
    assert navigation[1] >= full[1]  # every article page counted, readable or not
    assert bare == (reference[0], 0) and reference[1] == reference[0]
    assert "full/reference pages per second:" in done.stdout
    assert "full/bare pages per second:" in done.stdout
    assert "navigation/bare pages per second:" in done.stdout
