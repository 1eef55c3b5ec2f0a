"""Request routing of the replica: IIS-like case-insensitive paths, ASP.NET postbacks,
failures (503, slow, 404, sign-in redirect) and the hidden admin endpoints."""

from __future__ import annotations

import json
import re
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from . import files, truth
from .noise import encode_cp1258
from .pages import Renderer
from .site import Site
from .viewstate import Signer, TokenError

HEADERS = [
    ("Server", "Microsoft-IIS/7.5"),
    ("X-Powered-By", "ASP.NET"),
    ("MicrosoftSharePointTeamServices", "14.0.0.7015"),
    ("X-AspNet-Version", "2.0.50727"),
]
DAY_RE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    delay: float = 0.0


def html_response(text: str, charset: str = "utf-8", status: int = 200) -> Response:
    body = encode_cp1258(text) if charset == "windows-1258" else text.encode("utf-8")
    return Response(status, body, [("Content-Type", f"text/html; charset={charset}")])


def error_500(reason: str) -> Response:
    return html_response(
        "<html><head><title>Lỗi</title></head><body><h1>Server Error in '/' Application.</h1>"
        f"<p>{reason}</p></body></html>",
        status=500,
    )


def parse_day(raw: str) -> date | None:
    """dd/MM/yyyy, strictly day first (02/03/2024 is 2 March)."""
    m = DAY_RE.match(raw or "")
    if not m:
        return None
    try:
        return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


