"""Spider arguments: good ones parsed, bad ones refused with a message naming them."""

from datetime import date

import pytest

from kcn_crawler.params import BadArgument, check_argument_names, parse_params


def test_defaults_to_the_thanh_hoa_science_department() -> None:
    params = parse_params()
    assert params.site == "https://skhcn.thanhhoa.gov.vn"
    assert params.since is None and params.until is None and not params.incremental


@pytest.mark.parametrize(
    ("given", "root"),
    [
        ("http://127.0.0.1:8080/portal/Pages/default.aspx", "http://127.0.0.1:8080"),
        ("HTTPS://SKHCN.ThanhHoa.gov.vn/", "https://skhcn.thanhhoa.gov.vn"),
        ("quangxuong.thanhhoa.gov.vn", "https://quangxuong.thanhhoa.gov.vn"),
        ("localhost:8080", "https://localhost:8080"),
        ("http://intranet:8080/", "http://intranet:8080"),
        ("http://[::1]:8080", "http://[::1]:8080"),
    ],
)
def test_site_is_reduced_to_its_root(given: str, root: str) -> None:
    assert parse_params(site=given).site == root


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"site": "ftp://example.org"}, "site"),
        ({"site": "file:///etc/passwd"}, "site"),
        ({"site": "notaurl"}, "site"),
        ({"site": "http://"}, "site"),
        ({"site": "http://a b.vn"}, "site"),
        ({"since": "2024-13-01"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"since": "2024-05-02", "until": "2024-05-01"}, "since"),
        ({"incremental": "maybe"}, "incremental"),
        ({"max_days": "ten"}, "max_days"),
    ],
)
def test_bad_arguments_name_the_argument(kwargs: dict[str, str], named: str) -> None:
    with pytest.raises(BadArgument) as error:
        parse_params(**kwargs)
    assert str(error.value).startswith(f"{named}:")
    assert "\n" not in str(error.value)


def test_archive_range_over_ten_years_needs_max_days() -> None:
    with pytest.raises(BadArgument, match="max_days"):
        parse_params(since="1725-01-01", until="2025-01-01", check_span=True)
    params = parse_params(
        since="1725-01-01", until="2025-01-01", max_days="200000", check_span=True
    )
    assert len(params.archive_days()) == (date(2025, 1, 1) - date(1725, 1, 1)).days + 1


def test_archive_days_are_inclusive_newest_first() -> None:
    params = parse_params(since="2024-02-27", until="2024-03-01", check_span=True)
    assert params.archive_days() == [
        date(2024, 3, 1),
        date(2024, 2, 29),
        date(2024, 2, 28),
        date(2024, 2, 27),
    ]


def test_archive_defaults_to_thirty_days_before_until() -> None:
    params = parse_params(until="2024-03-31", check_span=True)
    days = params.archive_days()
    assert days[0] == date(2024, 3, 31) and days[-1] == date(2024, 3, 1)


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [("sinse", "since"), ("untill", "until"), ("maxdays", "max_days"), ("Site", "site")],
)
def test_a_mistyped_argument_name_is_refused_with_a_suggestion(name: str, suggestion: str) -> None:
    with pytest.raises(BadArgument) as error:
        check_argument_names([name])
    message = str(error.value)
    assert message.startswith(f"{name}: unknown argument; did you mean {suggestion}?")
    assert "\n" not in message


def test_known_and_scheduler_arguments_pass() -> None:
    check_argument_names(["site", "since", "until", "max_days", "incremental", "_job"])
    with pytest.raises(BadArgument, match=r"^colour: unknown argument \(known: site,"):
        check_argument_names(["colour"])
