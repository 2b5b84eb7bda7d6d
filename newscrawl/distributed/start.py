"""Workers do not push the spider's start points: `newscrawl redis seed` does, once per run.
A worker only consumes the shared frontier (its `-a site=` / `-a start_urls=` arguments
still give the spider its profile and allowed domains)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)


class SeededStartMiddleware:
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeededStartMiddleware:
        if not crawler.settings.get("NEWSCRAWL_REDIS_URL"):
            raise NotConfigured("NEWSCRAWL_REDIS_URL is not set")
        return cls()

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        skipped = 0
        async for _ in start:
            skipped += 1
        logger.debug("Worker: %d start requests left to `newscrawl redis seed`", skipped)
        return
        yield  # an async generator that yields nothing