class App:
    """The replica's request handler (framework-free; see server.py for the HTTP layer)."""

    def __init__(self, site: Site, base: str = "", broken: bool = False) -> None:
        self.site = site
        self.render = Renderer(site, Signer(site.seed, site.skin), broken)
        self.skin = self.render.skin
        self.base = base
        self.log: list[dict] = []
        self.seen_503: set[str] = set()
        self.cache: OrderedDict[str, Response] = OrderedDict()
        self.truth_bytes: bytes | None = None  # built on first request, dropped on changes

    @property
    def base(self) -> str:
        """http://host:port of the replica (skins that write absolute URLs use it)."""
        return self.render.base

    @base.setter
    def base(self, value: str) -> None:
        self.render.base = value

    # -- entry point ----------------------------------------------------------------------
    def handle(self, method: str, target: str, body: bytes, agent: str = "") -> Response:
        arrived = time.time()  # wall clock: request rates are measured from the log
        parts = urlsplit(target)
        path = unquote(parts.path)
        low = path.lower()
        if low.startswith("/__replica__/"):
            return self.admin(method, low, dict(parse_qsl(parts.query)))
        if method == "POST":
            resp = self.post(low, target, body)
        elif method in ("GET", "HEAD"):
            resp = self.get(low, target, dict(parse_qsl(parts.query)))
        else:
            resp = Response(405, b"", [("Allow", "GET, HEAD, POST")])
        self.log.append(
            {"method": method, "path": target, "status": resp.status, "t": arrived, "agent": agent}
        )
        return resp

    # -- GET ------------------------------------------------------------------------------
    def get(self, low: str, target: str, q: dict[str, str]) -> Response:
        if low in ("/", "/portal", "/portal/"):
            return Response(302, b"", [("Location", "/portal/Pages/default.aspx")])
        if low == "/robots.txt":
            return Response(
                200, files.robots(self.skin.robots_disallow), [("Content-Type", "text/plain")]
            )
        art = self.site.by_path.get(low)
        if art is not None and art.key not in self.seen_503 and "transient-503" in art.flags:
            self.seen_503.add(art.key)
            return Response(
                503, b"Service Unavailable", [("Retry-After", "1"), ("Content-Type", "text/html")]
            )
        key = (
            low
            + "?"
            + "&".join(
                f"{k}={v}"
                for k, v in sorted(q.items())
                if k != "fbclid" and not k.startswith("utm_")
            )
        )
        cached = self.cache.get(key)
        if cached is None:
            cached = self._get(low, target, q)
            if cached.status == 200 and cached.headers[0][1].startswith("text/html"):
                self.cache[key] = cached
                if len(self.cache) > 512:
                    self.cache.popitem(last=False)
        else:
            self.cache.move_to_end(key)
        if art is not None and "slow" in art.flags:
            return Response(cached.status, cached.body, cached.headers, delay=0.3)
        return cached

    def _get(self, low: str, target: str, q: dict[str, str]) -> Response:
        r, skin = self.render, self.skin
        if low == "/portal/pages/default.aspx":
            return html_response(r.home())
        if ch := self.site.channel_by_path(low):
            page = 1
            if skin.paging[ch.slug] == "links":
                param = skin.page_param
                try:
                    page = max(1, int(q.get(param) or q.get(param.lower()) or 1))
                except ValueError:
                    page = 1
            return html_response(r.listing(ch, page, ch.path if page == 1 else target))
        printed = skin.print_target(low, q)
        if printed is not None and (a := self.site.by_path.get(printed)):
            return html_response(*r.article(a, printing=True))
        if a := self.site.by_path.get(low):
            return html_response(*r.article(a))
        if s := self.site.special_by_path.get(low):
            if s.kind == "restricted":
                loc = "/_layouts/Authenticate.aspx?Source=" + quote(s.path, safe="")
                return Response(302, b"", [("Location", loc)])
            return self.not_found()
        if skin.results_path and low == skin.results_path.lower():
            day, page = skin.parse_results_query(q)
            return html_response(r.archive(target, day, page))
        if low == "/_layouts/iframe.aspx":
            return html_response(files.calendar(q))
        if low == "/_layouts/authenticate.aspx":
            return html_response(files.signin(quote(q.get("Source", "/"), safe="")))
        ext = low.rsplit(".", 1)[-1]
        static = ("/portal/photos/", "/portal/vanban/", "/_layouts/", "/portal/style")
        if low.startswith(static) and ext in files.CONTENT_TYPES:
            return Response(200, files.document(ext), [("Content-Type", files.CONTENT_TYPES[ext])])
        if low.startswith("/portal/videos/"):
            return html_response(r.simple(target, "Video Clip", "Video clip đang được cập nhật."))
        if static := skin.static_page(low):
            return html_response(r.static(target, *static))
        if re.fullmatch(r"/portal/pages/[a-z-]+\.aspx", low):
            return html_response(r.simple(target, "Thông tin", "Nội dung đang được cập nhật."))
        return self.not_found()

    def not_found(self) -> Response:
        return html_response(
            "<html><head><title>Không tìm thấy trang</title></head><body>"
            "<h1>404 - Không tìm thấy tệp hoặc thư mục.</h1></body></html>",
            status=404,
        )

    # -- POST (postbacks) -----------------------------------------------------------------
    def post(self, low: str, target: str, body: bytes) -> Response:
        form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        try:
            state = self.render.signer.verify(
                form.get("__VIEWSTATE"), form.get("__EVENTVALIDATION")
            )
        except TokenError as exc:
            return error_500(str(exc))
        action = (self.skin.form_action or "").lower()
        if low != state.get("p") and low != action:
            return error_500("Validation of viewstate MAC failed (page mismatch).")
        names, r = self.skin.names, self.render
        if names["search_button"] in form:
            return html_response(r.search(target, form.get(names["search_input"], "")))
        if names["archive_button"] in form:
            day = parse_day(form.get(names["date_input"], ""))
            note = "" if day else "Ngày không hợp lệ. Nhập ngày theo dạng dd/MM/yyyy."
            if day and self.skin.archive_mode == "redirect":
                return Response(302, b"", [("Location", self.skin.results_href(day, 1))])
            return html_response(r.archive(target, day, 1, note))
        ev_target, ev_arg = form.get("__EVENTTARGET", ""), form.get("__EVENTARGUMENT", "")
        if ev_target:
            want, allowed, total = r.allowed(state)
            if ev_target != want or ev_arg not in allowed:
                return error_500("Invalid postback or callback argument.")
            page = self.skin.postback_page(ev_target, ev_arg, total)
            if state["k"] == "list":
                ch = self.site.channel_by_slug(state["c"])
                return html_response(r.listing(ch, page, target))
            return html_response(r.archive(target, date.fromisoformat(state["d"]), page))
        return self.get(state.get("p", low), target, {})

    # -- admin ----------------------------------------------------------------------------
    def admin(self, method: str, low: str, q: dict[str, str]) -> Response:
        def js(obj: object) -> Response:
            data = json.dumps(obj, ensure_ascii=False).encode()
            return Response(200, data, [("Content-Type", "application/json; charset=utf-8")])

        if method == "GET" and low == "/__replica__/truth.json":
            if self.truth_bytes is None:
                self.truth_bytes = json.dumps(
                    truth.build(self.site, self.base), ensure_ascii=False
                ).encode()
            return Response(
                200, self.truth_bytes, [("Content-Type", "application/json; charset=utf-8")]
            )
        if method == "GET" and low == "/__replica__/log":
            return js(self.log)
        if method == "POST" and low == "/__replica__/log/clear":
            self.log.clear()
            return js({"ok": True})
        if method == "POST" and low == "/__replica__/publish":
            new = self.site.publish(int(q.get("count", "1")))
            self.cache.clear()
            self.truth_bytes = None
            return js([truth.article_truth(self.site, a, self.base) for a in new])
        if method == "POST" and low == "/__replica__/edit":
            try:
                a = self.site.edit(q.get("id", ""))
            except KeyError:
                return Response(404, b'{"error": "no such article"}')
            self.cache.clear()
            self.truth_bytes = None
            return js(truth.article_truth(self.site, a, self.base))
        return Response(404, b"{}")
