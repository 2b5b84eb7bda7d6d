"""Each worker of a distributed crawl writes its own parts of the run:

    NEWSCRAWL_REDIS_RUNS_DIR/<run>/parts/<worker>.jsonl    its items, JSON Lines
    NEWSCRAWL_REDIS_RUNS_DIR/<run>/warc/<worker>.warc.gz   the article pages they came from

Appended item by item, one write() each, not Scrapy's feed export nor a file renamed into
place at the end: those appear only when the crawl closes, so a worker killed mid-crawl
would lose every article it had already claimed and acked. An item's WARC records (request,
response, and a metadata record linking the item to the response, exporters/warc.py) are
one write of whole gzip members, made before its JSON line, and the claim turns final only
after both: a killed worker's parts hold whole records except perhaps a torn last one,
which `newscrawl redis merge` skips and reports. Lines and records are in the OS page cache
when the claim turns final: a killed process loses nothing, a machine losing power may lose
the last seconds (the files are fsync'ed when the worker stops). A worker restarted under
the same id and run first cuts a torn tail its predecessor left, then appends.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from ..exporters.run_archive import archive_page, item_link
from ..exporters.warc import PageWarcWriter
from .keys import connect, keys_from_settings

logger = logging.getLogger(__name__)


def _name(text: str) -> str:
    """A file name part from a run or worker id, case kept (run ids are matched by users)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "unknown"


def part_path(runs_dir: Path, run: str, worker: str) -> Path:
    # Not exporters.paths.confined(): it lowercases. _name() leaves no separator or
    # leading dot, so the path stays under runs_dir.
    return runs_dir / _name(run) / "parts" / (_name(worker) + ".jsonl")


def warc_path(runs_dir: Path, run: str, worker: str) -> Path:
    return runs_dir / _name(run) / "warc" / (_name(worker) + ".warc.gz")


def complete_gzip_length(path: Path) -> int:
    """Bytes of the file that are whole gzip members (a warcio WARC is one per record)."""
    end = consumed = 0
    member = zlib.decompressobj(31)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            while chunk:
                try:
                    member.decompress(chunk)
                except zlib.error:  # not gzip from here on
                    return end
                if not member.eof:
                    consumed += len(chunk)
                    break
                consumed += len(chunk) - len(member.unused_data)
                end, chunk = consumed, member.unused_data
                member = zlib.decompressobj(31)
    return end


def complete_lines_length(path: Path) -> int:
    """Bytes of the file up to and including its last newline."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        pos = size
        while pos > 0:
            step = min(pos, 1 << 16)
            fh.seek(pos - step)
            at = fh.read(step).rfind(b"\n")
            if at >= 0:
                return pos - step + at + 1
            pos -= step
    return 0


def open_append(path: Path, complete: Callable[[Path], int]) -> int:
    """O_APPEND file descriptor, after cutting a torn tail a killed predecessor left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size:
        keep = complete(path)
        if keep < path.stat().st_size:
            logger.warning("Cutting a torn tail of %d bytes from %s (a killed worker's "
                           "unfinished write)", path.stat().st_size - keep, path)
            os.truncate(path, keep)
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)


class _Drain(io.BytesIO):
    """Where the WARC writer writes; taken out as one write() a page."""

    def take(self) -> bytes:
        data = self.getvalue()
        self.seek(0)
        self.truncate()
        return data


class PartWriter:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.runs_dir = Path(crawler.settings.get("NEWSCRAWL_REDIS_RUNS_DIR") or "output/runs")
        self.worker: str = crawler.settings["NEWSCRAWL_WORKER_ID"]
        self.fd: int | None = None
        self.path: Path | None = None
        self.warc_fd: int | None = None
        self.warc_path: Path | None = None
        self.run: str | None = None
        self._buffer = _Drain()
        self._warc: PageWarcWriter | None = None

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

    def _open(self, spider: Any) -> None:
        self.run = self._run_id(spider)
        self.path = part_path(self.runs_dir, self.run, self.worker)
        self.warc_path = warc_path(self.runs_dir, self.run, self.worker)
        logger.info("Worker %s writes its articles to %s and their pages to %s", self.worker,
                    self.path, self.warc_path)
        self.fd = open_append(self.path, complete_lines_length)
        self.warc_fd = open_append(self.warc_path, complete_gzip_length)
        self._warc = PageWarcWriter(self._buffer, self.warc_path.name, {
            "software": "newscrawl (Scrapy)", "format": "WARC File Format 1.1",
            "isPartOf": f"newscrawl run {self.run}, worker {self.worker}",
            "spider": getattr(spider, "name", ""),
        })
        os.write(self.warc_fd, self._buffer.take())

    def item_scraped(self, item: Any, response: Any = None, spider: Any = None,
                     **kwargs: Any) -> None:
        if self.fd is None:
            self._open(spider or self.crawler.spider)
        assert self.fd is not None and self.warc_fd is not None and self._warc is not None
        # The page first: a worker killed in between leaves a page without its item (the
        # item is fetched and emitted again elsewhere), never an item without its page.
        if isinstance(response, Response):
            link = {"runId": self.run, "worker": self.worker, **item_link(item)}
            archive_page(self._warc, response, link)
            os.write(self.warc_fd, self._buffer.take())
            self.stats.inc_value("newscrawl/distributed/warc_pages")
        line = json.dumps(ItemAdapter(item).asdict(), ensure_ascii=False) + "\n"
        os.write(self.fd, line.encode("utf-8"))
        self.stats.inc_value("newscrawl/distributed/part_lines")

    def spider_closed(self, spider: Any = None, reason: str | None = None) -> None:
        for fd in (self.fd, self.warc_fd):
            if fd is not None:
                os.fsync(fd)
                os.close(fd)
        self.fd = self.warc_fd = None
