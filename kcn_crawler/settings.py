"""Scrapy settings for kcn_crawler.

Every setting can be overridden on the command line with ``-s NAME=VALUE``.
Defaults are polite to the real portals; the tests and benchmarks lift the
limits for the replica on 127.0.0.1 only.
"""

from kcn_crawler import PROJECT_URL, __version__

BOT_NAME = "kcn_crawler"
SPIDER_MODULES = ["kcn_crawler.spiders"]
NEWSPIDER_MODULE = "kcn_crawler.spiders"
COMMANDS_MODULE = "kcn_crawler.commands"

# --- Politeness ---------------------------------------------------------------
USER_AGENT = f"kcn_crawler/{__version__} (+{PROJECT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60

# --- Retries: Scrapy's retry list, with Retry-After honoured -----------------
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [408, 429, 500, 502, 503, 504, 522, 524]
# Longest Retry-After we wait for; a longer one is treated as a failure.
KCN_RETRY_AFTER_MAX = 120.0

# --- Safety -------------------------------------------------------------------
# Scrapy's 1 GiB default is far too much for news pages and attachments.
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024
DOWNLOAD_HANDLERS = {
    "file": None,
    "data": None,
    "ftp": None,
    "s3": None,
    # DOWNLOAD_MAXSIZE does not cover headers: these bound them (issue 12).
    "http": "kcn_crawler.download_handler.BoundedHeadersDownloadHandler",
    "https": "kcn_crawler.download_handler.BoundedHeadersDownloadHandler",
}
KCN_MAX_HEADER_BYTES = 256 * 1024  # a response's whole header section
KCN_MAX_HEADERS = 256  # header lines of a response
TELNETCONSOLE_ENABLED = False
# Scrapy 2.19's remote control runs any Python code POSTed to a localhost HTTP server
# and leaves its token in the user's profile; a scheduled crawler does not need it.
REMOTE_CONTROL_ENABLED = False
REDIRECT_MAX_TIMES = 5

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "kcn_crawler.middlewares.retry_after.RetryAfterMiddleware": 550,
    "kcn_crawler.middlewares.url_rules.UrlRulesMiddleware": 50,
    # A meta refresh to the page itself or to javascript:/mailto: never loses the page.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "kcn_crawler.middlewares.meta_refresh.SafeMetaRefreshMiddleware": 580,
    # robots.txt answering 5xx = disallow all, 4xx = allow all (RFC 9309).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "kcn_crawler.middlewares.robots.Rfc9309RobotsTxtMiddleware": 100,
    # Short timeouts and few retries until the site first answers (issue 12); above the
    # retry middleware so that it sees every failure first.
    "kcn_crawler.middlewares.first_contact.FirstContactMiddleware": 560,
}
# Until the site has answered once: per-request timeout, retries, failures before giving up.
KCN_FIRST_CONTACT_TIMEOUT = 10.0
KCN_FIRST_CONTACT_RETRIES = 1
KCN_FIRST_CONTACT_FAILURES = 3

# --- Items ----------------------------------------------------------------------
# Scrapy's default of 100 items in parallel per response costs ~40% throughput
# (scrapy issue 5182); articles come one per response anyway.
CONCURRENT_ITEMS = 16
ITEM_PIPELINES = {
    "kcn_crawler.pipelines.clean.CleanTextPipeline": 100,
    "kcn_crawler.pipelines.validate.ValidateArticlePipeline": 300,
    "kcn_crawler.pipelines.dedupe.DedupeArticlePipeline": 400,
    "kcn_crawler.pipelines.range.DateRangePipeline": 500,
    # Images and attachments downloaded; inert unless KCN_FILES=1.
    "kcn_crawler.pipelines.files.ArticleFilesPipeline": 600,
    # Last: sets `revision`, drops unchanged articles in incremental runs (issue 5).
    "kcn_crawler.catalog.pipeline.CatalogPipeline": 900,
}

# Tone-mark placement in title, summary and text: "keep" | "old" | "new".
KCN_TONE_STYLE = "keep"

# --- Exports --------------------------------------------------------------------
# Without -O/-o a crawl writes JSON Lines and CSV side by side; -O/-o replace this.
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {
    "jsonlines": "kcn_crawler.exporters.jsonlines.AtomicJsonLinesExporter",
    "jsonl": "kcn_crawler.exporters.jsonlines.AtomicJsonLinesExporter",
    "jl": "kcn_crawler.exporters.jsonlines.AtomicJsonLinesExporter",
    "csv": "kcn_crawler.exporters.csv.ArticleCsvExporter",
}
# Used only when the crawl names no feed of its own (-o/-O/-s FEEDS=...).
KCN_DEFAULT_FEEDS = {
    "exports/%(name)s/%(kcn_start)s.jsonl": {"format": "jsonlines"},
    "exports/%(name)s/%(kcn_start)s.csv": {"format": "csv"},
}

# --- Extensions ---------------------------------------------------------------
# Write the run's stats as JSON to this file at close (off when empty).
KCN_STATS_FILE = ""
EXTENSIONS = {
    "kcn_crawler.extensions.stats_file.StatsFileExtension": 900,
    # WARC of every exchange; inert unless KCN_WARC=1 (see "Archiving" below).
    "kcn_crawler.extensions.warc.WarcArchiver": 100,
}

