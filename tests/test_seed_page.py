"""The page newscrawl exists for (../shared/reference/seed-page-as-read.txt), as a fixture:
header "today" date, duplicated captioned photo, "Hot this week" / "Topics" / "Related
Articles" rails. The article is from early December 2024; the crawl day is 2025-03-20."""

from __future__ import annotations

import pytest
from conftest import SITE

from newscrawl import extract_article
from newscrawl.fixtures import load_fixture

CAPTION = ("On October 18, footage posted on the X account of Russian media outlet Sirena "
           "showed troops believed to be North Korean soldiers arriving at a Russian training "
           "facility.")
PARAGRAPH_STARTS = [
    "Ukrainian President Volodymyr Zelenskyy has accused Russia",
    "During an interview with Japan’s Kyodo News",
    "South Korea’s National Intelligence Service (NIS) announced",
    "In the interview on December 1, Zelenskyy did not specifically mention",
    "Citing the U.S. military publication Global Defense Corporation",
    "Sabrina Singh, Deputy Pentagon Press Secretary",
    "On November 27, an anonymous U.S. Defense Department official",
]
TEMPLATE = [
    "Hot this week", "Topics", "Related Articles",
    "Earth’s Fever Spikes", "Is Your Water Bottle Dirtier", "Hollywood vs. AI",
    "KAI Partners with Shield AI", "Ohtani Goes All Out", "Smiths Detection",
    "NVIDIA Plans 4 New AI Chips", "Reciprocal Tariffs Are Coming",
]


@pytest.fixture(scope="module")
def item():
    fx = load_fixture(SITE / "seed-zelenskyy.meta.json")
    return extract_article(fx.body, fx.url, **fx.context())


def test_body_is_the_seven_paragraphs_in_order(item):
    paragraphs = item["articleBody"].split("\n\n")
    assert len(paragraphs) == 7
    for paragraph, start in zip(paragraphs, PARAGRAPH_STARTS, strict=True):
        assert paragraph.startswith(start)


def test_no_template_blocks_in_body(item):
    for text in TEMPLATE:
        assert text not in item["articleBody"]
        assert text not in item["articleBodyHtml"]


def test_caption_once_in_images_with_credit_never_in_body(item):
    captioned = [img for img in item["images"] if img["caption"]]
    assert len(captioned) == 1
    assert captioned[0]["caption"] == CAPTION
    assert captioned[0]["credit"] == "News1"
    assert "Sirena" not in item["articleBody"]
    assert "News1" not in item["articleBody"]


def test_date_is_early_december_2024_not_the_header_date(item):
    assert item["datePublished"].startswith("2024-12-0")
    assert not item["datePublished"].startswith("2025-03-20")
    assert item["datePublished"].endswith("+09:00")
    assert item["dateModified"] >= item["datePublished"]


def test_header_date_does_not_change_the_fingerprint():
    """Crawled on another day the page shows another header date: same article."""
    fx = load_fixture(SITE / "seed-zelenskyy.meta.json")
    other_day = fx.body.replace(b"Thursday, March 20, 2025", b"Monday, March 24, 2025")
    assert other_day != fx.body
    a = extract_article(fx.body, fx.url, **fx.context())
    b = extract_article(other_day, fx.url, **fx.context())
    assert a["metadata"]["fingerprint"] == b["metadata"]["fingerprint"]
