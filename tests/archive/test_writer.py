"""Unit tests: rotating WARC files, CDXJ indexes, revisits through the digest index."""

from __future__ import annotations

import json
import random
from pathlib import Path

from kcn_crawler.warc.digests import DigestIndex
from kcn_crawler.warc.records import Exchange, build_exchange
from kcn_crawler.warc.writer import RotatingWarcWriter, cdxj_path, write_cdxj
from tests.archive.warcs import assert_well_formed, read_records


def exchange(path: str, body: bytes, *, method: str = "GET", form: bytes = b"") -> Exchange:
    form_type = [(b"Content-Type", [b"application/x-www-form-urlencoded"])] if form else []
    return build_exchange(
        method=method,
        url=f"http://127.0.0.1:9/{path}",
        request_headers=[(b"User-Agent", [b"test"]), *form_type],
        request_body=form,
        status=200,
        protocol="HTTP/1.1",
        response_headers=[
            (b"Content-Type", [b"text/html"]),
            (b"Content-Length", [b"%d" % len(body)]),
        ],
        body=body,
    )


def writer(folder: Path, prefix: str, max_size: int = 10**9) -> RotatingWarcWriter:
    return RotatingWarcWriter(
        folder, prefix, max_size=max_size, info={"software": "test"}, on_closed=write_cdxj
    )


def test_rotation_pairs_and_indexes(tmp_path: Path) -> None:
    out = writer(tmp_path, "news-t1", max_size=3000)
    assert not list(tmp_path.iterdir()), "files open lazily"
    bodies = [random.Random(i).randbytes(1500) for i in range(6)]  # incompressible
    names = {out.write(exchange(f"p{i}.html", body)) for i, body in enumerate(bodies)}
    names.add(out.write(exchange("p6.html", b"small")))
    assert list(tmp_path.glob("*.open")), "an unfinished file carries .open"
    out.close()
    assert len(names) >= 3
    assert sorted(p.name for p in tmp_path.glob("*.warc.gz")) == sorted(names)
    assert min(names) == "news-t1-00000.warc.gz"
    records = assert_well_formed(tmp_path)
    responses = [r for r in records if r.type == "response"]
    assert sorted(r.uri.rsplit("/", 1)[1] for r in responses) == [f"p{i}.html" for i in range(7)]
    for rec in responses:  # request and response always share a file
        partner = [r for r in records if r.type == "request" and r.uri == rec.uri]
        assert [p.file for p in partner] == [rec.file]


def test_cdxj_is_sorted_and_keys_post_by_body(tmp_path: Path) -> None:
    out = writer(tmp_path, "portal-t")
    out.write(exchange("b.aspx", b"b"))
    out.write(exchange("a.aspx", b"page 1"))
    out.write(exchange("a.aspx", b"page 3", method="POST", form=b"__EVENTARGUMENT=Page%243"))
    out.close()
    lines = cdxj_path(out.closed_files[0]).read_text().splitlines()
    assert lines == sorted(lines) and len(lines) == 3
    post = [json.loads(x.split(" ", 2)[2]) for x in lines if "__wb_method=post" in x]
    assert len(post) == 1 and post[0]["method"] == "POST"
    assert "__eventargument=page$3" in post[0]["requestBody"].lower()


def test_revisit_of_a_payload_from_an_earlier_run(tmp_path: Path) -> None:
    db = tmp_path / "digests.sqlite3"
    first, index = writer(tmp_path, "news-r1"), DigestIndex(db, run="r1")
    ex = exchange("same.pdf", b"%PDF-1.4 same bytes")
    index.add(ex.payload_digest, ex.url, ex.date, first.target_name())
    assert index.previous(ex.payload_digest) is None, "pending until the file closes"
    first.write(ex)
    first.close()
    index.commit(first.closed_files[0].name)
    assert index.previous(ex.payload_digest) is None, "same run: no revisit"
    index.close()

    again = exchange("copy.pdf", b"%PDF-1.4 same bytes")
    second, index2 = writer(tmp_path, "news-r2"), DigestIndex(db, run="r2")
    original = index2.previous(again.payload_digest)
    assert original == (ex.url, ex.date)
    second.write(again, revisit_of=original)
    second.close()
    index2.close()
    records = assert_well_formed(tmp_path)
    revisit = next(r for r in records if r.type == "revisit")
    assert revisit.uri.endswith("/copy.pdf")
    assert revisit.headers["WARC-Refers-To-Target-URI"] == ex.url
    assert revisit.headers["WARC-Refers-To-Date"] == ex.date
    assert revisit.headers["WARC-Payload-Digest"] == ex.payload_digest
    assert "identical-payload-digest" in revisit.headers["WARC-Profile"]
    assert revisit.raw == b""
    assert revisit.status == 200
    index_lines = cdxj_path(second.closed_files[0]).read_text()
    assert '"mime": "warc/revisit"' in index_lines


def test_truncated_record_is_marked(tmp_path: Path) -> None:
    out = writer(tmp_path, "t")
    ex = build_exchange(
        method="GET",
        url="http://127.0.0.1:9/big.bin",
        request_headers=[],
        request_body=b"",
        status=200,
        protocol="HTTP/1.1",
        response_headers=[(b"Content-Length", [b"4096"])],
        body=b"x" * 4096,
        max_payload=1000,
    )
    out.write(ex)
    out.close()
    records = assert_well_formed(tmp_path)
    response = next(r for r in records if r.type == "response")
    assert response.headers["WARC-Truncated"] == "length"
    assert response.raw == b"x" * 1000


def test_warcinfo_fields(tmp_path: Path) -> None:
    out = RotatingWarcWriter(
        tmp_path, "p", max_size=10**9, info={"software": "kcn_crawler/0.1.0", "robots": "obey"}
    )
    out.write(exchange("x", b"x"))
    out.close()
    info = next(r for r in read_records(tmp_path) if r.type == "warcinfo")
    assert info.headers["WARC-Filename"] == "p-00000.warc.gz"
    assert info.headers["Content-Type"] == "application/warc-fields"
    assert info.raw == b"software: kcn_crawler/0.1.0\r\nrobots: obey\r\n"


def test_revisit_alone_without_its_request(tmp_path: Path) -> None:
    """An unchanged re-fetch: the revisit record only, still valid and indexed."""
    ex = exchange("same.html", b"<p>same</p>")
    out = writer(tmp_path, "news-r3")
    out.write(ex, revisit_of=(ex.url, "2026-01-01T00:00:00.000000Z"), with_request=False)
    out.close()
    records = assert_well_formed(tmp_path)
    assert [r.type for r in records] == ["warcinfo", "revisit"]
    (line,) = cdxj_path(out.closed_files[0]).read_text().splitlines()
    fields = json.loads(line.split(" ", 2)[2])
    assert fields["mime"] == "warc/revisit" and "__wb_method" not in line
