"""The default crawl state: one SQLite file (WAL mode), no server to run.

Tables: `articles` (one row per article, the committed version), `urls` (every URL variant
seen, by article key), `staged` (articles of runs not yet committed), `runs` (run status and
the manifest stored at commit), `kv` (generic JSON values by namespace, e.g. site templates;
a large mapping is kept in `kv_parts`, a row per slice of keys, its `kv` value NULL).
Inspect it with `sqlite3 output/state.sqlite3 'select * from runs'`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..urls import article_key
from .base import ArticleState, CrawlState, RunRecord, dumps_value, is_due, iso, value_parts

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    site TEXT,
    url TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    version INTEGER NOT NULL,
    field_hashes TEXT NOT NULL DEFAULT '{}',
    first_seen TEXT,
    last_seen TEXT,
    last_changed TEXT,
    etag TEXT,
    last_modified TEXT,
    gone TEXT,
    run_id TEXT,
    listed_date TEXT
);
CREATE INDEX IF NOT EXISTS articles_site ON articles (site, first_seen);
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    first_seen TEXT
);
CREATE INDEX IF NOT EXISTS urls_key ON urls (key);
CREATE INDEX IF NOT EXISTS urls_article ON urls (article_id);
CREATE TABLE IF NOT EXISTS staged (
    run_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (run_id, article_id)
);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    started TEXT,
    status TEXT NOT NULL,
    manifest TEXT
);
CREATE TABLE IF NOT EXISTS kv (
    namespace TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    updated TEXT,
    PRIMARY KEY (namespace, key)
);
CREATE TABLE IF NOT EXISTS kv_parts (
    namespace TEXT NOT NULL,
    key TEXT NOT NULL,
    part INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (namespace, key, part)
);
"""

# Staged articles written per transaction. Each commit fsyncs the WAL (synchronous=FULL):
# one per article was a disk flush per page. Staged rows only count at the run's commit
# point, and a run that dies before it has them discarded anyway (run_archive.py), so
# holding up to this many in memory loses nothing a crash would not.
STAGE_BATCH = 200

_ARTICLE_COLUMNS = ("id", "site", "url", "fingerprint", "version", "field_hashes", "first_seen",
                    "last_seen", "last_changed", "etag", "last_modified", "gone", "run_id",
                    "listed_date")
# Columns added since the first schema: a state file written before gets them on opening.
_ADDED_COLUMNS = {"listed_date": "TEXT"}


