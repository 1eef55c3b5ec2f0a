"""The words the page objects read a page by: labels, hints and class names, as data.

Every label, hint pattern and class-name vocabulary of :mod:`kcn_crawler.pages` is
declared here once (the layouts' own class names are in
:mod:`kcn_crawler.pages.selectors`); the modules import what they use.  The date
labels come from :mod:`kcn_crawler.normalize.labels`, which the date parser shares.
Matching is case-insensitive throughout; texts are NFC (``quick_clean``) and class
names lower-cased (``class_id``) before they are matched.
"""

from __future__ import annotations

import re

from kcn_crawler.normalize.labels import (
    DATE_LINE_ONLY_LABELS,
    PUBLICATION_DATE_LABELS,
    alternation,
)

# -- dates ---------------------------------------------------------------------------
#: Labels that open a date line ("Cập nhật: 31/01/2018 08:30:15", "Ngày 31/01/2018").
DATE_LINE_LABEL = re.compile(
    rf"^(?:{alternation(PUBLICATION_DATE_LABELS + DATE_LINE_ONLY_LABELS)})"
    r"\s*(?:lúc|vào|ngày)?\s*:?",
    re.I,
)
#: Labels that say the date is the publication's (a bare "Ngày" opens event sentences).
PUBLICATION_LABEL = re.compile(rf"^\W*(?:{alternation(PUBLICATION_DATE_LABELS)})", re.I)
#: A publication label anywhere in a line, with what joins it to the date ("Đăng lúc: ").
PUBLICATION_LABEL_IN_LINE = re.compile(
    rf"(?:{alternation(PUBLICATION_DATE_LABELS)})\s*(?:lúc|vào|ngày)?\s*:?", re.I
)
#: After a date, a comma and a word: a sentence ("Ngày 25/09/2017, tại huyện …"), not a
#: date line — except a weekday or a time after the comma.
DATE_SENTENCE_AFTER = re.compile(r"^\s*,\s*(?!thứ\b|chủ nhật|lúc\b|vào lúc)[^\W\d_]", re.I)
#: What a date line may hold besides its date: weekday, view counter, separators.
DATE_LINE_NOISE = re.compile(
    r"(?:thứ\s+\w+|chủ nhật|lượt xem\s*:?\s*[\d.,]*|[\d.,]+\s*lượt xem|lượt đọc\s*:?\s*[\d.,]*|"
    r"[|,\-–()/:·•])",
    re.I,
)
#: Class/id names of an element that holds a date of its own (``.news-date``, ``ngaydang``).
DATE_CLASS_HINT = re.compile(r"date|time|ngay|publish|posted|created|modified|capnhat", re.I)

# -- the date archive ------------------------------------------------------------------
#: The archive form's label inside a line: never the article's date line.
ARCHIVE_LINE_LABEL = re.compile(r"các tin đã đăng ngày|tin theo ngày", re.I)
#: The text near the archive form's date input ("Các tin đã đăng ngày", "Xem tin ngày");
#: wider than the line label: finding the form, a mere "đã đăng ngày" is evidence enough.
ARCHIVE_FORM_LABEL = re.compile(r"đã\s+đăng\s+ngày|tin\s+theo\s+ngày|xem\s+tin\s+ngày", re.I)
#: The archive's results heading: the archive label followed by the day.
ARCHIVE_HEADING = re.compile(
    r"^(?:các\s+)?(?:tin|bài)(?:\s+bài)?\s+(?:đã\s+)?(?:được\s+)?đăng\s+(?:vào\s+|trong\s+)?ngày"
    r"|^(?:các\s+)?tin\s+(?:theo|trong)\s+ngày|^xem\s+tin\s+ngày",
    re.I,
)
#: Names of the archive form's date input (SharePoint's generated ``…DateTimeControlDate``).
ARCHIVE_DATE_INPUT = re.compile(r"(?:DateTimeControl(?:Date)?|(?<![a-z])Date(?:Date)?|dtcDate\w*)$")
#: The same, as other skins spell them (any case).
ARCHIVE_DATE_INPUT_CI = re.compile(r"(?:datetimecontroldate|ngay|ngaydang|txtdate|tungay)$", re.I)
#: Names of the search box's controls, which share the archive form's ``<form>``.
SEARCH_INPUT = re.compile(r"search|keyword|timkiem|tukhoa|InputKeywords", re.I)
#: The archive form's submit label ("Xem", "Xem tin").
ARCHIVE_SUBMIT = re.compile(r"^\s*xem(\s+tin)?\s*$", re.I)

