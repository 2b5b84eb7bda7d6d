"""XML sitemaps and sitemap indexes, Google News sitemaps included.

Our own reader, not Scrapy's `scrapy.utils.sitemap.Sitemap`: Scrapy's flattens each `<url>`
to the text of its direct children, so a Google News entry's `<news:publication_date>` and
`<news:title>` (inside `<news:news>`) are lost, and the date stage uses them. Scrapy's
helpers are used where they fit: `sitemap_urls_from_robots` (robots.txt `Sitemap:` lines) and
`gunzip` with `max_size` (gzipped sitemaps), see `documents.py`.

XML is parsed with entity expansion and network access off; the caller removes any DTD
first (`documents.strip_doctype`), so a hostile sitemap cannot expand entities or read files.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=True,
    remove_comments=True, remove_pis=True, load_dtd=False,
)


@dataclass
class Link:
    url: str
    kind: str  # "sitemap" (go read it as XML) or "page"
    date: str | None = None  # publication date, when the sitemap or feed gives one
    title: str | None = None
    lastmod: str | None = None


def local_name(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(el: etree._Element, name: str) -> str | None:
    for child in el:
        if local_name(child.tag) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _descendant_text(el: etree._Element, name: str) -> str | None:
    for child in el.iter():
        if local_name(child.tag) == name:
            text = (child.text or "").strip()
            if text:
                return text
    return None


def sitemap_index_links(root: etree._Element) -> list[Link]:
    links = []
    for sm in root:
        loc = _child_text(sm, "loc")
        if loc:
            links.append(Link(loc, "sitemap", lastmod=_child_text(sm, "lastmod")))
    return links


def urlset_links(root: etree._Element) -> list[Link]:
    links = []
    for u in root:
        loc = _child_text(u, "loc")
        if not loc:
            continue
        links.append(Link(
            loc, "page",
            # Google News: <news:news><news:publication_date>, <news:title>.
            date=_descendant_text(u, "publication_date"),
            title=_descendant_text(u, "title"),
            lastmod=_child_text(u, "lastmod"),
        ))
    return links
