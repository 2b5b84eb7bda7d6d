"""The crawl's scheduler on one machine: Scrapy's, with one rule more. While a sitemap or
feed of a host is being downloaded or read, the host's other requests wait here; once it
is read (and has queued what it lists), they go back into the queue in their order.

Why (`newscrawl/discovery/first.py`): the dates sitemaps and feeds give must be known
before the articles they list are cleaned, and priorities alone cannot promise it, since
discovery documents are found one after another while the downloader is already busy with
articles linked from the home page. A discovery request still queued needs no check: it
has a higher priority than anything it could hold back, so it leaves the queue first.

"Being read" is the engine's own set of requests in progress, from the download until the
callback's output has been scheduled (errbacks and redirects included), so nothing here
can stay held after the document is done. Reading the engine's `_slot` is the one private
access; tests/test_listed_dates.py fails if it stops holding anything.
The distributed crawl keeps the same rule in Redis (`newscrawl/distributed/frontier.py`).
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Any

from scrapy import Request
from scrapy.core.scheduler import Scheduler
from scrapy.utils.httpobj import urlparse_cached

from .discovery.first import is_discovery
from .queues import pack, unpack

logger = logging.getLogger(__name__)


def _host(request: Request) -> str:
    return (urlparse_cached(request).hostname or "").lower()


class DiscoveryFirstScheduler(Scheduler):
    def open(self, spider: Any) -> Any:
        # Held requests are packed as in the memory queue (newscrawl/queues.py): while a
        # site's sitemaps are read, most of what they listed may wait here.
        self._held: dict[str, deque[bytes | Request]] = {}
        return super().open(spider)

    def close(self, reason: str) -> Any:
        self._requeue_held(set())  # a JOBDIR keeps them with the rest
        return super().close(reason)

    def has_pending_requests(self) -> bool:
        return super().has_pending_requests() or bool(self._held)

    def __len__(self) -> int:
        return super().__len__() + sum(len(q) for q in self._held.values())

    def next_request(self) -> Request | None:
        reading = self._reading()
        self._requeue_held(reading)
        while True:
            # Scrapy's order (memory queue, then disk), counted only when handed out.
            request, where = self.mqs.pop(), "memory"
            if request is None:
                request, where = self._dqpop(), "disk"
            if request is None:
                return None
            host = _host(request)
            if host not in reading or is_discovery(request):
                assert self.stats is not None
                self.stats.inc_value(f"scheduler/dequeued/{where}")
                self.stats.inc_value("scheduler/dequeued")
                return request
            if not self._held.get(host):
                logger.debug("Holding the requests of %s (from %s on) while its sitemaps "
                             "and feeds are read", host, request.url)
            self._held.setdefault(host, deque()).append(pack(request, self._spider()))
            self.stats.inc_value("newscrawl/discovery/held")  # type: ignore[union-attr]

    def _spider(self) -> Any:
        return getattr(self.crawler, "spider", None)

    def _reading(self) -> set[str]:
        """Hosts with a discovery request in progress (downloading, or its callback)."""
        slot = getattr(getattr(self.crawler, "engine", None), "_slot", None)
        in_progress = getattr(slot, "inprogress", ())
        return {_host(r) for r in in_progress if is_discovery(r)}

    def _requeue_held(self, reading: set[str]) -> None:
        for host in [h for h in self._held if h not in reading]:
            for held in self._held.pop(host):
                request = unpack(held, self._spider())
                if not self._dqpush(request):
                    self._mqpush(request)