# -- title, lead, captions, signature ------------------------------------------------
#: Class/id names of a title ("tieude", "news-title", "headline").
TITLE_HINT = re.compile(r"title|tieude|tieu-de|tieu_de|headline|heading|tentin", re.I)
#: Class/id names of a heading heading a box or an entry (``box-title``, ``tieude``).
HEADING_HINT = re.compile(
    r"(?:^|[\s_-])(?:[a-z]*(?:title|head|header|heading|tieude|tieu-de)[a-z]*)(?:$|[\s_-])", re.I
)
#: Class/id names of a lead ("sapo", "news-lead", "tomtat", "mo-ta", "intro"), anywhere in
#: the name: the union of what the fast path, the fallback and the title finder knew.
LEAD_HINT = re.compile(
    r"sapo|lead|summary|mota|mo-ta|tomtat|tom-tat|description|trichdan|trich-dan|intro", re.I
)
#: Class names of an image caption ("caption", "chuthich", "img-desc").
CAPTION_HINT = re.compile(
    r"caption|chuthich|chu-thich|chu_thich|image-?desc|photo-?desc|"
    r"note-?image|img-?desc|legend",
    re.I,
)
#: Class/id names that mark the author's signature.
AUTHOR_HINT = re.compile(
    r"tacgia|tac-gia|tac_gia|author|signature|chuky|chu-ky|chu_ky|butdanh|but-danh|but_danh|"
    r"nguoiviet|nguoi-viet|nguoi_viet|writer|byline|(?<![a-z])sign\b",
    re.I,
)
#: A label before the signer's name: "Tác giả: …", "Người viết: …", "Bài và ảnh: …".
AUTHOR_LABEL = re.compile(
    r"^(?:tác\s+giả|người\s+viết|bút\s+danh|phóng\s+viên|cộng\s+tác\s+viên|"
    r"(?:bài|tin)(?:\s+và\s+ảnh)?|ảnh)\s*:\s*",
    re.I,
)
#: The site's name after the title in ``<title>``: "… - CỔNG THÔNG TIN ĐIỆN TỬ TỈNH …".
SITE_SUFFIX = re.compile(
    r"\s+[|\-–—»:]{1,2}\s+(?:cổng thông tin|cổng ttđt|cổng tt|trang thông tin|trang tin)\b.*$",
    re.I,
)

# -- the end of the body -------------------------------------------------------------
#: A line that ends the article: what follows is page furniture.
STOP_LINE = re.compile(
    r"^(?:tin liên quan|các tin liên quan|bài viết liên quan|tin bài liên quan|các tin khác|"
    r"tin khác|các bài khác|tin đã đưa|các tin đã đưa|tin cùng chuyên mục|"
    r"các tin cùng chuyên mục|xem thêm|in nội dung|in bài viết|in trang|gửi bài viết|"
    r"gửi cho bạn bè|các tin đã đăng ngày|bình luận|ý kiến bạn đọc|chia sẻ|tin mới|"
    r"tin mới hơn|tin cũ hơn|tin đọc nhiều|tin xem nhiều|về đầu trang|quay lại|trở về)"
    r"\s*[:.»>]*\s*$",
    re.I,
)
#: The heading of the attachments block ("Văn bản đính kèm", "Tải về:").
ATTACH_LINE = re.compile(
    r"^(?:tài liệu|file|tệp|tập tin|văn bản|tải về|tải file|tệp tin) ?(?:đính kèm|kèm theo)?"
    r"\s*:?\s*$|^(?:đính kèm|download)\s*:?\s*$",
    re.I,
)
#: What an attachment line may add to the file's name: its type and size.
FILE_NOTE = re.compile(
    r"^(?:[\s()\[\],;:|\-–]|pdf|docx?|xlsx?|pptx?|zip|rar|\d+(?:[.,]\d+)?\s*(?:[kmg]b|bytes?))*$",
    re.I,
)

