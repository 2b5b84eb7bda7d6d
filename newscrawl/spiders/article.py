"""The `article` spider: from start points (a site's home page, listings, sitemaps, feeds,
article pages) to article items.

    scrapy crawl article -a start_urls="https://example.com/ https://example.com/news.xml"
    scrapy crawl article -a start_urls_file=urls.txt      # one per line; - for stdin
    scrapy crawl article -a site=seoulpost

How articles are found (routes, counted per article exported in `newscrawl/found/<route>`):

- sitemap: a home page start point has its robots.txt `Sitemap:` lines read (from the
  robots.txt the robots middleware fetches anyway), then sitemap indexes and sitemaps, gzipped
  or not, news sitemaps with their dates;
- feed: RSS/Atom feeds given as start points or advertised by a listing page's
  `<link rel=alternate>`;
- links: listing pages (home, sections, their next pages, up to NEWSCRAWL_MAX_LINK_DEPTH
  hops) are read for links, judged by where they sit and what they look like
  (`newscrawl/discovery/links.py`), or by the site profile's URL patterns when it has some;
- start: article pages given as start points.

Every article candidate is fetched and judged by the page-type verdict in the pipelines.
NEWSCRAWL_MAX_PAGES_PER_SITE bounds the pages fetched per site (`middlewares/budget.py`).
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Response
from scrapy.utils.sitemap import sitemap_urls_from_robots

from .. import defaults
from ..addresses import host_address, non_public_kind
from ..clean.links import join_url, split_url
from ..discovery import first as discovery_first
from ..discovery import looks_like_xml, read_document, unpack
from ..discovery import words as discovery_words
from ..discovery.documents import Unreadable
from ..discovery.links import LinkKind, classify_links
from ..discovery.reasons import Note, Skip, noted, skipped_entry
from ..discovery.start import read_start_urls_file, split_start_urls
from ..errors import UserError
from ..faults import FetchFault, describe_failure, report
from ..items import SOURCE_META_KEY, ArticleItem, PageCarrier, PageSource
from ..middlewares.conditional import ARCHIVED_LISTED_META, StateSkip
from ..sites import SiteProfile, load_profile
from ..urls import article_key, strip_tracking

logger = logging.getLogger(__name__)

# Sitemaps of taxonomies list tag, category and author pages, not articles (WordPress and
# Yoast name them so: post_tag-sitemap.xml, category-sitemap.xml, author-sitemap.xml).
_TAXONOMY_SITEMAP = discovery_words.TAXONOMY_SITEMAP
# Sitemaps and feeds first: their dates must be known before the articles are cleaned (the
# scheduler holds a host's other requests while one of its discovery documents is read).
XML_PRIORITY = 10
LISTING_PRIORITY = -1  # articles before more listings: a spent budget leaves listings unread


class ArticleSpider(scrapy.Spider):
    name = "article"

    def __init__(self, start_urls: str | list[str] | None = None, site: str | None = None,
                 start_urls_file: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.profile: SiteProfile | None = load_profile(site) if site else None
        urls: list[str] = []
        if start_urls:
            urls += split_start_urls(start_urls)
        if start_urls_file:
            urls += read_start_urls_file(start_urls_file)
        if not urls and self.profile:
            urls = list(self.profile.start_urls)
        if not urls:
            raise UserError('give start points: -a start_urls="URL URL...", '
                             "-a start_urls_file=PATH (- for stdin) or -a site=NAME")
        self.start_points = urls
        # The profile's domains, plus the hosts of explicit start points (a mirror, a test
        # server serving the site's fixtures).
        hosts = {h for h in (_host(u) for u in urls if u.startswith("http")) if h}
        if self.profile:
            hosts |= set(self.profile.domains)
        self.allowed_domains = sorted(hosts)
        # Publication dates that sitemaps and feeds gave for article URLs (by article key):
        # the article may be requested first from elsewhere, the date still reaches it.
        self.listed_dates: dict[str, str] = {}
        # file:// start points: links are followed within the start files' folders.
        self._file_roots = [posixpath.dirname(urlsplit(u).path) + "/" for u in urls
                            if u.startswith("file:")]
        # Sites given by their home page: their robots.txt Sitemap: lines are read.
        self._robots_origins = {_origin(u) for u in urls if _is_home(u)}
        self._robots_read: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.response_received, signal=signals.response_received)
        crawler.signals.connect(spider.item_scraped, signal=signals.item_scraped)
        return spider

    # -- start ---------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_points:
            # XML start points (sitemaps, feeds) go first, for the dates they carry.
            path = url.split("?")[0]
            xml = path.endswith((".xml", ".rss", ".atom", "/feed", ".gz"))
            yield self._request(url, self.parse_start, role="start", route="start",
                                priority=XML_PRIORITY if xml else 0)
        settings = getattr(self, "settings", None)  # none when `newscrawl redis seed` asks
        if settings is not None and not settings.getbool("ROBOTSTXT_OBEY"):
            # Else the robots middleware fetches robots.txt, and response_received reads it.
            for origin in sorted(self._robots_origins):
                yield self._request(f"{origin}/robots.txt", self.parse_robots, role="robots",
                                    route="sitemap", priority=XML_PRIORITY)

    def _request(self, url: str, callback, role: str, route: str, priority: int = 0,
                 **meta: Any) -> scrapy.Request:
        meta["newscrawl_role"] = role
        meta["newscrawl_route"] = route
        if priority >= XML_PRIORITY or role == "start":
            # Sitemaps, feeds and the start points: the host's other pages wait until they
            # are read (a start page's robots.txt sitemaps and feeds are queued by then).
            discovery_first.mark(meta)
        if url.startswith("file:"):
            meta["allow_offsite"] = True
        return scrapy.Request(url, callback=callback, meta=meta, errback=self.on_error,
                              priority=priority)

    # -- signals -------------------------------------------------------------------------

    def response_received(self, response: Response, request: scrapy.Request,
                          spider: Any = None) -> None:
        route = request.meta.get("newscrawl_route") or request.meta.get("newscrawl_role")
        if route:
            self.crawler.stats.inc_value(f"newscrawl/fetched/{route}")
        elif request.meta.get("dont_obey_robotstxt") and urlsplit(
                request.url).path == "/robots.txt":
            # The robots middleware's own fetch: its Sitemap: lines, at no extra request.
            for sitemap in self._sitemaps_from_robots(response):
                self.crawler.engine.crawl(sitemap)

    def item_scraped(self, item: Any, response: Response | None = None,
                     spider: Any = None) -> None:
        if response is None:
            return
        meta = response.meta
        route = meta.get("newscrawl_route") or meta.get("newscrawl_role") or "other"
        self.crawler.stats.inc_value(f"newscrawl/found/{route}")

    # -- classification ------------------------------------------------------------------

    def _in_scope(self, url: str) -> bool:
        return self._scope_problem(url) is None

    def _scope_problem(self, url: str) -> tuple[Skip, str] | None:
        """Why a URL is outside the crawl (a reason code and a sentence), or None."""
        parts = split_url(url)
        if parts is None:
            return Skip.SCHEME, "not a valid URL"
        if parts.scheme == "file":
            if any(parts.path.startswith(r) for r in self._file_roots):
                return None
            return Skip.FILE_URL, "a file:// URL outside the folders of the file:// start points"
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return Skip.SCHEME, f"scheme {parts.scheme or '(none)'}: only http(s) is crawled"
        if not self.allowed_domains:
            return None
        host = parts.hostname
        if any(host == d or host.endswith("." + d) for d in self.allowed_domains):
            return None
        # The reason code of a skipped entry only: the private-network guard
        # (middlewares/network.py) checks every fetch itself, names resolved.
        address = host_address(host)
        kind = non_public_kind(address) if address is not None else None
        if kind is not None:
            return Skip.PRIVATE_NETWORK, (f"{host} is a non-public address ({kind}) and not "
                                          "one of the crawl's sites")
        sites = ", ".join(self.allowed_domains[:3]) + (
            "..." if len(self.allowed_domains) > 3 else "")
        return Skip.OFFSITE, f"{host} is not one of the crawl's sites ({sites})"

    def is_article_url(self, url: str) -> bool:
        """Whether a URL alone says "article" (sitemap entries carry nothing else): the site
        profile's patterns, else the URL shapes of `discovery/words.py`."""
        if self.profile and self.profile.article_urls:
            return self.profile.is_article_url(url)
        path = urlsplit(url).path
        return bool(discovery_words.ARTICLE_PATH.search(path)) and not _not_an_article(url)

    def is_listing_url(self, url: str) -> bool:
        return bool(self.profile and self.profile.is_listing_url(url))

    # -- callbacks -----------------------------------------------------------------------

    def parse_start(self, response: Response) -> Iterator[Any]:
        """A start point may be anything: home page, sitemap, feed, robots.txt, listing or
        an article."""
        body = self._xml_body(response)
        if body is None:
            return
        if urlsplit(response.url).path == "/robots.txt":
            yield from self.parse_robots(response)
        elif looks_like_xml(body, _content_type(response)):
            yield from self._read_xml(response, body)
        elif _is_home(response.url):
            yield from self.parse_listing(response)
        elif self.is_article_url(response.url) or (
            not self.is_listing_url(response.url) and _looks_like_article_page(response)
        ):
            yield from self.parse_article(response)
        else:
            yield from self.parse_listing(response)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self._sitemaps_from_robots(response)

    def _sitemaps_from_robots(self, response: Response) -> Iterator[scrapy.Request]:
        origin = _origin(response.url)
        if (origin in self._robots_read or not 200 <= response.status < 300
                or (origin not in self._robots_origins
                    and response.meta.get("newscrawl_role") != "start")):
            return
        self._robots_read.add(origin)
        urls = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        logger.info("robots.txt of %s lists %d sitemaps", origin, len(urls))
        self.crawler.stats.inc_value("newscrawl/discovery/robots_sitemaps", len(urls))
        for url in urls:
            parts = split_url(url)
            if parts is None or parts.scheme not in ("http", "https"):
                skipped_entry(logger, self.crawler.stats, url, response.url, Skip.SCHEME,
                              "a sitemap must be http(s)")
                continue
            # The site names its sitemaps, wherever it hosts them (sitemaps on a CDN host
            # are common); the entries inside must still belong to the crawl's sites.
            yield self._request(url, self.parse_xml, role="sitemap", route="sitemap",
                                priority=XML_PRIORITY, allow_offsite=True)

    def parse_xml(self, response: Response) -> Iterator[Any]:
        body = self._xml_body(response)
        if body is not None:
            yield from self._read_xml(response, body)

    def _xml_body(self, response: Response) -> bytes | None:
        """The body, gunzipped when it is gzip data, within DOWNLOAD_MAXSIZE (as pages are);
        None, reported, when it cannot be read."""
        max_size = response.meta.get("download_maxsize",
                                     self.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            return unpack(response.body, max_size)
        except Unreadable as exc:
            role = response.meta.get("newscrawl_role")
            if exc.code == "decompression_bomb":
                # Counted with the page bombs (a fetch error: the server's fault).
                report(logger, self.crawler.stats, response.url, exc.code, str(exc),
                       refused=False, role=role)
            else:
                noted(logger, self.crawler.stats, response.url, Note.BAD_GZIP, str(exc),
                      level=logging.WARNING)
            return None

    def _read_xml(self, response: Response, body: bytes) -> Iterator[Any]:
        doc = read_document(body, response.url, _content_type(response))
        stats = self.crawler.stats
        stats.inc_value(f"newscrawl/discovery/{doc.kind}")
        if doc.dtd_removed:
            noted(logger, stats, response.url, Note.DTD_REMOVED,
                  "its DTD was removed before reading (a sitemap or feed needs none): no "
                  "entity expanded, nothing external loaded")
        if doc.kind == "unknown":
            noted(logger, stats, response.url, Note.NOT_SITEMAP_OR_FEED,
                  "not a sitemap or feed (no urlset, sitemapindex, rss or feed root)",
                  level=logging.WARNING)
            return
        route = "sitemap" if doc.kind in ("sitemapindex", "urlset") else "feed"
        depth = response.meta.get("newscrawl_depth", 0)
        for link in doc.links:
            url = join_url(response.url, link.url)
            url = strip_tracking(url) if url and split_url(url) else link.url
            problem = self._scope_problem(url)
            if problem is not None:
                skipped_entry(logger, stats, url, response.url, *problem)
                continue
            if link.date:
                if self._too_old(link.date):
                    stats.inc_value("newscrawl/discovery/too_old")
                    logger.debug("Skipping %s: listed %s, older than NEWSCRAWL_MAX_AGE_DAYS",
                                 url, link.date)
                    continue
                self.listed_dates.setdefault(article_key(url), link.date)
            if link.kind == "sitemap":
                if _TAXONOMY_SITEMAP.search(urlsplit(url).path):
                    stats.inc_value("newscrawl/discovery/skipped/taxonomy_sitemap")
                    logger.debug("Skipping %s: a sitemap of tags, categories or authors", url)
                    continue
                yield self._request(url, self.parse_xml, role="sitemap", route="sitemap",
                                    priority=XML_PRIORITY)
            elif self.profile and self.profile.article_urls:
                if self.is_article_url(url):
                    yield self._article_request(url, route, link)
                elif self.is_listing_url(url):
                    yield from self._listing_request(url, route, depth)
            elif _not_an_article(url):
                stats.inc_value("newscrawl/discovery/skipped/not_article_url")
                logger.debug("Skipping %s (listed in %s): its URL names a service, tag, "
                             "author or file, not an article", url, response.url)
            else:
                yield self._article_request(url, route, link)

    def _article_request(self, url: str, route: str, link: Any = None) -> scrapy.Request:
        extra = {}
        if link is not None:
            extra = {"newscrawl_listed_date": link.date, "newscrawl_listed_title": link.title}
        return self._request(url, self.parse_article, role="article", route=route, **extra)

    def _listing_request(self, url: str, route: str, depth: int) -> Iterator[scrapy.Request]:
        max_depth = defaults.getint(self.settings, "NEWSCRAWL_MAX_LINK_DEPTH")
        if depth + 1 > max_depth:
            self.crawler.stats.inc_value("newscrawl/discovery/skipped/depth")
            logger.debug("Not following listing %s: NEWSCRAWL_MAX_LINK_DEPTH (%d) reached",
                         url, max_depth)
            return
        yield self._request(url, self.parse_listing, role="listing", route=route,
                            priority=LISTING_PRIORITY, newscrawl_depth=depth + 1)

    def _too_old(self, raw_date: str) -> bool:
        """Whether a sitemap/feed date lies outside the NEWSCRAWL_MAX_AGE_DAYS window."""
        days = defaults.getfloat(self.crawler.settings, "NEWSCRAWL_MAX_AGE_DAYS")
        if days <= 0:
            return False
        when = _parse_listed_date(raw_date)
        return when is not None and datetime.now(UTC) - when > timedelta(days=days)

    def parse_listing(self, response: Response) -> Iterator[Any]:
        if not isinstance(response, scrapy.http.TextResponse):
            logger.warning("Listing page is not text: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/discovery/not_text")
            return
        stats = self.crawler.stats
        stats.inc_value("newscrawl/discovery/listing")
        depth = response.meta.get("newscrawl_depth", 0)
        # The feeds first: queued before the links, they are read before those are fetched.
        for href in response.xpath("//link[@type='application/rss+xml' or "
                                   "@type='application/atom+xml']/@href").getall():
            feed = join_url(response.url, href)
            if feed and self._in_scope(feed):
                yield self._request(feed, self.parse_xml, role="feed", route="feed",
                                    priority=XML_PRIORITY)
        yield from self._links_of(response.selector.root, response.url, depth)

    def _links_of(self, root: Any, url: str, depth: int) -> Iterator[scrapy.Request]:
        """Requests for the article and listing links of a listing page's tree."""
        if self.profile and self.profile.article_urls:
            yield from self._profile_links(root, url, depth)
            return
        stats = self.crawler.stats
        candidates, skipped = classify_links(root, url, self._in_scope)
        for reason, n in skipped.items():
            stats.inc_value(f"newscrawl/links/skipped/{reason}", n)
        for c in candidates:
            stats.inc_value(f"newscrawl/links/{c.kind.value}")
            link = strip_tracking(c.url)
            if c.kind is LinkKind.ARTICLE:
                yield self._article_request(link, "links")
            else:
                yield from self._listing_request(link, "links", depth)

    def listing_links(self, root: Any, url: str) -> Iterator[scrapy.Request]:
        """A page fetched as an article that the page-type verdict found to be a listing
        (a home or section page listed in a sitemap): its links still feed discovery, one
        hop deep, like a section found on the home page."""
        self.crawler.stats.inc_value("newscrawl/discovery/rejected_listing")
        yield from self._links_of(root, url, depth=1)

    def _profile_links(self, root: Any, base: str, depth: int) -> Iterator[scrapy.Request]:
        """A site profile with article URL patterns: they decide."""
        for href in root.xpath("//a/@href"):
            url = join_url(base, href)
            if not url or split_url(url) is None:
                continue
            url = strip_tracking(url)
            if not self._in_scope(url):
                continue
            if self.is_article_url(url):
                yield self._article_request(url, "links")
            elif self.is_listing_url(url):
                yield from self._listing_request(url, "links", depth)

    def parse_article(self, response: Response) -> Iterator[PageCarrier]:
        headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1")
                   for k, v in response.headers.items()}
        etag, last_modified = (  # HTTP validators, for conditional revisits
            (response.headers.get(h) or b"").decode("latin-1") or None
            for h in ("ETag", "Last-Modified"))
        source = PageSource(
            body=response.body,
            headers=headers,
            fetched_at=response.meta.get("newscrawl_fetched_at") or datetime.now(UTC),
            site=self.profile.name if self.profile else urlsplit(response.url).hostname,
            publisher=self.profile.publisher if self.profile else None,
            timezone=self.profile.timezone if self.profile else None,
            selectors=dict(self.profile.selectors) if self.profile else {},
            founded=self.profile.founded if self.profile else None,
            # This run's listing, else the one the crawl state remembers for the article.
            sitemap_date=response.meta.get("newscrawl_listed_date")
            or self.listed_dates.get(article_key(response.url))
            or response.meta.get(ARCHIVED_LISTED_META),
            etag=etag,
            last_modified=last_modified,
        )
        # For the run's WARC, which archives the response with its fetch context.
        response.meta[SOURCE_META_KEY] = source
        self.crawler.stats.inc_value("newscrawl/pages/article")
        yield PageCarrier(ArticleItem(url=response.url), source)

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


def _host(url: str) -> str | None:
    parts = split_url(url)
    return parts.hostname if parts else None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _is_home(url: str) -> bool:
    parts = split_url(url)
    return bool(parts and parts.scheme in ("http", "https") and parts.path in ("", "/")
                and not parts.query)


def _not_an_article(url: str) -> bool:
    """A URL that names a service page, a taxonomy, an asset or a site's home."""
    parts = urlsplit(url)
    path = parts.path
    return bool((path in ("", "/") and not parts.query)
                or discovery_words.SERVICE_PATH.search(path)
                or discovery_words.TAXONOMY_PATH.search(path + "/")
                or discovery_words.ASSET_PATH.search(path))


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
