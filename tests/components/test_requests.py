"""The archive's POST for one day, built from the page's own form, whatever "Xem" is."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs

import pytest
from form2request import form2request
from parsel import Selector

from kcn_crawler.pages.archive import find_archive_form
from kcn_crawler.spiders.requests import archive_day_builder

URL = "https://skhcn.thanhhoa.gov.vn/portal/Pages/default.aspx"
FORM = (
    "<html><body><form id='aspnetForm' method='post' action='default.aspx'>"
    "<input type='hidden' name='__VIEWSTATE' value='vs'/>"
    "<input type='text' name='ctl00$q$txtKeyword'/><input type='submit' name='ctl00$q$btnSearch'"
    " value='Tìm kiếm'/><div>Các tin đã đăng ngày</div>"
    "<input type='text' name='ctl00$m$dtc$dtcDate'/>{xem}</form></body></html>"
)


@pytest.mark.parametrize(
    ("xem", "sent", "not_sent"),
    [
        ("<input type='submit' name='ctl00$m$btnXem' value='Xem'/>", {"ctl00$m$btnXem": "Xem"}, []),
        (
            "<input type='image' name='ctl00$m$imgXem' alt='Xem' src='/xem.gif'/>",
            {"ctl00$m$imgXem.x": "1", "ctl00$m$imgXem.y": "1"},
            ["ctl00$m$imgXem"],
        ),
        (
            "<a href=\"javascript:__doPostBack('ctl00$m$lbtXem','')\">Xem</a>",
            {"__EVENTTARGET": "ctl00$m$lbtXem"},
            [],
        ),
    ],
)
def test_one_day_is_asked_the_way_xem_asks_it(
    xem: str, sent: dict[str, str], not_sent: list[str]
) -> None:
    html = FORM.format(xem=xem)
    spec = find_archive_form(URL, html)
    assert spec is not None
    build = archive_day_builder(Selector(text=html, base_url=URL), spec, callback=print)
    request = build(date(2019, 5, 16), {}) if build is not None else None
    assert request is not None and request.method == "POST"
    fields = {k: v[0] for k, v in parse_qs(request.body.decode(), keep_blank_values=True).items()}
    assert fields["ctl00$m$dtc$dtcDate"] == "16/05/2019"
    assert fields["__VIEWSTATE"] == "vs"
    assert "ctl00$q$btnSearch" not in fields  # the search button would win
    for key, value in sent.items():
        assert fields[key] == value
    for key in not_sent:
        assert key not in fields


def test_every_day_posts_the_form_as_if_encoded_for_that_day_alone() -> None:
    # The form is encoded once and the day put in; each day's body must be the bytes
    # form2request gives for the form filled with that day (a view state with every
    # character that encoding escapes).
    viewstate = "/wEP+Dw=&x y%é" * 50
    html = FORM.format(xem="<input type='submit' name='ctl00$m$btnXem' value='Xem'/>").replace(
        "value='vs'", f"value='{viewstate}'"
    )
    selector = Selector(text=html, base_url=URL)
    spec = find_archive_form(URL, html)
    assert spec is not None
    build = archive_day_builder(selector, spec, callback=print)
    assert build is not None
    form = selector.xpath("//form")[spec.form_index]
    click = form.xpath(".//input[@name='ctl00$m$btnXem']")[0].root
    for day in (date(2016, 1, 1), date(2019, 5, 16), date(2026, 12, 31)):
        alone = form2request(
            form,
            {"ctl00$m$dtc$dtcDate": day.strftime("%d/%m/%Y"), "__EVENTTARGET": "",
             "__EVENTARGUMENT": ""},
            click=click,
        )  # fmt: skip
        request = build(day, {"day": day.isoformat()})
        assert (request.url, request.method, request.body) == (alone.url, "POST", alone.body)
        assert request.meta == {"day": day.isoformat()}
        fields = parse_qs(request.body.decode(), keep_blank_values=True)
        assert fields["__VIEWSTATE"] == [viewstate]