# -- attachments and images ----------------------------------------------------------
#: A document's file name (.pdf .doc .docx .xls .xlsx .zip .rar), at the end of a path.
DOC_EXT = re.compile(r"\.(?:pdf|docx?|xlsx?|zip|rar)$", re.I)
#: A document's extension anywhere in a link (before a query or a fragment too).
DOC_ANYWHERE = re.compile(r"\.(?:pdf|docx?|xlsx?|zip|rar)(?:$|[?&#])", re.I)
#: Paths of decoration images: icons, bullets, spacers, buttons, file-type icons.
ICON_PATH = re.compile(
    r"/_layouts/|/style%20library/|/style library/|/images/icons?/|(?:^|[/_-])(?:icon|ico|"
    r"bullet|spacer|blank|pixel|arrow|btn|button|print|email|pdf|doc|xls|zip|rar|file)"
    r"[\w-]*\.(?:gif|png|jpe?g|svg)$",
    re.I,
)

# -- page furniture (fallback) -------------------------------------------------------
#: Class/id names of chrome: menus, navigation, footers, search, sharing (English and
#: Vietnamese: chân trang = footer, đầu trang = header, tìm kiếm, đăng nhập).
CHROME_NAME = re.compile(
    r"(?:^|[\s_-])(?:menu|nav|breadcrumb|footer|sidebar|ribbon|quicklaunch|banner|search|"
    r"login|share|social|copyright|topbar|toolbar|skip|"
    r"chan-?trang|chan_trang|dau-?trang|dau_trang|timkiem|tim-kiem|dangnhap|dang-nhap)",
    re.I,
)
#: Headings of side boxes (besides the related-news labels of ``STOP_LINE``).
SIDE_LABEL = re.compile(
    r"^(?:video clip|video|hình ảnh hoạt động|thư viện ảnh|thư viện video|liên kết website|"
    r"liên kết|thông báo|văn bản mới|lịch công tác|thống kê truy cập|tin nổi bật|tin tiêu điểm|"
    r"tiêu điểm|tin đọc nhiều|tin xem nhiều|xem nhiều nhất|xem nhiều|đọc nhiều|nổi bật|"
    r"tin mới nhất|tin mới|"
    r"danh mục|chuyên mục|thăm dò ý kiến|hỗ trợ trực tuyến|dịch vụ công|"
    r"tìm kiếm|đăng nhập|bỏ qua.*)\s*:?$",
    re.I,
)
#: Side-box headings no article's own box ever carries: the box may hold prose (a work
#: calendar, an introduction) and is still furniture. ("Thông báo", "Tin mới" can head
#: a channel's content box, so they are not here.)
NEVER_CONTENT_LABEL = re.compile(
    r"^(?:lịch công tác|lịch làm việc|video clip|thăm dò ý kiến|liên kết website|"
    r"hình ảnh hoạt động|thư viện ảnh|thống kê truy cập|tin đọc nhiều|tin xem nhiều|"
    r"xem nhiều|đọc nhiều|hỗ trợ trực tuyến|giới thiệu chung|tiêu điểm|tin tiêu điểm|"
    r"tin nổi bật|nổi bật)\s*:?$",
    re.I,
)
#: What only a site's footer says: the publisher's notice ("Ghi rõ nguồn … khi phát hành
#: lại", "Cơ quan chủ quản", "Bản quyền thuộc", "Giấy phép thiết lập", "©").
SITE_NOTICE = re.compile(
    r"ghi rõ nguồn|phát hành lại thông tin|cơ quan chủ quản|chịu trách nhiệm chính|"
    r"bản quyền thuộc|giấy phép thiết lập|copyright|©",
    re.I,
)
#: The footer's contact lines, which go with such a notice.
CONTACT_LINE = re.compile(
    r"địa chỉ\s*:|điện thoại\s*:|đt\s*:|fax\s*:|e-?mail\s*:|website\s*:", re.I
)
#: SharePoint's message for a web part that failed to render (and its error id).
WEB_PART_ERROR = re.compile(r"lỗi phần web|web part error|correlation id\s*:", re.I)
#: Class names of a SharePoint web part's title bar.
WEB_PART_TITLE = re.compile(r"ms-webpart-(?:chrome-)?title|ms-wptitle|ms-standardheader", re.I)
#: Class names of a SharePoint web part's box.
WEB_PART = re.compile(r"(?:^|\s)(?:ms-webpart-chrome|ms-webpartzone-cell|ms-wpbody)(?:\s|$)", re.I)

