"""The speed benchmark's machinery in small (no timing is asserted: figures come from
`newscrawl bench`): the three benchmark folder layouts, every extractor fed the same input,
the plain Scrapy yardsticks crawling the generated news site."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest_twisted
from scrapy.utils.test import get_crawler

from newscrawl.bench import extraction
from newscrawl.bench.crawl import NewsSite, article_page
from newscrawl.bench.plain import PlainSpider, plain_settings

STORY = "<p>" + "The council met on Monday and voted on the harbour budget. " * 8 + "</p>"


def _page(title: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<article><h1>{title}</h1>{STORY}</article></body></html>").encode()


def _folders(tmp_path: Path) -> list[Path]:
    bench = tmp_path / "bench"
    (bench / "html").mkdir(parents=True)
    (bench / "html" / "a.html.gz").write_bytes(gzip.compress(_page("Café opens")))
    (bench / "ground-truth.json").write_text(json.dumps(
        {"a": {"url": "https://example.com/a", "articleBody": "The council met"}}))
    fundus = tmp_path / "fundus"
    (fundus / "html").mkdir(parents=True)
    (fundus / "html" / "b.html").write_bytes(_page("Bridge closes"))
    (fundus / "ground-truth.json").write_text(json.dumps(
        {"b": {"url": "https://example.com/b", "body_blocks": ["One.", "Two."]}}))
    dates = tmp_path / "dates"
    (dates / "pages").mkdir(parents=True)
    (dates / "pages" / "c.html.gz").write_bytes(gzip.compress(_page("Court rules")))
    (dates / "meta.json").write_text(json.dumps({"c": {"url": "https://example.com/c"}}))
    return [bench, fundus, dates]


def test_three_layouts_load(tmp_path: Path) -> None:
    pages = extraction.load_pages(_folders(tmp_path))
    assert [(p[0], p[1], p[3]) for p in pages] == [
        ("bench/a", "https://example.com/a", "The council met"),
        ("fundus/b", "https://example.com/b", "One.\n\nTwo."),
        ("dates/c", "https://example.com/c", None),
    ]
    assert pages[0][2].startswith(b"<html>")


def test_every_extractor_gets_the_same_decoded_text(tmp_path: Path, monkeypatch) -> None:
    seen: list[tuple[str, object]] = []

    def spy(name: str):
        def extract(html: object, url: str) -> str:
            seen.append((name, html))
            return "The council met on Monday"
        return extract

    monkeypatch.setattr(extraction, "extractors",
                        lambda: {n: spy(n) for n in ("newscrawl", "readability", "other")})
    result = extraction.bench_extraction(_folders(tmp_path), rounds=2)
    # warm-up (3 pages) + 2 rounds of 3 pages, for each of the three
    assert len(seen) == 3 * 3 * 3
    texts = {name: [h for n, h in seen if n == name] for name in ("newscrawl", "readability")}
    assert texts["newscrawl"] == texts["readability"]
    assert all(isinstance(h, str) for _n, h in seen)
    assert "Café opens" in texts["newscrawl"][0]  # decoded, not bytes
    # rotating order: not always the same extractor first on a page
    firsts = {seen[i][0] for i in range(9, len(seen), 3)}
    assert len(firsts) == 3
    assert set(result["ratios"]) == {"readability", "other"}
    assert result["extractors"]["newscrawl"]["f1_pages"] == 2
    assert result["input"] == "str"


def test_bytes_input_on_request(tmp_path: Path, monkeypatch) -> None:
    kinds: set[type] = set()

    def extract(html: object, url: str) -> str:
        kinds.add(type(html))
        return ""

    monkeypatch.setattr(extraction, "extractors", lambda: {"newscrawl": extract})
    extraction.bench_extraction(_folders(tmp_path)[:1], rounds=1, as_bytes=True)
    assert kinds == {bytes}


@pytest_twisted.inlineCallbacks
def test_plain_scrapy_with_readability_crawls_the_news_site(tmp_path: Path):
    site = NewsSite(12, fail_share=0.0)
    site.start()
    try:
        settings = plain_settings(tmp_path, readability=True)
        # the generated site is on 127.0.0.1: nothing else differs from the bench crawl
        crawler = get_crawler(PlainSpider, settings)
        yield crawler.crawl(sitemap_url=f"{site.url}/sitemap.xml")
    finally:
        site.stop()
    items = [json.loads(line) for line in (tmp_path / "articles.jsonl").open()]
    assert len(items) == 12
    assert all(set(i) == {"url", "articleBody"} for i in items)
    assert all("paragraph 0." in i["articleBody"] for i in items)
    assert "Related Articles" not in items[0]["articleBody"]


def test_generated_article_is_realistic_size() -> None:
    html = article_page(7, 100)
    assert 25_000 < len(html) < 80_000
    assert b"application/ld+json" in html and b"<figcaption>" in html
