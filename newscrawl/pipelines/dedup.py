"""Pipeline: one item per article within a run, across URL variants (tracking parameters,
AMP, www, trailing slash, canonical link) and identical content."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from ..items import PageCarrier, carrier_of
from ..urls import article_key


class DedupPipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        # key -> URL of the item that claimed it first
        self.seen: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    def process_item(self, item: Any) -> PageCarrier:
        carrier = carrier_of(item, self)
        item = carrier.clean_article
        url = item.get("url")
        keys = {"url:" + article_key(url)}
        if item.get("canonicalUrl"):
            keys.add("url:" + article_key(item["canonicalUrl"]))
        fingerprint = (item.get("metadata") or {}).get("fingerprint")
        if fingerprint and item.get("articleBody"):
            keys.add("content:" + fingerprint)
        for key in keys:
            if key in self.seen:
                self.stats.inc_value("newscrawl/dropped/duplicate")
                raise DropItem(f"{url}: duplicate of {self.seen[key]} ({key.split(':')[0]})")
        for key in keys:
            self.seen[key] = url
        return carrier
