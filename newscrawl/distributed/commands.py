"""`newscrawl redis ...`: seed a distributed crawl, watch it, stop it, merge its parts.

    newscrawl redis seed --site NAME [--url URL...] [--add]
    newscrawl redis status [--json]
    newscrawl redis stop
    newscrawl redis merge [--run RUN] [--runs-dir DIR] [--archive DIR]

The Redis server comes from --redis or $NEWSCRAWL_REDIS_URL; keys from --prefix (default
"newscrawl", as NEWSCRAWL_REDIS_PREFIX) and the spider name.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..defaults import default

DEFAULT_URL = "redis://127.0.0.1:6379/0"
HOSTS_SHOWN = 30  # hosts listed by `status` (most queued first); --json lists all


def add_parser(sub: Any) -> None:
    p = sub.add_parser("redis", help="distributed crawling on Redis: seed, status, stop, merge")
    p.add_argument("--redis", default=os.environ.get("NEWSCRAWL_REDIS_URL", DEFAULT_URL),
                   help="Redis URL (default: $NEWSCRAWL_REDIS_URL or %(default)s)")
    p.add_argument("--prefix", default=default("NEWSCRAWL_REDIS_PREFIX"),
                   help="key prefix (NEWSCRAWL_REDIS_PREFIX)")
    p.add_argument("--spider", default="article")
    rsub = p.add_subparsers(dest="redis_command", required=True)

    s = rsub.add_parser("seed", help="start a run: push the spider's start points to Redis")
    s.add_argument("--site", help="a site profile (newscrawl/sites/NAME.toml)")
    s.add_argument("--url", action="append", default=[], help="a start point (repeatable)")
    s.add_argument("--add", action="store_true",
                   help="add start points to the running run instead of starting a new one")
    s.set_defaults(func=cmd_seed)

    s = rsub.add_parser("status", help="queue, leases, workers, counters of the crawl")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_status)

    s = rsub.add_parser("stop", help="ask every worker to stop (they put back unfinished work)")
    s.set_defaults(func=cmd_stop)

    s = rsub.add_parser("merge", help="merge one run's worker parts into a feed and archive")
    s.add_argument("--run", help="run id (default: the newest run under --runs-dir)")
    s.add_argument("--runs-dir", default=default("NEWSCRAWL_REDIS_RUNS_DIR"),
                   help="the workers' NEWSCRAWL_REDIS_RUNS_DIR (default: %(default)s)")
    s.add_argument("--archive", help="Markdown archive folder (default: <run>/archive)")
    s.set_defaults(func=cmd_merge)


def _keys(args: argparse.Namespace):
    from .keys import Keys

    return Keys.for_crawl(args.prefix, args.spider)


def _text(value: bytes | None) -> str | None:
    return value.decode() if value is not None else None


def new_run_id() -> str:
    """Sortable by start time: 20250102T101500Z-3f9a1c."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def _start_requests(spider: Any) -> list[Any]:
    """The spider's start() output, driven by hand: it awaits nothing, and the seed may run
    inside a running event loop (tests, notebooks) where asyncio.run() is refused."""
    agen, out = spider.start(), []
    while True:
        step = agen.__anext__()
        try:
            step.send(None)
        except StopIteration as done:
            out.append(done.value)
            continue
        except StopAsyncIteration:
            return out
        step.close()
        raise RuntimeError("the spider's start() awaits: seed it from an event loop")


class SeedError(RuntimeError):
    pass


def seed(server: Any, keys: Any, spider: Any, add: bool = False) -> tuple[str, int]:
    """Push the spider's start requests into the shared frontier. A new run (the default)
    starts from a fresh duplicate filter, claims, host queues and robots.txt verdicts, and
    refuses while the frontier still has work; `add` adds to the running run. Returns the
    run id and how many were queued."""
    from scrapy.utils.request import RequestFingerprinter

    from .frontier import HostFrontier, inflight_total

    queue = HostFrontier(server, spider, keys, worker="seed")
    busy = len(queue) + inflight_total(server, keys)
    if add:
        run = _text(server.get(keys.run))
        if not run:
            raise SeedError("no run to add to: seed without --add first")
    else:
        if busy:
            raise SeedError(f"a run is in progress ({busy} requests queued or leased): wait "
                            "for it, `newscrawl redis stop` it, or seed with --add")
        hosts = [_text(h) for h in server.smembers(keys.hosts)]
        stale = [k for pattern in ("inflight:*", "pending:*", "lastpop:*", "robots:*",
                                        "robots-lock:*", "disc:*")
                 for k in server.scan_iter(keys.base + pattern)]
        per_host = [k for h in hosts for k in (keys.queue(h), keys.slots(h), keys.host(h))]
        server.delete(keys.dupefilter, keys.claims, keys.counters, keys.stop, keys.workers,
                      keys.queued, keys.hosts, keys.ready, keys.listed, *stale, *per_host)
        run = new_run_id()
        server.set(keys.run, run)
    fingerprint = RequestFingerprinter().fingerprint
    pushed = 0
    for request in _start_requests(spider):
        if queue.push(request, fingerprint="" if request.dont_filter
                      else fingerprint(request).hex()):
            pushed += 1
    server.hincrby(keys.counters, "seeded", pushed)
    return run, pushed


