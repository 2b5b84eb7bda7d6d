"""What travels from the spider through the item pipelines to the exporters.

- `ArticleItem`: the article, the product. Field names follow schema.org / Zyte `Article`; the
  JSON Schema is newscrawl/schema/article.schema.json and the README documents each field.
- `PageSource`: the page as fetched and what the crawl knows of its site: the inputs of the
  cleaning (web-poet calls these "page inputs").
- `PageCarrier`: one article page on its way, holding the article and, while it is being
  cleaned, its source and parsed page. The spider yields it; every pipeline receives and
  returns it; the exporters receive it as the article.

Why a carrier object and not the item with private attributes (`item._source`, `item._page`,
as before): a Scrapy pipeline cannot see the response an item came from (scrapy/scrapy#2436),
so whatever the cleaning stages share has to travel with the item. As hidden attributes it
was lost, without a word, by any pipeline that returned a copy of the item (`ArticleItem(item)`,
`ItemAdapter(item).asdict()`). Here it is the object itself: a pipeline that returns a copy
hands the next stage a plain item, and `carrier_of` fails at once, naming the pipeline.
web-poet separates page inputs from the item in the same way; scrapy-poet then extracts the
item inside the callback, which our per-stage pipelines (each switchable in ITEM_PIPELINES,
cleaning in worker processes with NEWSCRAWL_CLEANING_PROCESSES) do not do.

To exporters and to any code that reads items the Scrapy way, through itemadapter (Scrapy's
feed exporters, our archives, the distributed parts and claims), a carrier *is* its article:
`PageCarrierAdapter` (registered with itemadapter below) exposes the article's fields and
nothing else, so the body bytes and the parsed tree can never reach an output. And the same
object travels from the spider's `yield` to `item_scraped` / `item_dropped`, so components
that match items across those signals by identity keep working.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import scrapy
from itemadapter import ItemAdapter
from itemadapter.adapter import ScrapyItemAdapter

from .clean.codes import Rejection, WarningCode
from .cleaning import PageSource, Rendered

if TYPE_CHECKING:
    from scrapy.http import Response

    from .clean.page import Page

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


SOURCE_META_KEY = "newscrawl_source"


def source_of(response: Response) -> PageSource | None:
    """The PageSource the spider made of an article response (None for other responses)."""
    return response.meta.get(SOURCE_META_KEY)


class NotRendered(RuntimeError):
    """A pipeline asked for a carrier's verdict before the last cleaning stage rendered it:
    ITEM_PIPELINES puts that pipeline before a cleaning stage, or switches every stage off."""


class PageCarrier:
    """One article page from the spider to the exporters (see the module docstring).

    `article` exists from the start (the spider fills `url`) and is filled in place, once, by
    `accept()`: from the page by the last enabled cleaning stage, or from a cleaning worker
    process. The parsed page is let go then; the source stays (incremental runs store its
    HTTP validators) and is referenced by the response anyway until the item is done.
    """

    __slots__ = ("article", "source", "page", "_rendered", "exported")

    def __init__(self, article: ArticleItem, source: PageSource):
        self.article = article
        self.source = source
        self.page: Page | None = None  # parsed once, by the first cleaning stage that runs
        self._rendered: Rendered | None = None
        # The article as JSON Lines bytes, once for all exporters alike (exporters/jsonlines.py)
        self.exported: dict[tuple[Any, ...], bytes] | None = None

    @property
    def url(self) -> str:
        return self.article["url"]

    @property
    def rendered(self) -> bool:
        return self._rendered is not None

    def accept(self, rendered: Rendered) -> None:
        """Fill the article from its rendering; the one place an article gets its fields."""
        if self._rendered is not None:
            raise RuntimeError(f"{self.url}: rendered twice")
        for key, value in rendered.fields.items():
            self.article[key] = value
        self._rendered = rendered
        self.page = None

    def _done(self) -> Rendered:
        if self._rendered is None:
            raise NotRendered(f"{self.url}: not rendered yet (no cleaning stage ran before this "
                              "pipeline: see ITEM_PIPELINES)")
        return self._rendered

    @property
    def clean_article(self) -> ArticleItem:
        """The rendered article, for the pipelines after the cleaning stages."""
        self._done()
        return self.article

    @property
    def rejection(self) -> Rejection | None:
        """Why the page is not an article, None when it is one."""
        return self._done().rejection

    @property
    def warnings(self) -> tuple[WarningCode, ...]:
        """The codes of the article's warnings (metadata.warnings without their details)."""
        return self._done().warnings

    def __repr__(self) -> str:
        state = "rendered" if self.rendered else "parsed" if self.page is not None else "fetched"
        return f"<PageCarrier {self.url} ({state})>"


def carrier_of(item: Any, component: object) -> PageCarrier:
    """The carrier a pipeline was given; a clear error when an earlier pipeline replaced it."""
    if isinstance(item, PageCarrier):
        return item
    raise TypeError(f"{type(component).__name__} was given a {type(item).__name__}, not the "
                    "spider's PageCarrier: a pipeline before it returned a copy of the item, "
                    "and the page being cleaned went with the original (newscrawl.items)")


class PageCarrierAdapter(ScrapyItemAdapter):
    """itemadapter's view of a carrier: its article's fields, nothing else."""

    def __init__(self, item: Any) -> None:
        super().__init__(item.article)

    @classmethod
    def is_item(cls, item: Any) -> bool:
        return isinstance(item, PageCarrier)

    @classmethod
    def is_item_class(cls, item_class: type) -> bool:
        return issubclass(item_class, PageCarrier)

    @classmethod
    def get_field_meta_from_class(cls, item_class: type, field_name: str) -> MappingProxyType:
        return MappingProxyType(ArticleItem.fields[field_name])

    @classmethod
    def get_field_names_from_class(cls, item_class: type) -> list[str] | None:
        return list(ArticleItem.fields)


if PageCarrierAdapter not in ItemAdapter.ADAPTER_CLASSES:
    ItemAdapter.ADAPTER_CLASSES.appendleft(PageCarrierAdapter)  # type: ignore[attr-defined]
