"""Each pipeline component, built the Scrapy way, fed hand-made pages and evil inputs."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime

import pytest
from conftest import DATA
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newscrawl.items import ARTICLE_FIELDS, ArticleItem, PageCarrier, PageSource
from newscrawl.pipelines.boilerplate import BoilerplatePipeline
from newscrawl.pipelines.captions import CaptionsPipeline
from newscrawl.pipelines.dates import DatesPipeline
from newscrawl.pipelines.dedup import DedupPipeline
from newscrawl.pipelines.extract import ExtractPipeline
from newscrawl.pipelines.validation import ValidationPipeline

ALL = {
    "newscrawl.pipelines.extract.ExtractPipeline": 100,
    "newscrawl.pipelines.boilerplate.BoilerplatePipeline": 200,
    "newscrawl.pipelines.captions.CaptionsPipeline": 300,
    "newscrawl.pipelines.dates.DatesPipeline": 400,
    "newscrawl.pipelines.validation.ValidationPipeline": 500,
    "newscrawl.pipelines.dedup.DedupPipeline": 600,
}
ORDER = [ExtractPipeline, BoilerplatePipeline, CaptionsPipeline, DatesPipeline,
         ValidationPipeline, DedupPipeline]

PARAS = [
    "The regional government announced on Monday that it would double its investment in "
    "rail freight over the next five years, citing congestion on the motorways.",
    "Officials said the money would go to new sidings, longer passing loops and a digital "
    "signalling system that lets trains run closer together safely.",
    "Hauliers welcomed the plan but warned that rail could not replace lorries for the last "
    "mile, and asked for parallel investment in transfer terminals.",
    "The opposition called the figures optimistic, noting that a similar programme launched "
    "in 2015 delivered less than half of the promised capacity.",
]


def page(title="Rail freight investment doubled", extra_body="", chrome="", head=""):
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!doctype html><html lang="en"><head><title>{title} | Daily Example</title>
    <meta property="og:site_name" content="Daily Example">
    <meta property="article:published_time" content="2024-05-06T08:30:00+02:00">{head}
    </head><body><header class="site-header"><div class="today">Thursday, March 20, 2025</div>
    <nav><a href="/">Home</a><a href="/world">World</a></nav></header>{chrome}
    <main><article><h1>{title}</h1><div class="article-body">{body}{extra_body}</div></article>
    </main><footer>© 2025 Daily Example</footer></body></html>""".encode()


def make_item(body: bytes, url="https://daily.example/news/123-rail-freight", headers=None):
    """What the spider yields for an article response."""
    return PageCarrier(ArticleItem(url=url), PageSource(
        body=body, headers=headers or {"Content-Type": "text/html; charset=utf-8"},
        fetched_at=datetime(2025, 3, 20, 3, 0, tzinfo=UTC), site="daily.example",
    ))


def run(item, pipelines=None, crawler=None):
    """The carrier through the enabled pipelines; returns it and the crawler."""
    crawler = crawler or get_crawler(settings_dict={"ITEM_PIPELINES": pipelines or ALL})
    enabled = pipelines or ALL
    for cls in ORDER:
        path = f"{cls.__module__}.{cls.__name__}"
        if enabled.get(path) is None:
            continue
        out = cls.from_crawler(crawler).process_item(item)
        assert out is item  # the same carrier, stage after stage
    return item, crawler


def article(item, pipelines=None, crawler=None):
    return run(item, pipelines, crawler)[0].article


def test_full_chain_fills_the_item():
    carrier, crawler = run(make_item(page()))
    item = carrier.article
    assert item["headline"] == "Rail freight investment doubled"
    assert item["articleBody"].split("\n\n") == PARAS
    assert item["datePublished"] == "2024-05-06T08:30:00+02:00"
    assert item["publisher"] == "Daily Example"
    assert item["metadata"]["fingerprint"].startswith("sha256:")
    assert item["metadata"]["dateDownloaded"] == "2025-03-20T03:00:00Z"
    assert item["metadata"]["sources"]["datePublished"].startswith("meta")
    assert crawler.stats.get_value("newscrawl/articles") == 1
    # The parsed page is let go once rendered; exporters see the article's fields only.
    assert carrier.page is None and carrier.rejection is None
    exported = ItemAdapter(carrier).asdict()
    assert list(exported) == list(ARTICLE_FIELDS) and exported == dict(item)
    assert "notArticle" not in exported["metadata"]