# -- paging --------------------------------------------------------------------------
#: Query parameters that carry a listing's page number.
PAGE_PARAMS = frozenset(
    {
        "page",
        "p",
        "pg",
        "pageindex",
        "pagenum",
        "pageno",
        "trang",
        "currentpage",
        "paging",
        "pagenumber",
        "page_no",
        "pagingindex",
    }
)
#: A page number in the path (``/page/2``, ``-trang-3.aspx``).
PAGE_IN_PATH = re.compile(r"(?:/|[-_])(?:page|trang)[-_/]?(\d+)(?:\.aspx|/|$)", re.I)
#: A postback argument that turns a page (``Page$3``, ``Page$Next``).
PAGE_ARGUMENT = re.compile(r"^page\W{0,2}(\d+|next|prev|previous|first|last)$", re.I)
#: Paging labels, whole (lower-cased), by where they lead.
PAGE_TURN_LABELS: dict[str, tuple[str, ...]] = {
    "next": (
        "trang sau",
        "sau",
        "»",
        "›",
        ">",
        "next",
        "next »",
        "tiếp",
        "tiếp theo",
        "trang tiếp",
        "trang kế",
        "kế tiếp",
        "xem tiếp",
        "sau »",
        "sau ›",
        "tiếp »",
    ),
    "prev": ("trang trước", "trước", "«", "‹", "<", "prev", "previous", "« trước", "‹ trước"),
    "first": ("trang đầu", "đầu", "««", "<<", "|<", "first", "« đầu"),
    "last": ("trang cuối", "cuối", "»»", ">>", ">|", "last", "cuối »"),
}
#: The same, label → where it leads.
PAGE_TURN_LABEL_OF = {text: rel for rel, texts in PAGE_TURN_LABELS.items() for text in texts}
#: A paging control's class name saying where it leads (``a.next``, ``li.page-last``).
PAGE_TURN_CLASS = re.compile(r"(?:^|[\s_-])(next|prev|last|first)(?:$|[\s_-])", re.I)
#: Labels outside the table above, read by their words: "Xem trang sau", "Tin tiếp theo »",
#: "Trang kế ›", "→", "▶", "Next page" … (a closed list never covers every skin).
PAGE_TURN_WORDS = (
    ("last", re.compile(r"\b(?:cuối|last)\b|^(?:»»|>>|>\||⇥|⏭)$", re.I)),
    ("first", re.compile(r"\b(?:đầu tiên|trang đầu|first)\b|^(?:««|<<|\|<|⇤|⏮)$", re.I)),
    ("next", re.compile(r"\b(?:sau|tiếp|kế|next|older)\b|^[\s>»›→▶▸⟩⇒❯]+$", re.I)),
    ("prev", re.compile(r"\b(?:trước|prev|previous|newer)\b|^[\s<«‹←◀◂⟨⇐❮]+$", re.I)),
)
#: An arrow image without words: its file name tells ("next.gif", "btn_sau.png", "arrow-right").
PAGE_TURN_IMAGES = (
    ("last", re.compile(r"last|cuoi|end", re.I)),
    ("first", re.compile(r"first|dau", re.I)),
    ("next", re.compile(r"next|right|sau|tiep|forward", re.I)),
    ("prev", re.compile(r"prev|left|truoc|back", re.I)),
)
#: Class names of the pager's mark of the page shown (``span.CurrentPage``, ``li.active``).
CURRENT_PAGE_CLASS = re.compile(r"current|active|selected|\bcur\b|\bsel\b", re.I)

# -- channels ------------------------------------------------------------------------
#: Words of a news channel's name or slug (the listing-like pages a home page links).
NEWS_WORDS = re.compile(
    r"\b(?:tin|tin tức|tin tuc|thông báo|thong bao|sự kiện|su kien|hoạt động|hoat dong|"
    r"bản tin|ban tin|news|chính sách|chinh sach|kenhtin|kênh tin|chuyên mục|chuyen muc|"
    r"thời sự|thoi su|tuyên truyền|tuyen truyen)\b",
    re.I,
)
#: Query parameters that say nothing about which page it is (tracking, cache busting).
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"}
)
#: File names of a (sub-)site's home page.
HOME_NAMES = frozenset({"default.aspx", "default.htm", "default.html", "index.html", "home.aspx"})