def cmd_seed(args: argparse.Namespace) -> int:
    from ..spiders.article import ArticleSpider
    from .keys import connect

    if not args.site and not args.url:
        print("give --site NAME and/or --url URL", file=sys.stderr)
        return 2
    spider = ArticleSpider(site=args.site, start_urls=list(args.url) or None)
    keys = _keys(args)
    try:
        run, pushed = seed(connect(args.redis), keys, spider, add=args.add)
    except SeedError as e:
        print(e, file=sys.stderr)
        return 2
    spider_args = (f"-a site={args.site} " if args.site else "") + (
        f"-a start_urls=\"{' '.join(args.url)}\" " if args.url else "")
    print(f"run {run}: {pushed} start points queued in {keys.base}q:<host>")
    print(f"start workers with: scrapy crawl {args.spider} {spider_args}"
          f"-s NEWSCRAWL_REDIS_URL={args.redis}")
    return 0


def status(server: Any, keys: Any) -> dict[str, Any]:
    from .frontier import host_status

    workers = {}
    for w in sorted(x.decode() for x in server.smembers(keys.workers)):
        alive = server.get(keys.alive(w))
        workers[w] = {"alive": alive is not None, "leased": server.zcard(keys.inflight(w))}
    # Workers alive but holding no lease right now (idle, waiting for work).
    for k in server.scan_iter(keys.alive("*")):
        w = k.decode().rsplit("alive:", 1)[1]
        workers.setdefault(w, {"alive": True, "leased": 0})
    claims = [v.decode() for v in server.hvals(keys.claims)]
    return {
        "run": _text(server.get(keys.run)),
        "queued": int(server.get(keys.queued) or 0),
        "leased": sum(w["leased"] for w in workers.values()),
        "seen_requests": server.scard(keys.dupefilter),
        "claims_done": sum(1 for v in claims if v.startswith("done:")),
        "claims_pending": sum(1 for v in claims if v.startswith("pending:")),
        "counters": {_text(k): int(v) for k, v in server.hgetall(keys.counters).items()},
        "stop_requested": bool(server.exists(keys.stop)),
        # Committed articles in the shared crawl state (state.py), all runs.
        "state_articles": server.hlen(keys.base.split(":", 1)[0] + ":state:articles"),
        "workers": workers,
        # Per host: queued, fetching now, seconds until its next fetch may start, delays.
        "hosts": host_status(server, keys),
    }


def cmd_status(args: argparse.Namespace) -> int:
    from .keys import connect

    info = status(connect(args.redis), _keys(args))
    if args.json:
        print(json.dumps(info, indent=2, sort_keys=True))
        return 0
    print(f"run {info['run']}: {info['queued']} queued, {info['leased']} leased, "
          f"{info['seen_requests']} requests seen, {info['claims_done']} article keys emitted, "
          f"{info['state_articles']} articles in the crawl state"
          + (", stop requested" if info["stop_requested"] else ""))
    for name, value in sorted(info["counters"].items()):
        print(f"  {name}: {value}")
    for w, state in info["workers"].items():
        print(f"  worker {w}: {'alive' if state['alive'] else 'DEAD'}, {state['leased']} leased")
    hosts = sorted(info["hosts"].items(), key=lambda kv: (-kv[1]["queued"], kv[0]))
    for host, h in hosts[:HOSTS_SHOWN]:
        delays = ", ".join(f"{name} {h[key]:.1f} s" for name, key in (
            ("Crawl-delay", "crawl_delay"), ("AutoThrottle", "throttle_delay")) if h[key])
        print(f"  host {host}: {h['queued']} queued, {h['fetching']} fetching, next fetch "
              + (f"in {h['next_fetch_in']:.1f} s" if h["next_fetch_in"] else "now")
              + (f" ({delays})" if delays else ""))
    if len(hosts) > HOSTS_SHOWN:
        print(f"  ... {len(hosts) - HOSTS_SHOWN} more hosts (--json lists all)")
    return 0


def cmd_stop(args: argparse.Namespace) -> int:
    from .keys import connect

    keys = _keys(args)
    connect(args.redis).set(keys.stop, "1")
    print(f"stop requested ({keys.stop}); workers close within a heartbeat")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from .merge import latest_run, merge_run

    runs_dir = Path(args.runs_dir)
    run_dir = runs_dir / args.run if args.run else latest_run(runs_dir)
    summary = merge_run(run_dir, Path(args.archive) if args.archive else None)
    print(f"run {summary['run']}: {summary['articles']} articles from "
          f"{len(summary['parts'])} parts -> {run_dir / 'articles.jsonl'}"
          + (f" ({summary['duplicates']} duplicates dropped)" if summary["duplicates"] else ""))
    warcs = [f for f in summary["files"] if f["name"].startswith("warc/")]
    print(f"{len(warcs)} WARC parts, {sum(f['bytes'] for f in warcs)} bytes; every part with "
          f"its sha256 in {run_dir / 'merged.json'}")
    return 0

