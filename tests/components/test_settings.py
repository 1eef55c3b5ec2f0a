"""Polite, safe defaults for the real sites — every one overridable with -s."""

from scrapy.settings import Settings

from kcn_crawler import PROJECT_URL


def project_settings() -> Settings:
    settings = Settings()
    settings.setmodule("kcn_crawler.settings", priority="project")
    return settings


def test_polite_by_default() -> None:
    settings = project_settings()
    assert settings.getbool("ROBOTSTXT_OBEY")
    assert settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2
    assert settings.getfloat("DOWNLOAD_DELAY") > 0
    user_agent = settings.get("USER_AGENT")
    assert user_agent.startswith("kcn_crawler/") and PROJECT_URL in user_agent


def test_retries_honour_retry_after() -> None:
    settings = project_settings()
    middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["scrapy.downloadermiddlewares.retry.RetryMiddleware"] is None
    assert "kcn_crawler.middlewares.retry_after.RetryAfterMiddleware" in middlewares
    assert {408, 429, 500, 502, 503, 504} <= set(settings.getlist("RETRY_HTTP_CODES"))


def test_safe_by_default() -> None:
    settings = project_settings()
    assert settings.getint("DOWNLOAD_MAXSIZE") <= 128 * 1024 * 1024
    handlers = settings.getdict("DOWNLOAD_HANDLERS")
    assert handlers["file"] is None and handlers["data"] is None and handlers["ftp"] is None
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")
    assert settings.get("FEED_EXPORT_ENCODING") == "utf-8"
