"""Requests built from what page objects found: links, postbacks, archive days.

Only the spiders turn a page object's ``Postback`` or ``ArchiveFormSpec`` into
a request, built from the page's own form with ``form2request`` so that
``__VIEWSTATE``/``__EVENTVALIDATION`` travel as ASP.NET expects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import quote_plus

from form2request import form2request
from parsel import Selector, SelectorList
from scrapy import Request
from scrapy.http import Response

from kcn_crawler.extraction import declared_charset
from kcn_crawler.normalize.encoding import decode_html
from kcn_crawler.pages.types import ArchiveFormSpec, Postback

ASPNET_FORM = "//form[.//input[@name='__VIEWSTATE']]"


def content_type(response: Response) -> str:
    """The response's Content-Type header value ("" when absent)."""
    return (response.headers.get(b"Content-Type") or b"").decode("latin-1")


def page_selector(response: Response) -> Selector:
    """A Selector over the response body, decoded with Vietnamese-aware charset checks."""
    text, _encoding = decode_html(response.body, declared_charset(content_type(response)))
    return Selector(text=text, base_url=response.url, type="html")


def _aspnet_form(selector: Selector) -> SelectorList:
    forms = selector.xpath(ASPNET_FORM)
    return forms if forms else selector.xpath("//form")


def postback_request(
    selector: Selector,
    postback: Postback,
    *,
    callback: Callable[..., Any],
    meta: dict[str, Any],
) -> Request | None:
    """A ``__doPostBack(target, argument)`` as a POST of the page's form, no button clicked."""
    forms = _aspnet_form(selector)
    if not forms:
        return None
    data = {"__EVENTTARGET": postback.target, "__EVENTARGUMENT": postback.argument}
    request = form2request(forms[0], data, click=False)
    return request.to_scrapy(callback=callback, meta=meta, dont_filter=True)


#: Stands for the day in the archive form's request, encoded once for every day.
_DAY_MARK = "KCNDAY0MARK"


def archive_day_builder(
    selector: Selector, spec: ArchiveFormSpec, *, callback: Callable[..., Any]
) -> Callable[[date, dict[str, Any]], Request] | None:
    """The archive form submitted for any day (``dd/MM/yyyy``), its "Xem" button clicked;
    None when the page has no such form.

    Only that button is sent: a POST that also carried the search box's button
    would get search results.  The form (with its ``__VIEWSTATE``, often tens of KB)
    is encoded once; each day's request is that body with the day put in.
    """
    template = _archive_form_request(selector, spec)
    if template is None:
        return None

    def build(day: date, meta: dict[str, Any]) -> Request:
        value = quote_plus(day.strftime(spec.date_format))
        request = replace(
            template,
            url=template.url.replace(_DAY_MARK, value),
            body=template.body.replace(_DAY_MARK.encode(), value.encode()),
        )
        return request.to_scrapy(callback=callback, meta=meta, dont_filter=True)

    return build


def _archive_form_request(selector: Selector, spec: ArchiveFormSpec) -> Any:
    """The form's request (form2request) with :data:`_DAY_MARK` for the day, or None."""
    forms = selector.xpath("//form")
    if spec.form_index >= len(forms):
        return None
    form = forms[spec.form_index]
    postback = spec.submit_postback  # "Xem" as a __doPostBack link rather than a button
    data: dict[str, str | None] = {
        spec.date_field: _DAY_MARK,
        "__EVENTTARGET": postback.target if postback else "",
        "__EVENTARGUMENT": postback.argument if postback else "",
    }
    click: Any = False
    if spec.submit_name and not postback:
        buttons = form.xpath(
            ".//input[@name=$name] | .//button[@name=$name]", name=spec.submit_name
        )
        if buttons and (buttons[0].attrib.get("type") or "").lower() == "image":
            # an ImageButton: browsers send where it was clicked, ASP.NET looks for that
            data[f"{spec.submit_name}.x"] = data[f"{spec.submit_name}.y"] = "1"
        elif buttons:
            click = buttons[0].root
    return form2request(form, data, click=click)
