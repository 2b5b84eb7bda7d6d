"""Run health: a run that exported no article, hit spider errors, or failed too many fetches
is unhealthy. The verdict goes to the stats (`newscrawl/health`) and the log; the `crawl`
command turns it into a non-zero exit status for cron and alerting."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def problems(stats: dict[str, Any], max_error_rate: float) -> list[str]:
    found = []
    articles = stats.get("item_scraped_count", 0)
    if not articles:
        found.append("no article was exported")
    spider_errors = sum(v for k, v in stats.items() if k.startswith("spider_exceptions/"))
    if spider_errors:
        found.append(f"{spider_errors} spider errors")
    responses = stats.get("downloader/response_count", 0)
    errors = sum(v for k, v in stats.items() if k.startswith("newscrawl/fetch_error/"))
    if responses + errors and errors / (responses + errors) > max_error_rate:
        found.append(f"fetch error rate {errors / (responses + errors):.0%} "
                     f"above NEWSCRAWL_MAX_ERROR_RATE {max_error_rate:.0%}")
    return found


class RunHealth:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.max_error_rate = crawler.settings.getfloat("NEWSCRAWL_MAX_ERROR_RATE", 0.2)

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any = None, reason: str | None = None) -> None:
        stats = self.crawler.stats
        found = problems(stats.get_stats(), self.max_error_rate)
        if reason and reason != "finished":
            found.append(f"closed early: {reason}")
        if found:
            stats.set_value("newscrawl/health", "unhealthy: " + "; ".join(found))
            logger.error("Unhealthy run: %s", "; ".join(found))
        else:
            stats.set_value("newscrawl/health", "ok")
