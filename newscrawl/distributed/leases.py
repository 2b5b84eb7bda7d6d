"""When is a leased request done? When its callback's output has been consumed (new requests
are in the Redis queue by then) and every item from it has left the pipelines (written to
the worker's part); or when its download failed for good. Until then a killed worker's
request goes back to the queue. Two small middlewares report those moments to the
scheduler, by signals (the scheduler is made later than middlewares and is not theirs to
find). Anything they miss is acked when the worker is idle (worker.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from twisted.python.failure import Failure

lease_item = object()  # (item, response): an item from a leased response entered the pipelines
lease_done = object()  # (request[, failure]): the callback/errback output of a leased request
#                        is consumed, or its download failed for good


def _check(crawler: Crawler) -> None:
    if not crawler.settings.get("NEWSCRAWL_REDIS_URL"):
        raise NotConfigured("NEWSCRAWL_REDIS_URL is not set")


class LeaseSpiderMiddleware:
    """Outermost spider middleware: sees everything the callback (or an errback called for
    an HTTP error) yields, after the other middlewares."""

    def __init__(self, crawler: Crawler):
        self.signals = crawler.signals

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeaseSpiderMiddleware:
        _check(crawler)
        return cls(crawler)

    def _item(self, item: Any, response: Response) -> None:
        self.signals.send_catch_log(lease_item, item=item, response=response)

    def _done(self, response: Response, failure: Failure | None = None) -> None:
        if response.request is not None:
            self.signals.send_catch_log(lease_done, request=response.request, failure=failure)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        try:
            for x in result:
                if not isinstance(x, Request):
                    self._item(x, response)
                yield x
        finally:
            self._done(response)

    async def process_spider_output_async(self, response: Response,
                                          result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        try:
            async for x in result:
                if not isinstance(x, Request):
                    self._item(x, response)
                yield x
        finally:
            self._done(response)

    def process_spider_exception(self, response: Response, exception: Exception) -> None:
        self._done(response, Failure(exception))


class LeaseDownloaderMiddleware:
    """Outermost downloader middleware: an exception that reaches it was turned into no
    retry and no response by anyone; the request ends in its errback."""

    def __init__(self, crawler: Crawler):
        self.signals = crawler.signals

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeaseDownloaderMiddleware:
        _check(crawler)
        return cls(crawler)

    def process_exception(self, request: Request, exception: Exception) -> None:
        # The failure tells the scheduler whether Redis caused it (a crawl-state lookup):
        # such a request goes back to the queue instead of being given up.
        self.signals.send_catch_log(lease_done, request=request, failure=Failure(exception))

lease_all_done = object()  # (): the worker is idle, everything it popped is done
