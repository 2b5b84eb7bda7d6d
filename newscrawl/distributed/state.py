"""The crawl state (newscrawl.state.base.CrawlState, issue 5) on Redis, shared by every
worker of a distributed crawl: the same interface as the SQLite store, so the incremental
pipeline, conditional requests and revisits work unchanged against it. What they ask through
`call` runs in the worker's Redis thread (link.py), never in the reactor thread.

    NEWSCRAWL_STATE_BACKEND = "newscrawl.distributed.state.RedisCrawlState"

Keys under <NEWSCRAWL_REDIS_PREFIX>:state: (not per spider: articles outlive crawls):

    articles        hash  article id -> ArticleState JSON (the committed version)
    urlkeys         hash  article key of every URL variant -> article id
    site:<site>     zset  article ids by first-seen time (revisit candidates)
    staged:<run>    hash  article id -> ArticleState JSON, applied by commit_run
    runs            hash  run id -> RunRecord JSON
    kv:<namespace>  hash  key -> JSON value (learned site templates and the like)

Multi-key changes are transactions (WATCH/MULTI/EXEC, retried on conflict): two workers
committing the same article at once cannot both write version N+1 of it. A committed
version is never lowered and an unchanged fingerprint makes no new version.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any, TypeVar

from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future

from .. import defaults
from ..state.base import (
    ArticleState,
    CrawlState,
    RunRecord,
    dumps_value,
    is_due,
    iso,
    parse_iso,
)
from ..urls import article_key
from .keys import connect
from .link import RedisLink, link_for

T = TypeVar("T")


def _epoch(text: str | None) -> float:
    when = parse_iso(text)
    return when.timestamp() if when else 0.0


class RedisCrawlState(CrawlState):
    def __init__(self, server: Any, prefix: str = "newscrawl", link: RedisLink | None = None):
        self.r = server
        self.base = f"{prefix}:state:"
        # The worker's link (link.py), when the state serves a crawl: what the crawl's
        # components `call` runs there, never in the reactor thread.
        self.link = link

    @classmethod
    def from_settings(cls, settings: Any) -> RedisCrawlState:
        url = settings.get("NEWSCRAWL_REDIS_URL")
        if not url:
            raise ValueError("RedisCrawlState needs NEWSCRAWL_REDIS_URL")
        return cls(connect(url, timeout=defaults.getfloat(settings, "NEWSCRAWL_REDIS_TIMEOUT")),
                   settings.get("NEWSCRAWL_REDIS_PREFIX") or "newscrawl")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisCrawlState:
        """The state of a worker: its lookups (incremental pipeline, conditional requests,
        revisits) go through the worker's link, after the Redis calls made before them,
        with its timeout and outage handling (a call that fails for good fails the request
        or article, which goes back to the queue: scheduler.py). Its own client: closing
        it at engine_stopped leaves the link's connections alone."""
        state = cls.from_settings(crawler.settings)
        state.link = link_for(crawler)
        return state

    async def call(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        if self.link is None:  # not serving a crawl (the CLI, a test)
            return fn(*args, **kwargs)
        result: T = await maybe_deferred_to_future(self.link.call(fn, *args, **kwargs))
        return result

    def _k(self, name: str) -> str:
        return self.base + name

    # -- articles -------------------------------------------------------------------------

    def get(self, article_id: str) -> ArticleState | None:
        raw = self.r.hget(self._k("articles"), article_id)
        return ArticleState.from_json(raw) if raw else None

    def find(self, url: str) -> ArticleState | None:
        article_id = self.r.hget(self._k("urlkeys"), article_key(url))
        return self.get(article_id.decode()) if article_id else None

    def _update(self, article_id: str, change: Any) -> None:
        """Read-modify-write of one committed article, atomic against other writers."""
        key = self._k("articles")

        def tx(pipe: Any) -> None:
            raw = pipe.hget(key, article_id)
            if not raw:
                return
            article = ArticleState.from_json(raw)
            change(article)
            pipe.multi()
            pipe.hset(key, article_id, article.to_json())
            self._index_urls(pipe, article)

        self.r.transaction(tx, key)

    def _index_urls(self, pipe: Any, article: ArticleState) -> None:
        urls = [u for u in dict.fromkeys(article.urls) if u]
        if urls:
            pipe.hset(self._k("urlkeys"), mapping={article_key(u): article.id for u in urls})

    def touch(self, article_id: str, seen: datetime, *, etag: str | None = None,
              last_modified: str | None = None, urls: list[str] | None = None,
              listed_date: str | None = None) -> None:
        def change(a: ArticleState) -> None:
            a.last_seen, a.gone = iso(seen), None
            a.etag = etag or a.etag
            a.last_modified = last_modified or a.last_modified
            a.listed_date = listed_date or a.listed_date
            a.urls = list(dict.fromkeys([*a.urls, *(urls or [])]))

        self._update(article_id, change)

    def mark_gone(self, article_id: str, when: datetime) -> None:
        def change(a: ArticleState) -> None:
            a.gone = iso(when)

        self._update(article_id, change)

    def due_for_revisit(self, sites: list[str], now: datetime,
                        schedule: list[tuple[float, float]]) -> list[ArticleState]:
        if not schedule or not sites:
            return []
        oldest = (now - timedelta(seconds=max(age for _, age in schedule))).timestamp()
        found: list[ArticleState] = []
        for site in sites:
            ids = self.r.zrevrangebyscore(self._k(f"site:{site}"), "+inf", oldest)
            if ids:
                found += [ArticleState.from_json(raw)
                          for raw in self.r.hmget(self._k("articles"), ids) if raw]
        found.sort(key=lambda a: a.first_seen or "", reverse=True)
        return [a for a in found if not a.gone and is_due(a, now, schedule)]

    def count_articles(self, site: str | None = None) -> int:
        if site is None:
            return self.r.hlen(self._k("articles"))
        return self.r.zcard(self._k(f"site:{site}"))

    def reset_site(self, site: str) -> int:
        key = self._k(f"site:{site}")
        forgotten = 0

        def tx(pipe: Any) -> None:
            nonlocal forgotten
            ids = [i.decode() for i in pipe.zrange(key, 0, -1)]
            articles = [ArticleState.from_json(raw)
                        for raw in (pipe.hmget(self._k("articles"), ids) if ids else []) if raw]
            pipe.multi()
            for a in articles:
                keys = [article_key(u) for u in a.urls if u]
                if keys:
                    pipe.hdel(self._k("urlkeys"), *keys)
            if ids:
                pipe.hdel(self._k("articles"), *ids)
            pipe.delete(key)
            forgotten = len(ids)

        self.r.transaction(tx, key, self._k("articles"))
        return forgotten

    # -- runs -----------------------------------------------------------------------------

    def _set_run(self, pipe: Any, record: RunRecord) -> None:
        pipe.hset(self._k("runs"), record.run_id, json.dumps(asdict(record), sort_keys=True))

    def begin_run(self, run_id: str, started: datetime) -> None:
        self._set_run(self.r, RunRecord(run_id, iso(started), "running"))

    def stage(self, run_id: str, article: ArticleState) -> None:
        self.r.hset(self._k(f"staged:{run_id}"), article.id, article.to_json())

    def commit_run(self, run_id: str, manifest: dict[str, Any]) -> int:
        staged_key = self._k(f"staged:{run_id}")
        committed = 0

        def tx(pipe: Any) -> None:
            nonlocal committed
            staged = [ArticleState.from_json(v) for v in pipe.hvals(staged_key)]
            current = dict(zip([a.id for a in staged],
                               pipe.hmget(self._k("articles"), [a.id for a in staged])
                               if staged else [], strict=True))
            record = self.get_run(run_id) or RunRecord(run_id, None, "running")
            pipe.multi()
            for a in staged:
                _reconcile(a, ArticleState.from_json(current[a.id]) if current[a.id] else None)
                pipe.hset(self._k("articles"), a.id, a.to_json())
                self._index_urls(pipe, a)
                if a.site:
                    pipe.zadd(self._k(f"site:{a.site}"), {a.id: _epoch(a.first_seen)})
            pipe.delete(staged_key)
            record.status, record.manifest = "committed", manifest
            self._set_run(pipe, record)
            committed = len(staged)

        # Watching `articles`: a commit by another worker in between makes this one re-read.
        self.r.transaction(tx, staged_key, self._k("articles"))
        return committed

    def abandon_run(self, run_id: str) -> int:
        staged_key = self._k(f"staged:{run_id}")
        record = self.get_run(run_id) or RunRecord(run_id, None, "running")
        record.status = "abandoned"
        pipe = self.r.pipeline(transaction=True)
        pipe.hlen(staged_key)
        pipe.delete(staged_key)
        self._set_run(pipe, record)
        return pipe.execute()[0]

    def get_run(self, run_id: str) -> RunRecord | None:
        raw = self.r.hget(self._k("runs"), run_id)
        return RunRecord(**json.loads(raw)) if raw else None

    def running_runs(self) -> list[str]:
        return sorted(run_id.decode() for run_id, raw in self.r.hgetall(self._k("runs")).items()
                      if json.loads(raw)["status"] == "running")

    # -- key/value --------------------------------------------------------------------------

    def get_value(self, namespace: str, key: str) -> Any:
        raw = self.r.hget(self._k(f"kv:{namespace}"), key)
        return json.loads(raw) if raw is not None else None

    def set_value(self, namespace: str, key: str, value: Any) -> None:
        self.r.hset(self._k(f"kv:{namespace}"), key, dumps_value(value))

    def update_value(self, namespace: str, key: str, change: Callable[[Any], Any]) -> Any:
        """Atomic against other workers: WATCH the namespace's hash, and run `change` again
        on the newer value when another worker wrote to it in between."""
        name = self._k(f"kv:{namespace}")
        value: Any = None

        def tx(pipe: Any) -> None:
            nonlocal value
            raw = pipe.hget(name, key)
            value = change(json.loads(raw) if raw is not None else None)
            pipe.multi()
            pipe.hset(name, key, dumps_value(value))

        self.r.transaction(tx, name)
        return value

    def delete_value(self, namespace: str, key: str) -> None:
        self.r.hdel(self._k(f"kv:{namespace}"), key)

    def close(self) -> None:
        self.r.close()


def _reconcile(staged: ArticleState, committed: ArticleState | None) -> None:
    """Make a staged article consistent with what another worker may have committed since
    it was staged: the same content adds no version, new content goes above the newest."""
    if committed is None:
        return
    staged.first_seen = min(filter(None, [committed.first_seen, staged.first_seen]),
                            default=None)
    staged.urls = list(dict.fromkeys([*committed.urls, *staged.urls]))
    staged.listed_date = staged.listed_date or committed.listed_date
    if staged.fingerprint == committed.fingerprint:
        staged.version = committed.version
        staged.last_changed = committed.last_changed
    elif staged.version <= committed.version:
        staged.version = committed.version + 1
