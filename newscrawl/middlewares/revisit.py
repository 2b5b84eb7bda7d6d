"""Spider middleware: after the spider's start points, request the archived articles of the
crawled sites that are due for a revisit (NEWSCRAWL_REVISIT_SCHEDULE), so an article edited
after it left the home page is still seen. Their responses go to the spider's article
callback; the conditional-request middleware makes them cheap when nothing changed."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from ..state import run_context, spider_sites
from ..state.base import utc_now

logger = logging.getLogger(__name__)


class RevisitMiddleware:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.run = run_context(crawler)
        if self.run.state is None:
            raise NotConfigured("incremental off (NEWSCRAWL_INCREMENTAL, NEWSCRAWL_STATE_PATH)")
        if not self.run.schedule:
            raise NotConfigured("NEWSCRAWL_REVISIT_SCHEDULE is empty")
        self.state = self.run.state

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for request_or_item in start:
            yield request_or_item
        spider = self.crawler.spider
        callback = getattr(spider, "parse_article", None)
        if callback is None:
            return
        due = await self.state.call(self.state.due_for_revisit, spider_sites(spider), utc_now(),
                                    self.run.schedule)
        if due:
            logger.info("Revisiting %d archived articles that are due", len(due))
        self.crawler.stats.inc_value("newscrawl/incremental/revisit_due", len(due))
        for article in due:
            yield Request(article.url, callback=callback,
                          errback=getattr(spider, "on_error", None),
                          meta={"newscrawl_role": "revisit"})
