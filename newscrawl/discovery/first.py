"""Discovery documents first: a host's sitemaps and feeds are read before its other pages
are fetched.

A sitemap or feed dates the articles it lists, and for some articles that is the only date
there is (a Google News sitemap's `publication_date` for a page that prints none). Queue
priorities put these documents first, but they are found in chains (robots.txt, a sitemap
index, then the news sitemap): an article linked from the home page was fetched while the
news sitemap was still on its way, was archived without its date, and was archived again
as "updated" by whichever later run happened to read the sitemap first. So the frontier
holds a host's other requests while one of its discovery documents is queued or being
read: `newscrawl/scheduler.py` on one machine, `newscrawl/distributed/frontier.py` in
Redis. The spider marks the requests (`mark`); the mark travels with redirects and retries,
which copy the request's meta.
"""

from __future__ import annotations

from typing import Any

DISCOVERY_META = "newscrawl_discovery"


def mark(meta: dict[str, Any]) -> None:
    meta[DISCOVERY_META] = True


def is_discovery(request: Any) -> bool:
    return bool(request.meta.get(DISCOVERY_META))
