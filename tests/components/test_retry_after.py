"""Retry-After values: seconds and HTTP dates."""

from datetime import UTC, datetime

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
