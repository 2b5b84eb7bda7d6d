"""Each worker of a distributed crawl appends its items to its own part:
NEWSCRAWL_REDIS_RUNS_DIR/<run>/parts/<worker>.jsonl.

Line by line, one write() each, not Scrapy's feed export: a feed appears only when the
crawl closes, so a worker killed mid-crawl would lose every article it had already claimed
and acked. A killed worker's part holds whole lines except perhaps a last, partial one,
which `newscrawl redis merge` skips. (Lines are in the OS page cache when the claim turns
final: a killed process loses nothing, a machine losing power may lose the last seconds.)
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from .keys import connect, keys_from_settings

logger = logging.getLogger(__name__)


def _name(text: str) -> str:
    """A file name part from a run or worker id, case kept (run ids are matched by users)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "unknown"


def part_path(runs_dir: Path, run: str, worker: str) -> Path:
    # Not exporters.paths.confined(): it lowercases. _name() leaves no separator or
    # leading dot, so the path stays under runs_dir.
    return runs_dir / _name(run) / "parts" / (_name(worker) + ".jsonl")


class PartWriter:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.runs_dir = Path(crawler.settings.get("NEWSCRAWL_REDIS_RUNS_DIR") or "output/runs")
        self.worker: str = crawler.settings["NEWSCRAWL_WORKER_ID"]
        self.fd: int | None = None
        self.path: Path | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PartWriter:
        if not crawler.settings.get("NEWSCRAWL_REDIS_URL"):
            raise NotConfigured("NEWSCRAWL_REDIS_URL is not set")
        ext = cls(crawler)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def _run_id(self, spider: Any) -> str:
        run = self.crawler.settings.get("NEWSCRAWL_REDIS_RUN")
        if not run:  # the worker started before the seed: the run is known by now
            server = connect(self.crawler.settings["NEWSCRAWL_REDIS_URL"])
            value = server.get(keys_from_settings(self.crawler.settings, spider.name).run)
            run = value.decode() if value else "unseeded"
        return run

    def _open(self, spider: Any) -> int:
        self.path = part_path(self.runs_dir, self._run_id(spider), self.worker)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        logger.info("Worker %s writes its articles to %s", self.worker, self.path)
        return os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def item_scraped(self, item: Any, spider: Any = None, **kwargs: Any) -> None:
        if self.fd is None:
            self.fd = self._open(spider or self.crawler.spider)
        line = json.dumps(ItemAdapter(item).asdict(), ensure_ascii=False) + "\n"
        os.write(self.fd, line.encode("utf-8"))
        self.stats.inc_value("newscrawl/distributed/part_lines")

    def spider_closed(self, spider: Any = None, reason: str | None = None) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
