"""Learned site templates reach the other workers during the run.

The templates pipeline (pipelines/templates.py) learns each site's template blocks from the
articles this worker exports, and saves them into the shared crawl state when the worker
stops. Until then every worker would relearn the same rails on its own. This extension
exchanges them while the crawl runs: every NEWSCRAWL_TEMPLATE_SYNC_INTERVAL seconds, and
after every NEWSCRAWL_TEMPLATE_SYNC_ITEMS exported articles, what this worker learned is
merged into the stored blocks (the same merge as at stop: a transaction, article ids per
block united) and what the others stored is merged back into this worker's learner.

The Redis side runs in the link's thread on a copy of the learner's blocks; the merge back
happens in the reactor thread, with what was learned in between kept.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task
from twisted.python.failure import Failure

from .. import defaults
from ..pipelines.templates import SiteTemplateMemory, memory_for, merge_blocks
from .link import link_for

logger = logging.getLogger(__name__)

Blocks = dict[str, list[str]]


class TemplateSync:
    def __init__(self, crawler: Crawler, interval: float, items: int):
        self.crawler = crawler
        self.stats = crawler.stats
        self.interval = interval
        self.items = items
        self.link = link_for(crawler)
        self.since = 0  # articles exported since the last exchange
        self.busy = False
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TemplateSync:
        settings = crawler.settings
        if not settings.get("NEWSCRAWL_REDIS_URL"):
            raise NotConfigured("NEWSCRAWL_REDIS_URL is not set")
        if not defaults.getbool(settings, "NEWSCRAWL_TEMPLATE_LEARNING"):
            raise NotConfigured("NEWSCRAWL_TEMPLATE_LEARNING is off")
        interval = defaults.getfloat(settings, "NEWSCRAWL_TEMPLATE_SYNC_INTERVAL")
        if interval <= 0:
            raise NotConfigured("NEWSCRAWL_TEMPLATE_SYNC_INTERVAL is 0")
        ext = cls(crawler, interval, defaults.getint(settings, "NEWSCRAWL_TEMPLATE_SYNC_ITEMS"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        return ext

    def spider_opened(self, spider: Any) -> None:
        self.loop = task.LoopingCall(self.sync)
        self.loop.start(self.interval, now=False)

    def spider_closed(self, spider: Any) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def item_scraped(self, **kwargs: Any) -> None:
        self.since += 1
        if self.items and self.since >= self.items:
            self.sync()

    def sync(self) -> None:
        memory = memory_for(self.crawler)
        if self.busy or memory.store is None or not memory.loaded or self.link.paused:
            return
        self.busy = True
        self.since = 0
        learner = memory.learner
        mine = {site: learner.snapshot(site) for site in memory.dirty}
        memory.dirty.clear()
        d = self.link.call(self._exchange, memory, sorted(memory.loaded), mine)
        d.addCallbacks(self._absorb, self._failed, callbackArgs=(memory,),
                       errbackArgs=(memory, mine))

    @staticmethod
    def _exchange(memory: SiteTemplateMemory, sites: list[str],
                  mine: dict[str, Blocks]) -> dict[str, Blocks]:
        """In the link's thread: store what this worker learned, read what all learned."""
        store, learner = memory.store, memory.learner
        assert store is not None
        out = {}
        for site in sites:
            if site in mine:
                out[site] = store.update_value(
                    SiteTemplateMemory.NAMESPACE, site,
                    partial(merge_blocks, mine=mine[site], min_pages=learner.min_pages,
                            max_blocks=learner.max_blocks))
            else:
                out[site] = store.get_value(SiteTemplateMemory.NAMESPACE, site) or {}
        return out

    def _absorb(self, stored: dict[str, Blocks], memory: SiteTemplateMemory) -> None:
        self.busy = False
        learner = memory.learner
        for site, blocks in stored.items():
            before = len(learner.known(site))
            learner.load(site, merge_blocks(blocks, learner.seen.get(site, {}),
                                            learner.min_pages, learner.max_blocks))
            gained = len(learner.known(site)) - before
            if gained > 0:
                self.stats.inc_value("newscrawl/templates/from_other_workers", gained)
                logger.info("Templates of site %s: %d blocks learned by other workers",
                            site, gained)
        self.stats.inc_value("newscrawl/templates/syncs")

    def _failed(self, failure: Failure, memory: SiteTemplateMemory,
                mine: dict[str, Blocks]) -> None:
        self.busy = False
        memory.dirty.update(mine)  # saved next time, or at stop
        logger.warning("Template exchange with Redis failed: %s", failure.getErrorMessage())
