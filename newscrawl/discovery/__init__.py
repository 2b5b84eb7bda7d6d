"""Where articles are found: robots.txt `Sitemap:` lines, XML sitemaps (indexes, Google News,
gzipped), RSS/Atom feeds, and the links of listing pages (home, sections, pagination).

- `documents.py`: one reader for sitemaps and feeds (gzip, DTD removal, kind);
  `sitemaps.py` our sitemap reader (Google News fields), `feeds.py` feedparser.
- `links.py`: which links of a listing page are articles or more listings (`words.py`:
  the vocabulary and weights it reads).
- `start.py`: start points from `-a start_urls` and `-a start_urls_file`.
- `reasons.py`: why an entry or a document was skipped: codes, log line, counter.

The spider (`newscrawl/spiders/article.py`) ties them to Scrapy.
"""

from .documents import Document, looks_like_xml, parse_xml_links, read_document, unpack
from .sitemaps import Link

__all__ = ["Document", "Link", "looks_like_xml", "parse_xml_links", "read_document", "unpack"]
