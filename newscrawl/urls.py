"""URL normalization: one key per article across its URL variants (tracking parameters, AMP,
www, trailing slash, fragments, scheme), and the article id made from it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|"
    r"_ga|_gl|ref|ref_src|referrer|cmpid|cmp|ncid|ocid|sr_share|share|smid|at_medium|"
    r"at_campaign|ito|xtor|spm|from|outputType|amp)$",
    re.I,
)
_AMP_PATH = re.compile(r"(?:/amp/?$|/amp(?=/)|\.amp(?=\.html?$|$))", re.I)


def strip_tracking(url: str) -> str:
    """Drop tracking query parameters and the fragment; keep everything else as it is."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


# An item's key is asked for by the spider (sitemap dates), dedup, the crawl state (lookup
# and storage), versioning, template learning and the Markdown archive: each URL's key is
# computed once and remembered for as long as its item is likely on its way (~0.05 ms a key
# in w3lib and urllib, several times an item). Bounded, so memory stays flat on long crawls.
KEY_CACHE_SIZE = 8192  # URLs


@lru_cache(maxsize=KEY_CACHE_SIZE)
def article_key(url: str) -> str:
    """A key equal for all variants of one article URL (not a URL to fetch)."""
    url = strip_tracking(url.strip())
    parts = urlsplit(canonicalize_url(url))
    host = parts.hostname or ""
    host = re.sub(r"^(?:www\d*|m|amp|mobile)\.", "", host)
    path = _AMP_PATH.sub("", parts.path) or "/"
    path = re.sub(r"/index\.html?$", "/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit(("", host, path, parts.query, ""))[2:]


def article_id(item: Mapping[str, Any]) -> str:
    """The stable id of an article (metadata.articleId, archive file names, the crawl state):
    16 hex digits of the sha256 of its canonical URL's article key."""
    return _id_of_url(item.get("canonicalUrl") or item["url"])


@lru_cache(maxsize=KEY_CACHE_SIZE)
def _id_of_url(url: str) -> str:
    return hashlib.sha256(article_key(url).encode("utf-8")).hexdigest()[:16]
