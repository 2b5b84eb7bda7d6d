"""Pipeline: incremental runs. After dedup, each clean article is judged against the crawl
state: new (version 1) and updated articles (version n+1, the previous fingerprint, the
fields that changed) go on to the feed and the run archive and are staged in the state;
unchanged ones are counted and dropped quietly (INFO, not a warning).

Staged articles are committed by the run archive once the run's files are durably written
(newscrawl/exporters/run_archive.py); without a run archive, when the spider closes.

The state is read and written through `state.call`: a shared store (Redis) answers in a
thread of its own while the reactor goes on; an article whose state call failed is an item
error (a distributed worker puts its request back into the queue: distributed/scheduler.py).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from ..items import PageCarrier, carrier_of
from ..state import run_context, spider_sites
from ..state.base import utc_now
from ..state.versions import Unchanged, find_any, item_urls, judge_known

logger = logging.getLogger(__name__)


class IncrementalPipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.run = run_context(crawler)
        if self.run.state is None:
            raise NotConfigured("incremental off (NEWSCRAWL_INCREMENTAL, NEWSCRAWL_STATE_PATH)")
        self.state = self.run.state
        # Without a run archive nothing else commits the run: do it at close.
        self.commit_at_close = not crawler.settings.get("NEWSCRAWL_RUNS_DIR")

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    async def open_spider(self) -> None:
        sites = spider_sites(self.crawler.spider)
        known = await self.state.call(
            lambda: sum(self.state.count_articles(s) for s in sites))
        self.stats.set_value("newscrawl/state/known_articles", known)
        if self.commit_at_close:
            await self.state.call(self.state.begin_run, self.run.run_id, self.run.started)

    async def close_spider(self) -> None:
        if self.commit_at_close:
            await self.state.call(self.state.commit_run, self.run.run_id,
                                  {"runId": self.run.run_id, "note": "no run archive"})

    async def process_item(self, item: Any) -> PageCarrier:
        carrier = carrier_of(item, self)
        item = carrier.clean_article
        source = carrier.source
        etag, last_modified = source.etag, source.last_modified
        known = await self.state.call(find_any, self.state, item_urls(item))
        verdict = judge_known(known, item, utc_now(), self.run.run_id, etag=etag,
                              last_modified=last_modified, listed_date=source.sitemap_date,
                              keep_archived_date=True)
        url = item["url"]
        if verdict.kind == "unchanged":
            known = verdict.known
            assert known is not None
            await self.state.call(self.state.touch, known.id, utc_now(), etag=etag,
                                  last_modified=last_modified,
                                  urls=[u for u in (url, item.get("canonicalUrl")) if u],
                                  listed_date=source.sitemap_date)
            self.stats.inc_value("newscrawl/incremental/unchanged")
            if verdict.date_kept:
                self.stats.inc_value("newscrawl/incremental/date_kept")
                logger.info("No date found in %s this time; version %d keeps the date it "
                            "was archived with", url, known.version)
            raise Unchanged(f"{url}: unchanged since version {known.version} "
                            f"({known.fingerprint[:19]}…), not emitted")
        await self.state.call(self.state.stage, self.run.run_id, verdict.record)
        self.stats.inc_value(f"newscrawl/incremental/{verdict.kind}")
        if verdict.kind == "updated":
            logger.info("Updated: %s is version %d (changed: %s)", url, verdict.record.version,
                        ", ".join(item["metadata"]["changedFields"]) or "none")
        return carrier
