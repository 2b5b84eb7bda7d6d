"""RSS (0.9x, 1.0/RDF, 2.0) and Atom feeds, read with feedparser.

feedparser is the maintained, lenient reader of the feeds found in the wild (RSS 1.0 in RDF,
`guid isPermaLink`, `xml:base`, broken XML through its loose parser), which our own XML
walk handled only in their tidy forms. We need few of its fields: the entry's link, its
publication date as written (the date stage parses it with the page's other evidence) and
its title.

The body is handed over as a file object: given bytes, feedparser first tries them as a
file name, and given a str that looks like a URL it fetches it. HTML sanitizing and URI
rewriting in entry contents are off (we read no content).
"""

from __future__ import annotations

import io
from typing import Any

import feedparser

from .sitemaps import Link


def feed_links(body: bytes, url: str, content_type: str = "") -> tuple[str, list[Link]]:
    """(kind, links) of a feed: kind is "rss" or "atom" ("unknown" when feedparser finds no
    feed); relative links are resolved against the feed's URL and its xml:base."""
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers,
                              sanitize_html=False, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    kind = "atom" if version.startswith("atom") else "rss" if version else "unknown"
    links = []
    for entry in parsed.entries:
        href = _entry_link(entry)
        if not href:
            continue
        if kind == "atom":
            date, lastmod = entry.get("published"), entry.get("updated")
        else:
            # RSS 2.0 <pubDate>, or Dublin Core <dc:date> (feedparser files it as updated).
            date, lastmod = entry.get("published") or entry.get("updated"), None
        links.append(Link(href, "page", date=date or None, title=entry.get("title") or None,
                          lastmod=lastmod or None))
    return kind, links


def _entry_link(entry: Any) -> str | None:
    # The entry's page: rel="alternate" (feedparser also maps a permalink <guid> there),
    # never an enclosure (audio, image) or a comments link.
    for link in entry.get("links") or []:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"]).strip()
    link = entry.get("link")
    return str(link).strip() if link else None
