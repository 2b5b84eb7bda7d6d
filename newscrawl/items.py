"""The article item. Field names follow schema.org / Zyte `Article`; the JSON Schema is
newscrawl/schema/article.schema.json and the README documents each field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import scrapy

ARTICLE_FIELDS = (
    "url", "canonicalUrl", "headline", "description", "articleBody", "articleBodyHtml",
    "authors", "datePublished", "datePublishedRaw", "dateModified", "dateModifiedRaw",
    "inLanguage", "mainImage", "images", "breadcrumbs", "section", "tags", "publisher",
    "wordCount", "metadata",
)


class ArticleItem(scrapy.Item):
    # Declared explicitly, not in a loop, so editors and type checkers see them.
    url = scrapy.Field()
    canonicalUrl = scrapy.Field()
    headline = scrapy.Field()
    description = scrapy.Field()
    articleBody = scrapy.Field()
    articleBodyHtml = scrapy.Field()
    authors = scrapy.Field()
    datePublished = scrapy.Field()
    datePublishedRaw = scrapy.Field()
    dateModified = scrapy.Field()
    dateModifiedRaw = scrapy.Field()
    inLanguage = scrapy.Field()
    mainImage = scrapy.Field()
    images = scrapy.Field()
    breadcrumbs = scrapy.Field()
    section = scrapy.Field()
    tags = scrapy.Field()
    publisher = scrapy.Field()
    wordCount = scrapy.Field()
    metadata = scrapy.Field()


@dataclass
class PageSource:
    """What the spider hands the pipelines: the response as fetched. Attached to the item as
    the private attribute `_source` (never exported), dropped once the item is cleaned."""

    body: bytes
    headers: dict[str, str]
    fetched_at: datetime
    site: str | None = None
    publisher: str | None = None
    timezone: str | None = None
    selectors: dict[str, str] = field(default_factory=dict)
    sitemap_date: str | None = None
    founded: date | None = None
    # Template blocks learned for this site (set only when cleaning runs in worker processes).
    known_templates: frozenset[str] = frozenset()
