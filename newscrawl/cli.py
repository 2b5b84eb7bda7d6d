"""`newscrawl` command line: clean saved pages, manage fixtures, run the benchmarks.

    newscrawl extract PATH... [--url URL]        JSON Lines of items to stdout
    newscrawl fetch URL... [--input FILE|-] [-o FILE] [--format md]   fetch and extract
    newscrawl fixture save URL --dir DIR --name NAME
    newscrawl fixture regen [DIR...]             rewrite golden *.expected.json files
    newscrawl eval extraction --data DIR [--compare readability] [--compare trafilatura]
    newscrawl eval dates --data DIR [--errors N]
    newscrawl eval disagreement --data DIR [--against trafilatura] [--top N]
    newscrawl redis seed|status|stop|merge       distributed crawling (see README)
    newscrawl reprocess WARC... [--out FILE] [--state PATH]   clean archived responses again
    newscrawl state show|reset --site NAME [--state PATH]     inspect or reset the crawl state
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import logging
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .clean.article import extract_article
from .clean.document import NotHTML
from .fixtures import SIDECAR_SUFFIX, load_fixture, load_fixtures, save_fixture

logger = logging.getLogger("newscrawl.cli")

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def _iter_pages(paths: list[str]) -> Iterator[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(x for x in p.rglob("*") if x.name.lower().endswith(PAGE_SUFFIXES))
        else:
            yield p


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _context_for(path: Path, url: str | None) -> tuple[str, dict[str, Any]]:
    """URL and fetch context: from --url, else from a fixture sidecar, else the file URI."""
    name = path.name.split(".")[0]
    sidecar = path.with_name(name + SIDECAR_SUFFIX)
    if sidecar.exists():
        fx = load_fixture(sidecar)
        return url or fx.url, fx.context()
    return url or path.resolve().as_uri(), {}


class _Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.enabled = sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = int(width * self.done / max(self.total, 1))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] "
                             f"{self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def cmd_extract(args: argparse.Namespace) -> int:
    pages = list(_iter_pages(args.paths))
    if args.url and len(pages) != 1:
        logger.error("--url goes with exactly one page")
        return 2
    progress = _Progress(len(pages))
    failures = 0
    out = sys.stdout
    for path in pages:
        try:
            url, context = _context_for(path, args.url)
            item = extract_article(_read(path), url, **context)
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
        except (OSError, NotHTML, gzip.BadGzipFile) as exc:
            failures += 1
            logger.warning("Skipped %s: %s", path, exc)
        progress.step()
    progress.close()
    return 1 if failures and failures == len(pages) else 0


def regen_expected(folder: Path) -> list[Path]:
    """Rewrite the golden expected JSON of every HTML fixture in folder."""
    written = []
    for fx in load_fixtures(folder):
        if not fx.is_html:
            continue
        item = extract_article(fx.body, fx.url, **fx.context())
        fx.expected_path.write_text(
            json.dumps(item, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
        written.append(fx.expected_path)
    return written


def cmd_fixture_regen(args: argparse.Namespace) -> int:
    for folder in args.dirs:
        for path in regen_expected(Path(folder)):
            print(path)
    return 0


def cmd_fixture_save(args: argparse.Namespace) -> int:
    req = urllib.request.Request(args.url, headers={"User-Agent": "newscrawl/0.1"})
    with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310 (a URL the user gave)
        body = resp.read()
        headers = {k: v for k, v in resp.headers.items()}
        status = resp.status
        final_url = resp.geturl()
    fx = save_fixture(Path(args.dir), args.name, final_url, body, status, headers)
    item = extract_article(fx.body, fx.url, **fx.context())
    fx.expected_path.write_text(
        json.dumps(item, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
    print(f"saved {fx.body_path} and {fx.expected_path}: review the expected output")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    if args.what == "extraction":
        from .evaluation import extraction

        extraction.run(Path(args.data), sys.stdout, compare=args.compare or [])
    elif args.what == "disagreement":
        from .evaluation import disagreement

        disagreement.run(Path(args.data), sys.stdout, against=args.against, top=args.top)
    else:
        from .evaluation import dates

        dates.run(Path(args.data), sys.stdout, errors=args.errors)
    return 0


def _default_state_path() -> str:
    from . import settings

    return settings.NEWSCRAWL_STATE_PATH


def cmd_reprocess(args: argparse.Namespace) -> int:
    from .exporters.atomic import write_atomic
    from .reprocess import reprocess
    from .state import new_run_id
    from .state.base import utc_now
    from .state.sqlite import SqliteCrawlState

    state = SqliteCrawlState(args.state) if args.state else None
    run_id = "reprocess-" + new_run_id()
    if state is not None:
        state.begin_run(run_id, utc_now())
    buffer = io.StringIO() if args.out else sys.stdout
    counts = reprocess([Path(p) for p in args.warcs], buffer, state, run_id)
    if args.out:  # the file appears whole, before the state says its items exist
        write_atomic(Path(args.out), buffer.getvalue().encode("utf-8"))
    else:
        sys.stdout.flush()
    if state is not None:
        state.commit_run(run_id, {"runId": run_id, "kind": "reprocess", "counts": counts,
                                  "inputs": args.warcs, "output": args.out})
        state.close()
    sys.stderr.write(" ".join(f"{k}={v}" for k, v in counts.items()) + "\n")
    return 0


def cmd_state(args: argparse.Namespace) -> int:
    from .state.sqlite import SqliteCrawlState

    if not Path(args.state).exists():
        logger.error("No crawl state at %s", args.state)
        return 2
    state = SqliteCrawlState(args.state)
    try:
        if args.action == "reset":
            if not args.site:
                logger.error("state reset needs --site NAME")
                return 2
            n = state.reset_site(args.site)
            print(f"forgot {n} articles of {args.site}: the next run emits them as new")
        else:
            for row in state.db.execute("SELECT site, count(*), max(last_seen) FROM articles "
                                        "GROUP BY site ORDER BY site"):
                print(f"site {row[0]}: {row[1]} articles, last seen {row[2]}")
            for row in state.db.execute("SELECT run_id, status FROM runs "
                                        "ORDER BY run_id DESC LIMIT 10"):
                print(f"run {row[0]}: {row[1]}")
    finally:
        state.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newscrawl", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="clean saved pages into JSON Lines on stdout")
    p.add_argument("paths", nargs="+", help="HTML or .html.gz files, or folders of them")
    p.add_argument("--url", help="the page's URL (one page only); default: sidecar or file URI")
    p.set_defaults(func=cmd_extract)

    from .fetch import add_parser as add_fetch_parser  # crawls through Scrapy: see fetch.py

    add_fetch_parser(sub)

    p = sub.add_parser("fixture", help="save and regenerate fixtures")
    fsub = p.add_subparsers(dest="fixture_command", required=True)
    s = fsub.add_parser("save", help="save a live page as a fixture with its expected output")
    s.add_argument("url")
    s.add_argument("--dir", required=True, help="fixture folder, e.g. fixtures/mysite")
    s.add_argument("--name", required=True, help="fixture name (file stem)")
    s.set_defaults(func=cmd_fixture_save)
    r = fsub.add_parser("regen", help="rewrite *.expected.json from the current cleaning")
    r.add_argument("dirs", nargs="*", default=["fixtures"])
    r.set_defaults(func=cmd_fixture_regen)

    p = sub.add_parser("eval", help="score against a benchmark folder")
    p.add_argument("what", choices=["extraction", "dates", "disagreement"])
    p.add_argument("--data", required=True, help="folder in the layout of the dev split")
    p.add_argument("--compare", action="append", choices=["readability", "trafilatura"],
                   help="also run another extractor in the same process (extraction only)")
    p.add_argument("--errors", type=int, default=20, help="wrong dates to list (dates only)")
    p.add_argument("--against", choices=["trafilatura", "readability"], default="trafilatura",
                   help="reference extractor (disagreement only)")
    p.add_argument("--top", type=int, default=20, help="pages to list (disagreement only)")
    p.set_defaults(func=cmd_eval)

    # Handled in main() before parsing: its options belong to newscrawl.bench.suite.
    sub.add_parser("bench", help="speed benchmarks (newscrawl bench --help)", add_help=False)

    p = sub.add_parser("reprocess", help="clean archived WARC responses with today's cleaning")
    p.add_argument("warcs", nargs="+", help="run WARC files (output/runs/*/pages.warc.gz)")
    p.add_argument("--out", help="JSON Lines output file (default: stdout)")
    p.add_argument("--state", help="crawl state file: write only new versions, and record them")
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("state", help="inspect or reset the crawl state")
    p.add_argument("action", choices=["show", "reset"])
    p.add_argument("--site", help="the site to reset (metadata.site: profile name or host)")
    p.add_argument("--state", default=_default_state_path(), help="state file")
    p.set_defaults(func=cmd_state)
    # Distributed crawling on Redis; redis itself is imported only when a command runs.
    from .distributed.commands import add_parser as add_redis_parser

    add_redis_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:
        from .bench.suite import main as bench

        return bench(argv[1:])
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
