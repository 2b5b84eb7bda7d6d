"""`scrapy crawl`, with an exit status that tells cron whether the run was healthy."""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider")
        assert self.crawler_process
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        health = crawler.stats.get_value("newscrawl/health", "") if crawler.stats else ""
        if self.crawler_process.bootstrap_failed or str(health).startswith("unhealthy"):
            self.exitcode = 1
