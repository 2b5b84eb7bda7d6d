"""A real Scrapy crawl, in the test's reactor, of the fixture site served over HTTP on
127.0.0.1: sitemap and home -> sections -> articles -> pipelines -> feed + archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest_twisted
from scrapy.utils.test import get_crawler

from newscrawl import settings as project_settings
from newscrawl.fixtures import load_fixtures
from newscrawl.spiders.article import ArticleSpider


def _settings(tmp_path: Path, **extra) -> dict:
    base = {k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()}
    base.update({
        "FEEDS": {str(tmp_path / "articles.jsonl"): {"format": "jsonlines",
                                                     "encoding": "utf-8"}},
        "NEWSCRAWL_ARCHIVE_DIR": str(tmp_path / "archive"),
        "NEWSCRAWL_STATE_PATH": str(tmp_path / "state.sqlite3"),
        "NEWSCRAWL_RUNS_DIR": str(tmp_path / "runs"),
        # One crawl's output is checked here; incremental runs: tests/test_incremental.py.
        "NEWSCRAWL_INCREMENTAL": False,
        "AUTOTHROTTLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": ["127.0.0.0/8"],  # the test servers
    })
    base.update(extra)
    return base


def _expected_articles(site_dir: Path) -> set[str]:
    """Paths of the fixture pages whose golden output is an article."""
    paths = set()
    for fx in load_fixtures(site_dir):
        if fx.is_html and fx.expected_path.exists():
            expected = json.loads(fx.expected_path.read_text("utf-8"))
            if not expected["metadata"].get("notArticle"):
                paths.add(fx.url.split("seoulpost.example", 1)[1].split("?")[0])
    return paths


@pytest_twisted.inlineCallbacks
def test_crawl_fixture_site_over_http(tmp_path, fixture_site, site_dir):
    crawler = get_crawler(ArticleSpider, _settings(tmp_path))
    yield crawler.crawl(site="seoulpost",
                        start_urls=f"{fixture_site.url}/sitemap.xml,{fixture_site.url}/")
    stats = crawler.stats.get_stats()
    feed = tmp_path / "articles.jsonl"
    items = [json.loads(line) for line in feed.read_text("utf-8").splitlines()]
    got = {item["url"].split(fixture_site.url, 1)[1] for item in items}

    assert got == _expected_articles(site_dir)
    assert len(items) == len(got), "an article was exported twice"
    # Robots.txt was asked for, sections and sitemaps were followed.
    assert "/robots.txt" in fixture_site.requests
    assert any(p.startswith("/section/") for p in fixture_site.requests)
    assert stats.get("newscrawl/discovery/sitemapindex") == 1
    # The feed is UTF-8 text, not \u escapes.
    assert "\\u" not in feed.read_text("utf-8")
    # Archive: one Markdown file per article, plus an index naming each one.
    index = [json.loads(x) for x in (tmp_path / "archive" / "index.jsonl").read_text().split("\n")
             if x]
    assert len(index) == len(items)
    for entry in index:
        md = (tmp_path / "archive" / entry["path"]).read_text("utf-8")
        assert md.startswith("---\n")
        assert f"url: {json.dumps(entry['url'])}" in md
    # No temporary files left behind.
    assert not list(tmp_path.rglob("*.part"))


@pytest_twisted.inlineCallbacks
def test_offline_replay_crawl(tmp_path, site_dir):
    """The README's main job: the same crawl answered from fixtures, no network."""
    crawler = get_crawler(ArticleSpider, _settings(tmp_path, NEWSCRAWL_REPLAY_DIR=str(site_dir)))
    yield crawler.crawl(site="seoulpost")
    items = [json.loads(line)
             for line in (tmp_path / "articles.jsonl").read_text("utf-8").splitlines()]
    got = {item["url"].split("seoulpost.example", 1)[1] for item in items}
    assert got == _expected_articles(site_dir)
    stats = crawler.stats.get_stats()
    assert stats.get("newscrawl/replay/hit", 0) > len(items)


@pytest_twisted.inlineCallbacks
def test_cleaning_in_worker_processes_gives_the_same_items(tmp_path, site_dir):
    """NEWSCRAWL_CLEANING_PROCESSES moves cleaning to a process pool; results are identical."""
    feeds = {}
    for workers in (0, 2):
        out = tmp_path / str(workers)
        crawler = get_crawler(ArticleSpider, _settings(
            out, NEWSCRAWL_REPLAY_DIR=str(site_dir), NEWSCRAWL_CLEANING_PROCESSES=workers))
        yield crawler.crawl(site="seoulpost")
        items = [json.loads(line)
                 for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]
        feeds[workers] = {item["url"]: item for item in items}
    assert feeds[0] and feeds[0] == feeds[2]
