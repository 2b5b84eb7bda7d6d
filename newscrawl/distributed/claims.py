"""Pipeline: each article is emitted by one worker of a distributed crawl.

After the per-process DedupPipeline, the item's keys (its URL's and canonical URL's article
keys, its content fingerprint) are claimed in one Lua script: all of them for this worker,
or none when another worker holds one. A claim is "pending" until the item is in the
worker's part file (item_scraped, after parts.PartWriter), then "done". A dead worker's
pending claims are released when its leases are reclaimed (frontier.py), so the worker that
fetches the article again can emit it.
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future

from ..urls import article_key
from .keys import keys_from_settings
from .link import link_for

logger = logging.getLogger(__name__)

_CLAIM = """
local mine_p, mine_d = 'pending:' .. ARGV[1], 'done:' .. ARGV[1]
for i = 2, #ARGV do
  local v = redis.call('HGET', KEYS[1], ARGV[i])
  if v and v ~= mine_p and v ~= mine_d then return {ARGV[i], v} end
end
for i = 2, #ARGV do
  redis.call('HSET', KEYS[1], ARGV[i], mine_p)
  redis.call('SADD', KEYS[2], ARGV[i])
end
return false
"""


def claim_keys(item: dict[str, Any]) -> list[str]:
    """The same keys DedupPipeline uses within a process."""
    keys = {"url:" + article_key(item["url"])}
    if item.get("canonicalUrl"):
        keys.add("url:" + article_key(item["canonicalUrl"]))
    fingerprint = (item.get("metadata") or {}).get("fingerprint")
    if fingerprint and item.get("articleBody"):
        keys.add("content:" + fingerprint)
    return sorted(keys)


class ClaimPipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.worker: str = crawler.settings["NEWSCRAWL_WORKER_ID"]
        self.link = link_for(crawler)  # Redis calls off the reactor thread, in order
        self.server = self.link.server
        self._claim = self.server.register_script(_CLAIM)
        self.claimed: dict[int, list[str]] = {}  # id(item) -> keys, until written

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ClaimPipeline:
        if not crawler.settings.get("NEWSCRAWL_REDIS_URL"):
            raise NotConfigured("NEWSCRAWL_REDIS_URL is not set")
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
        # Dropped later (the incremental pipeline: unchanged since the last run) is handled
        # too: the article is accounted for, nobody else should emit it in this run.
        crawler.signals.connect(pipeline.item_scraped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.spider_opened, signal=signals.spider_opened)
        return pipeline

    def spider_opened(self, spider: Any) -> None:
        self.keys = keys_from_settings(self.crawler.settings, spider.name)

    async def process_item(self, item: Any) -> Any:
        data = ItemAdapter(item)
        keys = claim_keys(data.asdict())
        taken = await maybe_deferred_to_future(self.link.call(
            self._claim, keys=[self.keys.claims, self.keys.pending(self.worker)],
            args=[self.worker, *keys]))
        if taken:
            key, owner = (x.decode() for x in taken)
            self.stats.inc_value("newscrawl/dropped/claimed_elsewhere")
            raise DropItem(f"{data.get('url')}: already emitted by {owner.split(':', 1)[1]} "
                           f"({key.split(':')[0]})")
        self.claimed[id(item)] = keys
        return item

    def item_scraped(self, item: Any, **kwargs: Any) -> None:
        """The item is in this worker's part now (or was dropped as unchanged after the
        claim): the claim is final."""
        keys = self.claimed.pop(id(item), None)
        if keys:
            self.link.send(self._final, keys)

    def _final(self, keys: list[str]) -> None:
        pipe = self.server.pipeline(transaction=True)
        pipe.hset(self.keys.claims, mapping={k: f"done:{self.worker}" for k in keys})
        pipe.srem(self.keys.pending(self.worker), *keys)
        pipe.execute()
