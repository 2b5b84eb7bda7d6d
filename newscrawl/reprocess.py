"""Reprocess archived responses with the current cleaning, offline: `newscrawl reprocess`.

Reads the run WARCs (pages.warc.gz): each response record with the metadata record that
refers to it (site, time zone, sitemap date: the context the crawl cleaned it with), cleans
the body with `extract_article` using the record's HTTP headers and its WARC-Date as fetch
time, and writes the articles as JSON Lines. With a crawl state, only articles whose clean
content differs from the state are written, as new versions, and the state is updated once
the output file is complete.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from .clean.article import extract_article
from .clean.document import NotHTML
from .exporters.warc import METADATA_TYPE
from .progress import Progress
from .sites import ProfileError, load_profile
from .state import new_run_id
from .state.base import CrawlState, utc_now
from .state.versions import judge
from .urls import article_id, article_key

logger = logging.getLogger(__name__)


@dataclass
class ArchivedPage:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime | None
    record_id: str
    link: dict[str, Any] = field(default_factory=dict)  # the metadata record's JSON


def iter_pages(path: Path) -> Iterator[ArchivedPage]:
    """Response records of a WARC, each with the metadata record that refers to it (which
    the run archive writes right after the response)."""
    pending: dict[str, ArchivedPage] = {}
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            kind = record.rec_type
            headers = record.rec_headers
            if kind == "response" and record.http_headers is not None:
                http = record.http_headers
                date = headers.get_header("WARC-Date")
                page = ArchivedPage(
                    url=headers.get_header("WARC-Target-URI"),
                    status=int(http.get_statuscode() or 0),
                    headers={k: v for k, v in http.headers},
                    body=record.content_stream().read(),
                    fetched_at=datetime.fromisoformat(date.replace("Z", "+00:00"))
                    if date else None,
                    record_id=headers.get_header("WARC-Record-ID"),
                )
                pending[page.record_id] = page
            elif kind == "metadata" and (headers.get_header("Content-Type") or "").startswith(
                    METADATA_TYPE):
                linked = pending.pop(headers.get_header("WARC-Refers-To") or "", None)
                if linked is not None:
                    linked.link = json.loads(record.content_stream().read())
                    yield linked
    yield from pending.values()  # responses without our metadata (another tool's WARC)


def clean_page(page: ArchivedPage) -> dict[str, Any]:
    """The item the crawl would make of this response today (notArticle set if none)."""
    context = page.link.get("context") or {}
    site = context.get("site")
    timezone, selectors = context.get("timezone"), context.get("selectors") or {}
    founded = context.get("founded")
    if site and not (timezone and founded):
        try:
            profile = load_profile(site)
            timezone = timezone or profile.timezone
            selectors = selectors or dict(profile.selectors)
            founded = founded or profile.founded
        except ProfileError:
            pass
    item = extract_article(page.body, page.url, headers=page.headers,
                           fetched_at=page.fetched_at, timezone=timezone, selectors=selectors,
                           sitemap_date=context.get("sitemapDate"), founded=founded)
    # As the crawl's pipelines do: the site profile's publisher when the page names none.
    publisher = context.get("publisher")
    if publisher and not item.get("publisher"):
        item["publisher"] = publisher
        sources = {**item["metadata"]["sources"], "publisher": "site_profile"}
        item["metadata"]["sources"] = dict(sorted(sources.items()))
    item["metadata"]["site"] = site
    return item


def reprocess(paths: list[Path], out: IO[str], state: CrawlState | None = None,
              run_id: str | None = None, progress: Progress | None = None) -> dict[str, int]:
    """Clean every archived response again; write articles (new versions only, with a
    state) to `out` as they come (nothing is held). Returns counts. The caller commits the
    state run after `out` is safe."""
    counts = {"pages": 0, "written": 0, "not_article": 0, "unchanged": 0, "failed": 0,
              "superseded": 0}
    run_id = run_id or "reprocess-" + new_run_id()
    latest: dict[str, tuple[str, str]] = {}
    if state is not None:
        # Against a state only the latest archived response of an article makes its next
        # version; older ones would number versions out of order.
        for path in paths:
            for page in iter_pages(path):
                key, when = _page_key(page), page.fetched_at.isoformat() if page.fetched_at else ""
                if key not in latest or when >= latest[key][0]:
                    latest[key] = (when, page.record_id)
    pages = ((path, page) for path in paths for page in iter_pages(path))
    for path, page in progress.track(pages) if progress is not None else pages:
        counts["pages"] += 1
        if page.status != 200:
            continue
        if latest and latest.get(_page_key(page), ("", ""))[1] != page.record_id:
            counts["superseded"] += 1
            continue
        try:
            item = clean_page(page)
        except NotHTML as exc:
            counts["failed"] += 1
            logger.info("Not HTML: %s in %s: %s", page.url, path, exc)
            continue
        if item["metadata"].pop("notArticle", None):
            counts["not_article"] += 1
            continue
        if state is not None:
            verdict = judge(state, item, utc_now(), run_id)
            if verdict.kind == "unchanged":
                counts["unchanged"] += 1
                continue
            state.stage(run_id, verdict.record)
            counts[verdict.kind] = counts.get(verdict.kind, 0) + 1
        else:
            item["metadata"]["articleId"] = article_id(item)
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        counts["written"] += 1
    if progress is not None:
        for name, n in counts.items():
            if n and name != "pages":
                progress.count(name.replace("_", " "), n)
    return counts


def _page_key(page: ArchivedPage) -> str:
    return page.link.get("articleId") or article_key(page.url)
