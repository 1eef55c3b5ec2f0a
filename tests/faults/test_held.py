"""Faults kcn_crawler already survived when issue 12 was filed: kept from regressing."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
import zlib
from pathlib import Path

import pytest

from tests.crawl.helpers import scrapy_env
from tests.faults.helpers import SHORT, files_under, run
from tests.faults.server import (
    Handler,
    HostileSite,
    article_html,
    article_path,
    article_title,
    serve,
)
from tests.ops.helpers import crawl_command, export_files, read_jsonl, wait_for

pytestmark = pytest.mark.crawl

ALL = {article_title(n) for n in (1, 2, 3)}


def redirect(to: str, status: int = 302):  # type: ignore[no-untyped-def]
    def fault(h: Handler) -> None:
        h.send(status, "moved", headers={"Location": to})

    return fault


def test_redirect_loops_chains_other_hosts_and_file_urls(tmp_path: Path) -> None:
    """Article 1 loops on itself, 2 is a chain of 8, 3 goes to another host, 4 to file://,
    5 is a two-hop chain that ends well: only 5 (and the healthy 6) are exported."""
    other = HostileSite()
    site = HostileSite(articles=6)
    with serve(other) as elsewhere, serve(site) as url:
        site.routes[article_path(1)] = redirect(article_path(1))
        for hop in range(8):
            site.routes[f"/chain/{hop}"] = redirect(f"/chain/{hop + 1}")
        site.routes[article_path(2)] = redirect("/chain/0")
        site.routes[article_path(3)] = redirect(elsewhere + article_path(3))
        site.routes[article_path(4)] = redirect("file:///etc/passwd")
        site.routes[article_path(5)] = redirect("/hop/1")
        site.routes["/hop/1"] = redirect(article_path(5, day=2))
        result = run(tmp_path, url)
    assert {article_title(5), article_title(6)} == result.titles()
    assert other.log == []  # never fetched from the other host
    assert sum(1 for p in site.paths() if p == article_path(1)) <= 6  # the loop is cut
    assert sum(1 for p in site.paths() if p.startswith("/chain/")) <= 5
    assert "root:" not in "".join(i["text"] for i in result.items)
    assert result.returncode == 0


def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes, gzipped (200 MiB make ~200 KB), built a MiB at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
    chunk = bytes(1024 * 1024)
    parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join([*parts, packer.flush()])


def bomb(h: Handler) -> None:
    h.send(200, gzip_bomb(200 * 1024 * 1024), headers={"Content-Encoding": "gzip"})


def oversized(h: Handler) -> None:
    """Announces 100 MB; the crawler must not wait for it or hold it."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(100 * 1024 * 1024))
    h.end_headers()
    with contextlib.suppress(OSError):
        h.wfile.write(b"<html>" + b"x" * 65536)
    h.close_connection = True


def trickle(h: Handler) -> None:
    """One byte every 0.3 s: never done within the download timeout."""
    h.send_response(200)
    h.send_header("Content-Length", "100000")
    h.end_headers()
    with contextlib.suppress(OSError):
        for _ in range(40):
            h.wfile.write(b"<")
            h.wfile.flush()
            time.sleep(0.3)
    h.close_connection = True


def silent(h: Handler) -> None:
    time.sleep(12)
    h.close_connection = True


def test_bombs_oversized_trickling_and_silent_articles(tmp_path: Path) -> None:
    site = HostileSite(articles=5)
    site.routes[article_path(1)] = bomb
    site.routes[article_path(2)] = oversized
    site.routes[article_path(3)] = trickle
    site.routes[article_path(4)] = silent
    with serve(site) as url:
        result = run(tmp_path, url)
    assert result.titles() == {article_title(5)}
    assert result.peak_rss_mb < 300, result.peak_rss_mb
    assert result.seconds < 60


def robots(status: int, body: str = ""):  # type: ignore[no-untyped-def]
    def fault(h: Handler) -> None:
        h.send(status, body, "text/plain")

    return fault


def test_robots_txt_disallow_is_obeyed(tmp_path: Path) -> None:
    site = HostileSite(
        routes={
            "/robots.txt": robots(200, "User-agent: *\nDisallow: /portal/Pages/2018-01-01/Tin-so-2")
        }
    )
    with serve(site) as url:
        result = run(tmp_path, url)
    assert article_path(2) not in site.paths()
    assert result.titles() == ALL - {article_title(2)}


def test_robots_txt_answering_500_disallows_everything(tmp_path: Path) -> None:
    site = HostileSite(routes={"/robots.txt": robots(500, "oops")})
    with serve(site) as url:
        result = run(tmp_path, url)
    assert set(site.paths()) == {"/robots.txt"}
    assert result.returncode == 3
    assert "robots.txt of 127.0.0.1" in result.stderr and "every page disallowed" in result.stderr
    assert result.items == []


def test_robots_txt_answering_404_allows_everything(tmp_path: Path) -> None:
    site = HostileSite(routes={"/robots.txt": robots(404, "User-agent: *\nDisallow: /\n")})
    with serve(site) as url:
        result = run(tmp_path, url)
    assert result.returncode == 0
    assert result.titles() == ALL


