"""Downloader middleware: robots.txt as RFC 9309 reads it, and its Crawl-delay.

Scrapy's RobotsTxtMiddleware treats a robots.txt it could not get as "allow all". RFC 9309
says a server error (5xx) or an unreachable server means "disallow all": here that host is
disallowed for the rest of the run, with one warning naming the host and the reason, and
every refused URL reported (`newscrawl/refused/robots_unavailable`). A 4xx means there is no
robots.txt: allow all. `Crawl-delay` becomes the host's download delay (at most
NEWSCRAWL_ROBOTS_MAX_CRAWL_DELAY seconds; without jitter; AutoThrottle may raise it, never
lower it).
"""

from __future__ import annotations

import logging
from typing import Any

from protego import Protego
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from .. import defaults
from ..faults import Refused, describe, fault

logger = logging.getLogger(__name__)


class Unavailable:
    """The parser for a host whose robots.txt could not be read: nothing is allowed."""

    def __init__(self, reason: str):
        self.reason = reason

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.max_crawl_delay = defaults.getfloat(crawler.settings,
                                                 "NEWSCRAWL_ROBOTS_MAX_CRAWL_DELAY")
        # download slot key -> Crawl-delay in seconds
        self.crawl_delays: dict[str, float] = {}

    def process_request_2(self, rp: Any, request: Request) -> None:
        if isinstance(rp, Unavailable):
            origin = "{0.scheme}://{0.netloc}".format(urlparse_cached(request))
            raise fault(logger, self._stats, request.url, Refused(
                "robots_unavailable",
                f"{origin}/robots.txt unavailable ({rp.reason}): host disallowed for this run"))
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest:
            raise fault(logger, self._stats, request.url,
                        Refused("robots_forbidden", "forbidden by robots.txt")) from None
        key = self.crawler.engine.downloader.get_slot_key(request)
        if key in self.crawl_delays:
            # AutoThrottle would lower the slot's delay below the Crawl-delay.
            request.meta["autothrottle_dont_adjust_delay"] = True

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._stats.inc_value("robotstxt/response_count")
            self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
            self._unavailable(netloc, f"HTTP {response.status}", response.url)
            return
        if response.status >= 400:
            response = response.replace(body=b"")  # no robots.txt: allow all (RFC 9309 2.3.1.3)
        await super()._parse_robots(response, netloc, request)
        if 200 <= response.status < 300 and response.body:
            self._crawl_delay(response, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        code, reason, _ = describe(exc)
        self._unavailable(netloc, f"{code}: {reason}", f"{netloc}/robots.txt")

    def _unavailable(self, netloc: str, reason: str, robots_url: str) -> None:
        logger.warning("robots.txt unavailable: %s (%s): disallowing %s for this run "
                       "(RFC 9309)", robots_url, reason, netloc)
        self._stats.inc_value("newscrawl/robotstxt/unavailable")
        parser = Unavailable(reason)
        parsers: dict[str, Any] = self._parsers  # Scrapy's parsers (or Deferreds), and ours
        pending = parsers[netloc]  # the Deferred the parent left for waiting requests
        parsers[netloc] = parser
        if hasattr(pending, "callback"):
            pending.callback(parser)

    def _crawl_delay(self, response: Response, request: Request) -> None:
        agent = self._robotstxt_useragent or self._default_useragent
        try:
            asked = Protego.parse(response.body.decode("utf-8", "replace")).crawl_delay(agent)
        except Exception:  # a robots.txt Protego cannot read has no usable Crawl-delay
            return
        if not asked or asked <= 0:
            return
        delay = min(float(asked), self.max_crawl_delay)
        key = self.crawler.engine.downloader.get_slot_key(request)
        self.crawl_delays[key] = delay
        self._apply_crawl_delay(key, delay)
        logger.info("Crawl-delay for %s: %.1f s (robots.txt asks %s s, "
                    "NEWSCRAWL_ROBOTS_MAX_CRAWL_DELAY %.0f s)", key, delay, asked,
                    self.max_crawl_delay)
        self._stats.inc_value("newscrawl/robotstxt/crawl_delay")

    def _apply_crawl_delay(self, key: str, delay: float) -> None:
        """The download slot's delay (a distributed worker keeps it in Redis instead)."""
        downloader = self.crawler.engine.downloader
        # A slot created later (or re-created after idling) starts with this delay too.
        downloader.per_slot_settings.setdefault(key, {}).update(delay=delay, jitter=0.0)
        slot = downloader.slots.get(key)
        if slot is not None:
            slot.delay = max(slot.delay, delay)
            slot.jitter = 0.0
