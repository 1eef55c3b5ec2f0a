"""Every ``kcn/…`` stats key of a crawl, with what it means.

The stats are a run's published numbers: the stats file (``KCN_STATS_FILE``),
the checks, the report, the catalog's ``runs`` row and a distributed crawl's
collector read them. Components write and read them through these names, never
through string literals; a key written with parts (``kcn/articles/missing/<field>``)
has a small function. Keys are counters (``inc_value``) unless said otherwise.
"""

from __future__ import annotations

# --- articles (the spider's article callback, the pipelines, the monitor) -------------
ARTICLES_EXTRACTED = "kcn/articles/extracted"  # article pages read by the selector sets
ARTICLES_FALLBACK = "kcn/articles/fallback"  # article pages read by the fallback extractor
ARTICLES_INCOMPLETE = "kcn/articles/incomplete"  # articles not emitted: a field unreadable
ARTICLES_MOVED = "kcn/articles/moved"  # articles answered from another page than asked
ARTICLES_DROPPED = "kcn/articles/dropped"  # set at close: incomplete + otherwise dropped


def articles_missing(field: str) -> str:
    """Articles not emitted because ``field`` (title, date, text…) was unreadable."""
    return f"kcn/articles/missing/{field}"


def articles_by_extraction(method: str) -> str:
    """Article pages read by ``method`` (``extracted`` or ``fallback``)."""
    return f"kcn/articles/{method}"


# --- items set aside by the pipelines -------------------------------------------------
ITEMS_DUPLICATE = "kcn/items/duplicate"  # same article id emitted twice in the run: dropped
ITEMS_OUT_OF_RANGE = "kcn/items/out_of_range"  # published outside since/until: dropped

# --- dates ------------------------------------------------------------------------------
DATES_DATEPARSER = "kcn/dates/dateparser"  # dates only the fallback parser could read
DATES_UNPARSED = "kcn/dates/unparsed"  # date strings no parser could read (not used)
DATES_URL_DISAGREEMENT = "kcn/dates/url_disagreement"  # page date far from the URL's day
DATES_URL_MISMATCH = "kcn/dates/url_mismatch"  # page date differs from the URL's day
DATES_URL_DISAGREEMENTS = "kcn/dates/url_disagreements"  # report reads it; none writes it


def dates_from(source: str) -> str:
    """Articles whose date came from ``source`` (listing, url…) instead of the page."""
    return f"kcn/dates/from_{source}"


# --- navigation -------------------------------------------------------------------------
LISTING_CHANNELS = "kcn/listing/channels"  # channels found (set)
LISTING_CHANNELS_DONE = "kcn/listing/channels_done"  # channels whose walk ended (set at close)
LISTING_CHANNELS_SKIPPED = "kcn/listing/channels_skipped"  # channels skip_channels left out
LISTING_PAGES = "kcn/listing/pages"  # channel listing pages read
ARCHIVE_DAYS = "kcn/archive/days"  # archive days read
ARCHIVE_DAYS_PLANNED = "kcn/archive/days_planned"  # archive days the walk will ask (set)
ARCHIVE_SPAN = "kcn/archive/span"  # the archive walk's first and last day (set)
ARCHIVE_SPAN_FROM = "kcn/archive/span_from"  # where the walk's oldest day came from (set)
ARCHIVE_ARTICLES_ONLY_IN_ARCHIVE = "kcn/archive/articles_only_in_archive"  # no channel lists


def pages_of(kind: str) -> str:
    """Listing pages of request kind ``kind`` (``listing``, ``archive_day``) read."""
    return f"kcn/{kind}/pages"


def empty_pages_of(kind: str) -> str:
    """Listing pages of request kind ``kind`` that listed no article."""
    return f"kcn/{kind}/empty_pages"


PAGING_RUNAWAY = "kcn/paging/runaway"  # channels whose "next page" never ended (list, set)
URLS_EXCLUDED = "kcn/urls/excluded"  # requests the site's URL rules dropped
META_REFRESH_FOLLOWED = "kcn/meta_refresh/followed"  # meta refreshes followed
META_REFRESH_IGNORED = "kcn/meta_refresh/ignored"  # meta refreshes to the page itself or js:
RETRY_AFTER_WAITS = "kcn/retry_after/waits"  # retries delayed by a Retry-After header
RETRY_AFTER_TOO_LONG = "kcn/retry_after/too_long"  # Retry-After over KCN_RETRY_AFTER_MAX
ROBOTS_UNREACHABLE = "kcn/robots/unreachable"  # robots.txt answering 5xx: all disallowed

