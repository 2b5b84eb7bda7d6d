"""The cleaning pool (NEWSCRAWL_CLEANING_PROCESSES) starts its workers when the spider opens,
not when the first page reaches it."""

from __future__ import annotations

import multiprocessing

import pytest
from scrapy import Spider, signals
from scrapy.utils.test import get_crawler

from newscrawl.pipelines.extract import ExtractPipeline
from newscrawl.settings import ITEM_PIPELINES


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
