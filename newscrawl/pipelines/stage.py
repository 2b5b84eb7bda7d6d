"""Shared machinery of the cleaning pipelines: one parsed Page per item, passed from stage to
stage, rendered into the item's fields once, by the last enabled cleaning stage."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object

from ..clean.article import build_page, finish, run_stage
from ..clean.document import NotHTML
from ..clean.page import Page

logger = logging.getLogger(__name__)


def _enabled_stages(crawler: Crawler) -> list[str]:
    names = []
    for path in build_component_list(crawler.settings.getwithbase("ITEM_PIPELINES")):
        cls = load_object(path) if isinstance(path, str) else path
        stage = getattr(cls, "stage", None)
        if stage:
            names.append(stage)
    return names


class StagePipeline:
    """Runs one cleaning stage on the item's page. Subclasses set `stage`."""

    stage: str = ""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        enabled = _enabled_stages(crawler)
        self.renders = bool(enabled) and enabled[-1] == self.stage

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    def page_for(self, item: Any) -> Page:
        page = getattr(item, "_page", None)
        if page is None:
            page = self._build(item)
        return page

    def _build(self, item: Any) -> Page:
        source = getattr(item, "_source", None)
        url = item.get("url")
        if source is None:
            raise DropItem(f"{url}: item has no fetched page to clean")
        try:
            page = page_from_source(source, url)
        except NotHTML as exc:
            self.stats.inc_value("newscrawl/dropped/not_html")
            raise DropItem(f"{url}: not an HTML page: {exc}") from exc
        item._page = page
        note_charset(self.stats, url, page.encoding)
        return page

    def process_item(self, item: Any) -> Any:
        if getattr(item, "_cleaned", False):
            return item  # cleaned whole in a worker process (NEWSCRAWL_CLEANING_PROCESSES)
        page = self.page_for(item)
        if not run_stage(page, self.stage):
            self.stats.inc_value(f"newscrawl/stage_error/{self.stage}")
        if self.renders:
            render_item(item)
        return item


def note_charset(stats: Any, url: str, encoding: Any) -> None:
    """The charset a page was read in and why (newscrawl.clean.charset): a DEBUG line and
    a counter per decision (`newscrawl/charset/<reason>`)."""
    reason = getattr(encoding, "reason", None)
    if reason is None:
        return
    logger.debug("Charset of %s: %s (%s: %s)", url, encoding, reason,
                 getattr(encoding, "detail", "") or "-")
    stats.inc_value(f"newscrawl/charset/{reason}")


def page_from_source(source: Any, url: str) -> Page:
    """Decode and parse the fetched page once (raises NotHTML)."""
    page = build_page(
        source.body, url, headers=source.headers, fetched_at=source.fetched_at,
        timezone=source.timezone, selectors=source.selectors, sitemap_date=source.sitemap_date,
        known_templates=source.known_templates, founded=getattr(source, "founded", None),
    )
    if source.publisher and "publisher" not in page.fields:
        page.set("publisher", source.publisher, "site_profile")
    return page


def clean_source(source: Any, url: str, stages: list[str]) -> dict[str, Any]:
    """All enabled stages and the rendering in one call: what a worker process runs. The
    same functions as the inline path, so results are identical."""
    page = page_from_source(source, url)
    for name in stages:
        run_stage(page, name)
    data = finish(page)
    data["metadata"]["site"] = source.site
    return data


def render_item(item: Any) -> None:
    """Fill the item's fields from its page, then let the page and raw body go."""
    page: Page | None = getattr(item, "_page", None)
    if page is None:
        return
    data = finish(page)
    source = getattr(item, "_source", None)
    if source is not None:
        data["metadata"]["site"] = source.site
    for key, value in data.items():
        item[key] = value
    item._page = None
    item._source = None
