"""The sites file: entries, groups, and bad entries named by their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcn_crawler.multisite import per_site_feeds, with_slug
from kcn_crawler.params import BadArgument
from kcn_crawler.sites import SHIPPED_SITES, load_sites, parse_sites

GOOD = """\
# a province
[thanhhoa.tinh]
url = "https://ThanhHoa.gov.vn/portal/Pages/default.aspx"
delay = 1.5
concurrency = 1
autothrottle = false

[thanhhoa.skhcn]
url = "skhcn.thanhhoa.gov.vn"
skip_channels = ["Video"]

[dienbien.tinh]
url = "http://127.0.0.1:8080"
"""


def test_entries_with_their_overrides() -> None:
    first, second, third = parse_sites(GOOD, "x.toml")
    assert (first.group, first.name, first.root, first.line) == (
        "thanhhoa", "tinh", "https://thanhhoa.gov.vn", 2,
    )  # fmt: skip
    assert first.settings() == {
        "DOWNLOAD_DELAY": 1.5,
        "AUTOTHROTTLE_START_DELAY": 1.5,
        "DOWNLOAD_DELAY_JITTER": 0.0,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "AUTOTHROTTLE_ENABLED": False,
    }
    assert second.root == "https://skhcn.thanhhoa.gov.vn"
    assert second.skip_channels == ("Video",) and second.settings() == {}
    assert third.slug == "127.0.0.1_8080" and third.line == 12


@pytest.mark.parametrize(
    ("bad", "line", "words"),
    [
        ('[a.one]\nurl = "https://a.gov.vn"\n\n[a.two]\nurl = "ftp://b"\n', 4, "scheme"),
        ('[a.one]\nurl = "https://a.gov.vn"\n[a.two]\ndelay = -1\nurl = "b.vn"\n', 3, "delay"),
        ('\n\n[g.x]\nurl = "a.vn"\nconcurency = 2\n', 3, "unknown key 'concurency'"),
        ('[g.x]\nurl = "a.vn"\nconcurrency = 0\n', 1, "concurrency"),
        ('[g.x]\nurl = "a.vn"\nautothrottle = "yes"\n', 1, "autothrottle"),
        ('[g.x]\nurl = "a.vn"\nskip_channels = "Video"\n', 1, "skip_channels"),
        ('[g.x]\nurl = "a.vn"\n\n[h.y]\nurl = "https://A.vn/"\n', 4, "already [g.x] (line 1)"),
        ("[g.x]\nname = 1\n", 1, "unknown key"),
        ('[g."x y"]\ndelay = 1\n', 1, "url is missing"),
    ],
)
def test_bad_entry_names_its_line(bad: str, line: int, words: str) -> None:
    with pytest.raises(BadArgument) as error:
        parse_sites(bad, "mine.toml")
    message = str(error.value)
    assert f"mine.toml:{line}:" in message, message
    assert words in message, message


def test_not_toml_or_empty() -> None:
    with pytest.raises(BadArgument, match="not valid TOML"):
        parse_sites("[g.x\n", "f.toml")
    with pytest.raises(BadArgument, match=r"no \[GROUP\.NAME\] entry"):
        parse_sites("# nothing\n", "f.toml")
    with pytest.raises(BadArgument, match="not a group"):
        parse_sites('url = "a.vn"\n', "f.toml")


def test_shipped_file_groups_hold_the_real_hosts() -> None:
    entries = load_sites("all")
    groups = {entry.group for entry in entries}
    assert groups == {"thanhhoa", "dienbien", "ninhthuan", "namdinh", "mpi"}
    hosts = {entry.root.removeprefix("https://") for entry in entries}
    anatomy = (SHIPPED_SITES.parents[1] / "docs" / "anatomy.md").read_text("utf-8")
    line = next(row for row in anatomy.splitlines() if row.startswith("| hosts |"))
    assert hosts == {part.strip("` ") for part in line.split("|")[2].split(",")}
    assert {e.root for e in load_sites("dienbien")} == {
        "https://dienbien.gov.vn",
        "https://svhttdl.dienbien.gov.vn",
        "https://btctdbp.svhttdl.dienbien.gov.vn",
    }


def test_file_or_group_or_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD, "utf-8")
    assert len(load_sites(str(path))) == 3
    with pytest.raises(BadArgument, match="neither a file nor a group"):
        load_sites("hanoi")
    with pytest.raises(BadArgument, match="no such file"):
        load_sites(str(tmp_path / "missing.toml"))


def test_per_site_file_names() -> None:
    assert with_slug("exports/news/2026.jsonl", "a.vn") == "exports/news/2026-a.vn.jsonl"
    assert with_slug("out", "a.vn") == "out-a.vn"
    feeds = per_site_feeds({"out.csv": {"format": "csv"}, "s3://b/x.jl": {}}, "h_1")
    assert feeds == {"out-h_1.csv": {"format": "csv"}, "s3://b/x.jl": {}}
