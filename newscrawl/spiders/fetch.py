"""The `fetch` spider: the given URLs are articles; nothing else is discovered or followed.
What `newscrawl fetch` runs (`scrapy crawl fetch -a start_urls="URL URL"` works too)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from ..items import PageCarrier
from .article import ArticleSpider


class FetchSpider(ArticleSpider):
    name = "fetch"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._robots_origins = set()  # a home page given here is a page to extract, no site

    def parse_start(self, response: Response) -> Iterator[PageCarrier]:
        # Judged by the page-type verdict in the pipelines like every article candidate.
        yield from self.parse_article(response)

    def listing_links(self, root: Any, url: str) -> Iterator[Any]:
        # A given URL that turns out to be a listing is explained, not followed.
        return iter(())