def test_retry_after_with_a_non_ascii_digit_is_no_traceback(tmp_path: Path) -> None:
    calls = {"n": 0}

    def busy_once(h: Handler) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            h.send(503, "busy", headers={"Retry-After": "²"})
        else:
            h.send(200, article_html(2))

    site = HostileSite(routes={article_path(2): busy_once})
    with serve(site) as url:
        result = run(tmp_path, url)
    assert "Traceback" not in result.stderr
    assert result.titles() == ALL
    assert calls["n"] == 2


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def file_answer(name: str):  # type: ignore[no-untyped-def]
    def fault(h: Handler) -> None:
        h.send(
            200,
            PDF,
            "application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    return fault


def test_file_names_never_leave_the_store_and_mismatches_are_flagged(tmp_path: Path) -> None:
    body = (
        "<p>Sở Khoa học và Công nghệ tỉnh Thanh Hóa tổ chức hội nghị tổng kết công tác năm, "
        "với sự tham gia của đại diện các sở, ban, ngành và doanh nghiệp trên địa bàn.</p>"
        "<p><img src='/portal/Photos/2018-01/anh.jpg'></p>"
        "<p><a href='/portal/VanBan/2018-01/..%2F..%2F..%2Fevil.docx'>Tải văn bản</a></p>"
        "<p><a href='/portal/VanBan/2018-01/quyet-dinh.pdf'>Quyết định</a></p>"
    )
    site = HostileSite(articles=1)
    site.routes[article_path(1)] = lambda h: h.send(200, article_html(1, body=body))
    site.routes["/portal/Photos/2018-01/anh.jpg"] = file_answer("anh.pdf")
    site.routes["/portal/VanBan/2018-01/..%2F..%2F..%2Fevil.docx"] = file_answer(
        "../../../../evil.pdf"
    )
    site.routes["/portal/VanBan/2018-01/quyet-dinh.pdf"] = file_answer("/etc/cron.d/evil")
    workdir = tmp_path / "crawl"
    with serve(site) as url:
        result = run(workdir, url, settings=(*SHORT, "KCN_FILES=1"))
    assert result.returncode == 0, result.stderr[-2000:]
    store = workdir / "exports" / "files"
    written = files_under(tmp_path)
    outside = {p for p in written if not p.is_relative_to(workdir / "exports")} - {
        workdir / "stats.json",
        workdir / "stderr.log",
    }
    assert outside == set()
    stored = files_under(store)
    assert len(stored) == 1 and all(p.suffix == ".pdf" for p in stored)  # one PDF, by hash
    (item,) = result.items
    entries = {e["url"].rsplit("/", 1)[1]: e for e in item["images"] + item["attachments"]}
    assert entries["anh.jpg"]["mismatch"] is True  # a .jpg serving PDF bytes
    assert entries["..%2F..%2F..%2Fevil.docx"]["mismatch"] is True
    assert entries["quyet-dinh.pdf"]["mismatch"] is False
    for entry in entries.values():
        assert (store / entry["path"]).resolve().is_relative_to(store.resolve())


def listening_sockets(pid: int) -> list[str]:
    """TCP sockets the process listens on (from /proc: no tool needed)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            cols = line.split()
            if cols[3] == "0A" and cols[9] in inodes:  # 0A = LISTEN
                found.append(cols[1])
    return found


def test_kill_9_then_resume_and_no_listening_socket(tmp_path: Path) -> None:
    """A crawl killed with SIGKILL mid-way and run again (same JOBDIR, default exports)
    holds every article exactly once; while it runs it listens on no port."""
    gate = threading.Event()

    def held(h: Handler) -> None:
        gate.wait(20)
        h.send(200, article_html(20))

    site = HostileSite(articles=30)
    site.routes[article_path(20)] = held
    workdir = tmp_path / "crawl"
    workdir.mkdir()
    settings = (*SHORT, "CONCURRENT_REQUESTS=2", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "JOBDIR=job")
    with serve(site) as url:
        proc = subprocess.Popen(
            crawl_command("news", url, settings=settings),
            cwd=workdir,
            env=scrapy_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(lambda: article_path(20) in site.paths(), 60, "the held article")
            assert listening_sockets(proc.pid) == []
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        finally:
            proc.kill()
        gate.set()
        first = [item for path in export_files(workdir, "news") for item in read_jsonl(path)]
        assert 0 < len(first) < 30
        second = run(workdir, url, settings=settings)
    assert second.returncode == 0, second.stderr[-2000:]
    assert "Resuming job" in second.stderr
    union = [item["title"] for path in export_files(workdir, "news") for item in read_jsonl(path)]
    assert sorted(union) == sorted(article_title(n) for n in range(1, 31))


def test_politeness_by_default(tmp_path: Path) -> None:
    """Default settings: robots.txt first, kcn_crawler's User-Agent, ≤ 2 requests at once."""
    site = HostileSite(articles=4)
    with serve(site) as url:
        result = run(tmp_path, url, settings=("LOG_LEVEL=INFO",))
    assert result.returncode == 0
    assert site.paths()[0] == "/robots.txt"
    assert len(site.agents) == 1 and next(iter(site.agents)).startswith("kcn_crawler/")
    assert site.max_inflight <= 2
    assert len(result.items) == 4
