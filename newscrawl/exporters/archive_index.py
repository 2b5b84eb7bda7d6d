"""The Markdown archive's index.jsonl: one JSON object per line, one line per article id,
sorted by path. At the close of a run, this run's entries are merged in (an id archived
again replaces its line).

The merge runs in bounded memory. The index lists the whole archive: after a year of daily
runs it holds millions of lines, and reading it into a dict to merge and sort cost ~1.6 KiB
of memory a line at every close (33 MiB for 20,000 lines, 64 MiB for 40,000). Here a private
temporary SQLite database does the replace-by-id and the sort: its pages spill to disk past
a small cache, and the new index is written as a stream.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from .atomic import atomic_output

logger = logging.getLogger(__name__)

SORT_CACHE_KIB = 4096  # KiB of SQLite page cache for the merge; the rest goes to disk


def _entries(lines: Iterable[bytes], source: Path | str) -> Iterable[tuple[str, str, str]]:
    """(id, path, canonical line) of each parseable entry. Lines end at "\\n" only: the
    values may hold U+2028 or U+0085 raw (ensure_ascii=False), which str.splitlines would
    break at."""
    for raw in lines:
        if not raw.strip():
            continue
        try:
            entry: dict[str, Any] = json.loads(raw)
            key, path = entry["id"], entry["path"]
        except (ValueError, KeyError, TypeError):
            logger.warning("Skipping a broken line in %s", source)
            continue
        yield str(key), str(path), json.dumps(entry, ensure_ascii=False, sort_keys=True)


def merge_index(index: Path, run_entries: IO[bytes] | None) -> None:
    """Merge this run's entries (JSON lines, in a binary file) into `index`, which appears
    whole or not at all."""
    db = sqlite3.connect("")  # "": a private on-disk database, deleted when closed
    try:
        db.execute(f"PRAGMA cache_size = -{SORT_CACHE_KIB}")
        db.execute("CREATE TABLE entry (id TEXT PRIMARY KEY, path TEXT NOT NULL, "
                   "line TEXT NOT NULL)")
        db.execute("CREATE INDEX entry_path ON entry (path)")
        upsert = "INSERT OR REPLACE INTO entry (id, path, line) VALUES (?, ?, ?)"
        if index.exists():
            with index.open("rb") as old:
                db.executemany(upsert, _entries(old, index))
        if run_entries is not None:
            run_entries.seek(0)
            db.executemany(upsert, _entries(run_entries, "this run's entries"))
        with atomic_output(index) as out:
            # Python's str order and SQLite's BINARY collation (UTF-8 bytes) agree.
            for (line,) in db.execute("SELECT line FROM entry ORDER BY path, rowid"):
                out.write(line)
                out.write("\n")
    finally:
        db.close()
