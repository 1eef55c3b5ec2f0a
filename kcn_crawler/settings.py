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
    # before the retries see an error: a site that never answered is not retried
    "kcn_crawler.middlewares.reachability.SiteReachabilityMiddleware": 560,
}
# Until the site has answered once: one try of this many seconds, then exit status 4.
KCN_SITE_TIMEOUT = 30.0
KCN_UNREACHABLE_EXIT_CODE = 4

# --- Items ----------------------------------------------------------------------
# Scrapy's default of 100 items in parallel per response costs ~40% throughput
# (scrapy issue 5182); articles come one per response anyway.
CONCURRENT_ITEMS = 16
ITEM_PIPELINES = {
    # Tone marks moved per KCN_TONE_STYLE; not installed with the default, "keep".
    "kcn_crawler.pipelines.tones.ToneStylePipeline": 100,
    "kcn_crawler.pipelines.dedupe.DedupeArticlePipeline": 400,
    "kcn_crawler.pipelines.range.DateRangePipeline": 500,
    # Images and attachments downloaded; inert unless KCN_FILES=1.
    "kcn_crawler.pipelines.files.ArticleFilesPipeline": 600,
    # The catalog's pipeline (900, last) comes with the ops add-on below.
}

# Tone-mark placement in title, summary and text: "keep" | "old" | "new".
KCN_TONE_STYLE = "keep"

# --- Exports --------------------------------------------------------------------
# Without -O/-o a crawl writes JSON Lines and CSV side by side; -O/-o replace this.
FEED_EXPORT_ENCODING = "utf-8"
# Export files are created with the first article: a crawl that exports nothing
# leaves no empty file (and an earlier -O file of that name untouched).
FEED_STORE_EMPTY = False
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

# --- Ops components ---------------------------------------------------------------
# Catalog, checks, report, alerts, WARC, progress and stats file, installed together in
# the order kcn_crawler.addon.COMPONENTS states; each is switched by its own setting below.
ADDONS = {"kcn_crawler.addon.OpsAddon": 0}
# Write the run's stats as JSON to this file at close (off when empty).
KCN_STATS_FILE = ""
# Not an ops component: how the interpreter collects garbage during a crawl.
EXTENSIONS = {
    # start-up heap frozen, young generation collected every KCN_GC_THRESHOLD allocations
    "kcn_crawler.extensions.gc_tuning.GcTuningExtension": 50,
}
# Allocations between young-generation collections during a crawl (0: Python's defaults).
KCN_GC_THRESHOLD = 10_000

# --- Progress -------------------------------------------------------------------
# A "Progress: channels …, articles …, archive days …, ETA …" log line every N seconds
# (0: none), and a live status line (tqdm) when stderr is a terminal.
KCN_PROGRESS_INTERVAL = 30.0
KCN_PROGRESS_LIVE = True

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
# Archive-day answers listing no article: one metadata record lists them (True: keep them all).
KCN_WARC_EMPTY_DAYS = False
# Attachments and body images (kcn_crawler.pipelines.files.ArticleFilesPipeline):
# -s KCN_FILES=1. They go to FILES_STORE when set, else to KCN_FILES_STORE.
KCN_FILES = False
KCN_FILES_STORE = "exports/files"

# --- Channel discovery and coverage (issue 10) --------------------------------------
# Every page of the site the home page links is fetched once and judged: a channel lists
# articles of its own. Sub-channels are looked for on channels, down to this depth.
KCN_DISCOVERY_MAX_PAGES = 200  # candidate pages fetched at most
KCN_DISCOVERY_DEPTH = 2  # 0: only pages the home page links; 1: their links too; …
KCN_DISCOVERY_IGNORE = ""  # test-only: a regex of URLs never taken for channels
# portal without since: the archive walks from the channels' oldest day, this much earlier.
KCN_ARCHIVE_MARGIN_DAYS = 365
# Coverage checks (kcn_crawler.catalog.coverage): fail when the crawl misses much of a site.
KCN_MONITOR_MIN_HOME_COVERAGE = 0.90  # news: share of the home page's articles channels list
KCN_MONITOR_MAX_ARCHIVE_ONLY = 0.20  # portal: archive-only share within the channels' span
KCN_MONITOR_MAX_LISTING_LIKE_UNWALKED = 4  # one channel walked while the home links more

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

# --- Alerts (issue 11) ----------------------------------------------------------------
# Spidermon actions run when a check fails (kcn_crawler.extensions.alerts); none by default.
# E-mail: ["spidermon.contrib.actions.email.smtp.SendSmtpEmail"] with SPIDERMON_EMAIL_TO,
# SPIDERMON_SMTP_HOST/PORT/USER/PASSWORD (README, "Alerts"); Slack, Telegram and Discord
# take Spidermon's SendSlack/Telegram/DiscordMessageSpiderFinished and their settings.
KCN_ALERT_ACTIONS: list[str] = []
SPIDERMON_EMAIL_SENDER = "kcn_crawler@localhost"
SPIDERMON_EMAIL_SUBJECT = (
    "kcn_crawler {{ data.spider.name }} FAILED on {{ data.stats['kcn/site'] }}: "
    "{% for line in data.stats['kcn/failed_checks'] %}{{ line.split(':')[0] }}"
    "{% if not loop.last %}, {% endif %}{% endfor %}"
)
SPIDERMON_BODY_TEXT = """\
kcn_crawler {{ data.spider.name }} on {{ data.stats['kcn/site'] }} failed its checks \
(exit code {{ data.stats.get('kcn/exit_code', 3) }}).

{% for line in data.stats['kcn/failed_checks'] %}- {{ line }}
{% endfor %}
Finish reason: {{ data.stats.get('finish_reason', '?') }}
Articles emitted: {{ data.stats.get('item_scraped_count', 0) }}
Report: {{ data.stats.get('kcn/report/path', 'none') }}
Catalog run: {{ data.stats.get('kcn/catalog/run_id', 'catalog off') }}
"""
# The same text for Spidermon's chat actions (their own templates name no failed check).
SPIDERMON_SLACK_MESSAGE = SPIDERMON_BODY_TEXT
SPIDERMON_TELEGRAM_MESSAGE = SPIDERMON_BODY_TEXT
SPIDERMON_DISCORD_MESSAGE = SPIDERMON_BODY_TEXT
# The incremental filter (950) and the progress counter (940) come with the ops add-on.
SPIDER_MIDDLEWARES = {
    # channel names not walked (a sites file's skip_channels); inert when empty
    "kcn_crawler.middlewares.skip_channels.SkipChannelsMiddleware": 960,
    # A channel whose "next page" never ends is stopped and fails a check (issue 12).
    "kcn_crawler.middlewares.runaway.RunawayPagingMiddleware": 970,
}
KCN_SKIP_CHANNELS: list[str] = []
KCN_RUNAWAY_MIN_PAGES = 30  # density and repeats judged from this many pages of a channel on
KCN_RUNAWAY_MAX_PER_DAY = 30.0  # articles a channel lists per day of its listing's date span
KCN_RUNAWAY_BAD_DATES = 10  # listing dates after tomorrow or before 1995 (and 1/4 of them)
KCN_RUNAWAY_PAGE_FACTOR = 50.0  # pages vs the median of the site's other channels ...
KCN_RUNAWAY_PAGE_FLOOR = 3000  # ... and at least this many pages
