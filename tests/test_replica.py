"""Tests of the replica portal itself (tests/replica): determinism, pages of each skin,
postback validation, the date archive, IIS-like paths, robots.txt, failures, and that the
ground truth matches what the served pages show."""

from __future__ import annotations

import re
import unicodedata
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urljoin

import lxml.html
import pytest
from form2request import form2request
from parsel import Selector

from tests.replica import truth as truth_mod
from tests.replica.app import App
from tests.replica.noise import TCVN3
from tests.replica.process import run_replica
from tests.replica.site import SKINS, Site
from tests.replica.skins import get_skin
from tests.replica.skins.base import register

BASE = "http://127.0.0.1:1"
UNTCVN3 = {v: k for k, v in TCVN3.items()}
MOJIBAKE = set(UNTCVN3) - set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ\u00ad\u00d0")


def fetch(
    url: str, data: bytes | None = None, method: str | None = None, headers: dict | None = None
) -> tuple[int, str, str]:
    """(status, decoded body, final url); HTTP errors are answers, not exceptions."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read().decode(r.headers.get_content_charset() or "utf-8"), r.url
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), url


def submit(req) -> tuple[int, str, str]:
    return fetch(req.url, req.body or None, req.method, dict(req.headers))


def clean(s: str) -> str:
    """What a reader sees (a stand-in for normalize.clean_inline)."""
    s = unicodedata.normalize("NFC", s).replace("\u00a0", " ").replace("\u00d0", "Đ")
    s = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def repair(s: str) -> str:
    if sum(c in MOJIBAKE for c in s) >= 3:
        return "".join(UNTCVN3.get(c, c) for c in s)
    return s


@pytest.fixture(scope="module")
def classic():
    with run_replica(articles=60, seed=7, skin="classic") as rep:
        yield rep


# -- the skin registry ----------------------------------------------------------------------
def test_skin_registry():
    """Every skin module registers itself; a skin states its identity, never inherits it."""
    assert SKINS[:3] == ("classic", "modern", "third") and len(set(SKINS)) == len(SKINS)
    assert all(get_skin(name).name == name for name in SKINS)

    class Copy(type(get_skin("classic"))):  # name, order, … all inherited
        pass

    with pytest.raises(TypeError, match="must declare name, order"):
        register(Copy)

    class Twin(Copy):
        name, order, date_style, sid_len, upper_rate = "classic", 99, "dash", 6, 0.1

        def article_path(self, a, year_only=False):
            return "/"

    with pytest.raises(ValueError, match="two skins"):
        register(Twin)
    with pytest.raises(ValueError, match="unknown skin"):
        Site(7, 10, "nosuchskin")


# -- determinism and the ground truth ------------------------------------------------------
def test_same_seed_same_truth():
    a = truth_mod.build(Site(7, 60, "classic"), BASE)
    b = truth_mod.build(Site(7, 60, "classic"), BASE)
    c = truth_mod.build(Site(8, 60, "classic"), BASE)
    assert a == b
    assert a["articles"] != c["articles"]


def test_seed_article_verbatim():
    t = truth_mod.build(Site(7, 60, "classic"), BASE)
    seed = next(a for a in t["articles"] if a["id"].startswith("2018-1-31/hoi-nghi-tong-ket"))
    assert seed["url"] == (
        BASE + "/portal/Pages/2018-1-31/Hoi-nghi-tong-ket-hoat-dong-KHCN-nam-2017abc123.aspx"
    )
    assert seed["title"].startswith("HỘI NGHỊ TỔNG KẾT HOẠT ĐỘNG KH&CN NĂM 2017")
    assert seed["published"] == "2018-01-31T00:00:00+07:00"
    assert (seed["author"], seed["author_role"]) == ("Cao Thị Ngọc Hà", "TP. Quản lý Khoa học")
    assert seed["text"].startswith("Ngày 19/01/2018, UBND tỉnh Thanh Hóa")
    assert seed["text"].count("\n\n") == 4 and len(seed["channels"]) == 2


def test_truth_has_all_quirks():
    t = truth_mod.build(Site(7, 60, "classic"), BASE)
    tags = {v for a in t["articles"] for v in a["variety"]}
    for tag in (
        "nodate",
        "urldate",
        "nfd",
        "tcvn3",
        "windows-1258",
        "new-tones",
        "d-stroke",
        "transient-503",
        "slow",
        "two-channels",
        "archive-only",
    ):
        assert tag in tags, tag
    assert t["unreadable"] and t["dead"] and t["restricted"] and t["external"]
    assert all(unicodedata.is_normalized("NFC", a["text"]) for a in t["articles"])
    assert not any(re.search("[\u200b\u00ad\u00a0\u00d0]", a["text"]) for a in t["articles"])


# -- served pages match the truth (in-process, every article of every skin) -----------------
BODY_XPATH = {
    "classic": (
        '//div[contains(@class,"noidung")]/p[not(@align) and not(em)]'
        '|//div[contains(@class,"noidung")]/table[contains(@class,"MsoTableGrid")]//tr'
    ),
    "modern": (
        '//div[@class="news-content"]/p[not(@class)]|//div[@class="news-content"]//table//tr'
    ),
    "third": (
        '//div[@class="ct-body-inner"]/p[not(@style) and not(strong/em)]'
        '|//div[@class="ct-body-inner"]/table//tr'
    ),
    "portal2": (
        '//div[contains(@class,"ms-rtestate-field")]/p[not(contains(@style,"right"))]'
        '|//div[contains(@class,"ms-rtestate-field")]/table[contains(@class,"ms-rteTable")]//tr'
    ),
    "egov": (
        '//div[@class="entry-body"]/div/p[not(@class) and not(b)]'
        '|//div[@class="entry-body"]/div//table//tr'
    ),
    "legacy": '//span[contains(@id,"_lblNoiDung")]',  # see break_paragraphs
    "mobile": (
        '//div[contains(@class,"c-post__body")]/*[(self::div or self::p) and not(@class)]'
        '|//div[contains(@class,"c-post__body")]/div[@class="c-tbl u-ovx"]//tr'
    ),
    "sp2013": (  # paragraphs only: no centred image/caption blocks, no right-aligned signature
        '//div[@class="article-content"]/div[contains(@class,"ms-rtestate-field")]'
        "/*[(self::div or self::p) and not(@class) and not(@style)]"
        '|//div[@class="article-content"]/div[contains(@class,"ms-rtestate-field")]/table//tr'
    ),
    "navi": (  # plain <p>s; the signature and "Nguồn:" are right-aligned by style
        '//div[@class="nd-body"]/p[not(@style) and not(@class)]'
        '|//div[@class="nd-body"]/table[@class="nd-table"]//tr'
    ),
    "prose": (  # Word paste: no centred title repeat, no bold-italic lead, no right-aligned lines
        '//div[contains(@class,"noidung-chitiet")]/div/p[not(@align) and not(b/i)]'
        '|//div[contains(@class,"noidung-chitiet")]/div/table[@class="MsoTableGrid"]//tr'
    ),
    "cms": (  # one row per paragraph: no centred image/caption rows, no right-aligned signature
        '//table[@class="tin-noidung"]/tbody/tr/td[not(@align) and not(@class)]'
        '|//table[@class="tin-noidung"]/tbody/tr/td/table[@class="tin-bang"]//tr'
    ),
    "tandan": (  # plain <p>s (captions too) in the RichHtmlField or the view's content box
        '//div[contains(@class,"ms-rtestate-field") or @class="tandan-content-view"]'
        "/p[not(@style)]"
        '|//div[contains(@class,"ms-rtestate-field") or @class="tandan-content-view"]'
        "/table//tr"
    ),
    "province": (  # <p>s and <br><br>-separated runs in bare <div>s (see break_paragraphs)
        '//div[@class="news-body"]/p[not(@class) and not(@align)]'
        '|//div[@class="news-body"]/div[not(@class) and not(@hidden)]'
        '|//div[@class="news-body"]/table//tr'
    ),
}
HIDDEN = '//*[@hidden or contains(translate(@style, " ", ""), "display:none")]'


def break_paragraphs(body) -> list[str]:
    """Paragraphs of a body whose editor wrote `<p>`s or bare text between `<br />`s (legacy):
    text runs between breaks, `<p>`s and data-table rows; image tables (no border) and the
    right-aligned signature `<div>`s are no body text."""
    out: list[str] = []
    run = [body.text or ""]

    def flush() -> None:
        text = clean(repair("".join(run)))
        run.clear()
        if text:
            out.append(text)

    for el in body:
        if el.tag in ("br", "p", "table", "div"):
            flush()
            if el.tag == "p":
                out.append(clean(repair(el.text_content())))
            elif el.tag == "table" and el.get("border") == "1":
                out.extend(
                    "\t".join(clean(td.text_content()) for td in tr.xpath("./td|./th"))
                    for tr in el.xpath(".//tr")
                )
        else:
            run.append(el.text_content())
        run.append(el.tail or "")
    flush()
    return out


@pytest.mark.parametrize("skin", SKINS)
def test_pages_show_the_truth(skin):
    site = Site(7, 60, skin)
    app = App(site, BASE)
    for art in truth_mod.build(site, BASE)["articles"]:
        path = art["url"][len(BASE) :]
        resp = app.handle("GET", path, b"")
        if resp.status == 503:
            resp = app.handle("GET", path, b"")
        assert resp.status == 200, path
        charset = re.search(r"charset=([\w-]+)", dict(resp.headers)["Content-Type"])[1]
        doc = lxml.html.fromstring(resp.body.decode(charset))
        for el in doc.xpath(f"//body{HIDDEN}"):  # a reader never sees hidden elements
            el.drop_tree()
        paras = []
        for el in doc.xpath(BODY_XPATH[skin]):
            if el.tag == "tr":
                paras.append("\t".join(clean(td.text_content()) for td in el.xpath("./td|./th")))
            elif el.tag == "span" or (el.tag == "div" and skin == "province"):
                paras.extend(break_paragraphs(el))
            else:
                paras.append(clean(repair(el.text_content())))
        if skin == "third" and paras[-1].startswith("Nguồn:"):
            assert paras.pop()[7:] == art["source"]
        assert "\n\n".join(p for p in paras if p) == art["text"], path
        title = doc.xpath(
            '//span[@class="title"]|//h1[@class="news-title"]|//dt/h2'
            '|//div[@class="titleNews"]/span[contains(@id,"_lblTitle")]'
            '|//h2[@class="post-heading"]'
            '|//span[contains(@id,"_lblTieuDe")]'
            '|//div[@role="heading" and @aria-level="1"]'
            '|//h1[@class="article-title"]'
            '|//h1[@class="nd-title"]'
            '|//h1[@class="tieude-chitiet"]'
            '|//div[@class="tin-tieude"]'
            '|//p[@class="tandan-p-article-news-title"]|//h1[@class="tandan-title-view"]'
        )[0]
        assert clean(title.text_content()) == art["title"]
        seen = clean(doc.text_content())
        for field in ("summary", "author", "author_role", "source"):
            assert art[field] is None or art[field] in seen, (path, field)
        srcs = {urljoin(art["url"], src) for src in doc.xpath("//img/@src")}
        assert all(i["url"] in srcs for i in art["images"])
        hrefs = doc.xpath("//a/@href")
        assert all(a["url"][len(BASE) :] in hrefs and a["name"] in seen for a in art["attachments"])
        assert len(doc.xpath("//form")) == 1


def test_prose_word_paste_is_served_not_truth():
    """prose: Word markup and the title repeated in capitals are on the page, not in the truth."""
    site = Site(7, 60, "prose")
    app = App(site, BASE)
    repeated = 0
    for art in truth_mod.build(site, BASE)["articles"]:
        if "transient-503" in art["variety"] or "windows-1258" in art["variety"]:
            continue
        page = app.handle("GET", art["url"][len(BASE) :], b"").body.decode()
        assert 'class="MsoNormal"' in page and "<o:p></o:p>" in page
        body = lxml.html.fromstring(page).xpath('//div[contains(@class,"noidung-chitiet")]/div')[0]
        first = clean(body.xpath("./p")[0].text_content())
        if first == clean(art["title"]).upper():
            repeated += 1
            assert first not in art["text"].split("\n\n")
    assert repeated >= 5


# -- over HTTP ----------------------------------------------------------------------------
@pytest.mark.parametrize("skin", SKINS)
def test_each_skin_serves_home_listing_article(skin):
    with run_replica(articles=30, seed=3, skin=skin) as rep:
        t = rep.truth()
        status, home, _ = fetch(rep.url + "/portal/Pages/default.aspx")
        assert status == 200 and "Các tin đã đăng ngày" in home and "ĐĂNG NHẬP" in home
        for ch in t["channels"]:  # a sub-channel is linked from its parent's pages only
            assert (ch["url"][len(rep.url) :] in home) != ("parent" in ch)
            assert fetch(ch["url"])[0] == 200
        art = next(
            a
            for a in t["articles"]
            if "slow" not in a["variety"] and "transient-503" not in a["variety"]
        )
        status, page, _ = fetch(art["url"])
        assert status == 200 and "In nội dung" in page and "Video Clip" in page
        assert 25_000 < len(page.encode()) < 80_000


def test_postback_needs_valid_tokens(classic):
    ch = next(c for c in classic.truth()["channels"] if c["paging"] == "postback")
    _, html, _ = fetch(ch["url"])
    sel = Selector(html, base_url=ch["url"])
    target, arg = sel.css("a::attr(href)").re(r"__doPostBack\('([^']+)','(Page\$2)'\)")[:2]
    form = sel.css("form")[0]
    data = {"__EVENTTARGET": target, "__EVENTARGUMENT": arg}
    hdr = {"Content-Type": "application/x-www-form-urlencoded"}
    bare = f"__EVENTTARGET={target}&__EVENTARGUMENT=Page%242".encode()
    assert fetch(ch["url"], bare, "POST", hdr)[0] == 500
    forged = submit(form2request(form, {**data, "__VIEWSTATE": "AAAA" + "x" * 40}, click=False))
    assert forged[0] == 500
    assert submit(form2request(form, {**data, "__EVENTARGUMENT": "Page$9"}, click=False))[0] == 500
    req = form2request(form, data, click=False)
    with ThreadPoolExecutor(3) as pool:  # tokens are reusable
        answers = list(pool.map(lambda _: submit(req), range(3)))
    for status, page2, _ in answers:
        assert status == 200
        assert Selector(page2).css("table.gvPager span::text").get() == "2"
    # the default click is the first submit button: the search box wins
    status, found, _ = submit(form2request(form, data))
    assert status == 200 and "Kết quả tìm kiếm" in found


@pytest.mark.parametrize("skin", SKINS)
def test_archive_day_first(skin):
    with run_replica(articles=60, seed=7, skin=skin) as rep:
        t = rep.truth()
        home_url = rep.url + "/portal/Pages/default.aspx"
        form = Selector(fetch(home_url)[1], base_url=home_url).css("form")[0]
        arc = t["archive"]
        btn = form.xpath(f'.//input[@name="{arc["submit"]}"]')[0]
        status, page, _ = submit(form2request(form, {arc["date_field"]: "16/05/2019"}, click=btn))
        assert status == 200
        busy = [a for a in t["articles"] if a["published"].startswith("2019-05-16")]
        assert len(busy) > 10
        shown = {a["id"] for a in busy if a["url"][len(rep.url) :] in page}
        assert len(shown) == 10
        status, page, url = submit(form2request(form, {arc["date_field"]: "16/05/2019"}, click=btn))
        sel = Selector(page, base_url=url)
        if arc["paging"] == "postback":
            target, arg = sel.css("a::attr(href)").re(r"__doPostBack\('([^']+)','(Page\$2)'\)")[:2]
            req = form2request(
                sel.css("form")[0], {"__EVENTTARGET": target, "__EVENTARGUMENT": arg}, click=False
            )
            status, page2, _ = submit(req)
        else:
            nxt = sel.xpath(
                "//a[contains(@href,'Page=2') or contains(@href,'trang=2')"
                " or contains(@href,'PageIndex=2')]/@href"
            )
            status, page2, _ = fetch(urljoin(url, nxt.get()))
        rest = {a["id"] for a in busy if a["url"][len(rep.url) :] in page2}
        assert status == 200 and rest and not rest & shown and len(rest | shown) == len(busy)
        status, page, _ = submit(form2request(form, {arc["date_field"]: "05/16/2019"}, click=btn))
        assert status == 200 and not any(a["url"][len(rep.url) :] in page for a in busy)
        bare = f"{arc['date_field']}=16/05/2019&{arc['submit']}=Xem".encode()
        assert fetch(home_url, bare, "POST")[0] == 500


def test_paths_robots_failures(classic):
    t = classic.truth()
    art = next(a for a in t["articles"] if not a["variety"] or a["variety"] == ["noise"])
    for url in (
        art["url"].replace("/portal/Pages/", "/portal/pages/"),
        art["url"].upper().replace("HTTP://", "http://"),
        art["url"] + "?fbclid=IwAR123#frag",
    ):
        assert fetch(url)[0] == 200, url
    status, robots, _ = fetch(classic.url + "/robots.txt")
    assert status == 200 and "Disallow: /_layouts/" in robots
    flaky = t["transient_503"][0]
    assert fetch(flaky)[0] == 503
    assert fetch(flaky)[0] == 200
    assert fetch(t["dead"][0])[0] == 404
    resp = open_no_redirect(t["restricted"][0])
    assert resp.status == 302 and "Authenticate.aspx" in resp.headers["Location"]
    log = classic.log()
    assert {"method", "path", "status"} <= set(log[-1])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def open_no_redirect(url: str):
    try:
        return urllib.request.build_opener(_NoRedirect).open(url, timeout=10)
    except urllib.error.HTTPError as e:
        return e


def test_publish_and_edit(classic):
    before = classic.truth()
    new = classic.publish(2)
    assert len(new) == 2
    after = classic.truth()
    assert after["n_articles"] == before["n_articles"] + 2
    ch = next(c for c in after["channels"] if c["name"] == new[0]["channels"][0])
    assert new[0]["url"][len(classic.url) :] in fetch(ch["url"])[1]
    old = after["articles"][-1]
    edited = classic.edit(old["id"])
    assert edited["text"] != old["text"] and edited["updated"]
    page = fetch(edited["url"])[1]
    assert "Cập nhật:" in page


# -- tandan: the vendor's markup, channels in /portal/Pages/, PageIndex paging ---------------
class InProcess:
    """A replica answered in-process (no HTTP): GET/POST returning (status, text, headers)."""

    def __init__(self, skin: str, articles: int = 60, seed: int = 7) -> None:
        self.site = Site(seed, articles, skin)
        self.app = App(self.site, BASE)
        self.truth = truth_mod.build(self.site, BASE)

    def get(self, path: str) -> tuple[int, str]:
        resp = self.app.handle("GET", path, b"")
        if resp.status == 503:  # the transient one
            resp = self.app.handle("GET", path, b"")
        charset = "utf-8"
        for name, value in resp.headers:
            if name == "Content-Type" and "charset=" in value:
                charset = value.split("charset=")[1]
        return resp.status, resp.body.decode(charset)

    def post(self, path: str, form: dict[str, str]) -> tuple[int, str]:
        from urllib.parse import urlencode

        resp = self.app.handle("POST", path, urlencode(form).encode())
        return resp.status, resp.body.decode("utf-8", "replace")

    def sel(self, path: str) -> Selector:
        status, text = self.get(path)
        assert status == 200, path
        return Selector(text)


@pytest.fixture(scope="module")
def tandan() -> InProcess:
    return InProcess("tandan")


def _rel(url: str) -> str:
    return url[len(BASE) :]


def _listed(sel: Selector) -> list[str]:
    return sel.css(".channel-news-title > a::attr(href)").getall()


def test_tandan_channels_where_real_sites_have_them(tandan):
    chans = tandan.truth["channels"]
    paths = [_rel(c["url"]) for c in chans]
    assert sum(p.startswith("/portal/KenhTin/") for p in paths) == 1
    assert sum(p.startswith("/portal/Pages/") for p in paths) == len(paths) - 1 >= 3
    assert "/portal/Pages/co_che_chinh_sach.aspx" in paths
    assert [c["paging"] for c in chans].count("postback") == 1
    subs = [c for c in chans if "parent" in c]
    assert len(subs) == 1 and subs[0]["parent"] in {c["name"] for c in chans}
    # every article's channels: all list it, in menu order (the sub-channel last)
    order = [c["name"] for c in chans]
    for art in tandan.truth["articles"]:
        assert art["channels"] == sorted(art["channels"], key=order.index)
        assert art["archive_only"] == (not art["channels"])


def _walk_links(tandan: InProcess, path: str) -> list[list[str]]:
    """Entries of every page of a link-paged channel, following the link after CurrentPage."""
    pages, url = [], path
    while url:
        sel = tandan.sel(url)
        pages.append(_listed(sel))
        current = sel.css("span.CurrentPage")
        if not current:
            break
        expected = f"{path}?PageIndex={len(pages)}" if len(pages) > 1 else path
        assert url == expected and current.css("::text").get() == str(len(pages))
        url = current.xpath("following-sibling::*[1][self::a]/@href").get()
        if url:
            assert url == f"{path}?PageIndex={len(pages) + 1}"
            assert sel.xpath(f'//a[@href="{url}" and (text()="Tiếp" or text()=">")]')
    return pages


def _channel_items(tandan: InProcess, name: str) -> list[str]:
    """What a channel lists, newest first: its articles (and non-article links), as paths."""
    ch = next(c for c in tandan.site.channels if c.name == name)
    return [x.path for x in tandan.site.listings[ch.slug.lower()]]


def test_tandan_pageindex_paging_answers_the_right_entries(tandan):
    size = tandan.site.look.page_size
    for ch in tandan.truth["channels"]:
        if ch["paging"] != "links":
            continue
        pages = _walk_links(tandan, _rel(ch["url"]))
        want = _channel_items(tandan, ch["name"])
        assert [
            h if h.startswith("https:") else _rel(urljoin(BASE, h)) for p in pages for h in p
        ] == want
        assert all(len(p) == size for p in pages[:-1]) and 0 < len(pages[-1]) <= size
    assert len(_walk_links(tandan, "/portal/Pages/Tin-tuc-su-kien.aspx")) >= 3
    first = _listed(tandan.sel("/portal/Pages/Tin-tuc-su-kien.aspx"))
    assert _listed(tandan.sel("/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=1")) == first
    assert _listed(tandan.sel("/portal/Pages/Tin-tuc-su-kien.aspx?pageindex=2")) != first


def test_tandan_postback_channel(tandan):
    ch = next(c for c in tandan.truth["channels"] if c["paging"] == "postback")
    path = _rel(ch["url"])
    sel = tandan.sel(path)
    target, arg = sel.css("a::attr(href)").re(r"__doPostBack\('([^']+)','(Page\$2)'\)")[:2]
    assert target == tandan.site.look.names["pager"]
    assert sel.css("span.CurrentPage::text").get() == "1"
    bare = {"__EVENTTARGET": target, "__EVENTARGUMENT": arg}
    assert tandan.post(path, bare)[0] == 500
    tokens = {
        name: sel.css(f"input[name={name}]::attr(value)").get()
        for name in ("__VIEWSTATE", "__EVENTVALIDATION")
    }
    assert tandan.post(path, {**bare, "__VIEWSTATE": tokens["__VIEWSTATE"]})[0] == 500
    status, page2 = tandan.post(path, {**bare, **tokens})
    assert status == 200
    size = tandan.site.look.page_size
    want = _channel_items(tandan, ch["name"])
    assert _listed(Selector(page2)) == want[size : 2 * size]
    assert Selector(page2).css("span.CurrentPage::text").get() == "2"


def _main_links(sel: Selector) -> list[str]:
    return sel.css("td.TD-col-main a::attr(href)").getall()


def test_tandan_static_pages_list_no_article(tandan):
    home = tandan.sel("/portal/Pages/default.aspx")
    channels = {_rel(c["url"]).lower() for c in tandan.truth["channels"]}
    statics = {
        h
        for h in home.css("a::attr(href)").getall()
        if re.fullmatch(r"/portal/Pages/[\w-]+\.aspx", h)
        and h.lower() not in channels
        and h.lower() != "/portal/pages/default.aspx"
    }
    assert {"/portal/Pages/Gioi-thieu.aspx", "/portal/Pages/Lien-he.aspx"} <= statics
    assert "/portal/Pages/So-do-to-chuc.aspx" in statics
    articles = {a.path.lower() for a in tandan.site.articles}
    for path in statics:
        sel = tandan.sel(path)
        assert not sel.css(".channel-news-title")
        assert not {urljoin(BASE + path, h)[len(BASE) :].lower() for h in _main_links(sel)} & (
            articles
        ), path
        assert sel.css("td.TD-col-main div.ms-rtestate-field p")


def test_tandan_sub_channel_linked_only_from_its_parent(tandan):
    sub = next(c for c in tandan.truth["channels"] if "parent" in c)
    parent = next(c for c in tandan.truth["channels"] if c["name"] == sub["parent"])
    sub_path = _rel(sub["url"])
    parent_pages = {_rel(parent["url"]), _rel(parent["url"]) + "?PageIndex=2"}
    others = ["/portal/Pages/default.aspx", "/portal/Pages/Gioi-thieu.aspx"]
    others += [_rel(c["url"]) for c in tandan.truth["channels"] if c not in (sub, parent)]
    others += [_rel(a["url"]) for a in tandan.truth["articles"][:15]]
    for path in parent_pages:
        assert sub_path in tandan.sel(path).css("a::attr(href)").getall(), path
    for path in others:
        assert sub_path not in tandan.get(path)[1], path
    # yet the home page links articles of every channel, the sub-channel's too
    home = set(tandan.sel("/portal/Pages/default.aspx").css("a::attr(href)").getall())
    assert tandan.sel("/portal/Pages/default.aspx").css(".td-slide-rotate a")
    for ch in tandan.truth["channels"]:
        assert home & set(_channel_items(tandan, ch["name"])), ch["name"]


def test_tandan_article_pages(tandan):
    forms = {"glued8": 0, "dash13": 0, "bare": 0}
    labels = templates = captions = undated = entities = related = dated = 0
    for art in tandan.truth["articles"]:
        path = _rel(art["url"])
        m = re.fullmatch(r"/portal/(Pages|pages)/\d{4}-(\d\d?)-(\d\d?)/([\w-]+)\.aspx", path)
        assert m, path
        name = m[4]
        if m[1] == "Pages":  # /portal/Pages/2023-3-9/<Slug><8 chars>.aspx
            forms["glued8"] += 1
        elif re.search(r"[a-z0-9]-[a-z0-9]{13}$", name):  # /portal/pages/2021-5-7/<Slug>-<13>
            forms["dash13"] += not m[2].startswith("0") and not m[3].startswith("0")
        else:  # /portal/pages/2026-07-15/<Slug>.aspx
            forms["bare"] += len(m[2]) == len(m[3]) == 2
        if " - " in art["title"] and art["title"].index(" - ") < 40:
            assert "--" in name, path
        page = tandan.get(path)[1]
        sel = Selector(page)
        title = clean(sel.css("title::text").get())
        assert (
            title == f"{art['title']} - CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ THANH HÓA"
        )
        if art["summary"]:
            assert clean(sel.css('meta[name="description"]::attr(content)').get()) == art["summary"]
        news = sel.css("p.tandan-p-article-news-title")
        templates += bool(news)
        assert bool(news) != bool(sel.css("h1.tandan-title-view"))
        if news:
            assert sel.css("p.tandan-p-article-main") and not sel.css(
                "p.tandan-p-article-main *, p.tandan-p-article-main::text"
            )
            field = sel.css("div.ms-rtestate-field")[0]
            assert field.attrib["id"] == "ctl00_PlaceHolderMain_ctl03__ControlWrapper_RichHtmlField"
            label = sel.css(f"#{field.attrib['aria-labelledby']}")
            assert "display:none" in label.attrib["style"]
            assert clean(label.css("::text").get()) not in art["text"]
            labels += 1
            entities += "&agrave;" in page or "&ecirc;" in page or "&ocirc;" in page
        date = sel.css("span.tandan-span-date-publish::text, .tandan-date-view::text").get()
        if date is None:
            undated += 1
            assert "nodate" in art["variety"] or "urldate" in art["variety"]
        elif m := re.fullmatch(r"Đăng ngày (\d\d)/(\d\d)/(\d{4}) (\d\d:\d\d)", date):
            assert art["published"] == f"{m[3]}-{m[2]}-{m[1]}T{m[4]}:00+07:00", path
        for img in art["images"]:
            src = sel.xpath(f'//p/img[@src="{img["url"]}"]')
            assert src and src.xpath("../@*") == [] and img["url"].startswith("http://")
            if img["caption"]:
                nxt = src.xpath("../following-sibling::p[1]")
                assert not nxt.attrib and clean(nxt.xpath("string()").get()) == img["caption"]
                assert img["caption"] in art["text"].split("\n\n")
                captions += 1
        other = sel.css("div.tandan-div-article-other")
        assert other.css("p.tandan-p-article-other::text").get() == "Các tin khác"
        if other.css("li a"):  # the oldest of a channel has none
            related += 1
            dates = other.css("li > span.tandan-span-date-other::text").getall()
            assert all(re.fullmatch(r"\(\d\d/\d\d/\d{4}\)", d) for d in dates)
            dated += len(dates)
        assert sel.css(".td-tags a")
        print_href = sel.css("div.tandan-div-article-tools a::attr(href)").get()
        assert tandan.get(print_href)[0] == 200
        assert re.search(tandan.truth["trap_patterns"][-1], print_href, re.I)
    assert all(forms.values()), forms
    assert labels and templates < len(tandan.truth["articles"]) and captions and entities
    assert undated >= 4 and related > len(tandan.truth["articles"]) * 0.8 < dated


def test_tandan_undated_articles_take_the_listing_day(tandan):
    listed: dict[str, str] = {}
    for ch in tandan.truth["channels"]:
        if ch["paging"] == "links":
            for page in range(1, 6):
                sel = tandan.sel(f"{_rel(ch['url'])}?PageIndex={page}")
                for item in sel.css(".channel-news-item"):
                    href = item.css(".channel-news-title > a::attr(href)").get()
                    listed[href.lower()] = item.css(".channel-news-date::text").get()
    openers = 0
    for art in tandan.truth["articles"]:
        if "nodate" not in art["variety"] and "urldate" not in art["variety"]:
            continue
        day = listed.get(_rel(art["url"]).lower())
        if day:  # the listing's day, at midnight
            assert art["published"] == f"{day[6:]}-{day[3:5]}-{day[:2]}T00:00:00+07:00"
        else:  # the URL's day
            y, mo, d = re.search(r"/(\d{4})-(\d+)-(\d+)/", art["url"]).groups()
            assert art["published"] == f"{y}-{int(mo):02d}-{int(d):02d}T00:00:00+07:00"
        if re.match(r"Ngày \d\d/\d\d/\d{4}, tại (huyện|thị xã|thành phố) ", art["text"]):
            openers += 1
            event = f"{art['text'][11:15]}-{art['text'][8:10]}-{art['text'][5:7]}"
            assert not art["published"].startswith(event)
    assert openers >= 2


# -- province: a provincial portal, its static pages, hub, English channel and pagers ---------
@pytest.fixture(scope="module")
def province() -> InProcess:
    return InProcess("province")


def _cards(sel: Selector) -> list[str]:
    """A province listing's entries in order: the featured item, then the grid's cards."""
    return sel.css(".featured-title > a::attr(href), .card-title > a::attr(href)").getall()


def _as_path(href: str, page: str) -> str:
    return href if href.startswith("https:") else _rel(urljoin(BASE + page, href))


def _province_pages(province: InProcess, ch: dict) -> list[list[str]]:
    """Entries of every page of a channel, turning pages as a reader does: the link holding
    the right arrow (link paging) or the postback of that link (its argument a page number)."""
    path, pages = _rel(ch["url"]), []
    status, html = province.get(path)
    while True:
        assert status == 200, (path, len(pages))
        sel = Selector(html)
        pages.append([_as_path(h, path) for h in _cards(sel)])
        active = sel.css("div.pv-paging a.active")
        assert (not active) or (
            active.css("::text").get() == str(len(pages)) and "href" not in active[0].attrib
        )
        nxt = sel.xpath('//div[@class="pv-paging"]/a[img[contains(@src,"arrow-right")]]')
        if not nxt:
            return pages
        assert nxt.css("img").attrib.get("alt") is None
        href = nxt.attrib["href"]
        if ch["paging"] == "links":
            assert href == f"?p={len(pages) + 1}"
            status, html = province.get(_rel(urljoin(BASE + path, href)))
        else:
            target, arg = re.fullmatch(
                r"javascript:__doPostBack\('([^']+)','(\d+)'\)", href
            ).groups()
            assert arg == str(len(pages) + 1)
            tokens = {
                n: sel.css(f"input[name={n}]::attr(value)").get()
                for n in ("__VIEWSTATE", "__EVENTVALIDATION")
            }
            status, html = province.post(
                path, {"__EVENTTARGET": target, "__EVENTARGUMENT": arg, **tokens}
            )


def test_province_paging_answers_the_right_entries(province):
    size = province.site.look.page_size
    kinds = set()
    for ch in province.truth["channels"]:
        pages = _province_pages(province, ch)
        assert [h for p in pages for h in p] == _channel_items(province, ch["name"]), ch["name"]
        assert all(len(p) == size for p in pages[:-1]) and 0 < len(pages[-1]) <= size
        if len(pages) > 1:
            kinds.add(ch["paging"])
    assert kinds == {"links", "postback"} and size == 8
    path = "/portal/Pages/Tin-trong-tinh.aspx"
    first = _cards(province.sel(path))
    assert _cards(province.sel(path + "?p=1")) == first != _cards(province.sel(path + "?p=2"))


def test_province_postback_needs_tokens_and_plain_numbers(province):
    ch = next(c for c in province.truth["channels"] if c["paging"] == "postback")
    path = _rel(ch["url"])
    sel = province.sel(path)
    target = province.site.look.names["pager"]
    assert target == "ctl00$PlaceHolderMain$ucDanhSachTin$pager"
    assert (
        f"javascript:__doPostBack('{target}','2')"
        in sel.css("div.pv-paging a::attr(href)").getall()
    )
    tokens = {
        n: sel.css(f"input[name={n}]::attr(value)").get()
        for n in ("__VIEWSTATE", "__EVENTVALIDATION")
    }
    bare = {"__EVENTTARGET": target, "__EVENTARGUMENT": "2"}
    assert province.post(path, bare)[0] == 500
    assert province.post(path, {**bare, "__VIEWSTATE": tokens["__VIEWSTATE"]})[0] == 500
    assert province.post(path, {**bare, **tokens, "__EVENTARGUMENT": "Page$2"})[0] == 500
    assert province.post(path, {**bare, **tokens, "__EVENTARGUMENT": "9"})[0] == 500
    status, page2 = province.post(path, {**bare, **tokens})
    size = province.site.look.page_size
    assert status == 200
    assert [_as_path(h, path) for h in _cards(Selector(page2))] == _channel_items(
        province, ch["name"]
    )[size : 2 * size]


def _frame_links(sel: Selector) -> set[str]:
    return set(sel.css("aside.pv-sidebar a::attr(href)").getall())


def test_province_static_pages_list_no_article_of_their_own(province):
    home = province.sel("/portal/Pages/default.aspx")
    channels = {_rel(c["url"]).lower() for c in province.truth["channels"]}
    statics = {
        h
        for h in home.css("nav.pv-megamenu a::attr(href), div.pv-sitemap a::attr(href)").getall()
        if re.fullmatch(r"/portal/(Pages|SitePages)/[\w-]+\.aspx", h)
        and h.lower() not in channels
        and h.lower() != "/portal/pages/default.aspx"
    }
    assert len(statics) >= 15 and any("/SitePages/" in h for h in statics)
    for must in ("Lich-cong-tac", "Van-ban-chi-dao-dieu-hanh", "Thu-vien-anh", "Video", "Tin-tuc"):
        assert f"/portal/Pages/{must}.aspx" in statics
    articles = {a.path.lower() for a in province.site.articles}
    frame = _frame_links(home)
    boxed = {h.lower() for h in frame} & articles
    assert len(boxed) >= 10  # "Tin mới" and "Tin đọc nhiều"
    for path in statics:
        sel = province.sel(path)
        assert _frame_links(sel) == frame, path  # the same side boxes on every page
        assert sel.css(".pv-box-hot li a") and sel.css(".pv-box-latest li a")
        main = {_as_path(h, path).lower() for h in sel.css("main a::attr(href)").getall()}
        assert not main & articles, path
        assert not sel.css(".featured-title, .card-title") and sel.css("h1.pv-page-title")
    content = "div.pv-page-content a::attr(href)"
    docs = province.sel("/portal/Pages/Van-ban-chi-dao-dieu-hanh.aspx").css(content)
    assert docs and all(h.endswith(".pdf") for h in docs.getall())
    photos = province.sel("/portal/Pages/Thu-vien-anh.aspx").css(content).getall()
    assert photos and all(h.endswith(".jpg") for h in photos)
    schedule = province.sel("/portal/Pages/Lich-cong-tac.aspx").css("main").get()
    assert len(re.findall(r"\d\d/\d\d/\d{4}", schedule)) >= 5


def test_province_hub_lists_channels_not_articles(province):
    hub = "/portal/Pages/Tin-tuc.aspx"
    names = {c["name"]: _rel(c["url"]) for c in province.truth["channels"]}
    assert hub.lower() not in {p.lower() for p in names.values()}
    sel = province.sel(hub)
    cards = sel.css(".pv-cat-name > a")
    subs = {a.css("::text").get(): a.attrib["href"] for a in cards}
    assert len(subs) == 4 and all(names[n] == p for n, p in subs.items())
    articles = {a.path.lower() for a in province.site.articles}
    assert not {h.lower() for h in sel.css("main a::attr(href)").getall()} & articles
    # the mega-menu's "Tin tức" panel shows the same channels by the same names
    home = province.sel("/portal/Pages/default.aspx")
    item = home.xpath('//li[a[@class="mega-link" and text()="Tin tức"]]')
    assert item.css("a.mega-link::attr(href)").get() == hub
    assert {a.css("::text").get(): a.attrib["href"] for a in item.css(".mega-panel a")} == subs
    # and every channel is linked from home by its truth name
    links = {(a.attrib.get("href"), clean(a.xpath("string()").get())) for a in home.css("a")}
    for name, path in names.items():
        assert (path, name) in links, name
    assert names["Kinh tế"] == "/portal/Pages/Chuyen-muc-1.aspx"
    assert names["News"] == "/en/pages/News-133.aspx"


def test_province_truth_channels_are_the_listings(province):
    """An article's `channels` are exactly the channels whose listing pages show it."""
    by_path = {_rel(a["url"]).lower(): a for a in province.truth["articles"]}
    seen: dict[str, list[str]] = {}
    for ch in province.truth["channels"]:
        for page in _province_pages(province, ch):
            for href in page:
                low = href.split("?")[0].split("#")[0].lower()
                if low in by_path:
                    seen.setdefault(by_path[low]["id"], []).append(ch["name"])
    for art in province.truth["articles"]:
        assert seen.get(art["id"], []) == art["channels"], art["url"]
        assert art["archive_only"] == (not art["channels"])
    english = [a for a in province.truth["articles"] if "english" in a["variety"]]
    assert english and all(a["channels"] == ["News"] for a in english)
    assert all(re.fullmatch(r"[A-Za-z0-9 ,.'()-]+", a["title"]) for a in english)
    assert all(_rel(a["url"]).startswith("/portal/Pages/") for a in province.truth["articles"])


