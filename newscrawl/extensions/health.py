"""Run health: a run that saw no article, hit spider errors, or failed too many fetches is
unhealthy. With incremental runs zero *new* articles is normal: what counts is articles seen
at all (new, updated, unchanged, not modified); a run whose every known article link was not
due for a revisit, and that fetched no article page, is a quiet hour, not a failure.
The verdict goes to the stats (`newscrawl/health`) and the log; the `crawl` command turns it
into a non-zero exit status for cron and alerting."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from .. import defaults

logger = logging.getLogger(__name__)


def problems(stats: dict[str, Any], max_error_rate: float) -> list[str]:
    found = []
    articles = (stats.get("item_scraped_count", 0)  # new and updated (or all, not incremental)
                + stats.get("newscrawl/incremental/unchanged", 0)
                + stats.get("newscrawl/incremental/not_modified", 0))
    quiet = (stats.get("newscrawl/incremental/not_due", 0)
             and not stats.get("newscrawl/pages/article", 0))
    # A distributed worker given no article page (the others took them from the shared
    # frontier) has nothing to export; the run is judged by all its workers together.
    quiet = quiet or (stats.get("newscrawl/distributed/worker", 0)
                      and not stats.get("newscrawl/pages/article", 0))
    if not articles and not quiet:
        known = stats.get("newscrawl/state/known_articles", 0)
        found.append(f"no article (new, updated, unchanged or not modified) from a site with "
                     f"{known} archived articles" if known else "no article was exported")
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
        self.max_error_rate = defaults.getfloat(crawler.settings, "NEWSCRAWL_MAX_ERROR_RATE")

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
