"""Dates: every format of the portal family, the dateparser traps, the plausibility rules.

Every expected value below was worked out by hand from the input string.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from kcn_crawler.normalize.dates import (
    VN_TZ,
    ParsedDate,
    date_from_url,
    find_dates,
    iso,
    parse_date,
    parse_date_dateparser,
    parse_date_fast,
)

NOW = datetime(2026, 7, 20, 12, 0, tzinfo=VN_TZ)

# raw, expected ISO (None = no date), has_time
CASES: list[tuple[str, str | None, bool]] = [
    # the formats listed in ANATOMY.md
    ("31-01-2018", "2018-01-31T00:00:00+07:00", False),
    ("31/01/2018", "2018-01-31T00:00:00+07:00", False),
    ("31/01/2018 08:30", "2018-01-31T08:30:00+07:00", True),
    ("Thứ Tư, 31/01/2018 - 08:30", "2018-01-31T08:30:00+07:00", True),
    ("Cập nhật: 31/01/2018 08:30:15", "2018-01-31T08:30:15+07:00", True),
    ("Ngày 19 tháng 1 năm 2018", "2018-01-19T00:00:00+07:00", False),
    ("31.01.2018", "2018-01-31T00:00:00+07:00", False),
    # ISO
    ("2018-01-31", "2018-01-31T00:00:00+07:00", False),
    ("2018-01-31T08:30:00+07:00", "2018-01-31T08:30:00+07:00", True),
    ("2018-01-31T01:30:00Z", "2018-01-31T08:30:00+07:00", True),
    ("2018-01-31T03:30:00+02:00", "2018-01-31T08:30:00+07:00", True),
    ("2018-01-31T08:30:00", "2018-01-31T08:30:00+07:00", True),
    ("2018-01-31 08:30:00", "2018-01-31T08:30:00+07:00", True),
    ("2018/01/31", "2018-01-31T00:00:00+07:00", False),
    # two-digit years, time first, no zero padding
    ("31/01/18", "2018-01-31T00:00:00+07:00", False),
    ("05/06/99", "1999-06-05T00:00:00+07:00", False),
    ("08:30 31/01/2018", "2018-01-31T08:30:00+07:00", True),
    ("31/1/2018", "2018-01-31T00:00:00+07:00", False),
    ("1/2/2018", "2018-02-01T00:00:00+07:00", False),  # day first: 1 February
    ("04/05/2020", "2020-05-04T00:00:00+07:00", False),  # 4 May, never 5 April
    # SA (sáng, AM) / CH (chiều, PM), GMT suffixes
    ("31/01/2018 08:30 SA", "2018-01-31T08:30:00+07:00", True),
    ("31/01/2018 08:30 CH", "2018-01-31T20:30:00+07:00", True),
    ("31/01/2018 12:05 SA", "2018-01-31T00:05:00+07:00", True),
    ("31/01/2018 12:05 CH", "2018-01-31T12:05:00+07:00", True),
    ("Thứ Tư, 31/1/2018, 8:30 CH", "2018-01-31T20:30:00+07:00", True),
    ("31/01/2018 08:30 (GMT+7)", "2018-01-31T08:30:00+07:00", True),
    ("31/01/2018 08:30:15 SA (GMT+7)", "2018-01-31T08:30:15+07:00", True),
    ("31/01/2018 01:30 GMT", "2018-01-31T08:30:00+07:00", True),
    # dateparser traps handled by the fast path
    ("Thứ Năm, 01/02/2018", "2018-02-01T00:00:00+07:00", False),  # "năm" is not a year
    ("Thứ năm, ngày 01 tháng 02 năm 2018", "2018-02-01T00:00:00+07:00", False),
    ("ngày 19 tháng 09 năm 2018", "2018-09-19T00:00:00+07:00", False),  # issue 1297
    ("19 tháng 9, 2018", "2018-09-19T00:00:00+07:00", False),
    ("ngày 31 tháng một năm 2018", "2018-01-31T00:00:00+07:00", False),
    ("Ngày 05 tháng 10 năm 2023 lúc 14:45", "2023-10-05T14:45:00+07:00", True),
    ("14h30 ngày 05/10/2023", "2023-10-05T14:30:00+07:00", True),
    ("05/10/2023 - 14 giờ 30", "2023-10-05T14:30:00+07:00", True),
    ("Chủ nhật, 07/01/2024 07:00", "2024-01-07T07:00:00+07:00", True),
    ("Thứ Hai, 15/07/2024 | 10:05", "2024-07-15T10:05:00+07:00", True),
    ("Đăng lúc: 15-07-2024 10:05:59", "2024-07-15T10:05:59+07:00", True),
    ("31/01/2018 00:00", "2018-01-31T00:00:00+07:00", True),
    ("\u00a031/01/2018\u00a0\u00a008:30\u200b", "2018-01-31T08:30:00+07:00", True),
    # plausibility: 1995 floor, at most a day after NOW (2026-07-20 12:00)
    ("01/01/1995", "1995-01-01T00:00:00+07:00", False),
    ("31/12/1994", None, False),
    ("2026-07-15", "2026-07-15T00:00:00+07:00", False),
    ("21/07/2026", "2026-07-21T00:00:00+07:00", False),
    ("21/07/2026 12:00", "2026-07-21T12:00:00+07:00", True),
    ("21/07/2026 12:01", None, False),
    ("22/07/2026", None, False),
    # impossible dates and times: None, never flipped month-first
    ("31/02/2018", None, False),
    ("30/02/2018", None, False),
    ("29/02/2019", None, False),
    ("29/02/2020", "2020-02-29T00:00:00+07:00", False),
    ("13/13/2018", None, False),
    ("01/31/2018", None, False),
    ("31/01/2018 25:00", None, False),
    ("31/01/2018 13:00 SA", None, False),
    # not a day: None, never today's date
    ("", None, False),
    ("abc", None, False),
    ("08:30", None, False),
    ("hôm qua", None, False),
    ("hôm nay", None, False),
    ("3 ngày trước", None, False),
    ("tháng 1 năm 2018", None, False),
    ("năm 2015", None, False),
    ("1517382000", None, False),
]


@pytest.mark.parametrize(("raw", "expected", "has_time"), CASES)
def test_parse_date_table(raw: str, expected: str | None, has_time: bool) -> None:
    parsed = parse_date(raw, now=NOW)
    if expected is None:
        assert parsed is None
        return
    assert parsed is not None
    assert iso(parsed.value) == expected
    assert parsed.has_time is has_time
    assert parsed.raw == raw
    assert parsed.value.tzinfo is not None
    assert parsed.value.utcoffset() == timedelta(hours=7)


def test_known_formats_use_the_fast_path() -> None:
    for raw, expected, _ in CASES:
        if expected is not None:
            parsed = parse_date(raw, now=NOW)
            assert parsed is not None and parsed.method == "fast", raw


@pytest.mark.parametrize(
    ("raw", "expected", "has_time"),
    [
        ("31 thg 1, 2018", "2018-01-31T00:00:00+07:00", False),
        ("31 thg 1, 2018 08:30 CH", "2018-01-31T20:30:00+07:00", True),
        ("Thứ Năm, 19 tháng 09 năm 2018 08:30 CH", "2018-09-19T20:30:00+07:00", True),
    ],
)
def test_dateparser_fallback(raw: str, expected: str, has_time: bool) -> None:
    parsed = parse_date(raw, now=NOW) if "thg" in raw else parse_date_dateparser(raw, now=NOW)
    assert parsed is not None
    assert parsed.method == "dateparser"
    assert iso(parsed.value) == expected
    assert parsed.has_time is has_time


def test_dateparser_path_agrees_with_fast_path_on_known_formats() -> None:
    """The trap work-arounds make dateparser read the same values (Thứ Năm, tháng 09, SA/CH)."""
    for raw in (
        "31/01/2018 08:30",
        "Thứ Tư, 31/01/2018 - 08:30",
        "Cập nhật: 31/01/2018 08:30:15",
        "Ngày 19 tháng 1 năm 2018",
        "ngày 19 tháng 09 năm 2018",
        "Thứ Năm, 01/02/2018",
        "31/01/2018 08:30 CH",
        "31/01/2018 08:30 (GMT+7)",
        "2018-01-31T08:30:00+07:00",
    ):
        fast, slow = parse_date_fast(raw, now=NOW), parse_date_dateparser(raw, now=NOW)
        assert fast is not None and slow is not None, raw
        assert fast.value == slow.value, raw


def test_default_now_rejects_the_future() -> None:
    tomorrow_plus = datetime.now(VN_TZ) + timedelta(days=3)
    assert parse_date(tomorrow_plus.strftime("%d/%m/%Y")) is None
    assert parse_date("31/01/2018") is not None


def test_naive_now_is_vietnam_time() -> None:
    parsed = parse_date("21/07/2026", now=datetime(2026, 7, 20, 12, 0))
    assert parsed is not None


def test_parsed_date_is_frozen() -> None:
    parsed = parse_date("31/01/2018", now=NOW)
    assert isinstance(parsed, ParsedDate)
    with pytest.raises(AttributeError):
        parsed.raw = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HỘI NGHỊ ... NGÀY 7/12/2017 CỦA HĐND TỈNH   31-01-2018", ["7/12/2017", "31-01-2018"]),
        ("Thứ Tư, 31/01/2018 - 08:30 | Lượt xem: 12", ["31/01/2018 - 08:30"]),
        ("Cập nhật: 31/01/2018 08:30:15", ["31/01/2018 08:30:15"]),
        ("Đăng lúc 08:30 31/01/2018 (GMT+7)", ["08:30 31/01/2018 (GMT+7)"]),
        ("Ngày 19 tháng 1 năm 2018, UBND tỉnh", ["19 tháng 1 năm 2018"]),
        ("2018-01-31T08:30:00+07:00 và 31.01.2018", ["2018-01-31T08:30:00+07:00", "31.01.2018"]),
        ("Nghị quyết số 81/2017/NQ-HĐND; giá 1.500.000 đ; 10.5.2", []),
        ("31/02/2018 không phải ngày", []),
        ("31/01/2018 08:30 CH", ["31/01/2018 08:30 CH"]),
        ("", []),
    ],
)
def test_find_dates(text: str, expected: list[str]) -> None:
    assert find_dates(text) == expected


def test_find_dates_on_seed_header() -> None:
    header = "PHÁT TRIỂN KH&CN   31-01-2018\nNgày 19/01/2018, UBND tỉnh Thanh Hóa"
    found = find_dates(header)
    assert found == ["31-01-2018", "19/01/2018"]
    for raw in found:
        assert parse_date(raw, now=NOW) is not None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://skhcn.thanhhoa.gov.vn/portal/Pages/2018-1-31/Hoi-nghi-abc123.aspx",
            date(2018, 1, 31),
        ),
        ("https://x.gov.vn/portal/pages/2026-07-15/Cot-co-A-Pa-Chai.aspx", date(2026, 7, 15)),
        (
            "https://thanhhoa.gov.vn/portal/Pages/2024-4-25/Quy-hoach-dvv348x.aspx",
            date(2024, 4, 25),
        ),
        ("https://x.gov.vn/portal/pages/2015/Tham-vong-niqdbvc3sab5.aspx", None),
        ("https://x.gov.vn/portal/pages/2018-2-31/x.aspx", None),
        ("https://x.gov.vn/portal/pages/1990-1-1/x.aspx", None),
        ("https://x.gov.vn/portal/Pages/default.aspx", None),
        ("https://x.gov.vn/portal/pages/x.aspx?d=/2018-1-31/", None),
    ],
)
def test_date_from_url(url: str, expected: date | None) -> None:
    assert date_from_url(url) == expected


def test_iso() -> None:
    assert iso(datetime(2018, 1, 31, 8, 30, tzinfo=VN_TZ)) == "2018-01-31T08:30:00+07:00"
    assert iso(datetime(2018, 1, 31, 1, 30, tzinfo=UTC)) == "2018-01-31T08:30:00+07:00"
    assert iso(datetime(2018, 1, 31, 8, 30)) == "2018-01-31T08:30:00+07:00"
    assert iso(date(2018, 1, 31)) == "2018-01-31T00:00:00+07:00"
    tz2 = timezone(timedelta(hours=2))
    assert iso(datetime(2018, 1, 31, 3, 30, 15, 999, tzinfo=tz2)) == "2018-01-31T08:30:15+07:00"


def test_a_time_then_a_weekday_then_the_date_is_one_date() -> None:
    """A meta bar of the province skin, "Cập nhật lúc 08:27, Thứ Tư, 14/10/2026": the time
    belongs to the date across the weekday."""
    found = find_dates("Cập nhật lúc 08:27, Thứ Tư, 14/10/2026 | Lượt xem: 1.041")
    assert found == ["08:27, Thứ Tư, 14/10/2026"]
    parsed = parse_date(found[0])
    assert parsed is not None and iso(parsed.value) == "2026-10-14T08:27:00+07:00"
