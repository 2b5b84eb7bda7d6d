"""The garbage-collector tuning of a crawl (newscrawl/extensions/collector.py)."""

from __future__ import annotations

import gc

import pytest
from conftest import FIXTURES
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from newscrawl.clean.article import extract_article, warm_up
from newscrawl.extensions.collector import GarbageCollection
from newscrawl.pipelines.extract import start_worker


@pytest.fixture
def restored_gc():
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


def test_spider_opened_freezes_start_up_and_raises_the_threshold(restored_gc):
    crawler = get_crawler(settings_dict={"NEWSCRAWL_GC_THRESHOLD": 4321})
    ext = GarbageCollection.from_crawler(crawler)
    kept = [object() for _ in range(10)]  # start-up objects
    ext.spider_opened()
    assert gc.get_threshold()[0] == 4321
    assert gc.get_freeze_count() >= len(kept)


def test_zero_leaves_the_collector_alone():
    with pytest.raises(NotConfigured):
        GarbageCollection.from_crawler(get_crawler(settings_dict={"NEWSCRAWL_GC_THRESHOLD": 0}))


def test_on_by_default():
    assert GarbageCollection.from_crawler(get_crawler()).threshold == 50000


def test_cleaning_workers_are_tuned_the_same(restored_gc):
    start_worker(1234)
    assert gc.get_threshold()[0] == 1234


def test_cleaning_leaves_no_garbage_for_the_collector():
    """A page's tree goes with the page, freed by reference counting: a reference cycle
    (a recursive inner function, say) would keep it, megabytes of lxml's memory, until a
    collection, and the crawl's peak memory would grow with NEWSCRAWL_GC_THRESHOLD."""
    pages = sorted((FIXTURES / "seoulpost").glob("*.html")) + sorted(
        (FIXTURES / "figures").glob("*.html"))
    warm_up()
    gc.collect()
    gc.disable()
    try:
        for page in pages:
            extract_article(page.read_bytes(), f"https://www.seoulpost.example/news/{page.stem}")
        assert gc.collect() == 0
    finally:
        gc.enable()