# --- Engine ---------------------------------------------------------------------
# Scrapy re-parses a generator callback's source on every response to warn about
# `return value` (its cache misses bound methods): ~5% of a crawl's CPU. Ruff
# and the tests watch the callbacks instead.
WARN_ON_GENERATOR_RETURN_VALUE = False
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
LOG_LEVEL = "INFO"

# --- Archiving (issue 6) ------------------------------------------------------
# WARC of every HTTP exchange (kcn_crawler.extensions.warc.WarcArchiver): -s KCN_WARC=1.
KCN_WARC = False
KCN_WARC_DIR = "exports/warc"  # <spider>-<start>-<n>.warc.gz and .cdxj
KCN_WARC_MAX_SIZE = 1_000_000_000  # bytes per WARC file before starting the next one
KCN_WARC_MAX_PAYLOAD = 64 * 1024 * 1024  # longer bodies are cut: WARC-Truncated: length
KCN_WARC_REVISITS = True  # payloads stored by an earlier crawl become revisit records
KCN_WARC_DIGEST_DB = ""  # payload digest index; "" = <KCN_WARC_DIR>/digests.sqlite3
KCN_WARC_CDXJ = True  # write a CDXJ index beside each WARC file
# Attachments and body images (kcn_crawler.pipelines.files.ArticleFilesPipeline):
# -s KCN_FILES=1. They go to FILES_STORE when set, else to KCN_FILES_STORE.
KCN_FILES = False
KCN_FILES_STORE = "exports/files"

# --- Scheduled crawls (issue 5) ---------------------------------------------------
# Catalog of articles and runs (kcn_crawler.catalog): SQLite in WAL mode.
KCN_CATALOG = True
KCN_CATALOG_PATH = "exports/catalog.sqlite"
KCN_CATALOG_TIMEOUT = 60.0  # seconds a run waits for another run's write lock
# Incremental crawls: -a incremental=1 (or -s KCN_INCREMENTAL=1).
KCN_INCREMENTAL = False
KCN_INCREMENTAL_STOP_AFTER = 10  # news: stop paging a channel after N known articles in a row
KCN_INCREMENTAL_DAYS = 3  # archive: re-walk the last N days (plus days never completed)
# Checks after every run (kcn_crawler.extensions.monitor); a failure exits with this code.
KCN_MONITOR = True
KCN_MONITOR_EXIT_CODE = 3
KCN_MONITOR_RECENT_RUNS = 5  # compare with this many recent finished runs (same spider, site)
KCN_MONITOR_MAX_ITEM_DROP = 0.5  # fail below (1 - this) x their median of articles seen
KCN_MONITOR_MIN_ITEMS = 1  # a full crawl without since/until finding fewer articles fails
KCN_MONITOR_MIN_COVERAGE = 0.99  # title, published, text in this share of items
KCN_MONITOR_MAX_HTTP_ERROR_RATE = 0.10
KCN_MONITOR_MAX_FALLBACK_RATE = 0.10  # kcn/articles/fallback / kcn/articles/extracted
KCN_MONITOR_MAX_DATEPARSER_RATE = 0.25  # kcn/dates/dateparser / articles
KCN_MONITOR_MAX_DROPPED_RATE = 0.02  # incomplete or otherwise dropped / articles read
KCN_MONITOR_MIN_SAMPLE = 20  # a rate over fewer requests or articles is not judged
# HTML report beside the exports: exports/<spider>/<kcn_start>.html.
KCN_REPORT = True
EXTENSIONS = {
    **EXTENSIONS,
    # after the feed exporters (0), in this order at spider_closed: checks, report, catalog
    "kcn_crawler.extensions.monitor.MonitorExtension": 800,
    "kcn_crawler.extensions.report.ReportExtension": 810,
    "kcn_crawler.extensions.catalog.CatalogExtension": 820,
}
SPIDER_MIDDLEWARES = {
    "kcn_crawler.middlewares.incremental.IncrementalMiddleware": 950,
    # A channel whose "next page" never ends is stopped and fails a check (issue 12).
    "kcn_crawler.middlewares.runaway.RunawayPagingMiddleware": 960,
}
KCN_RUNAWAY_MIN_PAGES = 30  # density and repeats judged from this many pages of a channel on
KCN_RUNAWAY_MAX_PER_DAY = 30.0  # articles a channel lists per day of its listing's date span
KCN_RUNAWAY_BAD_DATES = 10  # listing dates after tomorrow or before 1995 (and 1/4 of them)
KCN_RUNAWAY_PAGE_FACTOR = 50.0  # pages vs the median of the site's other channels ...
KCN_RUNAWAY_PAGE_FLOOR = 200  # ... and at least this many pages
KCN_RUNAWAY_REPEAT_PAGES = 10  # pages in a row turning with only already-listed articles
DUPEFILTER_CLASS = "kcn_crawler.dupefilter.ResumableDupeFilter"
