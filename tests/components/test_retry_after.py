"""Retry-After values: seconds and HTTP dates."""

from datetime import UTC, datetime
from email.utils import format_datetime

from hypothesis import given
from hypothesis import strategies as st

from kcn_crawler.middlewares.retry_after import retry_after_seconds


def test_seconds() -> None:
    assert retry_after_seconds(b"7") == 7.0


def test_http_date() -> None:
    now = datetime(2026, 11, 27, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("Fri, 27 Nov 2026 12:00:30 GMT", now) == 30.0


def test_past_date_means_now() -> None:
    now = datetime(2026, 11, 27, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("Fri, 27 Nov 2026 11:00:00 GMT", now) == 0.0


def test_absent_or_garbage() -> None:
    assert retry_after_seconds(None) is None
    assert retry_after_seconds(b"") is None
    assert retry_after_seconds(b"soon") is None


# --- issue 12: only ASCII digits or an HTTP date; anything else is "no Retry-After" ---------


def test_non_ascii_digits_are_not_seconds() -> None:
    for value in ("²", "٣", "১০", "¹²", "𝟗"):
        assert retry_after_seconds(value) is None
        assert retry_after_seconds(value.encode("utf-8")) is None


@given(st.binary(max_size=64))
def test_any_bytes_give_none_or_a_wait(value: bytes) -> None:
    wait = retry_after_seconds(value)
    assert wait is None or wait >= 0.0


@given(st.text(max_size=64))
def test_any_text_gives_none_or_a_wait(value: str) -> None:
    wait = retry_after_seconds(value)
    assert wait is None or wait >= 0.0


@given(st.integers(min_value=0, max_value=10**30))
def test_ascii_seconds_are_read(n: int) -> None:
    assert retry_after_seconds(str(n).encode()) == float(n)


@given(
    st.datetimes(
        min_value=datetime(1970, 1, 1), max_value=datetime(9999, 1, 1), timezones=st.just(UTC)
    )
)
def test_http_dates_are_read(when: datetime) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    wait = retry_after_seconds(format_datetime(when.replace(microsecond=0), usegmt=True), now)
    assert wait == max(0.0, (when.replace(microsecond=0) - now).total_seconds())
