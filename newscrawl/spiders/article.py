"""The `article` spider: from start points (article pages, listings, sitemaps, feeds) to
article items.

    scrapy crawl article -a start_urls=https://example.com/sitemap.xml[,URL...]
    scrapy crawl article -a site=seoulpost

Discovery pages (start points, sitemaps, feeds, listing pages) are read for links; links to
articles become article requests, whose responses go to the cleaning pipelines as items.
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response

from ..discovery import looks_like_xml, parse_xml_links
from ..faults import FetchFault, describe_failure, report
from ..items import ArticleItem, PageSource
from ..middlewares.conditional import StateSkip
from ..sites import SiteProfile, load_profile
from ..urls import article_key, strip_tracking

logger = logging.getLogger(__name__)

# Without a site profile, a URL looks like an article when its path has a long slug, an id
# or a date: /2024/12/02/..., /news/123456, /some-words-of-a-headline-here.
_ARTICLE_HINT = re.compile(
    r"/(?:19|20)\d{2}/\d{1,2}/|/\d{5,}|[a-z0-9]+(?:-[a-z0-9]+){3,}|articleview|/story/|/article/",
    re.I,
)
_NOT_ARTICLE = re.compile(
    r"/(?:tag|tags|category|categories|author|authors|section|sections|topic|topics|search|"
    r"login|signin|subscribe|about|contact|privacy|terms|feed|rss|page/\d+)(?:/|$|\?)|"
    r"\.(?:jpe?g|png|gif|webp|svg|pdf|zip|mp[34]|css|js|ico|xml)(?:\?|$)",
    re.I,
)


class ArticleSpider(scrapy.Spider):
    name = "article"

    def __init__(self, start_urls: str | None = None, site: str | None = None,
                 *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.profile: SiteProfile | None = load_profile(site) if site else None
        urls: list[str] = []
        if start_urls:
            urls = [u.strip() for u in re.split(r"[,\s]+", start_urls) if u.strip()]
        elif self.profile:
            urls = list(self.profile.start_urls)
        if not urls:
            raise ValueError("give start points: -a start_urls=URL[,URL...] or -a site=NAME")
        self.start_points = urls
        # The profile's domains, plus the hosts of explicit start points (a mirror, a test
        # server serving the site's fixtures).
        hosts = {h for h in (urlsplit(u).hostname for u in urls if u.startswith("http")) if h}
        if self.profile:
            hosts |= set(self.profile.domains)
        self.allowed_domains = sorted(hosts)
        # file:// start points: links are followed within the start files' folders.
        # Publication dates that sitemaps and feeds gave for article URLs (by article key):
        # the article may be requested first from elsewhere, the date still reaches it.
        self.listed_dates: dict[str, str] = {}
        self._file_roots = [posixpath.dirname(urlsplit(u).path) + "/" for u in urls
                            if u.startswith("file:")]

    # -- start ---------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_points:
            # XML start points (sitemaps, feeds) go first, for the dates they carry.
            xml = url.split("?")[0].endswith((".xml", ".rss", ".atom", "/feed"))
            yield self._request(url, self.parse_start, role="start", priority=10 if xml else 0)

    def _request(self, url: str, callback, role: str, priority: int = 0,
                 **meta: Any) -> scrapy.Request:
        meta["newscrawl_role"] = role
        if url.startswith("file:"):
            meta["allow_offsite"] = True
        return scrapy.Request(url, callback=callback, meta=meta, errback=self.on_error,
                              priority=priority)

    # -- classification ------------------------------------------------------------------

    def _in_scope(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme == "file":
            return any(parts.path.startswith(r) for r in self._file_roots)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        if not self.allowed_domains:
            return True
        host = parts.hostname
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def is_article_url(self, url: str) -> bool:
        if self.profile and self.profile.article_urls:
            return self.profile.is_article_url(url)
        path = urlsplit(url).path
        return bool(_ARTICLE_HINT.search(path)) and not _NOT_ARTICLE.search(url)

    def is_listing_url(self, url: str) -> bool:
        return bool(self.profile and self.profile.is_listing_url(url))

    # -- callbacks -----------------------------------------------------------------------

    def parse_start(self, response: Response) -> Iterator[Any]:
        """A start point may be anything: sitemap, feed, listing or an article."""
        if looks_like_xml(response.body, _content_type(response)):
            yield from self.parse_xml(response)
        elif self.is_article_url(response.url) or (
            not self.is_listing_url(response.url) and _looks_like_article_page(response)
        ):
            yield from self.parse_article(response)
        else:
            yield from self.parse_listing(response)

    def parse_xml(self, response: Response) -> Iterator[Any]:
        kind, links = parse_xml_links(response.body)
        self.crawler.stats.inc_value(f"newscrawl/discovery/{kind}")
        if kind == "unknown":
            logger.warning("Not a sitemap or feed: %s (no urlset, sitemapindex, rss or feed root)",
                           response.url)
            return
        for link in links:
            url = strip_tracking(urljoin(response.url, link.url))
            if not self._in_scope(url):
                self.crawler.stats.inc_value("newscrawl/discovery/out_of_scope")
                continue
            if link.date:
                if self._too_old(link.date):
                    self.crawler.stats.inc_value("newscrawl/discovery/too_old")
                    logger.debug("Skipping %s: listed %s, older than NEWSCRAWL_MAX_AGE_DAYS",
                                 url, link.date)
                    continue
                self.listed_dates.setdefault(article_key(url), link.date)
            if link.kind == "sitemap":
                # Sitemaps first: their dates should be known before the articles arrive.
                yield self._request(url, self.parse_xml, role="sitemap", priority=10)
            elif self.is_article_url(url) or not self.profile:
                yield self._request(url, self.parse_article, role="article",
                                    newscrawl_listed_date=link.date,
                                    newscrawl_listed_title=link.title)
            elif self.is_listing_url(url):
                yield self._request(url, self.parse_listing, role="listing")

    def _too_old(self, raw_date: str) -> bool:
        """Whether a sitemap/feed date lies outside the NEWSCRAWL_MAX_AGE_DAYS window."""
        days = self.crawler.settings.getfloat("NEWSCRAWL_MAX_AGE_DAYS", 0)
        if days <= 0:
            return False
        when = _parse_listed_date(raw_date)
        return when is not None and datetime.now(UTC) - when > timedelta(days=days)

    def parse_listing(self, response: Response) -> Iterator[Any]:
        if not isinstance(response, scrapy.http.TextResponse):
            logger.warning("Listing page is not text: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/discovery/not_text")
            return
        self.crawler.stats.inc_value("newscrawl/discovery/listing")
        for href in response.xpath("//a/@href").getall():
            url = strip_tracking(urljoin(response.url, href.strip()))
            if not self._in_scope(url):
                continue
            if self.is_article_url(url):
                yield self._request(url, self.parse_article, role="article")
            elif self.is_listing_url(url):
                yield self._request(url, self.parse_listing, role="listing")
        for href in response.xpath("//link[@type='application/rss+xml' or "
                                   "@type='application/atom+xml']/@href").getall():
            url = urljoin(response.url, href.strip())
            if self._in_scope(url):
                yield self._request(url, self.parse_xml, role="feed", priority=10)

    def parse_article(self, response: Response) -> Iterator[ArticleItem]:
        item = ArticleItem(url=response.url)
        headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1")
                   for k, v in response.headers.items()}
        item._source = PageSource(  # type: ignore[attr-defined]
            body=response.body,
            headers=headers,
            fetched_at=response.meta.get("newscrawl_fetched_at") or datetime.now(UTC),
            site=self.profile.name if self.profile else urlsplit(response.url).hostname,
            publisher=self.profile.publisher if self.profile else None,
            timezone=self.profile.timezone if self.profile else None,
            selectors=dict(self.profile.selectors) if self.profile else {},
            founded=self.profile.founded if self.profile else None,
            sitemap_date=response.meta.get("newscrawl_listed_date")
            or self.listed_dates.get(article_key(response.url)),
        )
        # For incremental runs: the HTTP validators to store, and the page as fetched for
        # the run's WARC (the item lets its _source go once it is cleaned).
        item._validators = tuple(  # type: ignore[attr-defined]
            (response.headers.get(h) or b"").decode("latin-1") or None
            for h in ("ETag", "Last-Modified"))
        response.meta["newscrawl_source"] = item._source  # type: ignore[attr-defined]
        self.crawler.stats.inc_value("newscrawl/pages/article")
        yield item

    def on_error(self, failure) -> None:
        if isinstance(failure.value, FetchFault):
            return  # the middleware that gave up already logged and counted it
        if failure.check(StateSkip):
            return  # not due, not modified or gone: the crawl state's doing, counted there
        request = failure.request
        code, reason, refused = describe_failure(failure)
        # After redirects, name the URL that was asked for.
        url = (request.meta.get("redirect_urls") or [request.url])[0]
        report(logger, self.crawler.stats, url, code, reason, refused,
               role=request.meta.get("newscrawl_role"))


def _content_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"").decode("latin-1").lower()


def _looks_like_article_page(response: Response) -> bool:
    if not isinstance(response, scrapy.http.TextResponse):
        return True  # let the pipelines explain why it is not an article
    head = response.text[:60000].lower()
    return ('property="og:type" content="article"' in head
            or "newsarticle" in head or '"@type": "article"' in head
            or '"@type":"article"' in head or "blogposting" in head)


def _parse_listed_date(raw: str) -> datetime | None:
    """W3C datetime (sitemaps, Atom) or RFC 822 (RSS) -> aware datetime, else None."""
    raw = raw.strip()
    try:
        when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