def test_the_site_profiles_founded_day_reaches_the_dates_stage():
    """`founded` travels with the fetched page (PageSource) to the dates stage: the page's
    2024 date is kept for a site online since 2010, refused for one online since 2025."""
    for founded, expected in ((date(2010, 1, 1), "2024-05-06T08:30:00+02:00"),
                              (date(2025, 1, 1), None)):
        carrier = make_item(page())
        carrier.source.founded = founded
        assert article(carrier)["datePublished"] == expected


def test_a_stage_switched_off_in_settings_is_skipped_and_the_last_one_renders():
    pipelines = dict(ALL)
    pipelines["newscrawl.pipelines.dates.DatesPipeline"] = None
    item = article(make_item(page()), pipelines)
    assert item["articleBody"].split("\n\n") == PARAS
    assert item["datePublished"] is None


def test_captions_stage_moves_the_caption_to_images():
    figure = ('<figure><img src="/img/train.jpg" alt="A freight train">'
              "<figcaption>A freight train near the border. / Daily Photo</figcaption></figure>"
              '<p class="caption">A freight train near the border. / Daily Photo</p>')
    item = article(make_item(page(extra_body=figure)))
    assert item["images"] == [{"url": "https://daily.example/img/train.jpg",
                               "caption": "A freight train near the border.",
                               "credit": "Daily Photo", "alt": "A freight train"}]
    assert "freight train near the border" not in item["articleBody"]


def test_boilerplate_stage_drops_rails_but_keeps_paragraphs():
    rail = ("<div><h3>Most read</h3><ul>" + "".join(
        f"<li><a href='/news/{i}-x'>Another story about something else entirely {i}</a></li>"
        for i in range(5)) + "</ul></div>")
    item = article(make_item(page(extra_body=rail)))
    assert "Most read" not in item["articleBody"]
    assert "Another story" not in item["articleBody"]
    assert item["articleBody"].split("\n\n") == PARAS


def test_header_today_date_is_never_the_publication_date():
    body = page(head="").replace(
        b'<meta property="article:published_time" content="2024-05-06T08:30:00+02:00">', b"")
    item = article(make_item(body))
    assert not (item["datePublished"] or "").startswith("2025-03-20")


@pytest.mark.parametrize("name,reason", [
    ("empty.html", "not an HTML page"),
    ("document-pdf.html", "PDF"),
    ("api-json.html", "JSON"),
    ("image-png.html", "PNG"),
])
def test_non_html_is_dropped_with_url_reason_and_counter(name, reason):
    url = f"https://daily.example/news/9-{name}"
    with pytest.raises(DropItem) as exc:
        run(make_item((DATA / "evil" / name).read_bytes(), url=url))
    assert url in str(exc.value) and reason in str(exc.value)


def test_non_html_counter():
    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": ALL})
    with pytest.raises(DropItem):
        run(make_item((DATA / "evil" / "document-pdf.html").read_bytes()), crawler=crawler)
    assert crawler.stats.get_value("newscrawl/dropped/not_html") == 1


@pytest.mark.parametrize("name", ["no-article.html", "scripts-only.html"])
def test_pages_without_an_article_are_dropped_by_validation(name):
    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": ALL})
    url = f"https://daily.example/news/7-{name}"
    with pytest.raises(DropItem) as exc:
        run(make_item((DATA / "evil" / name).read_bytes(), url=url), crawler=crawler)
    assert url in str(exc.value) and "not an article" in str(exc.value)
    assert crawler.stats.get_value("newscrawl/dropped/not_article") == 1


def test_truncated_html_keeps_what_arrived():
    item = article(make_item((DATA / "evil" / "truncated.html").read_bytes()))
    assert item["headline"] == "Tram expansion approved"
    assert item["articleBody"].count("Paragraph") == 6


def test_wrong_declared_charset_is_corrected():
    body = (DATA / "evil" / "wrong-charset.html").read_bytes()
    item = article(make_item(body, headers={"Content-Type": "text/html; charset=iso-8859-1"}))
    assert "Zürich’s cafés" in item["articleBody"]
    assert "Ã" not in item["articleBody"]


def test_dedup_drops_url_variants_and_counts_them():
    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": ALL})
    dedup = DedupPipeline.from_crawler(crawler)
    first, _ = run(make_item(page()), crawler=crawler)
    dedup.process_item(first)
    for variant in ("https://www.daily.example/news/123-rail-freight/?utm_source=rss",
                    "https://daily.example/news/123-rail-freight/amp"):
        other, _ = run(make_item(page(), url=variant), crawler=crawler)
        with pytest.raises(DropItem) as exc:
            dedup.process_item(other)
        assert variant in str(exc.value) and "duplicate" in str(exc.value)
    assert crawler.stats.get_value("newscrawl/dropped/duplicate") == 2


