"""Pipeline: parse the fetched page once and locate its main content and metadata
(newscrawl.clean.article.STAGES["extract"]).

With NEWSCRAWL_CLEANING_PROCESSES = N > 0, this pipeline instead sends the whole cleaning
(every enabled stage and the rendering) to a pool of N worker processes, so that cleaning,
the CPU-heavy part of a crawl, runs in parallel with the crawl and on every core. The later
stage pipelines then find the carrier already rendered and pass it on.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from .. import defaults
from ..clean.article import warm_up
from ..clean.document import NotHTML
from ..extensions.collector import tune
from ..items import PageCarrier, carrier_of
from .stage import StagePipeline, clean_source, enabled_stages, note_charset

logger = logging.getLogger(__name__)


def start_worker(gc_threshold: int) -> None:
    """A cleaning worker's start: first-call costs paid now, not on a page; then the
    garbage collector tuned as in the crawl process (extensions/collector.py)."""
    warm_up()
    if gc_threshold > 0:
        tune(gc_threshold)


def _started() -> None:
    """A no-op task: submitted once per worker when the spider opens, so that the pool
    spawns and warms up every worker then."""


class ExtractPipeline(StagePipeline):
    stage = "extract"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.pool: ProcessPoolExecutor | None = None
        workers = defaults.getint(crawler.settings, "NEWSCRAWL_CLEANING_PROCESSES")
        if workers > 0:
            # spawn, not fork: forking a process that runs a Twisted reactor is unsafe.
            self.pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=partial(start_worker, defaults.getint(
                    crawler.settings, "NEWSCRAWL_GC_THRESHOLD")))
            self.stages = enabled_stages(crawler)
            self.workers = workers
            crawler.signals.connect(self.start_pool, signal=signals.spider_opened)
            crawler.signals.connect(self.close_pool, signal=signals.engine_stopped)

    def process_item(self, item: Any) -> Any:
        if self.pool is None:
            return super().process_item(item)
        return self._clean_in_pool(carrier_of(item, self))

    async def _clean_in_pool(self, carrier: PageCarrier) -> PageCarrier:
        source = carrier.source
        if "templates" in self.stages:
            from .templates import memory_for

            memory = memory_for(self.crawler)
            await memory.load(source.site or "")
            source.known_templates = memory.known(source.site or "")
        loop = asyncio.get_running_loop()
        try:
            rendered = await loop.run_in_executor(self.pool, clean_source, source, carrier.url,
                                                  self.stages)
        except NotHTML as exc:
            self.stats.inc_value("newscrawl/dropped/not_html")
            raise DropItem(f"{carrier.url}: not an HTML page: {exc}") from exc
        note_charset(self.stats, carrier.url, rendered.fields["metadata"].get("encoding"))
        carrier.accept(rendered)
        return carrier

    def start_pool(self) -> None:
        """Spawn the workers now rather than on the first pages: their start (a Python
        process, its imports, warm_up, the language model: ~2 s CPU each) then overlaps
        with robots.txt and the sitemaps instead of holding up the first articles. The pool
        spawns a worker per submitted task while none is idle, up to max_workers."""
        if self.pool is not None:
            for _ in range(self.workers):
                self.pool.submit(_started)

    def close_pool(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
