"""HomePage and find_archive_form on hand-written fixtures."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from kcn_crawler.pages.archive import find_archive_form
from kcn_crawler.pages.home import HomePage
from tests.pages._fixtures import cases, load, params


@pytest.mark.parametrize(("case", "field"), params("HomePage", ["channels", "archive_form"]))
def test_home(case: str, field: str) -> None:
    html, expected = load("HomePage", case)
    page = HomePage(expected["url"], html)
    if field == "channels":
        assert [[c.url, c.text] for c in page.channels()] == expected["channels"]
    else:
        spec = page.archive_form()
        want = expected["archive_form"]
        got = None if spec is None else {k: v for k, v in asdict(spec).items() if k in want}
        assert got == want


@pytest.mark.parametrize("case", cases("find_archive_form"))
def test_archive_form(case: str) -> None:
    html, expected = load("find_archive_form", case)
    spec = find_archive_form(expected["url"], html)
    assert (None if spec is None else asdict(spec)) == expected["spec"]
