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
}


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
        paras = []
        for el in doc.xpath(BODY_XPATH[skin]):
            if el.tag == "tr":
                paras.append("\t".join(clean(td.text_content()) for td in el.xpath("./td|./th")))
            elif el.tag == "span":
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
        )[0]
        assert clean(title.text_content()) == art["title"]
        seen = clean(doc.text_content())
        for field in ("summary", "author", "author_role", "source"):
            assert art[field] is None or art[field] in seen, (path, field)
        srcs = doc.xpath("//img/@src")
        assert all(i["url"][len(BASE) :] in srcs for i in art["images"])
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
        for ch in t["channels"]:
            assert ch["url"][len(rep.url) :] in home
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
            nxt = sel.xpath("//a[contains(@href,'Page=2') or contains(@href,'trang=2')]/@href")
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
