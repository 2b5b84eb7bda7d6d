"""Where articles are found: XML sitemaps (indexes, Google News), RSS/Atom feeds, HTML listings.

Scrapy's own sitemap reader drops the Google News children (publication date, title), which
the date stage uses, so sitemaps and feeds are read here. XML is parsed with entity expansion
and network access off: a hostile sitemap cannot expand entities or read local files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

MAX_XML_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit (uncompressed)

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=True,
    remove_comments=True, remove_pis=True, load_dtd=False,
)

_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.I | re.S)


@dataclass
class Link:
    url: str
    kind: str  # "sitemap" (go read it as XML) or "page"
    date: str | None = None  # publication date, when the sitemap or feed gives one
    title: str | None = None
    lastmod: str | None = None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(el: etree._Element, name: str) -> str | None:
    for child in el:
        if _local(child.tag) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _descendant_text(el: etree._Element, name: str) -> str | None:
    for child in el.iter():
        if _local(child.tag) == name:
            text = (child.text or "").strip()
            if text:
                return text
    return None


def looks_like_xml(body: bytes, content_type: str = "") -> bool:
    if "xml" in content_type or "rss" in content_type or "atom" in content_type:
        return True
    head = body[:400].lstrip()
    return head.startswith(b"<?xml") or head.startswith((b"<urlset", b"<sitemapindex", b"<rss",
                                                         b"<feed"))


def parse_xml_links(body: bytes) -> tuple[str, list[Link]]:
    """Return (document kind, links) for a sitemap, sitemap index, RSS or Atom document.

    Kind is one of "sitemapindex", "urlset", "rss", "atom" or "unknown".
    """
    if not body.strip() or len(body) > MAX_XML_BYTES:
        return "unknown", []
    if b"<!doctype" in body[:2048].lower():
        # Sitemaps and feeds have no use for a DTD; with it gone, entity bombs are plain
        # undefined references, and libxml2 does not stop reading at its amplification
        # guard and lose the entries after them.
        body = _DOCTYPE.sub(b"", body, count=1)
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return "unknown", []
    if root is None:
        return "unknown", []
    kind = _local(root.tag)
    links: list[Link] = []
    if kind == "sitemapindex":
        for sm in root:
            loc = _child_text(sm, "loc")
            if loc:
                links.append(Link(loc, "sitemap", lastmod=_child_text(sm, "lastmod")))
    elif kind == "urlset":
        for u in root:
            loc = _child_text(u, "loc")
            if not loc:
                continue
            links.append(Link(
                loc, "page",
                date=_descendant_text(u, "publication_date"),
                title=_descendant_text(u, "title"),
                lastmod=_child_text(u, "lastmod"),
            ))
    elif kind in ("rss", "rdf"):
        for item in root.iter():
            if _local(item.tag) != "item":
                continue
            loc = _child_text(item, "link") or _child_text(item, "guid")
            if loc and loc.startswith(("http://", "https://", "/")):
                links.append(Link(loc, "page", date=_child_text(item, "pubdate")
                                  or _child_text(item, "date"), title=_child_text(item, "title")))
        kind = "rss"
    elif kind == "feed":
        for entry in root:
            if _local(entry.tag) != "entry":
                continue
            href = None
            for child in entry:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    href = child.get("href")
                    break
            if href:
                links.append(Link(href, "page", date=_child_text(entry, "published"),
                                  title=_child_text(entry, "title"),
                                  lastmod=_child_text(entry, "updated")))
        kind = "atom"
    else:
        kind = "unknown"
    return kind, links