class SqliteCrawlState(CrawlState):
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit; multi-statement changes use explicit transactions (`_tx`).
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")  # a committed run survives a power cut
        self.db.executescript(SCHEMA)
        self._staged: list[tuple[str, str, str]] = []  # (run id, article id, record JSON)
        have = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
        for name, kind in _ADDED_COLUMNS.items():
            if name not in have:
                self.db.execute(f"ALTER TABLE articles ADD COLUMN {name} {kind}")

    @classmethod
    def from_settings(cls, settings: Any) -> SqliteCrawlState:
        return cls(settings.get("NEWSCRAWL_STATE_PATH"))

    def _tx(self) -> _Transaction:
        return _Transaction(self.db)

    # -- articles -------------------------------------------------------------------------

    def _article(self, row: sqlite3.Row | None) -> ArticleState | None:
        if row is None:
            return None
        data = dict(row)
        data["field_hashes"] = json.loads(data["field_hashes"] or "{}")
        data["urls"] = [r[0] for r in self.db.execute(
            "SELECT url FROM urls WHERE article_id = ? ORDER BY first_seen, url", (data["id"],))]
        return ArticleState(**data)

    def get(self, article_id: str) -> ArticleState | None:
        return self._article(self.db.execute(
            "SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone())

    def find(self, url: str) -> ArticleState | None:
        row = self.db.execute("SELECT article_id FROM urls WHERE key = ? LIMIT 1",
                              (article_key(url),)).fetchone()
        return self.get(row[0]) if row else None

    def _add_urls(self, article_id: str, urls: list[str], seen: str | None) -> None:
        self.db.executemany(
            "INSERT INTO urls (url, key, article_id, first_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id",
            [(u, article_key(u), article_id, seen) for u in dict.fromkeys(urls) if u])

    def touch(self, article_id: str, seen: datetime, *, etag: str | None = None,
              last_modified: str | None = None, urls: list[str] | None = None,
              listed_date: str | None = None) -> None:
        with self._tx():
            self.db.execute(
                "UPDATE articles SET last_seen = ?, gone = NULL, etag = COALESCE(?, etag), "
                "last_modified = COALESCE(?, last_modified), "
                "listed_date = COALESCE(?, listed_date) WHERE id = ?",
                (iso(seen), etag, last_modified, listed_date, article_id))
            self._add_urls(article_id, urls or [], iso(seen))

    def mark_gone(self, article_id: str, when: datetime) -> None:
        self.db.execute("UPDATE articles SET gone = ? WHERE id = ?", (iso(when), article_id))

    def due_for_revisit(self, sites: list[str], now: datetime,
                        schedule: list[tuple[float, float]]) -> list[ArticleState]:
        if not schedule or not sites:
            return []
        oldest = iso(now - timedelta(seconds=max(age for _, age in schedule)))
        marks = ",".join("?" * len(sites))
        rows = self.db.execute(
            f"SELECT * FROM articles WHERE site IN ({marks}) AND gone IS NULL "
            "AND first_seen >= ? ORDER BY first_seen DESC", (*sites, oldest)).fetchall()
        found = [self._article(r) for r in rows]
        return [a for a in found if a is not None and is_due(a, now, schedule)]

    def count_articles(self, site: str | None = None) -> int:
        if site is None:
            return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return self.db.execute("SELECT count(*) FROM articles WHERE site = ?",
                               (site,)).fetchone()[0]

    def reset_site(self, site: str) -> int:
        with self._tx():
            ids = [r[0] for r in self.db.execute("SELECT id FROM articles WHERE site = ?",
                                                 (site,))]
            self.db.executemany("DELETE FROM urls WHERE article_id = ?", [(i,) for i in ids])
            self.db.execute("DELETE FROM articles WHERE site = ?", (site,))
        return len(ids)

    # -- runs -----------------------------------------------------------------------------

    def begin_run(self, run_id: str, started: datetime) -> None:
        self.db.execute("INSERT INTO runs (run_id, started, status) VALUES (?, ?, 'running')",
                        (run_id, iso(started)))

    def stage(self, run_id: str, article: ArticleState) -> None:
        self._staged.append((run_id, article.id, article.to_json()))
        if len(self._staged) >= STAGE_BATCH:
            self._write_staged()

    def _write_staged(self) -> None:
        """The staged articles held in memory, in one transaction."""
        if not self._staged:
            return
        with self._tx():
            self.db.executemany("INSERT OR REPLACE INTO staged (run_id, article_id, record) "
                                "VALUES (?, ?, ?)", self._staged)
        self._staged = []

    def commit_run(self, run_id: str, manifest: dict[str, Any]) -> int:
        self._write_staged()
        with self._tx():
            rows = self.db.execute("SELECT record FROM staged WHERE run_id = ?",
                                   (run_id,)).fetchall()
            for (record,) in rows:
                a = ArticleState.from_json(record)
                values = {c: getattr(a, c) for c in _ARTICLE_COLUMNS}
                values["field_hashes"] = json.dumps(a.field_hashes, sort_keys=True)
                self.db.execute(
                    f"INSERT OR REPLACE INTO articles ({','.join(_ARTICLE_COLUMNS)}) "
                    f"VALUES ({','.join('?' * len(_ARTICLE_COLUMNS))})",
                    tuple(values[c] for c in _ARTICLE_COLUMNS))
                self._add_urls(a.id, a.urls, a.last_seen)
            self.db.execute("DELETE FROM staged WHERE run_id = ?", (run_id,))
            self.db.execute(
                "INSERT INTO runs (run_id, status, manifest) VALUES (?, 'committed', ?) "
                "ON CONFLICT (run_id) DO UPDATE SET status = 'committed', "
                "manifest = excluded.manifest",
                (run_id, json.dumps(manifest, ensure_ascii=False, sort_keys=True)))
        return len(rows)

    def abandon_run(self, run_id: str) -> int:
        self._write_staged()
        with self._tx():
            n = self.db.execute("DELETE FROM staged WHERE run_id = ?", (run_id,)).rowcount
            self.db.execute(
                "INSERT INTO runs (run_id, status) VALUES (?, 'abandoned') "
                "ON CONFLICT (run_id) DO UPDATE SET status = 'abandoned'", (run_id,))
        return n

    def get_run(self, run_id: str) -> RunRecord | None:
        row = self.db.execute("SELECT * FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        if row is None:
            return None
        return RunRecord(run_id=row["run_id"], started=row["started"], status=row["status"],
                         manifest=json.loads(row["manifest"]) if row["manifest"] else None)

    def running_runs(self) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT run_id FROM runs WHERE status = 'running' ORDER BY run_id")]

    # -- key/value --------------------------------------------------------------------------

    def get_value(self, namespace: str, key: str) -> Any:
        row = self.db.execute("SELECT value FROM kv WHERE namespace = ? AND key = ?",
                              (namespace, key)).fetchone()
        if row is None:
            return None
        if row[0] is not None:
            return json.loads(row[0])
        value: dict[str, Any] = {}  # kept in parts (set_value): read a slice at a time
        for (part,) in self.db.execute("SELECT value FROM kv_parts WHERE namespace = ? AND "
                                       "key = ? ORDER BY part", (namespace, key)):
            value.update(json.loads(part))
        return value or None

    def set_value(self, namespace: str, key: str, value: Any) -> None:
        """A large mapping goes in parts (state.base.value_parts), written as they are
        encoded: one 4-MB text bound to one statement cost ~25 MiB of RSS at the close
        (the text, SQLite's copy, the record built from it), a part ~0.2 MB."""
        parts = value_parts(value)
        with self._tx():
            self.db.execute("DELETE FROM kv_parts WHERE namespace = ? AND key = ?",
                            (namespace, key))
            if parts is not None:
                self.db.executemany(
                    "INSERT INTO kv_parts (namespace, key, part, value) VALUES (?, ?, ?, ?)",
                    ((namespace, key, n, text) for n, text in enumerate(parts)))
            self.db.execute(
                "INSERT OR REPLACE INTO kv (namespace, key, value, updated) "
                "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                (namespace, key, None if parts is not None else dumps_value(value)))

    def update_value(self, namespace: str, key: str, change: Callable[[Any], Any]) -> Any:
        with self._tx():  # BEGIN IMMEDIATE: another process sharing the file waits
            value = change(self.get_value(namespace, key))
            self.set_value(namespace, key, value)
        return value

    def delete_value(self, namespace: str, key: str) -> None:
        with self._tx():
            self.db.execute("DELETE FROM kv_parts WHERE namespace = ? AND key = ?",
                            (namespace, key))
            self.db.execute("DELETE FROM kv WHERE namespace = ? AND key = ?", (namespace, key))

    def close(self) -> None:
        self._write_staged()
        self.db.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on an exception (autocommit connection).
    Inside another transaction it is part of that one (set_value within update_value)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.inner = False

    def __enter__(self) -> None:
        self.inner = self.db.in_transaction
        if not self.inner:
            self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        if not self.inner:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")
