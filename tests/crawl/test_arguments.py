"""Bad arguments stop ``scrapy crawl`` before any request, with one line naming them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.crawl.helpers import run_crawl

CASES = [
    ("news", ("-a", "site=gopher://127.0.0.1:1"), "site"),
    ("news", ("-a", "site=notaurl"), "site"),
    ("news", ("-a", "sinse=2020-01-01"), "sinse"),
    ("archive", ("-a", "untill=2024-01-01"), "untill"),
    ("news", ("-a", "since=2024-02-30"), "since"),
    ("news", ("-a", "since=2024-05-02", "-a", "until=2024-05-01"), "since"),
    ("archive", ("-a", "until=next week"), "until"),
    ("archive", ("-a", "since=2024-05-02", "-a", "until=2024-05-01"), "since"),
    ("archive", ("-a", "since=1724-01-01", "-a", "until=2024-01-01"), "since"),
    ("portal", ("-a", "since=24-01-2024"), "since"),
]


@pytest.mark.parametrize(("spider", "args", "named"), CASES)
def test_bad_argument_exits_before_any_request(
    spider: str,
    args: tuple[str, ...],
    named: str,
    tmp_path: Path,
    replica_per_skin: Any,
) -> None:
    replica = replica_per_skin("classic")
    replica.clear_log()
    site = () if named == "site" else ("-a", f"site={replica.url}")
    run = run_crawl(spider, tmp_path, *site, *args, output=None, timeout=120)
    assert run.returncode == 2
    messages = [line for line in run.stderr.splitlines() if "bad argument" in line]
    assert len(messages) == 1, run.stderr
    assert f"bad argument: {named}:" in messages[0]
    assert replica.log() == []


def test_a_mistyped_name_is_refused_with_the_argument_meant(
    tmp_path: Path, replica_per_skin: Any
) -> None:
    replica = replica_per_skin("classic")
    replica.clear_log()
    run = run_crawl(
        "news", tmp_path, "-a", f"site={replica.url}", "-a", "sinse=2020-01-01", timeout=120
    )
    assert run.returncode == 2
    assert "bad argument: sinse: unknown argument; did you mean since?" in run.stderr
    assert not (tmp_path / "items.jsonl").exists()
    assert replica.log() == []
