"""Pipeline: drop blocks this site's template is known to contain, and learn the template
from every exported article (newscrawl.clean.templates).

What is learned persists between scheduled runs in the crawl state (NEWSCRAWL_STATE_PATH),
so a new run starts knowing the site.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from functools import partial
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from .. import defaults
from ..clean.templates import BlockIds, TemplateLearner, body_block_keys, ids_of
from ..items import PageCarrier, carrier_of
from ..state import CrawlState, open_store, run_context
from ..urls import article_key
from .stage import StagePipeline

logger = logging.getLogger(__name__)

# A site's blocks as merge_blocks gives them to the store: {block key: article ids}.
StoredBlocks = dict[str, list[str] | tuple[str, ...]]

_MEMORIES: weakref.WeakKeyDictionary[Crawler, SiteTemplateMemory] = weakref.WeakKeyDictionary()


class SiteTemplateMemory:
    """The crawl's TemplateLearner, loaded from and saved to the crawl state per site
    (namespace "templates" of the store's key/value part), so every run, and every worker
    of a distributed crawl, starts from what earlier ones learned."""

    NAMESPACE = "templates"

    def __init__(self, store: CrawlState | None, min_pages: int):
        self.learner = TemplateLearner(min_pages=min_pages)
        self.store = store
        self.loaded: set[str] = set()
        self.dirty: set[str] = set()

    def _ensure(self, site: str) -> None:
        if site in self.loaded:
            return
        self.loaded.add(site)
        if self.store is not None:
            blocks = self.store.get_value(self.NAMESPACE, site)
            if blocks:
                self.learner.load(site, blocks)

    async def load(self, site: str) -> None:
        """What `_ensure` does, the store read through `store.call`: a shared store (Redis)
        answers off the reactor thread. The crawl's stages await it before `known`. Items
        of the site that come while it is read read it too (a few reads, once a site)."""
        if site in self.loaded:
            return
        blocks = None
        if self.store is not None:
            blocks = await self.store.call(self.store.get_value, self.NAMESPACE, site)
        if site not in self.loaded:  # else another item's read came back first
            self.loaded.add(site)
            if blocks:
                self.learner.load(site, blocks)

    def known(self, site: str) -> frozenset[str]:
        self._ensure(site)
        return self.learner.known(site)

    def observe(self, site: str, article_id: str, keys: set[str]) -> list[str]:
        self._ensure(site)
        self.dirty.add(site)
        return self.learner.observe(site, article_id, keys)

    def save(self) -> None:
        """Merge what this crawl learned into the stored blocks, never overwrite them: the
        workers of a distributed crawl save the same sites, and a worker's save must not
        undo another's. Then learn back the merged blocks (other workers' articles)."""
        if self.store is None:
            return
        for site in sorted(self.dirty):
            self.learner.load(site, self.store.update_value(self.NAMESPACE, site,
                                                            self._merge(site)))
        self.dirty.clear()

    async def save_at_close(self) -> None:
        """`save` at the end of the crawl, the store written through `store.call` (off the
        reactor thread for a shared store). Nothing is learned back (the crawl is over), and
        each site's blocks are let go once stored: the close holds one site's merge at a
        time, not a second copy of every site's blocks (~20 MiB at the learner's cap)."""
        if self.store is None:
            return
        for site in sorted(self.dirty):
            # No snapshot: no article is observed any more, so the merge (maybe in another
            # thread) reads the learner's own map.
            await self.store.call(self.store.update_value, self.NAMESPACE, site,
                                  partial(merge_blocks, mine=self.learner.seen.get(site, {}),
                                          min_pages=self.learner.min_pages,
                                          max_blocks=self.learner.max_blocks))
            self.learner.forget(site)
            self.loaded.discard(site)
        self.dirty.clear()

    def _merge(self, site: str) -> Callable[[Any], StoredBlocks]:
        """The merge of this crawl's blocks of a site, on a snapshot of them (it may run in
        another thread, and again on a newer stored value)."""
        return partial(merge_blocks, mine=self.learner.snapshot(site),
                       min_pages=self.learner.min_pages, max_blocks=self.learner.max_blocks)


def merge_blocks(stored: dict[str, list[str]] | None,
                 mine: dict[str, list[str]] | dict[str, BlockIds],
                 min_pages: int, max_blocks: int = 100_000
                 ) -> StoredBlocks:
    """Union of two {block key: article ids} maps, at most min_pages ids a block (that many
    make it template: more add nothing). The stored blocks come first, in their order; past
    max_blocks the oldest candidates go, as in TemplateLearner, templates stay. New id lists
    are tuples (JSON writes them as lists): a tuple of one id is half a grown list's size,
    and a site's merge holds up to max_blocks of them."""
    merged: StoredBlocks = {
        key: ids if len(ids) <= min_pages else ids[:min_pages]
        for key, ids in (stored or {}).items()}
    for key, ids in mine.items():
        have = merged.get(key)
        if have is None:
            merged[key] = tuple(dict.fromkeys(ids_of(ids)))[:min_pages]
            continue
        added = list(have)
        for article_id in ids_of(ids):
            if len(added) >= min_pages:
                break
            if article_id not in added:
                added.append(article_id)
        if len(added) > len(have):
            merged[key] = added
    excess = len(merged) - max_blocks
    if excess > 0:
        old = [k for k, ids in merged.items() if len(ids) < min_pages][:excess]
        for key in old:
            del merged[key]
    return merged


