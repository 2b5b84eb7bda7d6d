"""A scheduled crawl killed with SIGKILL mid-run, then run again: every article of the site
ends up in the archive exactly once, and the manifests say what happened."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from newssite import NewsSite

pytestmark = pytest.mark.slow  # whole crawls: -m "not slow" leaves them out

ROOT = Path(__file__).resolve().parent.parent
GUARD = 120  # seconds: a hung subprocess fails the test instead of hanging CI


def _scrapy(tmp_path: Path, site: NewsSite, run_id: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "scrapy.cmdline", "crawl", "article",
            "-a", f"start_urls={site.url}/"]
    for k, v in {
        "NEWSCRAWL_STATE_PATH": tmp_path / "state.sqlite3",
        "NEWSCRAWL_RUNS_DIR": tmp_path / "runs",
        "NEWSCRAWL_ARCHIVE_DIR": tmp_path / "archive",
        "NEWSCRAWL_RUN_ID": run_id,
        "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": "127.0.0.0/8",
        "AUTOTHROTTLE_ENABLED": "False",
        "LOG_FILE": tmp_path / f"{run_id}.log",
    }.items():
        args += ["-s", f"{k}={v}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(args, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def test_killed_run_is_abandoned_and_the_next_run_archives_everything(tmp_path):
    with NewsSite(count=12) as site:
        site.hold_after = 3  # the fourth article response stalls: the crawl is mid-run
        first = _scrapy(tmp_path, site, "run1")
        try:
            assert site.held.wait(GUARD), "the crawl never reached the stalled article"
            assert first.poll() is None
            assert (tmp_path / "runs" / ".run1.part").is_dir()
            first.send_signal(signal.SIGKILL)
            first.wait(GUARD)
        finally:
            if first.poll() is None:
                first.kill()
        site.release()
        second = _scrapy(tmp_path, site, "run2")
        assert second.wait(GUARD) == 0, (tmp_path / "run2.log").read_text()[-3000:]

    runs = tmp_path / "runs"
    assert not list(runs.glob(".*.part"))
    killed = json.loads((runs / "run1" / "manifest.json").read_text())
    assert killed["status"] == "abandoned" and killed["files"] == []
    assert sorted(p.name for p in (runs / "run1").iterdir()) == ["manifest.json"]
    done = json.loads((runs / "run2" / "manifest.json").read_text())
    assert done["status"] == "complete" and done["exitStatus"] == 0
    assert done["counts"]["new"] == 12 and done["counts"]["items"] == 12
    for entry in done["files"]:
        data = (runs / "run2" / entry["name"]).read_bytes()
        assert len(data) == entry["bytes"]
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    # Every article exactly once across the archive (complete runs only have files).
    urls = []
    for items in sorted(runs.glob("*/items.jsonl.gz")):
        with gzip.open(items, "rt", encoding="utf-8") as fh:
            urls += [json.loads(line)["url"] for line in fh]
    assert sorted(urls) == sorted(site.article_url(n) for n in site.articles)
    log = (tmp_path / "run2.log").read_text()
    assert "Run run1 died before finishing" in log
