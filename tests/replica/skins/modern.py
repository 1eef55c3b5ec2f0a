"""modern: a newer responsive master page — header/nav/main/aside/footer, date above the
title, <figure>/<figcaption> images, a div.tacgia signature, Bootstrap-like pagination; the
one form posts to /portal/pages/Tin-theo-ngay.aspx (archive results there, paged by links)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar
from urllib.parse import quote

from .. import chrome
from ..chrome import Ctx
from ..model import Article
from .base import ArticleView, Entry, Skin, esc, register, window

RESULTS = "/portal/pages/Tin-theo-ngay.aspx"
_WP = "ctl00$PlaceHolderMain$g_a1b2c3d4_e5f6"


@register
class Modern(Skin):
    name = "modern"
    order = 2
    date_style = "slash_time"
    sid_len = 12
    upper_rate = 0.04
    page_size = 10
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "links",
        "Khoa-hoc-cong-nghe": "links",
        "Thong-bao": "postback",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$ctl38$g_5a1b2c3d$txtKeyword",
        "search_button": "ctl00$ctl38$g_5a1b2c3d$btnSearch",
        "date_input": f"{_WP}$ArchiveDateTimeControl$ArchiveDateTimeControlDate",
        "archive_button": f"{_WP}$btnView",
        "pager": "ctl00$PlaceHolderMain$g_9f8e7d6c_5b4a$lvTin$dpTin",
        "day_pager": f"{_WP}$dpKetQua",
    }
    form_action = RESULTS
    archive_mode = "action"
    archive_paging = "links"
    results_path = RESULTS
    print_pattern = "/portal/PrintView.aspx?ItemUrl=<article path>"
    print_prefix = "/portal/printview.aspx"
    print_regex = r"^/portal/printview\.aspx"
    robots_disallow = "/portal/PrintView.aspx"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Padded date and no id; ~5 % year-only with a lower-case slug and the id."""
        d = a.day
        if year_only:
            return f"/portal/pages/{d.year}/{a.slug.lower()}-{a.sid}.aspx"
        return f"/portal/pages/{d:%Y-%m-%d}/{a.slug}.aspx"

    def year_url(self, a: Article, rng: random.Random) -> bool:
        return a.idx > 0 and a.date_style != "url" and rng.random() < 0.05

    def print_href(self, a: Article) -> str:
        return f"/portal/PrintView.aspx?ItemUrl={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == "/portal/printview.aspx" and query.get("ItemUrl"):
            return query["ItemUrl"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        return f"{RESULTS}?ngay={day:%d-%m-%Y}" + (f"&amp;Page={page}" if page > 1 else "")

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        try:
            day = datetime.strptime(query.get("ngay", ""), "%d-%m-%Y").date()
        except ValueError:
            day = None
        page = int(query["Page"]) if query.get("Page", "").isdigit() else 1
        return day, max(1, page)

    def layout(self, ctx: Ctx, main: str) -> str:
        n = self.names
        nav = "".join(
            f'<li class="nav-item"><a class="nav-link" href="{p}">{esc(t)}</a></li>'
            for p, t in ctx.channels
        )
        nav += "".join(
            f'<li class="nav-item"><a class="nav-link" href="/portal/pages/{s}.aspx">'
            f"{esc(t)}</a></li>"
            for t, s in chrome.MENU_PAGES[:4]
        )
        videos = "".join(
            f'<div class="video-item"><a href="{chrome.video_path(s)}">'
            f'<span class="play"></span>{esc(t)}</a></div>'
            for t, s in chrome.VIDEOS
        )
        photos = "".join(
            f'<div class="photo"><a href="{full}"><img src="{th}" alt="{esc(t)}" />'
            f"</a><p>{esc(t)}</p></div>"
            for t, full, th in chrome.gallery_items()
        )
        latest = "".join(f'<li><a href="{p}">{esc(t)}</a></li>' for p, t in ctx.latest)
        day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
        did = n["date_input"].replace("$", "_")
        return (
            '<!DOCTYPE html>\n<html lang="vi"><head>'
            + chrome.meta_charset(ctx)
            + '<meta name="viewport" content="width=device-width, initial-scale=1" />'
            f"<title>{esc(ctx.title)} - Sở KH&amp;CN Thanh Hóa</title>\n"
            + chrome.registered_scripts(self.name)
            + '</head>\n<body class="portal-modern">\n'
            f'<form method="post" action="{esc(ctx.action)}" id="aspnetForm">\n'
            + chrome.hidden_top(ctx)
            + chrome.POSTBACK_JS
            + '<div id="s4-workspace" class="ms-core-overlay"><div id="s4-bodyContainer">'
            '<div class="skip-links"><a href="#mainContent">Bỏ qua nội dung chính</a></div>\n'
            '<header class="site-header"><div class="container"><div class="brand">'
            '<a href="/portal/pages/default.aspx" class="logo">Sở Khoa học và Công nghệ'
            ' tỉnh Thanh Hóa</a></div><div class="search-box">'
            f'<input type="text" name="{n["search_input"]}" placeholder="Nhập từ khóa..." />'
            f'<input type="submit" name="{n["search_button"]}" value="Tìm kiếm" class="btn" />'
            "</div></div></header>\n"
            '<nav class="main-menu"><div class="container"><ul class="nav">'
            f'<li class="nav-item"><a class="nav-link" href="/portal/pages/default.aspx">Trang chủ'
            f"</a></li>{nav}</ul></div></nav>\n"
            '<div class="container page-body"><div class="row">'
            f'<main class="col-md-8" id="mainContent">{main}</main>\n'
            '<aside class="col-md-4 sidebar">'
            '<section class="widget widget-archive"><h3 class="widget-title">Các tin đã đăng ngày'
            '</h3><div class="widget-body"><span class="ms-dtinput">'
            f'<input type="text" name="{n["date_input"]}" id="{did}" value="{day}" '
            'class="form-control" /></span><span class="ms-dtinput">'
            f'<a href="{chrome.calendar_href(ctx.day)}" onclick="clickDatePicker(\'{did}\', '
            "'\\u002f_layouts\\u002f15\\u002fiframe.aspx?cal=1', ''); return false;\">"
            '<img src="/_layouts/15/images/calendar_25.gif" alt="Chọn một ngày từ lịch." /></a>'
            f'</span> <input type="submit" name="{n["archive_button"]}" value="Xem" class="btn" />'
            "</div></section>\n"
            '<section class="widget widget-latest"><h3 class="widget-title">Tin mới</h3>'
            f"<ul>{latest}"
            "</ul></section>\n"
            f'<section class="widget widget-video"><h3 class="widget-title">Video Clip</h3>{videos}'
            '</section>\n<section class="widget widget-gallery"><h3 class="widget-title">HÌNH ẢNH'
            f' HOẠT ĐỘNG</h3><div class="gallery">{photos}</div></section></aside></div></div>\n'
            '<footer class="site-footer"><div class="container"><p>© Sở Khoa học và Công nghệ tỉnh'
            " Thanh Hóa. Số 15 Phan Chu Trinh, TP. Thanh Hóa.</p>"
            f'<a class="login" href="{chrome.signin_href(ctx.path)}">ĐĂNG NHẬP</a></div></footer>\n'
            "</div></div>\n" + chrome.hidden_bottom(ctx) + "</form></body></html>\n"
        )

    def _blocks(self, v: ArticleView) -> str:
        out = []
        for b in v.blocks:
            if b[0] == "p":
                out.append(f"<p>{b[1]}</p>")
            elif b[0] == "img":
                cap = f"<figcaption>{b[2]}</figcaption>" if b[2] else ""
                out.append(f'<figure class="image"><img src="{b[1]}" alt="" />{cap}</figure>')
            elif b[0] == "table":
                head = "".join(f"<th>{c}</th>" for c in b[1][0])
                rows = "".join(
                    "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in b[1][1:]
                )
                out.append(
                    '<div class="table-responsive"><table class="table table-bordered">'
                    f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
                )
        if v.source:
            out.append(f'<p class="nguon"><em>Nguồn: {v.source}</em></p>')
        return "\n".join(out)

    def article_main(self, v: ArticleView) -> str:
        date = (
            f'<p class="post-date"><span class="icon-clock"></span> {v.date}</p>' if v.date else ""
        )
        upd = f'<p class="post-updated">{v.updated}</p>' if v.updated else ""
        lead = f'<p class="sapo">{v.lead}</p>' if v.lead else ""
        sig = ""
        if v.author:
            role = f'<span class="chucvu">{v.role}</span>' if v.role else ""
            sig = f'<div class="tacgia"><span class="ten">{v.author}</span>{role}</div>'
        att = ""
        if v.attachments:
            att = (
                '<div class="file-dinh-kem"><h4>File đính kèm</h4><ul>'
                + "".join(
                    f'<li><a href="{h}"><i class="icon-file"></i>{t}</a></li>'
                    for h, t in v.attachments
                )
                + "</ul></div>"
            )
        return (
            f'<article class="news-detail">{date}{upd}<h1 class="news-title">{v.title}</h1>'
            f'{lead}<div class="news-content">\n{self._blocks(v)}\n</div>{sig}{att}</article>'
        )

    def article_extras(self, v: ArticleView) -> str:
        rel = "".join(f'<li><a href="{e.href}">{esc(e.title)}</a></li>' for e in v.related)
        return (
            f'<div class="article-tools"><a class="print" href="{v.print_href}">In nội dung</a>'
            f'</div><section class="other-news"><h3>Các tin khác</h3><ul>{rel}</ul></section>'
        )

    def empty_article_main(self) -> str:
        return '<article class="news-detail"><div class="news-content"></div></article>'

    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        items = []
        for e in entries:
            th = (
                f'<a class="thumb" href="{e.href}"><img src="{e.thumb}" alt="" /></a>'
                if e.thumb
                else ""
            )
            items.append(
                f'<div class="news-item">{th}<div class="info"><h3><a href="{e.href}">'
                f"{esc(e.title)}</a></h3>"
                + (f'<span class="time">{e.date}</span>' if e.date else "")
                + (f'<p class="desc">{esc(e.lead)}</p>' if e.lead else "")
                + "</div></div>"
            )
        body = "".join(items) or '<p class="empty">Không có tin nào.</p>'
        return (
            f'<section class="news-list"><h2 class="section-title">{esc(heading)}</h2>{body}'
            f"{pager}</section>"
        )

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        if total <= 1:
            return ""
        lis = [f'<li class="prev"><a href="{href(page - 1)}">«</a></li>'] if page > 1 else []
        lis += [
            f'<li class="active"><span>{k}</span></li>'
            if k == page
            else f'<li><a href="{href(k)}">{k}</a></li>'
            for k in window(page, total)
        ]
        if page < total:
            lis.append(f'<li class="next"><a rel="next" href="{href(page + 1)}">»</a></li>')
        return f'<nav class="pagination"><ul>{"".join(lis)}</ul></nav>'

    def pager_postback(self, target: str, page: int, total: int) -> str:
        if total <= 1:
            return ""

        def a(arg: str, label: str) -> str:
            return (
                f'<a class="page-link" href="javascript:__doPostBack(&#39;{target}&#39;,'
                f'&#39;{arg}&#39;)">{label}</a>'
            )

        parts = [
            f'<span class="page-link current">{k}</span>' if k == page else a(f"Page${k}", str(k))
            for k in window(page, total)
        ]
        if page < total:
            parts.append(a(f"Page${page + 1}", "Trang sau ›"))
        return f'<div class="paging">{"".join(parts)}</div>'
