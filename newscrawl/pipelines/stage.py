"""Shared machinery of the cleaning pipelines: the page is parsed once per item, by the first
cleaning stage that runs, and carried from stage to stage on the item's PageCarrier
(newscrawl/items.py); the last enabled cleaning stage renders it into the article, once."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object

from ..clean.article import run_stage
from ..clean.document import NotHTML
from ..clean.page import Page
from ..cleaning import page_from_source, render
from ..items import PageCarrier, carrier_of

logger = logging.getLogger(__name__)


def enabled_stages(crawler: Crawler) -> list[str]:
    """The cleaning stages ITEM_PIPELINES enables, in pipeline order."""
    names = []
    for path in build_component_list(crawler.settings.getwithbase("ITEM_PIPELINES")):
        cls = load_object(path) if isinstance(path, str) else path
        stage = getattr(cls, "stage", None)
        if stage:
            names.append(stage)
    return names


class StagePipeline:
    """Runs one cleaning stage on the carrier's page. Subclasses set `stage`."""

    stage: str = ""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        enabled = enabled_stages(crawler)
        self.renders = bool(enabled) and enabled[-1] == self.stage

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    def page_for(self, carrier: PageCarrier) -> Page:
        """The carrier's parsed page, parsed now if this is the first stage (NotHTML: dropped)."""
        if carrier.page is None:
            try:
                carrier.page = page_from_source(carrier.source, carrier.url)
            except NotHTML as exc:
                self.stats.inc_value("newscrawl/dropped/not_html")
                raise DropItem(f"{carrier.url}: not an HTML page: {exc}") from exc
            note_charset(self.stats, carrier.url, carrier.page.encoding)
        return carrier.page

    def process_item(self, item: Any) -> PageCarrier:
        carrier = carrier_of(item, self)
        if carrier.rendered:
            return carrier  # cleaned whole in a worker process (NEWSCRAWL_CLEANING_PROCESSES)
        page = self.page_for(carrier)
        if not run_stage(page, self.stage):
            self.stats.inc_value(f"newscrawl/stage_error/{self.stage}")
        if self.renders:
            carrier.accept(render(page, carrier.source))
        return carrier


def note_charset(stats: Any, url: str, encoding: Any) -> None:
    """The charset a page was read in and why (newscrawl.clean.charset): a DEBUG line and
    a counter per decision (`newscrawl/charset/<reason>`)."""
    reason = getattr(encoding, "reason", None)
    if reason is None:
        return
    logger.debug("Charset of %s: %s (%s: %s)", url, encoding, reason,
                 getattr(encoding, "detail", "") or "-")
    stats.inc_value(f"newscrawl/charset/{reason}")