def test_province_article_pages(province):
    forms = {"bar": 0, "weekday": 0}
    undated = breaks = hidden = th = related = 0
    for art in province.truth["articles"]:
        path = _rel(art["url"])
        sel = Selector(province.get(path)[1])
        box = sel.css("main div.news-detail")
        assert clean(box.css("h1.news-title").xpath("string()").get()) == art["title"]
        shown = clean(" ".join(box.css("div.news-meta span.news-date::text").getall()))
        want = art["published"]
        if m := re.fullmatch(r"(\d\d)/(\d\d)/(\d{4}) \| (\d\d:\d\d)", shown):
            forms["bar"] += 1
            assert want == f"{m[3]}-{m[2]}-{m[1]}T{m[4]}:00+07:00", path
        elif m := re.fullmatch(r"Cập nhật lúc (\d\d:\d\d), Thứ \w+, (\d\d)/(\d\d)/(\d{4})", shown):
            forms["weekday"] += 1
            assert want == f"{m[4]}-{m[3]}-{m[2]}T{m[1]}:00+07:00", path
        elif not shown:
            undated += 1
            assert {"nodate", "urldate"} & set(art["variety"]) and want.endswith("T00:00:00+07:00")
            assert "Lượt xem:" in box.css("div.news-meta").xpath("string()").get()
        body = box.css("div.news-body")
        breaks += bool(body.xpath("./div[not(@hidden)]/br"))
        for el in body.xpath('.//*[@hidden or contains(@style, "display:none")]'):
            hidden += 1
            assert clean(el.xpath("string()").get()) not in art["text"]
        th += bool(body.css("table.news-table > thead > tr > th"))
        if box.css("div.news-related li"):
            related += 1
            dates = box.css("div.news-related span.news-related-date::text").getall()
            assert all(re.fullmatch(r"\(\d\d/\d\d/\d{4}\)", d) for d in dates)
        assert province.get(sel.css("div.news-toolbar a::attr(href)").get())[0] == 200
    n = len(province.truth["articles"])
    assert min(forms.values()) >= 5 and undated >= 3 and breaks >= 5 and hidden >= 10
    assert related > n * 0.8 and th >= 1
