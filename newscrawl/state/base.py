"""Crawl state: what earlier runs learned about each article, behind a small interface so the
embedded SQLite store (newscrawl/state/sqlite.py) can be swapped for a shared one (Redis).

The protocol that keeps the state consistent with the archive:

- `stage()` records a new or changed article for the running run, *not* yet committed;
- `commit_run()` applies a run's staged articles in one step, after the run's files are
  durably written; a run that dies never commits, `abandon_run()` discards what it staged,
  and the next run fetches and emits those articles again;
- `touch()` (unchanged article, 304) commits at once: it changes no archived content.
"""

from __future__ import annotations

import itertools
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

T = TypeVar("T")


# Keys of a mapping encoded at a time (dumps_value, value_parts).
DUMPS_SLICE = 4096


def value_parts(value: Any) -> Iterator[str] | None:
    """A large mapping (a site's template blocks: up to 100,000 keys) as the JSON texts of
    its slices of DUMPS_SLICE keys, each a whole object, in the mapping's order, made one at
    a time; None for a value small enough to encode whole. A store that keeps the slices
    apart (SQLite: table kv_parts) never holds the whole text."""
    if not isinstance(value, dict) or len(value) <= DUMPS_SLICE:
        return None
    items = iter(value.items())
    slices = iter(lambda: dict(itertools.islice(items, DUMPS_SLICE)), {})
    return (json.dumps(piece, ensure_ascii=False) for piece in slices)


def dumps_value(value: Any) -> str:
    """The JSON text of a key/value entry (json.dumps, ensure_ascii=False). A large mapping
    is encoded a slice of keys at a time: json.dumps makes a list of all its items and a
    string per token first, 13 MiB at its peak for a 4-MB text, at the crawl's close."""
    parts = value_parts(value)
    if parts is None:
        return json.dumps(value, ensure_ascii=False)
    pieces = ["{"]
    for part in parts:
        if len(pieces) > 1:
            pieces.append(", ")  # json.dumps' item separator
        pieces.append(part[1:-1])
    pieces.append("}")
    return "".join(pieces)  # one join: the pieces and the text, never a third copy


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime | None) -> str | None:
    """UTC timestamps as ISO 8601 strings with 'Z': sortable as text, readable in SQL."""
    if dt is None:
        return None
    return dt.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass
class ArticleState:
    """One article as the archive knows it (the last committed version)."""

    id: str
    site: str | None
    url: str
    fingerprint: str
    version: int = 1
    field_hashes: dict[str, str] = field(default_factory=dict)
    first_seen: str | None = None  # ISO 8601 UTC
    last_seen: str | None = None  # last fetch that found it (200 or 304)
    last_changed: str | None = None  # when the current version was first seen
    etag: str | None = None
    last_modified: str | None = None
    gone: str | None = None  # when a revisit found it deleted (404/410)
    run_id: str | None = None  # the run that archived the current version
    urls: list[str] = field(default_factory=list)  # every URL variant seen
    # The publication date a sitemap or feed listed for it, as written: a later fetch that
    # finds no listing (a revisit before the sitemaps are read, or once a news sitemap has
    # dropped the article after its two days) is cleaned with it, so its date stays.
    listed_date: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ArticleState:
        return cls(**json.loads(text))


@dataclass
class RunRecord:
    run_id: str
    started: str | None
    status: str  # running | committed | abandoned
    manifest: dict[str, Any] | None = None