# --- channel discovery and coverage (set once, read by the checks and the report) -------
DISCOVERY_CANDIDATES = "kcn/discovery/candidates"  # pages judged as possible channels
DISCOVERY_CHANNELS = "kcn/discovery/channels"  # pages judged channels (list of dicts)
DISCOVERY_NOT_CHANNELS = "kcn/discovery/not_channels"  # pages judged no channel (list)
DISCOVERY_NOT_CHANNEL = "kcn/discovery/not_channel"  # count of pages judged no channel
DISCOVERY_IGNORED = "kcn/discovery/ignored"  # candidates KCN_DISCOVERY_IGNORE left out
DISCOVERY_OVER_BUDGET = "kcn/discovery/over_budget"  # candidates past KCN_DISCOVERY_MAX_PAGES
DISCOVERY_LISTING_LIKE = "kcn/discovery/listing_like"  # home links that look like news (set)
COVERAGE_HOME_LINKED = "kcn/coverage/home_linked"  # articles the home page links
COVERAGE_HOME_REACHED = "kcn/coverage/home_reached"  # … of them some channel lists
COVERAGE_HOME_UNREACHED = "kcn/coverage/home_unreached"  # … the others (URLs)
COVERAGE_CHANNEL_SPAN = "kcn/coverage/channel_span"  # days the channels' listings span
COVERAGE_ARCHIVE_IN_SPAN = "kcn/coverage/archive_in_span"  # archive articles in that span
COVERAGE_ARCHIVE_ONLY_IN_SPAN = "kcn/coverage/archive_only_in_span"  # … no channel lists
COVERAGE_ARCHIVE_ONLY_IN_SPAN_URLS = "kcn/coverage/archive_only_in_span_urls"  # their URLs
COVERAGE_ARCHIVE_ONLY_OLDER = "kcn/coverage/archive_only_older"  # archive-only, older
COVERAGE_ARCHIVE_ONLY_OLDER_URLS = "kcn/coverage/archive_only_older_urls"  # their URLs
COVERAGE_BOUNDED = "kcn/coverage/bounded"  # since/until limited the walk: no coverage check
COVERAGE_DISTRIBUTED = "kcn/coverage/distributed"  # a collector's numbers: home not comparable

# --- HTTP and failures (the monitor; a collector adds its workers') ---------------------
HTTP_RESPONSES = "kcn/http/responses"  # responses other than robots.txt (set at close)
HTTP_ERRORS = "kcn/http/errors"  # responses with status >= 400 (set at close)
HTTP_EXCEPTIONS = "kcn/http/exceptions"  # requests that failed for good without a response
FAILURES = "kcn/failures"  # list of {url, reason}: failed URLs for the report (FailureLog)

# --- the site -----------------------------------------------------------------------------
SITE = "kcn/site"  # the site root the run crawled (set at close)
SITE_ERROR = "kcn/site/error"  # why the site could not be used (set): fails the checks
SITE_UNUSABLE = "kcn/site/unusable"  # fatal navigation problems (no home page…)
SITE_UNREACHABLE = "kcn/site/unreachable"  # the error of a site that never answered (set)

# --- checks, report, alerts, exit status ----------------------------------------------
CHECKS = "kcn/checks"  # list of {name, passed, detail} (set at close by the monitor)
FAILED_CHECKS = "kcn/failed_checks"  # list of "name: detail" lines of failed checks
EXIT_CODE = "kcn/exit_code"  # the exit status a failed check or a dead site asks for
REPORT_PATH = "kcn/report/path"  # where the HTML report was written
ALERTS_ERROR = "kcn/alerts/error"  # why the alert actions could not be set up
ALERTS_TRIGGERED = "kcn/alerts/triggered"  # 1 when the alert actions ran, else 0

