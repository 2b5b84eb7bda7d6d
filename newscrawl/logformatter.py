"""Log lines that name the URL and the reason, not a dump of the whole item."""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter, is_item
from scrapy import logformatter


class NewscrawlLogFormatter(logformatter.LogFormatter):
    def dropped(self, item, exception, response, spider):
        # A drop that is no problem (an unchanged article) says so with its own level.
        level = getattr(exception, "log_level", None) or logging.WARNING
        return {
            "level": getattr(logging, level) if isinstance(level, str) else level,
            "msg": "Dropped: %(exception)s",
            "args": {"exception": exception},
        }

    def scraped(self, item, response, spider):
        url = ItemAdapter(item).get("url") if is_item(item) else None
        return {
            "level": logging.DEBUG,
            "msg": "Scraped article %(url)s",
            "args": {"url": url},
        }
