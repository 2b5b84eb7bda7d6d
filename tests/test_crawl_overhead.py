"""The crawl path's per-item work done once: each URL's article key computed once for all the
components that ask for it, and each article encoded to JSON once for the feed and the run
archive, which hold the same bytes Scrapy's own JSON Lines exporter writes."""

from __future__ import annotations

import gzip
import io
import json
from collections import Counter

import pytest_twisted
from scrapy import signals
from scrapy.exporters import JsonLinesItemExporter
from scrapy.utils.test import get_crawler
from test_crawl import _settings

import newscrawl.fixtures  # noqa: F401  (imported before strip_tracking is patched below)
import newscrawl.replay  # noqa: F401
from newscrawl import settings as project_settings
from newscrawl import urls
from newscrawl.exporters.markdown_archive import archive_path, to_markdown
from newscrawl.spiders.article import ArticleSpider


@pytest_twisted.inlineCallbacks
def test_article_key_computed_once_per_url_and_json_encoded_once(tmp_path, site_dir,
                                                                   monkeypatch):
    computed: Counter[str] = Counter()
    strip = urls.strip_tracking

    def counting(url: str) -> str:  # called once per key computation, with its URL
        computed[url] += 1
        return strip(url)

    monkeypatch.setattr(urls, "strip_tracking", counting)
    urls.article_key.cache_clear()
    encoded: Counter[str] = Counter()
    encode = json.JSONEncoder.encode

    def counting_encode(self, value):
        if isinstance(value, dict) and "articleBody" in value and "url" in value:
            encoded[value["url"]] += 1
        return encode(self, value)

    monkeypatch.setattr(json.JSONEncoder, "encode", counting_encode)
    stock = io.BytesIO()
    reference = JsonLinesItemExporter(stock, encoding="utf-8")  # Scrapy's, for comparison

    # the crawl helper of test_crawl.py, with state on as in the product (its writes are
    # part of the per-item costs counted here)
    crawler = get_crawler(ArticleSpider, _settings(
        tmp_path, NEWSCRAWL_REPLAY_DIR=str(site_dir),
        NEWSCRAWL_INCREMENTAL=project_settings.NEWSCRAWL_INCREMENTAL))
    crawler.signals.connect(lambda item, **_: reference.export_item(item),
                            signal=signals.item_scraped, weak=False)
    yield crawler.crawl(site="seoulpost")

    feed = (tmp_path / "articles.jsonl").read_bytes()
    items = [json.loads(line) for line in feed.splitlines()]
    assert len(items) > 5
    # every component asked (dedup, state lookup and storage, versioning, templates,
    # archive file names): the key of each URL was computed once
    for item in items:
        assert computed[item["url"]] == 1, item["url"]
    assert max(computed.values()) == 1
    # one encoding per item for feed and run archive (the reference exporter adds one)
    assert all(encoded[item["url"]] == 2 for item in items), encoded
    # and the bytes are Scrapy's exporter's
    assert feed == stock.getvalue()
    (run,) = [p for p in (tmp_path / "runs").iterdir() if p.is_dir()]  # beside it: .lock
    assert gzip.decompress((run / "items.jsonl.gz").read_bytes()) == feed
    # the Markdown archive reads the carrier's article in place: the files are what the
    # article's plain JSON form renders to
    for item in items:
        path = archive_path(tmp_path / "archive", item)
        assert path.read_text("utf-8") == to_markdown(item)