class CrawlState(ABC):
    """Abstract crawl state. Implementations: newscrawl.state.sqlite.SqliteCrawlState."""

    # -- articles -------------------------------------------------------------------------

    @abstractmethod
    def get(self, article_id: str) -> ArticleState | None:
        """The committed state of an article."""

    @abstractmethod
    def find(self, url: str) -> ArticleState | None:
        """The committed article one of whose URL variants has this URL's article key."""

    @abstractmethod
    def touch(self, article_id: str, seen: datetime, *, etag: str | None = None,
              last_modified: str | None = None, urls: list[str] | None = None,
              listed_date: str | None = None) -> None:
        """Record a fetch that found the article unchanged (or 304); commits at once.
        Validators and the listed date replace the stored ones when given."""

    @abstractmethod
    def mark_gone(self, article_id: str, when: datetime) -> None:
        """A revisit found the article deleted; it is not revisited again."""

    @abstractmethod
    def due_for_revisit(self, sites: list[str], now: datetime,
                        schedule: list[tuple[float, float]]) -> list[ArticleState]:
        """Committed articles of these sites whose next revisit is due (see `is_due`)."""

    @abstractmethod
    def count_articles(self, site: str | None = None) -> int:
        """Committed articles (of a site, or all)."""

    @abstractmethod
    def reset_site(self, site: str) -> int:
        """Forget every article of a site; returns how many were forgotten."""

    # -- runs -----------------------------------------------------------------------------

    @abstractmethod
    def begin_run(self, run_id: str, started: datetime) -> None: ...

    @abstractmethod
    def stage(self, run_id: str, article: ArticleState) -> None:
        """Record a new or changed article for a run; applied by commit_run."""

    @abstractmethod
    def commit_run(self, run_id: str, manifest: dict[str, Any]) -> int:
        """Apply the run's staged articles and store its manifest, in one transaction.
        Returns the number of articles committed."""

    @abstractmethod
    def abandon_run(self, run_id: str) -> int:
        """Discard a run's staged articles; returns how many were discarded."""

    @abstractmethod
    def get_run(self, run_id: str) -> RunRecord | None: ...

    @abstractmethod
    def running_runs(self) -> list[str]:
        """Runs begun and neither committed nor abandoned (running now, or dead)."""

    # -- generic key/value hook (site templates and the like) ----------------------------

    @abstractmethod
    def get_value(self, namespace: str, key: str) -> Any:
        """A JSON value stored under (namespace, key), or None."""

    @abstractmethod
    def set_value(self, namespace: str, key: str, value: Any) -> None: ...

    def update_value(self, namespace: str, key: str, change: Callable[[Any], Any]) -> Any:
        """Store change(current value) and return it. Stores shared by several writers
        override this to make the read-modify-write atomic (`change` may then run again
        on a newer value): what one writer merges in is not lost to another's save."""
        value = change(self.get_value(namespace, key))
        self.set_value(namespace, key, value)
        return value

    @abstractmethod
    def delete_value(self, namespace: str, key: str) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    # -- for the crawl's components, in the reactor thread ---------------------------------

    async def call(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """fn(*args, **kwargs), awaited by a crawl component (middleware, pipeline), which
        must not hold the reactor thread while a store on a server answers: such a store
        runs it elsewhere (RedisCrawlState: in the worker's Redis thread). This one runs it
        at once: a local file answers in microseconds, and an await that never suspends
        costs the single-machine crawl nothing."""
        return fn(*args, **kwargs)


def is_due(article: ArticleState, now: datetime, schedule: list[tuple[float, float]]) -> bool:
    """Whether an article should be fetched again. `schedule` is [(interval, max_age)] in
    seconds: revisit every `interval` while the article is younger than `max_age` (age from
    first seen), never after the last step. A tenth of the interval is forgiven, so an
    hourly cron whose runs start a few seconds early still revisits hourly articles."""
    if article.gone:
        return False
    first = parse_iso(article.first_seen) or now
    last = parse_iso(article.last_seen) or first
    age = (now - first).total_seconds()
    since = (now - last).total_seconds()
    for interval, max_age in schedule:
        if age < max_age:
            return since >= interval * 0.9
    return False


def parse_schedule(value: Any) -> list[tuple[float, float]]:
    """'1h:1d,1d:7d' (interval:until-age, units s m h d w) or [(seconds, seconds), ...]."""
    if not value:
        return []
    if isinstance(value, str):
        steps = []
        for part in value.split(","):
            interval, _, until = part.strip().partition(":")
            if not until:
                raise ValueError(f"schedule step {part!r} is not INTERVAL:UNTIL, e.g. 1h:1d")
            steps.append((_seconds(interval), _seconds(until)))
        return steps
    return [(float(a), float(b)) for a, b in value]


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def _seconds(text: str) -> float:
    text = text.strip().lower()
    if text and text[-1] in _UNITS:
        return float(text[:-1]) * _UNITS[text[-1]]
    return float(text)
