"""Pipeline: drop what is not an article, with the reason logged and counted."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from .stage import render_item


class ValidationPipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        render_item(item)  # no-op when a cleaning stage already rendered it
        metadata = item.get("metadata") or {}
        for code in metadata.get("warnings", []):
            self.stats.inc_value(f"newscrawl/warning/{code.split(':')[0]}")
        reason = metadata.pop("notArticle", None)
        if reason:
            kind = reason.split(":")[0].split("(")[0].strip().replace(" ", "_")
            self.stats.inc_value("newscrawl/dropped/not_article")
            self.stats.inc_value(f"newscrawl/dropped/not_article/{kind}")
            raise DropItem(f"{item.get('url')}: not an article: {reason}")
        self.stats.inc_value("newscrawl/articles")
        return item
