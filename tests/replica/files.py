"""Small but valid-looking binary files (JPEG, PDF, DOCX…), robots.txt, the calendar popup
(month to month without end: the crawler trap) and the sign-in page."""

from __future__ import annotations

import base64
import io
import zipfile
from datetime import date
from functools import cache

# a 1x1 baseline JPEG
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////"
    "////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQAB"
    "PxA="
)
GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n165\n%%EOF\n"
)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
    "rar": "application/x-rar-compressed",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "css": "text/css",
    "js": "application/javascript",
}


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(zipfile.ZipInfo(name, (2018, 1, 31, 8, 0, 0)), text)
    return buf.getvalue()


@cache
def document(ext: str) -> bytes:
    """Bytes of a tiny document of type *ext*."""
    if ext == "pdf":
        return PDF
    if ext in ("doc", "xls"):  # OLE2 compound file header
        return bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    if ext == "docx":
        return _zip(
            {
                "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.'
                'openxmlformats.org/package/2006/content-types">'
                '<Override PartName="/word/document.xml" ContentType='
                '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                "</Types>",
                "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.open'
                'xmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Mẫu</w:t></w:r>'
                "</w:p></w:body></w:document>",
            }
        )
    if ext == "xlsx":
        return _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
    if ext == "zip":
        return _zip({"readme.txt": "Hồ sơ mẫu"})
    if ext == "rar":
        return b"Rar!\x1a\x07\x00" + bytes(32)
    if ext in ("jpg", "jpeg"):
        return JPEG
    if ext == "gif":
        return GIF
    return b""


def robots(print_disallow: str) -> bytes:
    return (
        f"User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\nDisallow: {print_disallow}\n"
    ).encode()


def _month(d: date, delta: int) -> date:
    m = d.month - 1 + delta
    return date(d.year + m // 12, m % 12 + 1, 1)


def calendar(query: dict[str, str]) -> str:
    """The date picker popup: one month with links to the previous and next month, forever."""
    try:
        m, _d, y = (int(x) for x in query.get("date", "1/1/2026").split("/"))
        shown = date(y, m, 1)
    except ValueError:
        shown = date(2026, 1, 1)
    base = "&amp;".join(f"{k}={v}" for k, v in query.items() if k != "date")
    prev, nxt = _month(shown, -1), _month(shown, 1)
    days = "".join(
        f"<td><a href=\"javascript:ClickDay('{shown.month}/{k}/{shown.year}')\">{k}</a></td>"
        + ("</tr><tr>" if k % 7 == 0 else "")
        for k in range(1, 29)
    )
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />'
        '<title>Chọn một ngày</title></head><body class="ms-datepickeriframe">'
        '<table class="ms-picker-table"><tr><td>'
        f'<a href="/_layouts/iframe.aspx?{base}&amp;date={prev.month}/1/{prev.year}" '
        'title="Tháng trước">&lt;</a></td>'
        f'<td class="ms-picker-month">Tháng {shown.month} {shown.year}</td><td>'
        f'<a href="/_layouts/iframe.aspx?{base}&amp;date={nxt.month}/1/{nxt.year}" '
        f'title="Tháng sau">&gt;</a></td></tr></table><table><tr>{days}</tr></table>'
        "</body></html>"
    )


def signin(source: str) -> str:
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />'
        '<title>Đăng nhập</title></head><body><form method="post" action="/_layouts/'
        f'Authenticate.aspx?Source={source}"><h1>Đăng nhập</h1><p>Tên đăng nhập: '
        '<input name="username" /></p><p>Mật khẩu: <input type="password" name="password" />'
        '</p><input type="submit" value="Đăng nhập" /></form></body></html>'
    )
