"""The cleaning of one fetched page, as the crawl process and its cleaning workers
(NEWSCRAWL_CLEANING_PROCESSES) run it, importable without Scrapy: a worker process imports
this module and newscrawl.clean only (~25 MB and ~0.15 s of CPU less per worker than with
Scrapy and Twisted), so what it receives and returns (`PageSource`, `Rendered`) is defined
here too; newscrawl.items re-exports both.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .clean.article import build_page, finish, run_stage, warm_up
from .clean.codes import Rejection, WarningCode
from .clean.page import Page


@dataclass
class PageSource:
    """The response as fetched and the site's context: what the cleaning needs. Picklable: it
    is what a cleaning worker process receives. The spider also leaves it in the response's
    meta (`source_of(response)`), for the exporters that archive the response itself."""

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
    # The response's HTTP validators, stored in the crawl state for conditional revisits.
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Rendered:
    """What rendering a cleaned page gives (picklable: a cleaning worker returns it): the
    article's fields, the page's verdict and the codes of its warnings (newscrawl.clean.codes;
    `metadata.warnings` holds them as text, with their details)."""

    fields: dict[str, Any]
    rejection: Rejection | None = None
    warnings: tuple[WarningCode, ...] = ()


def page_from_source(source: PageSource, url: str) -> Page:
    """Decode and parse the fetched page once (raises NotHTML)."""
    page = build_page(
        source.body, url, headers=source.headers, fetched_at=source.fetched_at,
        timezone=source.timezone, selectors=source.selectors, sitemap_date=source.sitemap_date,
        known_templates=source.known_templates, founded=source.founded,
    )
    if source.publisher and "publisher" not in page.fields:
        page.set("publisher", source.publisher, "site_profile")
    return page


def render(page: Page, source: PageSource) -> Rendered:
    """The one rendering of a cleaned page into the article's fields, inline (the last
    cleaning stage) and in cleaning workers alike. `metadata.notArticle`, part of
    `extract_article`'s output, is the carrier's typed rejection instead."""
    fields = finish(page)
    metadata = fields["metadata"]
    del metadata["notArticle"]
    metadata["site"] = source.site
    return Rendered(fields, page.rejection, tuple(page.warning_codes))


def clean_source(source: PageSource, url: str, stages: list[str]) -> Rendered:
    """All enabled stages and the rendering in one call: what a worker process runs. The
    same functions as the inline path, so results are identical."""
    page = page_from_source(source, url)
    for name in stages:
        run_stage(page, name)
    return render(page, source)


def tune(threshold: int) -> None:
    """Freeze what exists now and collect generation 0 every `threshold` allocations."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(threshold, older, oldest)


def start_worker(gc_threshold: int) -> None:
    """A cleaning worker's start: first-call costs paid now, not on a page; then the
    garbage collector tuned as in the crawl process (extensions/collector.py)."""
    warm_up()
    if gc_threshold > 0:
        tune(gc_threshold)


def worker_started() -> None:
    """A no-op task: submitted once per worker, so that the pool spawns and warms up every
    worker then (pipelines/extract.py)."""
