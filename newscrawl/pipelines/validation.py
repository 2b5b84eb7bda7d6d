"""Pipeline: drop what is not an article, with the reason logged and counted; count the
articles' warnings. Counters and log lines are built from the codes of newscrawl.clean.codes
(NotArticleReason, WarningCode), never from the wording of a message."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from ..items import PageCarrier, carrier_of


class ValidationPipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    def process_item(self, item: Any) -> PageCarrier:
        carrier = carrier_of(item, self)
        for code in carrier.warnings:
            self.stats.inc_value(f"newscrawl/warning/{code}")
        rejection = carrier.rejection
        if rejection is not None:
            self.stats.inc_value("newscrawl/dropped/not_article")
            self.stats.inc_value(f"newscrawl/dropped/not_article/{rejection.reason}")
            raise DropItem(f"{carrier.url}: not an article ({rejection.reason}): "
                           f"{rejection.detail}")
        self.stats.inc_value("newscrawl/articles")
        return carrier
