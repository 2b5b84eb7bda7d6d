"""Load benchmark: crawl a generated site of N article pages on 127.0.0.1, a share of whose
responses fail transiently, with newscrawl's own settings, middlewares and pipelines; check
that every article is exported exactly once; report pages/s and memory.

    python -m newscrawl.bench.load --pages 10000 [--fail 0.05] [--out DIR]

The site runs in its own process (newscrawl.bench.site). Politeness is off for the local
server (no AutoThrottle, 32 requests in parallel); everything else is as in a real crawl:
retries with backoff and Retry-After, robots.txt, cleaning, validation, dedup, feed and
archive. The exit status is non-zero unless every article was exported exactly once.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from scrapy.crawler import CrawlerProcess

from ..spiders.article import ArticleSpider
from .site import article_path


def _status_mib(field: str, pid: str = "self") -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
    except OSError:  # a worker that just exited
        pass
    return 0.0


def _rss_mib() -> float:
    return _status_mib("VmRSS:")


def peak_rss_mib() -> float:
    """This process's peak RSS. Not getrusage's ru_maxrss: Linux carries that over from the
    parent across fork and exec, so a benchmark started from a big process inherits it."""
    return _status_mib("VmHWM:")


def _children_rss_mib() -> float:
    """RSS of this process's children (the cleaning workers), summed."""
    pids: list[str] = []
    try:
        for task in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{task}/children", encoding="ascii") as f:
                pids += f.read().split()
    except OSError:
        return 0.0
    return sum(_status_mib("VmRSS:", pid) for pid in pids)


class MemorySampler(threading.Thread):
    """RSS every half second (own and the children's), to show whether memory grows with
    the crawl."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[float] = []
        self.children: list[float] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.5):
            self.samples.append(_rss_mib())
            self.children.append(_children_rss_mib())


def bench_settings(out: Path, **extra: object) -> dict[str, object]:
    """newscrawl's settings, writing under `out`, unthrottled for a local server."""
    from .. import settings as project

    values = {k: getattr(project, k) for k in dir(project) if k.isupper()}
    values.update({
        "FEEDS": {str(out / "articles.jsonl"): {"format": "jsonlines", "encoding": "utf-8"}},
        "NEWSCRAWL_ARCHIVE_DIR": str(out / "archive"),
        "NEWSCRAWL_RUNS_DIR": str(out / "runs"),
        "NEWSCRAWL_STATE_PATH": str(out / "state.sqlite3"),
        "NEWSCRAWL_REDIS_RUNS_DIR": str(out / "distributed"),
        "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": ["127.0.0.0/8"],
        "NEWSCRAWL_RETRY_BACKOFF_BASE": 0.5,
        "NEWSCRAWL_MAX_PAGES_PER_SITE": 0,  # the benchmark sites are larger than the budget
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS": 32,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
        "LOG_LEVEL": "WARNING",
        **extra,
    })
    return values


def check_feed(feed: Path, base_url: str, pages: int) -> dict[str, int]:
    exported = 0
    got: set[str] = set()
    with feed.open(encoding="utf-8") as lines:  # line by line: the feed may be large
        for line in lines:
            exported += 1
            got.add(json.loads(line)["url"])
    expected = {base_url + article_path(n) for n in range(pages)}
    return {"exported": exported, "missing": len(expected - got),
            "duplicates": exported - len(got), "unexpected": len(got - expected)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--fail", type=float, default=0.05,
                        help="share of article responses failing once (default 0.05)")
    parser.add_argument("--out", type=Path, help="output folder (default: a temporary one)")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="newscrawl-load-"))
    out.mkdir(parents=True, exist_ok=True)

    server = subprocess.Popen(
        [sys.executable, "-m", "newscrawl.bench.site", "--pages", str(args.pages),
         "--fail", str(args.fail)], stdout=subprocess.PIPE, text=True)
    try:
        base_url = (server.stdout.readline() if server.stdout else "").strip()
        if not base_url:
            print("the generated site did not start", file=sys.stderr)
            return 2
        process = CrawlerProcess(bench_settings(out))
        crawler = process.create_crawler(ArticleSpider)
        sampler = MemorySampler()
        rss_start = _rss_mib()
        sampler.start()
        started = time.monotonic()
        process.crawl(crawler, start_urls=f"{base_url}/sitemap.xml")
        process.start()
        elapsed = time.monotonic() - started
        # The crawl's peak, before this script reads the feed back.
        peak = peak_rss_mib()
        sampler.stopped.set()
    finally:
        server.terminate()
        server.wait(10)

    stats = crawler.stats.get_stats()
    result = check_feed(out / "articles.jsonl", base_url, args.pages)
    samples = sampler.samples or [_rss_mib()]
    half = samples[len(samples) // 2:]
    report = {
        "pages": args.pages,
        "transient_failure_share": args.fail,
        "retries": stats.get("retry/count", 0),
        **result,
        "seconds": round(elapsed, 1),
        "pages_per_second": round(result["exported"] / elapsed, 1),
        "rss_mib_at_start": round(rss_start, 1),
        "rss_mib_peak": round(peak, 1),
        "rss_mib_median_second_half": round(sorted(half)[len(half) // 2], 1),
        # RSS at 10%, 25%, 50%, 75% and 100% of the crawl's duration: flat or growing?
        "rss_mib_over_time": [round(samples[min(len(samples) - 1, int(len(samples) * q))], 1)
                              for q in (0.1, 0.25, 0.5, 0.75, 1.0)],
        "output": str(out),
    }
    (out / "rss.json").write_text(json.dumps(samples))  # every half second, MiB
    print(json.dumps(report, indent=2))
    ok = result["missing"] == result["duplicates"] == result["unexpected"] == 0
    return 0 if ok and result["exported"] == args.pages else 1


if __name__ == "__main__":
    sys.exit(main())