# --- catalog, incremental runs, resumed jobs ------------------------------------------
CATALOG_RUN_ID = "kcn/catalog/run_id"  # the run's row in the catalog (set)
CATALOG_PATH = "kcn/catalog/path"  # the catalog's file (set)
CATALOG_NEW = "kcn/catalog/new"  # emitted articles the catalog did not hold
CATALOG_CHANGED = "kcn/catalog/changed"  # emitted articles whose title or text changed
CATALOG_UNCHANGED = "kcn/catalog/unchanged"  # emitted articles the catalog held as they are
CATALOG_UNCHANGED_DROPPED = "kcn/catalog/unchanged_dropped"  # incremental: not emitted again
CATALOG_DAYS_COMPLETED = "kcn/catalog/days_completed"  # archive days marked complete (set)
RUN_KIND = "kcn/run/kind"  # full, incremental or resumed (set)
INCREMENTAL_KNOWN = "kcn/incremental/known"  # articles of the site the catalog held (set)
INCREMENTAL_SKIPPED = "kcn/incremental/skipped"  # known article requests not fetched
INCREMENTAL_PAGES_SKIPPED = "kcn/incremental/pages_skipped"  # listing pages not fetched
INCREMENTAL_CHANNELS_STOPPED = "kcn/incremental/channels_stopped"  # stopped on known runs
INCREMENTAL_DAYS_SKIPPED = "kcn/incremental/days_skipped"  # archive days not walked again
RESUME_JOB = "kcn/resume/job"  # the JOBDIR job's id (set)
RESUME_ALREADY_EMITTED = "kcn/resume/already_emitted"  # articles the job emitted before (set)
RESUME_SKIPPED = "kcn/resume/skipped"  # article requests of already emitted articles
JOB_RUNS = "kcn/job/runs"  # runs of a resumed job, this one included (set)
JOB_EARLIER_ITEMS = "kcn/job/earlier_items"  # articles the job's earlier runs emitted (set)


def catalog_status(status: str) -> str:
    """Emitted articles the catalog classed ``new``, ``changed`` or ``unchanged``."""
    return f"kcn/catalog/{status}"


def incremental_decision(decision: str) -> str:
    """Article requests the incremental filter decided: ``skipped``, ``new``, ``rechecked``."""
    return f"kcn/incremental/{decision}"


# --- files and WARC ---------------------------------------------------------------------
FILES_DOWNLOADED = "kcn/files/downloaded"  # images and attachments stored
FILES_ALREADY_STORED = "kcn/files/already_stored"  # files an earlier run stored
FILES_BYTES = "kcn/files/bytes"  # bytes of the files stored
FILES_FAILED = "kcn/files/failed"  # files that could not be stored
FILES_DOWNLOAD_ERRORS = "kcn/files/download_errors"  # file requests failed without answer
FILES_TYPE_MISMATCH = "kcn/files/type_mismatch"  # bytes disagreeing with the URL's extension


def files_http_status(status: int) -> str:
    """File requests answered with HTTP ``status`` (an error)."""
    return f"kcn/files/http_status/{status}"


def files_of_kind(kind: str) -> str:
    """Files stored of ``kind`` (``image`` → ``kcn/files/images``, ``attachment``…)."""
    return f"kcn/files/{kind}s"


WARC_FILES = "kcn/warc/files"  # WARC files written
WARC_BYTES = "kcn/warc/bytes"  # bytes of WARC written
WARC_ERRORS = "kcn/warc/errors"  # exchanges that could not be written
WARC_INDEXES = "kcn/warc/indexes"  # CDXJ indexes written
WARC_INDEX_ERRORS = "kcn/warc/index_errors"  # CDXJ indexes that could not be written
WARC_RECORDS_REQUEST = "kcn/warc/records/request"  # request records
WARC_RECORDS_RESPONSE = "kcn/warc/records/response"  # response records
WARC_RECORDS_REVISIT = "kcn/warc/records/revisit"  # revisit records (payload stored before)
WARC_RECORDS_POST = "kcn/warc/records/post"  # POST requests recorded
WARC_RECORDS_METADATA = "kcn/warc/records/metadata"  # metadata records
WARC_EMPTY_DAYS_NOT_RECORDED = "kcn/warc/empty_days_not_recorded"  # empty archive days
WARC_REQUESTS_OMITTED = "kcn/warc/requests_omitted"  # revisits written without their request
WARC_UNCHANGED_POSTS = "kcn/warc/unchanged_posts_not_recorded"  # unchanged postbacks: listed


def warc_truncated(reason: str) -> str:
    """Responses cut in the WARC (``WARC-Truncated: reason``, e.g. ``length``)."""
    return f"kcn/warc/truncated/{reason}"


# --- distributed crawls -------------------------------------------------------------------
REDIS_PREFIX = "kcn/redis/"  # the workers' own counters: not summed into the collector's
REDIS_ITEMS_PUSHED = "kcn/redis/items_pushed"  # items a worker pushed to Redis
REDIS_ITEMS_COLLECTED = "kcn/redis/items_collected"  # items the collector read from Redis
REDIS_SEEDED = "kcn/redis/seeded"  # 1 for the worker that seeded the site's walk
REDIS_FORGOTTEN = "kcn/redis/forgotten"  # final failures forgotten from the shared seen-set
REDIS_REAPED = "kcn/redis/reaped"  # leases of dead workers given back to the frontier
REDIS_LIMITER_WAITS = "kcn/redis/limiter_waits"  # waits for the shared per-host limiter
