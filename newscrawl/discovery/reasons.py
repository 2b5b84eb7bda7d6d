"""Why a discovery document, or an entry in one, was not followed: stable reason codes, and
the one log line and counter for each case."""

from __future__ import annotations

import logging
from enum import StrEnum

from scrapy.statscollectors import StatsCollector


class Skip(StrEnum):
    """An entry of a sitemap or feed that is not requested (counter
    `newscrawl/discovery/out_of_scope/<code>`, plus the total `.../out_of_scope`)."""

    OFFSITE = "offsite"  # another site than the crawl's (allowed domains)
    PRIVATE_NETWORK = "private_network"  # a literal loopback/private/link-local address
    FILE_URL = "file_url"  # file:// outside the folders of the file:// start points
    SCHEME = "scheme"  # not http(s) (javascript:, mailto:, tag:, ftp:...)


class Note(StrEnum):
    """Something done to a discovery document (counter `newscrawl/discovery/<code>`)."""

    DTD_REMOVED = "dtd_removed"  # its DTD was cut before parsing: no entity is expanded
    NOT_SITEMAP_OR_FEED = "not_sitemap_or_feed"  # no urlset, sitemapindex, rss or feed root
    BAD_GZIP = "bad_gzip"  # gzip data that cannot be decompressed


# Hostile entries are warnings; a sitemap or feed naming another site is ordinary.
_LEVEL = {Skip.PRIVATE_NETWORK: logging.WARNING, Skip.FILE_URL: logging.WARNING}


def skipped_entry(logger: logging.Logger, stats: StatsCollector, url: str, source: str,
                  code: Skip, detail: str) -> None:
    """One line naming the entry, where it was listed and why; one counter."""
    logger.log(_LEVEL.get(code, logging.INFO), "Skipped entry %s (listed in %s): %s: %s",
               url, source, code.value, detail)
    stats.inc_value("newscrawl/discovery/out_of_scope")
    stats.inc_value(f"newscrawl/discovery/out_of_scope/{code.value}")


def noted(logger: logging.Logger, stats: StatsCollector, url: str, code: Note, detail: str,
          level: int = logging.INFO) -> None:
    logger.log(level, "%s: %s: %s", url, code.value, detail)
    stats.inc_value(f"newscrawl/discovery/{code.value}")
