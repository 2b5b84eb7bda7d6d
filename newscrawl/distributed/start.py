"""Workers do not push the spider's start points: `newscrawl redis seed` does, once per run.
A worker only consumes the shared frontier (its `-a site=` / `-a start_urls=` arguments
still give the spider its profile and allowed domains).

Revisits of archived articles due again (RevisitMiddleware, from the crawl state shared in
Redis) do go through: every worker offers them and the shared duplicate filter lets each be
queued once per run.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request
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
        async for x in start:
            if isinstance(x, Request) and x.meta.get("newscrawl_role") == "revisit":
                yield x
            else:
                skipped += 1
        logger.debug("Worker: %d start points left to `newscrawl redis seed`", skipped)
