"""One reader for every XML discovery document: sitemap index, sitemap (news or not), RSS,
Atom; gzipped or not.

- Gzip: a `.gz` sitemap arrives as `application/gzip` / `application/x-gzip` (or anything
  else) with the gzip bytes as its body; a sitemap sent with `Content-Encoding: gzip` is
  decoded by Scrapy's HttpCompressionMiddleware before it gets here (both at once: decoded
  there, then here). Scrapy's `gunzip` with `max_size` does the work, so a gzip bomb stops at
  DOWNLOAD_MAXSIZE as it does for pages.
- DTD: sitemaps and feeds have no use for one. It is cut before parsing, so entity bombs
  become plain undefined references (libxml2 would otherwise stop reading at its
  amplification guard and lose the entries after them) and external entities are never
  resolved; the caller logs that it happened.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass, field

from lxml import etree
from scrapy.utils.gz import gunzip

from .feeds import feed_links
from .sitemaps import PARSER, Link, local_name, sitemap_index_links, urlset_links

MAX_XML_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit (uncompressed)
GZIP_MAGIC = b"\x1f\x8b"

_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.I | re.S)


class Unreadable(ValueError):
    """A discovery document that cannot be read; `code` names why (a stable reason code)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass
class Document:
    kind: str  # "sitemapindex", "urlset", "rss", "atom" or "unknown"
    links: list[Link] = field(default_factory=list)
    dtd_removed: bool = False


def is_gzip(body: bytes) -> bool:
    return body[:2] == GZIP_MAGIC


def unpack(body: bytes, max_size: int) -> bytes:
    """The body, gunzipped when it is gzip data (at most `max_size` bytes once decompressed;
    0: no limit). Raises Unreadable("decompression_bomb" or "bad_gzip")."""
    if not is_gzip(body):
        return body
    try:
        return gunzip(body, max_size=max_size)
    except ValueError as exc:  # scrapy's _DecompressionMaxSizeExceeded
        raise Unreadable("decompression_bomb",
                         f"gzip body ({len(body)} B) exceeded DOWNLOAD_MAXSIZE ({max_size} B) "
                         "during decompression") from exc
    except (OSError, EOFError, zlib.error, struct.error) as exc:
        raise Unreadable("bad_gzip", f"not valid gzip data ({exc})") from exc


def looks_like_xml(body: bytes, content_type: str = "") -> bool:
    if "xml" in content_type or "rss" in content_type or "atom" in content_type:
        return True
    head = body[:400].lstrip()
    return head.startswith(b"<?xml") or head.startswith((b"<urlset", b"<sitemapindex", b"<rss",
                                                         b"<feed"))


def strip_doctype(body: bytes) -> tuple[bytes, bool]:
    if b"<!doctype" not in body[:2048].lower():
        return body, False
    stripped = _DOCTYPE.sub(b"", body, count=1)
    return stripped, stripped != body


def read_document(body: bytes, url: str = "", content_type: str = "") -> Document:
    """Links of a sitemap index, sitemap, RSS or Atom document (body already unpacked)."""
    if not body.strip() or len(body) > MAX_XML_BYTES:
        return Document("unknown")
    body, dtd_removed = strip_doctype(body)
    try:
        root = etree.fromstring(body, parser=PARSER)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    kind = local_name(root.tag) if root is not None else ""
    if kind == "sitemapindex" and root is not None:
        return Document(kind, sitemap_index_links(root), dtd_removed)
    if kind == "urlset" and root is not None:
        return Document(kind, urlset_links(root), dtd_removed)
    if kind in ("rss", "rdf", "feed") or (root is None and _feed_like(body)):
        kind, links = feed_links(body, url, content_type)
        return Document(kind, links, dtd_removed)
    return Document("unknown", [], dtd_removed)


def _feed_like(body: bytes) -> bool:
    """XML too broken for lxml that still opens like a feed (feedparser's loose parser
    reads those)."""
    head = body[:1024].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_xml_links(body: bytes) -> tuple[str, list[Link]]:
    """(kind, links) of a discovery document; see read_document."""
    doc = read_document(body)
    return doc.kind, doc.links