def memory_for(crawler: Crawler) -> SiteTemplateMemory:
    """One template memory per crawl, shared by the components that need it."""
    memory = _MEMORIES.get(crawler)
    if memory is None:
        # The incremental crawl's store when there is one, else a store of our own: learned
        # templates persist even when every run re-emits every article.
        store = run_context(crawler).state
        if store is None:
            store = open_store(crawler.settings, crawler)
            if store is not None:
                crawler.signals.connect(store.close, signal=signals.engine_stopped, weak=False)
        memory = SiteTemplateMemory(
            store, defaults.getint(crawler.settings, "NEWSCRAWL_TEMPLATE_MIN_PAGES"))
        _MEMORIES[crawler] = memory
    return memory


class TemplatesPipeline(StagePipeline):
    stage = "templates"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.memory = memory_for(crawler)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        if not defaults.getbool(crawler.settings, "NEWSCRAWL_TEMPLATE_LEARNING"):
            raise NotConfigured("NEWSCRAWL_TEMPLATE_LEARNING is off")
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        carrier = carrier_of(item, self)
        if carrier.rendered:
            return carrier
        site = carrier.source.site or ""
        if site not in self.memory.loaded:  # awaited: a shared store answers off the reactor
            return self._load_then_clean(carrier, site)
        return self._clean(carrier, site)

    async def _load_then_clean(self, carrier: PageCarrier, site: str) -> PageCarrier:
        await self.memory.load(site)
        return self._clean(carrier, site)

    def _clean(self, carrier: PageCarrier, site: str) -> PageCarrier:
        self.page_for(carrier).known_templates = self.memory.known(site)
        return super().process_item(carrier)

    def item_scraped(self, item: Any, response: Any = None, spider: Any = None) -> None:
        data = ItemAdapter(item)
        body = data.get("articleBody")
        site = (data.get("metadata") or {}).get("site")
        if not body or not site:
            return
        promoted = self.memory.observe(site, article_key(data.get("canonicalUrl")
                                                         or data["url"]),
                                       body_block_keys(body))
        if promoted:
            self.stats.inc_value("newscrawl/templates/learned", len(promoted))
            logger.info("Learned %d template blocks of site %s (from %s)", len(promoted), site,
                        data["url"])

    async def spider_closed(self, spider: Any = None, reason: str | None = None) -> None:
        await self.memory.save_at_close()
