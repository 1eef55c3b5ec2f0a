"""robots.txt read as RFC 9309 says: a server error means "disallow everything".

Scrapy parses whatever body robots.txt answered with, so a ``500`` error page
(no rules in it) lets the crawler fetch everything. RFC 9309 §2.3.1.3-4: when
robots.txt is unavailable (4xx) the crawler may access any resource; when it is
unreachable (5xx) it must assume complete disallow. Here a 4xx gives no rules,
a 5xx one rule ``Disallow: /`` and one warning line.
"""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Response

from kcn_crawler import stats_keys

logger = logging.getLogger(__name__)

DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


class Rfc9309RobotsTxtMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware with RFC 9309's meaning of 4xx and 5xx answers."""

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            logger.error(
                "robots.txt of %s answered %d: every page disallowed (RFC 9309)",
                netloc,
                response.status,
            )
            self._stats.inc_value(stats_keys.ROBOTS_UNREACHABLE)
            response = response.replace(body=DISALLOW_ALL)
        elif response.status >= 400:
            response = response.replace(body=b"")  # unavailable: no rules, allow all
        await super()._parse_robots(response, netloc, request)
