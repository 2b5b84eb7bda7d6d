"""Downloader middleware: Scrapy's retries, with exponential backoff between attempts and the
server's Retry-After honoured (Scrapy retries at once and ignores Retry-After).

A retried request waits NEWSCRAWL_RETRY_BACKOFF_BASE * 2**(attempt - 1) seconds, at most
NEWSCRAWL_RETRY_BACKOFF_MAX; a 429/503 with Retry-After waits what the server asked. A
Retry-After longer than NEWSCRAWL_RETRY_AFTER_MAX is not waited for: that URL is given up
for this run, logged and counted, rather than stalling the crawl.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from .. import defaults

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings):
        super().__init__(settings)
        self.backoff_base = defaults.getfloat(settings, "NEWSCRAWL_RETRY_BACKOFF_BASE")
        self.backoff_max = defaults.getfloat(settings, "NEWSCRAWL_RETRY_BACKOFF_MAX")
        self.retry_after_max = defaults.getfloat(settings, "NEWSCRAWL_RETRY_AFTER_MAX")

    def backoff(self, request: Request) -> float:
        attempt = request.meta.get("retry_times", 0) + 1
        return min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))

    # Coroutine methods (Scrapy takes them) over the base class's synchronous ones.
    async def process_response(  # type: ignore[override]
            self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        stats = self.crawler.stats
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        if asked is not None and asked > self.retry_after_max:
            logger.warning("Not retrying %s: HTTP %d asks to retry after %.0f s, above "
                           "NEWSCRAWL_RETRY_AFTER_MAX (%.0f s)", request.url, response.status,
                           asked, self.retry_after_max)
            stats.inc_value("newscrawl/retry/retry_after_too_long")
            return response
        wait = self.backoff(request) if asked is None else asked
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if asked is not None:
            stats.inc_value("newscrawl/retry/retry_after")
        logger.info("Retrying %s in %.1f s (HTTP %d%s)", request.url, wait, response.status,
                    ", as its Retry-After asks" if asked is not None else ", backoff")
        await sleep(wait)
        return retry

    async def process_exception(  # type: ignore[override]
            self, request: Request, exception: Exception) -> Request | Response | None:
        retry = super().process_exception(request, exception)
        if isinstance(retry, Request):
            wait = self.backoff(request)
            logger.info("Retrying %s in %.1f s (%s)", request.url, wait,
                        type(exception).__name__)
            await sleep(wait)
        return retry
