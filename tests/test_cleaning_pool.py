"""The cleaning pool (NEWSCRAWL_CLEANING_PROCESSES): a number of workers starts when the spider
opens, not when the first page reaches it; "auto" starts one a core once the crawl is busy."""

from __future__ import annotations

import json
import multiprocessing

import pytest
import pytest_twisted
from scrapy import Spider, signals
from scrapy.utils.test import get_crawler
from test_crawl import _settings as crawl_settings

from newscrawl.pipelines import extract
from newscrawl.pipelines.extract import (
    AUTO_MAX_PROCESSES,
    BusyMeter,
    ExtractPipeline,
    cleaning_processes,
)
from newscrawl.settings import ITEM_PIPELINES
from newscrawl.spiders.article import ArticleSpider


@pytest.mark.slow
def test_every_worker_is_spawned_when_the_spider_opens():
    crawler = get_crawler(Spider, {"ITEM_PIPELINES": ITEM_PIPELINES,
                                   "NEWSCRAWL_CLEANING_PROCESSES": 2})
    before = set(multiprocessing.active_children())
    pipeline = ExtractPipeline.from_crawler(crawler)
    try:
        assert set(multiprocessing.active_children()) == before  # nothing spawned yet
        crawler.signals.send_catch_log(signals.spider_opened, spider=Spider("s"))
        assert len(set(multiprocessing.active_children()) - before) == 2
    finally:
        pipeline.close_pool()
    assert set(multiprocessing.active_children()) == before


# -- NEWSCRAWL_CLEANING_PROCESSES = "auto" ---------------------------------------------------


@pytest.mark.parametrize(("value", "cores", "expected"), [
    ("auto", 1, (0, False)),  # one core: cleaning stays in the crawl process
    ("auto", 2, (2, True)),
    (" AUTO ", 3, (3, True)),
    ("auto", 16, (AUTO_MAX_PROCESSES, True)),
    (0, 8, (0, False)),
    ("2", 1, (2, False)),  # a number is taken as given
])
def test_auto_is_one_worker_a_core_started_when_busy(value, cores, expected):
    assert cleaning_processes(value, cores) == expected


def test_busy_meter_reports_each_full_window():
    clock = {"wall": 100.0, "cpu": 5.0}
    meter = BusyMeter(3, wall=lambda: clock["wall"], cpu=lambda: clock["cpu"])
    assert meter.tick() is None  # opens the window
    shares = []
    for wall, cpu in [(1.0, 0.2), (1.0, 0.2), (1.0, 0.2), (1.0, 0.9), (1.0, 0.9), (1.0, 0.9)]:
        clock["wall"] += wall
        clock["cpu"] += cpu
        shares.append(meter.tick())
    assert shares[:2] == [None, None] and shares[3:5] == [None, None]
    assert shares[2] == pytest.approx(0.2) and shares[5] == pytest.approx(0.9)


def test_auto_on_one_core_never_makes_a_pool(monkeypatch):
    monkeypatch.setattr(extract, "usable_cores", lambda: 1)
    crawler = get_crawler(Spider, {"ITEM_PIPELINES": ITEM_PIPELINES,
                                   "NEWSCRAWL_CLEANING_PROCESSES": "auto"})
    pipeline = ExtractPipeline.from_crawler(crawler)
    assert pipeline.workers == 0 and pipeline.meter is None and pipeline.pool is None


@pytest.mark.slow
@pytest_twisted.inlineCallbacks
def test_auto_starts_the_pool_once_busy_and_gives_the_same_items(tmp_path, site_dir,
                                                                   monkeypatch):
    """A window of 2 articles and any CPU share counting as busy: the pool starts after the
    third article, pages are cleaned in the crawl process until its workers are warm, then
    in the pool; the feed is the one cleaned inline."""
    monkeypatch.setattr(extract, "usable_cores", lambda: 2)
    monkeypatch.setattr(extract, "AUTO_WINDOW_ITEMS", 2)
    monkeypatch.setattr(extract, "AUTO_BUSY_SHARE", 0.0)
    feeds, stats = {}, {}
    for workers in ("0", "auto"):
        out = tmp_path / workers
        crawler = get_crawler(ArticleSpider, crawl_settings(
            out, NEWSCRAWL_REPLAY_DIR=str(site_dir), NEWSCRAWL_CLEANING_PROCESSES=workers))
        yield crawler.crawl(site="seoulpost")
        items = [json.loads(line)
                 for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]
        feeds[workers] = {item["url"]: item for item in items}
        stats[workers] = crawler.stats.get_stats()
    assert len(feeds["0"]) > 3 and feeds["0"] == feeds["auto"]
    assert "newscrawl/cleaning/processes" not in stats["0"]
    assert stats["auto"]["newscrawl/cleaning/processes"] == 2
    assert multiprocessing.active_children() == []  # the pool is shut down with the engine