def test_dedup_uses_the_canonical_link():
    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": ALL})
    dedup = DedupPipeline.from_crawler(crawler)
    canon = '<link rel="canonical" href="https://daily.example/news/123-rail-freight">'
    a, _ = run(make_item(page(head=canon), url="https://daily.example/print/123"),
               crawler=crawler)
    dedup.process_item(a)
    b, _ = run(make_item(page(), url="https://daily.example/news/123-rail-freight"),
               crawler=crawler)
    with pytest.raises(DropItem):
        dedup.process_item(b)


def test_drop_is_logged_with_the_url_not_the_item(caplog):
    from newscrawl.logformatter import NewscrawlLogFormatter

    formatter = NewscrawlLogFormatter()
    entry = formatter.dropped(ArticleItem(url="u", articleBody="x" * 10000),
                              DropItem("https://a.example/x: not an article: empty body"),
                              None, None)
    assert entry["level"] == logging.WARNING
    message = entry["msg"] % entry["args"]
    assert "https://a.example/x" in message and "xxxxxxxxxx" not in message


def test_not_an_article_is_counted_and_logged_by_its_code():
    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": ALL})
    url = "https://daily.example/news/8-stub"
    stub = b"<html><head><title>Stub</title></head><body><p>Short.</p></body></html>"
    with pytest.raises(DropItem) as exc:
        run(make_item(stub, url=url), crawler=crawler)
    stats = crawler.stats.get_stats()
    codes = [k.rsplit("/", 1)[1] for k in stats if k.startswith("newscrawl/dropped/not_article/")]
    assert codes == ["too_little_text_for_an_article"]
    assert str(exc.value) == (f"{url}: not an article (too_little_text_for_an_article): "
                              "6 characters")
    assert stats["newscrawl/warning/short_body"] == 1


def test_a_pipeline_that_returns_a_copy_is_named_not_silently_followed():
    """The page being cleaned travels on the carrier: a pipeline that returns a copy of the
    item's fields would lose it, so the next stage refuses the copy, naming itself."""
    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": ALL})
    carrier = ExtractPipeline.from_crawler(crawler).process_item(make_item(page()))
    copy = ArticleItem(ItemAdapter(carrier).asdict())
    with pytest.raises(TypeError, match="BoilerplatePipeline was given a ArticleItem"):
        BoilerplatePipeline.from_crawler(crawler).process_item(copy)


def test_a_pipeline_before_the_cleaning_stages_cannot_read_an_unrendered_verdict():
    from newscrawl.items import NotRendered

    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": ALL})
    with pytest.raises(NotRendered, match="not rendered yet"):
        ValidationPipeline.from_crawler(crawler).process_item(make_item(page()))
    with pytest.raises(NotRendered):
        DedupPipeline.from_crawler(crawler).process_item(make_item(page()))


def test_exporters_see_the_article_only():
    """Scrapy's JSON Lines exporter, given the carrier, writes exactly the article."""
    import io
    import json

    from scrapy.exporters import JsonLinesItemExporter

    carrier, _ = run(make_item(page()))
    out = io.BytesIO()
    JsonLinesItemExporter(out).export_item(carrier)
    assert json.loads(out.getvalue()) == json.loads(json.dumps(dict(carrier.article)))
    assert b"Rail freight" in out.getvalue() and b"<html" not in out.getvalue()


def test_cleaning_in_a_worker_gives_the_inline_result():
    """clean_source, what a cleaning worker process runs, renders exactly what the inline
    stages render (the crawl test compares whole crawls with a process pool)."""
    from newscrawl.cleaning import clean_source
    from newscrawl.pipelines.stage import enabled_stages

    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": ALL})
    inline, _ = run(make_item(page()), crawler=crawler)
    carrier = make_item(page())
    carrier.accept(clean_source(carrier.source, carrier.url, enabled_stages(crawler)))
    assert dict(carrier.article) == dict(inline.article)
    assert carrier.warnings == inline.warnings and carrier.rejection is None
    for pipeline in ORDER[:4]:  # the stage pipelines pass a carrier cleaned elsewhere on
        assert pipeline.from_crawler(crawler).process_item(carrier) is carrier
