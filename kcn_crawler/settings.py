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
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
TELNETCONSOLE_ENABLED = False
REDIRECT_MAX_TIMES = 5

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "kcn_crawler.middlewares.retry_after.RetryAfterMiddleware": 550,
    "kcn_crawler.middlewares.url_rules.UrlRulesMiddleware": 50,
}

# --- Items ----------------------------------------------------------------------
# Scrapy's default of 100 items in parallel per response costs ~40% throughput
# (scrapy issue 5182); articles come one per response anyway.
CONCURRENT_ITEMS = 16
ITEM_PIPELINES = {
    "kcn_crawler.pipelines.clean.CleanTextPipeline": 100,
    "kcn_crawler.pipelines.validate.ValidateArticlePipeline": 300,
    "kcn_crawler.pipelines.dedupe.DedupeArticlePipeline": 400,
    "kcn_crawler.pipelines.range.DateRangePipeline": 500,
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
FEEDS = {
    "exports/%(name)s/%(kcn_start)s.jsonl": {"format": "jsonlines"},
    "exports/%(name)s/%(kcn_start)s.csv": {"format": "csv"},
}

# --- Extensions ---------------------------------------------------------------
# Write the run's stats as JSON to this file at close (off when empty).
KCN_STATS_FILE = ""
EXTENSIONS = {
    "kcn_crawler.extensions.stats_file.StatsFileExtension": 900,
}

# --- Engine ---------------------------------------------------------------------
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
LOG_LEVEL = "INFO"
