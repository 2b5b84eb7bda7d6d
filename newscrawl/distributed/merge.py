"""One run of a distributed crawl, from its parts to one feed and one Markdown archive:

    <runs>/<run>/parts/<worker>.jsonl    written by each worker (parts.py)
    <runs>/<run>/warc/<worker>.warc.gz   the pages of each worker's articles (parts.py)
    <runs>/<run>/articles.jsonl          every article of the run once
    <runs>/<run>/archive/                Markdown archive (markdown_archive.py layout)
    <runs>/<run>/merged.json             which parts went in, counts, and every part file
                                         with its size and sha256 (the run's manifest)

Each article once by its archive id (the canonical URL's article key): the claims already
make workers emit each article once; this is the last guard, for the instant between a
killed worker's write and its claim turning final. Files are only read: merging again after
more parts appear (a straggler worker) gives the complete run.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from ..exporters.atomic import write_atomic
from ..exporters.markdown_archive import MarkdownArchive, article_id
from ..exporters.run_archive import file_entry
from .parts import complete_gzip_length, complete_lines_length

logger = logging.getLogger(__name__)


class _Stats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


def read_part(path: Path) -> tuple[list[dict[str, Any]], int]:
    """Items of a part, and how many lines were broken (a killed worker's last line)."""
    items, broken = [], 0
    for n, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except ValueError:
            broken += 1
            logger.warning("Skipping broken line %d of %s", n, path)
    return items, broken


def merge_run(run_dir: Path, archive_dir: Path | None = None) -> dict[str, Any]:
    parts = sorted((run_dir / "parts").glob("*.jsonl"))
    if not parts:
        raise FileNotFoundError(f"no parts in {run_dir / 'parts'}")
    merged: dict[str, dict[str, Any]] = {}
    summary: dict[str, Any] = {"run": run_dir.name, "parts": {}, "duplicates": 0,
                               "broken_lines": 0}
    for part in parts:
        items, broken = read_part(part)
        summary["parts"][part.stem] = len(items)
        summary["broken_lines"] += broken
        for item in items:
            key = article_id(item)
            if key in merged:
                summary["duplicates"] += 1
                logger.warning("Duplicate across parts: %s (kept the copy from an earlier part)",
                               item.get("url"))
                continue
            merged[key] = item
    items = sorted(merged.values(), key=lambda i: i.get("url") or "")
    body = "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
    write_atomic(run_dir / "articles.jsonl", body.encode("utf-8"))
    archive = MarkdownArchive(archive_dir or run_dir / "archive")
    archive.stats = _Stats()
    for item in items:
        archive.item_scraped(item)
    archive.spider_closed()
    summary["articles"] = len(items)
    summary["files"] = part_files(run_dir)
    write_atomic(run_dir / "merged.json",
                 (json.dumps(summary, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return summary


def part_files(run_dir: Path) -> list[dict[str, Any]]:
    """Every part of the run (JSON Lines and WARC) with size and sha256, and the bytes of a
    torn tail (a worker killed mid-write: readers skip it) when there is one."""
    files = []
    for folder, suffix, complete in (("parts", ".jsonl", complete_lines_length),
                                     ("warc", ".warc.gz", complete_gzip_length)):
        for path in sorted((run_dir / folder).glob("*" + suffix)):
            entry = {**file_entry(path), "name": f"{folder}/{path.name}",
                     "worker": path.name.removesuffix(suffix)}
            torn = entry["bytes"] - complete(path)
            if torn:
                entry["tornBytes"] = torn
                logger.warning("%s ends in a torn write of %d bytes", path, torn)
            files.append(entry)
    return files


def latest_run(runs_dir: Path) -> Path:
    runs = sorted(p for p in runs_dir.iterdir() if (p / "parts").is_dir())
    if not runs:
        raise FileNotFoundError(f"no run with parts under {runs_dir}")
    return runs[-1]
