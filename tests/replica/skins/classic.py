"""classic: SharePoint 2010 master page like the seed page — layout tables, s4-ribbonrow,
title and date side by side, right-aligned signature paragraphs, GridView pager."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from .. import chrome
from ..chrome import Ctx
from ..model import Article
from .base import ArticleView, Entry, Skin, esc, register, window

_WP = "ctl00$m$g_2d5b8a27_4bb5_4c2b_9d1e_6f3a1d2c7b90$ctl00"


def _id(name: str) -> str:
    return name.replace("$", "_")


@register
class Classic(Skin):
    name = "classic"
    order = 1
    date_style = "dash"
    sid_len = 6
    upper_rate = 0.25
    publish_style = "dash"
    page_size = 15
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "links",
        "Khoa-hoc-cong-nghe": "postback",
        "Thong-bao": "links",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$PlaceHolderSearchArea$ctl01$S6A6D9C6B_InputKeywords",
        "search_button": "ctl00$PlaceHolderSearchArea$ctl01$S6A6D9C6B_go",
        "date_input": f"{_WP}$DateTimeControl$DateTimeControlDate",
        "archive_button": f"{_WP}$btnXem",
        "pager": "ctl00$m$g_7c1e0f55_8a0b_4f6e_b3a2_1d9e4c5f6a70$ctl00$gvTinTuc",
        "day_pager": f"{_WP}$gvKetQua",
    }
    archive_mode = "same"
    archive_paging = "postback"
    print_pattern = "<article path>?print=1"
    print_regex = r"[?&]print=1(?:&|$)"
    listing_date_fmt = "(%d/%m/%Y)"
    robots_disallow = "/*?print=1"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Month and day not padded, the id glued to the slug."""
        d = a.day
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}{a.sid}.aspx"

    def print_href(self, a: Article) -> str:
        return a.path + "?print=1"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        return path_low if query.get("print") == "1" else None

    # -- layout -------------------------------------------------------------------------
    def layout(self, ctx: Ctx, main: str) -> str:
        n = self.names
        menu = "".join(
            f'<td class="menuitem"><a href="{p}">{esc(t)}</a></td>' for p, t in ctx.channels
        )
        menu += "".join(
            f'<td class="menuitem"><a href="/portal/Pages/{s}.aspx">{esc(t)}</a></td>'
            for t, s in chrome.MENU_PAGES
        )
        videos = "".join(
            f'<li><a href="{chrome.video_path(s)}">{esc(t)}</a></li>' for t, s in chrome.VIDEOS
        )
        photos = "".join(
            f'<li><a href="{full}"><img src="{th}" width="180" alt="" /><br />{esc(t)}</a></li>'
            for t, full, th in chrome.gallery_items()
        )
        latest = "".join(f'<li><a href="{p}">{esc(t)}</a></li>' for p, t in ctx.latest)
        day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
        return (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
            '<html dir="ltr" lang="vi-VN"><head>'
            '<meta http-equiv="X-UA-Compatible" content="IE=8" />\n'
            + chrome.meta_charset(ctx)
            + f"<title>\n\t{esc(ctx.title)}\n</title>\n"
            + chrome.registered_scripts(self.name)
            + '</head>\n<body scroll="no" onload="javascript:_spBodyOnLoadWrapper();" '
            'class="v4master">\n'
            f'<form method="post" action="{esc(ctx.action)}" '
            'onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">\n'
            + chrome.hidden_top(ctx)
            + chrome.POSTBACK_JS
            + '<div id="s4-ribbonrow" class="s4-pr s4-ribbonrowhidetitle"><div id="s4-ribboncont">'
            '<a href="javascript:;" onclick="javascript:this.href=\'#startNavigation\';" '
            'class="ms-skip" accesskey="J">Bỏ qua Lệnh Ruy-băng</a> '
            '<a href="#mainContent" class="ms-skip">Bỏ qua nội dung chính</a></div></div>\n'
            '<div id="s4-workspace"><div id="s4-bodyContainer">\n'
            '<div id="s4-titlerow"><table class="header" width="100%"><tr><td class="banner">'
            '<a href="/portal/Pages/default.aspx"><img src="/portal/Style%20Library/banner.jpg" '
            'alt="SỞ KHOA HỌC VÀ CÔNG NGHỆ THANH HÓA" /></a></td><td class="search" align="right">'
            f'<input name="{n["search_input"]}" type="text" id="{_id(n["search_input"])}" '
            'class="ms-sbplain" title="Tìm kiếm" /> '
            f'<input type="submit" name="{n["search_button"]}" value="Tìm kiếm" class="ms-sbgo" />'
            "</td></tr></table></div>\n"
            '<div class="topmenu"><table cellpadding="0" cellspacing="0"><tr>'
            f'<td class="menuitem"><a href="/portal/Pages/default.aspx">Trang chủ</a></td>{menu}'
            "</tr></table></div>\n"
            '<table id="MSO_ContentTable" width="100%" cellpadding="0" cellspacing="0"><tr>\n'
            '<td class="leftcol" valign="top" width="210">'
            f'<table class="box"><tr><td class="boxTitle">Video Clip</td></tr><tr><td><ul>{videos}'
            "</ul></td></tr></table>"
            '<table class="box"><tr><td class="boxTitle">HÌNH ẢNH HOẠT ĐỘNG</td></tr><tr><td>'
            f'<ul class="gallery">{photos}</ul></td></tr></table></td>\n'
            f'<td class="maincol" valign="top"><a name="mainContent"></a>{main}\n'
            '<table class="box boxArchive"><tr><td class="boxTitle">Các tin đã đăng ngày</td></tr>'
            "<tr><td><table><tr><td>"
            f'<input name="{n["date_input"]}" type="text" value="{day}" maxlength="45" '
            f'id="{_id(n["date_input"])}" class="ms-input" /></td><td>'
            f'<a href="{chrome.calendar_href(ctx.day)}" onclick="clickDatePicker(\''
            f"{_id(n['date_input'])}', '\\u002f_layouts\\u002fiframe.aspx?cal=1', ''); "
            'return false;"><img src="/_layouts/images/calendar.gif" border="0" '
            'alt="Chọn một ngày từ lịch." /></a></td><td>'
            f'<input type="submit" name="{n["archive_button"]}" value="Xem" '
            f'id="{_id(n["archive_button"])}" /></td></tr></table></td></tr></table></td>\n'
            '<td class="rightcol" valign="top" width="200"><table class="box"><tr>'
            f'<td class="boxTitle">Tin mới</td></tr><tr><td><ul>{latest}</ul></td></tr></table>'
            "</td>\n"
            "</tr></table>\n"
            '<div class="footer"><table width="100%"><tr><td>'
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THANH HÓA"
            "<br />Địa chỉ: Số 15 Phan Chu Trinh, phường Điện Biên, TP. Thanh Hóa</td>"
            f'<td align="right"><a href="{chrome.signin_href(ctx.path)}">ĐĂNG NHẬP</a></td></tr>'
            "</table></div>\n</div></div>\n" + chrome.hidden_bottom(ctx) + "</form></body></html>\n"
        )

    # -- article ------------------------------------------------------------------------
    def _blocks(self, v: ArticleView) -> str:
        out = []
        for b in v.blocks:
            if b[0] == "p":
                out.append(f'<p style="text-align: justify;">{b[1]}</p>')
            elif b[0] == "img":
                cap = f'<tr><td align="center"><em>{b[2]}</em></td></tr>' if b[2] else ""
                out.append(
                    f'<table class="imgcaption" align="center"><tr><td><img src="{b[1]}" '
                    f'border="0" width="500" alt="" /></td></tr>{cap}</table>'
                )
            elif b[0] == "table":
                rows = "".join(
                    "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in r) + "</tr>" for r in b[1]
                )
                out.append(
                    f'<table class="MsoTableGrid" border="1" cellspacing="0"><tbody>{rows}'
                    "</tbody></table>"
                )
        if v.author:
            out.append('<p style="text-align: right;">&nbsp;</p>')
            out.append(f'<p align="right"><strong>{v.author}</strong></p>')
            if v.role:
                out.append(f'<p align="right">{v.role}</p>')
        if v.source:
            out.append(f"<p><em>Nguồn: {v.source}</em></p>")
        return "\n".join(out)

    def article_main(self, v: ArticleView) -> str:
        date = f'<td class="ngaydang" align="right" nowrap="nowrap">{v.date}</td>' if v.date else ""
        upd = f'<div class="capnhat">{v.updated}</div>' if v.updated else ""
        lead = f'<div class="tomtat"><b>{v.lead}</b></div>' if v.lead else ""
        att = ""
        if v.attachments:
            att = (
                '<div class="dinhkem"><b>Tài liệu đính kèm:</b><ul>'
                + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in v.attachments)
                + "</ul></div>"
            )
        return (
            '<table class="box boxNoiDung" width="100%"><tr><td class="boxTitle">Nội dung</td></tr>'
            '<tr><td class="boxContent"><table width="100%"><tr><td class="tieude">'
            f'<span class="title">{v.title}</span></td>{date}</tr></table>{upd}{lead}'
            f'<div class="noidung ms-rtestate-field">\n{self._blocks(v)}\n</div>{att}'
            "</td></tr></table>"
        )

    def article_extras(self, v: ArticleView) -> str:
        rel = "".join(
            f'<li><a href="{e.href}">{esc(e.title)}</a> <span class="ngay">{e.date or ""}'
            "</span></li>"
            for e in v.related
        )
        return (
            f'<div class="inbai"><a href="{v.print_href}" target="_blank">'
            '<img src="/portal/Style%20Library/print.gif" alt="" /> In nội dung</a></div>'
            '<table class="box"><tr><td class="boxTitle">Tin liên quan</td></tr><tr><td>'
            f'<ul class="tinlienquan">{rel}</ul></td></tr></table>'
        )

    def empty_article_main(self) -> str:
        return (
            '<table class="box boxNoiDung" width="100%"><tr><td class="boxTitle">Nội dung'
            '</td></tr><tr><td class="boxContent"></td></tr></table>'
        )

    # -- listings -----------------------------------------------------------------------
    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        rows = []
        for e in entries:
            th = (
                f'<a href="{e.href}"><img src="{e.thumb}" width="100" border="0" alt="" /></a>'
                if e.thumb
                else ""
            )
            rows.append(
                f'<tr><td class="anh" width="110" valign="top">{th}</td><td valign="top">'
                f'<a class="tieudetin" href="{e.href}">{esc(e.title)}</a> '
                + (f'<span class="ngay">{e.date}</span>' if e.date else "")
                + (f'<div class="motangan">{esc(e.lead)}</div>' if e.lead else "")
                + "</td></tr>"
            )
        body = "".join(rows) or '<tr><td colspan="2">Không có tin nào.</td></tr>'
        return (
            '<table class="box boxDanhSach" width="100%"><tr><td class="boxTitle">'
            f"{esc(heading)}"
            f'</td></tr><tr><td><table class="dstin" width="100%">{body}</table>{pager}'
            "</td></tr></table>"
        )

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        if total <= 1:
            return ""
        parts = [
            f'<span class="current">{k}</span>' if k == page else f'<a href="{href(k)}">{k}</a>'
            for k in window(page, total)
        ]
        if page < total:
            parts.append(f'<a href="{href(page + 1)}">Trang sau</a>')
            parts.append(f'<a href="{href(page + 1)}" title="Trang sau">»</a>')
            parts.append(f'<a href="{href(total)}">Cuối</a>')
        return f'<div class="phantrang">{" ".join(parts)}</div>'

    def pager_postback(self, target: str, page: int, total: int) -> str:
        if total <= 1:
            return ""

        def a(arg: str, label: str) -> str:
            return f"<td><a href=\"javascript:__doPostBack('{target}','{arg}')\">{label}</a></td>"

        cells = [a("Page$First", "&lt;&lt;")] if page > 1 else []
        cells += [
            f"<td><span>{k}</span></td>" if k == page else a(f"Page${k}", str(k))
            for k in window(page, total)
        ]
        if page < total:
            cells += [a(f"Page${page + 1}", "Trang sau"), a("Page$Last", "&gt;&gt;")]
        return (
            f'<table class="gvPager"><tr><td><table border="0"><tr>{"".join(cells)}'
            "</tr></table></td></tr></table>"
        )
