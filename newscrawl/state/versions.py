"""Versioning of clean articles against the crawl state: new, updated (which fields changed)
or unchanged. Shared by the incremental pipeline and `newscrawl reprocess`.

Change is judged on the content fingerprint (metadata.fingerprint: headline, body, authors,
date, description, images; never page chrome such as the header's "today"), so a page that
differs only in its chrome is the same version. A fetch that differs only in having no
date, where the archived version has one, is the same version too when the crawl asks
(`keep_archived_date`): the page did not change, this fetch's evidence did (a sitemap that
no longer lists the article, a date the page stopped printing), and the archive keeps the
date it has rather than a version that lost it. `newscrawl reprocess` does not ask: there
the evidence is the same page, and a date that goes is a cleaning rule's decision.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from scrapy.exceptions import DropItem

from ..clean.fingerprint import CONTENT_FIELDS
from ..clean.render import normalize_space
from ..urls import article_id
from .base import ArticleState, CrawlState, iso

VERSIONED_FIELDS = (*CONTENT_FIELDS, "images")


class Unchanged(DropItem):
    """An article whose clean content is the archived version: not emitted, not a problem.
    Raised by the incremental pipeline; the run archive does not keep such pages."""

    def __init__(self, message: str):
        super().__init__(message, log_level="INFO")


def field_hashes(item: Any) -> dict[str, str]:
    """A short digest per fingerprinted field, normalized as the fingerprint normalizes
    them, so `changedFields` names exactly the fields that moved the fingerprint."""
    out = {}
    for name in VERSIONED_FIELDS:
        value = item.get(name)
        if name == "images":
            value = [(i.get("url"), i.get("caption")) for i in value or []]
        elif isinstance(value, str):
            value = normalize_space(value)
        out[name] = _digest(value)
    return out


def _digest(value: Any) -> str:
    blob = json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]


_NO_DATE = _digest(None)


def only_lost_its_date(hashes: dict[str, str], known: ArticleState) -> bool:
    """Whether a fetch differs from the archived version only in having no datePublished
    where the version has one."""
    archived = known.field_hashes
    if archived.get("datePublished") in (None, _NO_DATE) or hashes["datePublished"] != _NO_DATE:
        return False
    return all(hashes[f] == archived.get(f) for f in VERSIONED_FIELDS if f != "datePublished")


def item_urls(item: Any) -> list[str]:
    return [u for u in dict.fromkeys((item.get("url"), item.get("canonicalUrl"))) if u]


def known_article(state: CrawlState, item: Any) -> ArticleState | None:
    return find_any(state, item_urls(item))


def find_any(state: CrawlState, urls: list[str]) -> ArticleState | None:
    """The committed article of the first of these URLs the state knows."""
    for url in urls:
        found = state.find(url)
        if found is not None:
            return found
    return None


@dataclass
class Verdict:
    kind: str  # new | updated | unchanged
    known: ArticleState | None
    record: ArticleState  # what to stage (new, updated) or the known one (unchanged)
    date_kept: bool = False  # unchanged although this fetch found no date (see above)


def judge(state: CrawlState, item: Any, now: datetime, run_id: str, *,
          etag: str | None = None, last_modified: str | None = None,
          listed_date: str | None = None, keep_archived_date: bool = False) -> Verdict:
    """Compare a clean item with the state; fill its version metadata when it is new or
    updated (metadata: articleId, version, previousFingerprint, changedFields).
    `listed_date`: the sitemap or feed date the item was cleaned with, kept in the record."""
    return judge_known(known_article(state, item), item, now, run_id, etag=etag,
                       last_modified=last_modified, listed_date=listed_date,
                       keep_archived_date=keep_archived_date)


def judge_known(known: ArticleState | None, item: Any, now: datetime, run_id: str, *,
                etag: str | None = None, last_modified: str | None = None,
                listed_date: str | None = None, keep_archived_date: bool = False) -> Verdict:
    """`judge` against the article already looked up in the state (`known_article`), for
    a caller that looks it up elsewhere than where it judges (the incremental pipeline)."""
    metadata = item["metadata"]
    fingerprint = metadata["fingerprint"]
    if known is not None and known.fingerprint == fingerprint:
        return Verdict("unchanged", known, known)
    hashes = field_hashes(item)
    if keep_archived_date and known is not None and only_lost_its_date(hashes, known):
        return Verdict("unchanged", known, known, date_kept=True)
    seen = iso(now)
    if known is None:
        kind, version, previous, changed = "new", 1, None, []
        ident, first_seen = article_id(dict(item)), seen
    else:
        kind, version, previous = "updated", known.version + 1, known.fingerprint
        # An article recorded without field digests: every versioned field may have moved.
        changed = [f for f in VERSIONED_FIELDS if hashes[f] != known.field_hashes.get(f)]
        ident, first_seen = known.id, known.first_seen
    metadata.update({"articleId": ident, "version": version, "previousFingerprint": previous,
                     "changedFields": changed})
    record = ArticleState(
        id=ident, site=metadata.get("site"), url=item["url"], fingerprint=fingerprint,
        version=version, field_hashes=hashes, first_seen=first_seen, last_seen=seen,
        last_changed=seen, etag=etag, last_modified=last_modified, run_id=run_id,
        urls=item_urls(item), listed_date=listed_date or (known.listed_date if known else None),
    )
    return Verdict(kind, known, record)
