"""Dates that sitemaps and feeds list for article URLs, shared by the workers.

The spider keeps the date a sitemap or feed gave for an article URL (its request carries
it in `newscrawl_listed_date`, and `spider.listed_dates` keeps it for when the article was
requested first from a listing page, whose request the duplicate filter then keeps). In a
distributed crawl that memory is per process: the worker that read the sitemap is often
not the one that fetches the article, and the date was lost or not depending on who
fetched what (an article's `datePublished` changed between runs for no reason). Here the
dates listed go to Redis (`<prefix>:<spider>:listed`, article key -> date, the first
listing wins as in the spider), and an article request that carries none is given the
listed one just before it is downloaded.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future

from ..urls import article_key
from .keys import Keys, keys_from_settings
from .link import link_for

LISTED_META = "newscrawl_listed_date"  # set by the spider on requests from sitemaps and feeds


class _Shared:
    def __init__(self, crawler: Crawler):
        if not crawler.settings.get("NEWSCRAWL_REDIS_URL"):
            raise NotConfigured("NEWSCRAWL_REDIS_URL is not set")
        self.crawler = crawler
        self.link = link_for(crawler)
        self._keys: Keys | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    @property
    def key(self) -> str:
        if self._keys is None:
            self._keys = keys_from_settings(self.crawler.settings, self.crawler.spidercls.name)
        return self._keys.listed


class ListedDatesSpiderMiddleware(_Shared):
    """Records the dates of requests the spider makes from sitemaps and feeds."""

    def _record(self, x: Any) -> None:
        if isinstance(x, Request) and x.meta.get(LISTED_META):
            self.link.send(self.link.server.hsetnx, self.key, article_key(x.url),
                           x.meta[LISTED_META])

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        for x in result:
            self._record(x)
            yield x

    async def process_spider_output_async(self, response: Response,
                                          result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for x in result:
            self._record(x)
            yield x


class ListedDatesDownloaderMiddleware(_Shared):
    """Gives an article request (a revisit too) without a listed date the one another
    worker recorded."""

    async def process_request(self, request: Request) -> None:
        if (request.meta.get("newscrawl_role") not in ("article", "revisit")
                or request.meta.get(LISTED_META)):
            return
        date = await maybe_deferred_to_future(
            self.link.call(self.link.server.hget, self.key, article_key(request.url)))
        if date:
            request.meta[LISTED_META] = date.decode()
            self.crawler.stats.inc_value("newscrawl/distributed/listed_date_shared")
