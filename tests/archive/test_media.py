"""Unit tests: safe names, type sniffing, content addresses, and the on/off switches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

from kcn_crawler.extensions.warc import WarcArchiver, command_line_arguments
from kcn_crawler.pipelines.files import ArticleFilesPipeline, media_entries
from kcn_crawler.warc.media import examine, name_from_disposition, safe_filename, sniff
from tests.archive.site import FAKE_PDF, PDF, png

HOSTILE = [
    "../../x",
    "../../evil.pdf",
    "/etc/passwd",
    "C:\\Windows\\system.ini",
    "..\\..\\win.doc",
    "a\x00b.pdf",
    "CON",
    "con.txt",
    "LPT1.pdf",
    "x" * 300 + ".pdf",
    "ả" * 300 + ".docx",
    "..",
    ".",
    "",
    " . ",
    "bad\r\nname?.pdf",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_safe_filename_is_one_plain_name(name: str) -> None:
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert safe not in (".", "..") and not safe.startswith(".")
    assert not re.match(r"(?i)^(con|prn|aux|nul|com\d|lpt\d)(\.|$)", safe)
    assert len(safe.encode("utf-8")) <= 200
    assert not re.search(r"[\x00-\x1f<>:\"|?*]", safe)


def test_safe_filename_keeps_ordinary_names() -> None:
    assert safe_filename("Báo cáo tổng kết 2017.pdf") == "Báo cáo tổng kết 2017.pdf"
    assert safe_filename("x" * 300 + ".pdf").endswith(".pdf")


def test_content_disposition_names() -> None:
    assert name_from_disposition('attachment; filename="../../evil.pdf"') == "evil.pdf"
    assert name_from_disposition("attachment; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf") == (
        "Báo cáo.pdf"
    )
    assert name_from_disposition("attachment; filename*=UTF-8''a%00b%2F..%2Fc.pdf") == "c.pdf"
    assert name_from_disposition(None) is None


def test_sniff() -> None:
    assert sniff(PDF) == "pdf"
    assert sniff(png()) == "png"
    assert sniff(FAKE_PDF) == "html"
    assert sniff(b"PK\x03\x04rest") == "zip"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") == "ole"
    assert sniff(b"plain text") is None


@pytest.mark.parametrize("name", HOSTILE)
def test_examine_paths_are_hex_whatever_the_name(name: str) -> None:
    disposition = f'attachment; filename="{name}"'.replace("\r\n", " ")
    facts = examine("http://h/dl?id=1", PDF, disposition, "application/octet-stream")
    assert re.fullmatch(r"[0-9a-f]{2}/[0-9a-f]{64}(\.[a-z0-9]{1,10})?", facts.path)
    assert facts.path.startswith(facts.sha256[:2] + "/" + facts.sha256)


def test_examine_flags_html_posing_as_pdf() -> None:
    facts = examine("http://h/docs/x.pdf", FAKE_PDF, None, "application/pdf")
    assert facts.mismatch and facts.claimed == "pdf" and facts.detected == "html"
    assert facts.path.endswith(".html")
    good = examine("http://h/docs/x.pdf", PDF, None, "application/pdf")
    assert not good.mismatch and good.path.endswith(".pdf")
    image = examine("http://h/GetImage.ashx?id=3", png(), None, "image/png")
    assert not image.mismatch and image.path.endswith(".png")
    junk = examine("http://h/docs/y.pdf", b"\x00\x01junk", None, None)
    assert junk.mismatch and junk.path.endswith(".bin")
    docx = examine("http://h/docs/z.docx", b"PK\x03\x04...", None, None)
    assert not docx.mismatch and docx.path.endswith(".docx")
    html_page = examine("http://h/page.html", FAKE_PDF, None, "text/html")
    assert not html_page.mismatch


def test_switches_off_by_default() -> None:
    with pytest.raises(NotConfigured):
        WarcArchiver.from_crawler(get_crawler(settings_dict={}))
    with pytest.raises(NotConfigured):
        ArticleFilesPipeline.from_crawler(get_crawler(settings_dict={}))


def test_pipeline_file_path_and_entries(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"KCN_FILES": True, "FILES_STORE": str(tmp_path)})
    pipeline = ArticleFilesPipeline.from_crawler(crawler)
    item = {
        "url": "http://h/a.aspx",
        "images": [{"url": "http://h/p.png", "caption": None}, {"url": "data:x", "caption": None}],
        "attachments": [{"url": "http://h/../../etc/passwd", "name": "x"}],
    }
    assert [kind for kind, _ in media_entries(item)] == ["image", "attachment"]
    request = Request("http://h/../../etc/passwd")
    assert pipeline.file_path(request).startswith("pending/")
    response = Response(
        request.url, body=PDF, headers={"Content-Disposition": 'attachment; filename="/etc/x"'}
    )
    path = pipeline.file_path(request, response=response)
    assert (tmp_path / path).resolve().is_relative_to(tmp_path.resolve())


def test_command_line_arguments() -> None:
    argv = [
        "scrapy",
        "crawl",
        "portal",
        "-a",
        "site=http://x",
        "-s",
        "KCN_WARC=1",
        "-a",
        "since=2024-01-01",
    ]
    assert command_line_arguments(argv) == {"site": "http://x", "since": "2024-01-01"}


def test_examine_flags_bytes_that_disagree_with_the_url_extension() -> None:
    """Issue 12: a .jpg or .docx URL serving PDF bytes, named x.pdf by the server."""
    pdf = b"%PDF-1.4 tiny"
    for url in ("http://h/portal/Photos/a.jpg", "http://h/portal/VanBan/b.docx"):
        facts = examine(url, pdf, 'attachment; filename="x.pdf"', "application/pdf")
        assert facts.mismatch is True
        assert facts.detected == "pdf" and facts.path.endswith(".pdf")
    # a URL without a known extension: the server's name and the bytes agree
    facts = examine("http://h/Download.aspx?id=5", pdf, 'attachment; filename="x.pdf"', None)
    assert facts.mismatch is False
