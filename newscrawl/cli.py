"""`newscrawl` command line: clean saved pages, manage fixtures, run the benchmarks.

    newscrawl extract PATH... [--url URL]        JSON Lines of items to stdout
    newscrawl fetch URL... [--input FILE|-] [-o FILE] [--format md]   fetch and extract
    newscrawl fixture save URL --dir DIR --name NAME
    newscrawl fixture regen [DIR...]             rewrite golden *.expected.json files
    newscrawl eval extraction --data DIR [--compare readability] [--compare trafilatura]
    newscrawl eval dates --data DIR [--by subset] [--errors N]
    newscrawl eval metadata --data DIR [--compare trafilatura] [--worst N]
    newscrawl eval pagetypes --data DIR [--data DIR...]
    newscrawl eval disagreement --data DIR [--against trafilatura] [--top N]
    newscrawl eval gate [--shared ../shared]      the CI quality gate (floors.toml)
    newscrawl redis seed|status|stop|merge       distributed crawling (see README)
    newscrawl reprocess WARC... [--out FILE] [--state PATH]   clean archived responses again
    newscrawl state show|reset --site NAME [--state PATH]     inspect or reset the crawl state
    newscrawl crawl [ARGS...]                    `scrapy crawl article ARGS...`, from any folder

A mistake in what a command was given (a missing file, a bad value, a missing optional
extra) ends in one line on stderr and exit status 2; see newscrawl.errors.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import __version__
from .clean.article import extract_article
from .clean.document import NotHTML
from .defaults import default
from .errors import USAGE_EXIT, UserError
from .fixtures import SIDECAR_SUFFIX, load_fixture, load_fixtures, save_fixture
from .progress import Progress

logger = logging.getLogger("newscrawl.cli")

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def _iter_pages(paths: list[str]) -> Iterator[Path]:
    for p in map(Path, paths):
        if not p.exists():
            raise UserError(f"{p}: no such file or folder")
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


def cmd_extract(args: argparse.Namespace) -> int:
    pages = list(_iter_pages(args.paths))
    if args.url and len(pages) != 1:
        raise UserError("--url goes with exactly one page")
    progress = Progress("extract", "pages", total=len(pages))
    out = sys.stdout
    for path in progress.track(pages):
        try:
            url, context = _context_for(path, args.url)
            item = extract_article(_read(path), url, **context)
        except (OSError, NotHTML, gzip.BadGzipFile) as exc:
            progress.count("skipped")
            logger.warning("Skipped %s: %s", path, exc)
            continue
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        progress.count("not articles" if item["metadata"].get("notArticle") else "articles")
    progress.close()
    return 1 if pages and progress.counts["skipped"] == len(pages) else 0


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
    from . import settings

    req = urllib.request.Request(args.url, headers={"User-Agent": settings.USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=settings.DOWNLOAD_TIMEOUT) as resp:  # noqa: S310
            body = resp.read()
            headers = {k: v for k, v in resp.headers.items()}
            status = resp.status
            final_url = resp.geturl()
    except urllib.error.HTTPError as exc:
        raise UserError(f"{args.url} answered HTTP {exc.code} {exc.reason}: nothing saved; "
                        "save a page that answers 200") from None
    except (urllib.error.URLError, ValueError, TimeoutError) as exc:
        reason = getattr(exc, "reason", exc)
        raise UserError(f"{args.url} could not be fetched ({reason}): nothing saved") from None
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
    elif args.what == "dates":
        from .evaluation import dates

        dates.run(Path(args.data), sys.stdout, errors=args.errors, by=args.by)
    elif args.what == "metadata":
        from .evaluation import metadata

        metadata.run(Path(args.data), sys.stdout, compare=args.compare or [],
                     worst=args.worst)
    elif args.what == "pagetypes":
        from .evaluation import pagetypes

        pagetypes.run([Path(d) for d in args.data], sys.stdout)
    else:
        from .evaluation import gate

        return gate.run(Path(args.shared), sys.stdout, floors=Path(args.floors),
                        json_out=Path(args.json_out) if args.json_out else None)
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    from .exporters.atomic import atomic_output
    from .reprocess import reprocess
    from .state import new_run_id
    from .state.base import utc_now
    from .state.sqlite import SqliteCrawlState

    warcs = [Path(p) for p in args.warcs]
    for path in warcs:
        if not path.is_file():
            raise UserError(f"{path}: no such WARC file (give run WARCs, e.g. "
                            "output/runs/*/pages.warc.gz)")
    if args.state and not Path(args.state).is_file():
        raise UserError(f"--state {args.state}: no crawl state there")
    state = SqliteCrawlState(args.state) if args.state else None
    run_id = "reprocess-" + new_run_id()
    if state is not None:
        state.begin_run(run_id, utc_now())
    progress = Progress("reprocess", "pages")
    if args.out:  # streamed to a temporary file that appears whole, before the state says
        with atomic_output(Path(args.out)) as out:  # its items exist
            counts = reprocess(warcs, out, state, run_id, progress=progress)
    else:
        counts = reprocess(warcs, sys.stdout, state, run_id, progress=progress)
        sys.stdout.flush()
    if state is not None:
        state.commit_run(run_id, {"runId": run_id, "kind": "reprocess", "counts": counts,
                                  "inputs": args.warcs, "output": args.out})
        state.close()
    progress.close()
    return 0


def cmd_state(args: argparse.Namespace) -> int:
    from .state.sqlite import SqliteCrawlState

    if not Path(args.state).exists():
        raise UserError(f"no crawl state at {args.state} (--state PATH names another)")
    if args.action == "reset" and not args.site:
        raise UserError("state reset needs --site NAME")
    state = SqliteCrawlState(args.state)
    try:
        if args.action == "reset":
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
    parser.add_argument("--version", action="version", version=version_line())
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
    esub = p.add_subparsers(dest="what", required=True)
    e = esub.add_parser("extraction", help="article-body F1 on the extraction benchmark")
    e.add_argument("--data", required=True, help="folder in the layout of the dev split")
    e.add_argument("--compare", action="append", choices=["readability", "trafilatura"],
                   help="also run another extractor in the same process")
    e = esub.add_parser("dates", help="publication-date accuracy on the dates benchmark")
    e.add_argument("--data", required=True, help="folder in the layout of the dev split")
    e.add_argument("--errors", type=int, default=20, help="wrong dates to list")
    e.add_argument("--by", help="also per value of this meta.json field, e.g. subset")
    e = esub.add_parser("metadata", help="per-field metadata scores on the Fundus set")
    e.add_argument("--data", required=True, help="folder in the layout of the dev split")
    e.add_argument("--compare", action="append", choices=["trafilatura"],
                   help="also score another extractor on the same pages")
    e.add_argument("--worst", type=int, default=0, metavar="N",
                   help="list the N worst pages per field")
    e = esub.add_parser("pagetypes", help="pages judged not an article, and whether rightly")
    e.add_argument("--data", required=True, action="append",
                   help="a set of real articles, a labelled folder (pagetypes.json) or "
                        "any folder of pages; repeatable")
    e = esub.add_parser("disagreement", help="ours beside a reference on unlabelled pages")
    e.add_argument("--data", required=True, help="folder of pages (either split's layout)")
    e.add_argument("--against", choices=["trafilatura", "readability"], default="trafilatura",
                   help="reference extractor")
    e.add_argument("--top", type=int, default=20, help="pages to list")
    e = esub.add_parser("gate", help="every dev set against its pinned floor (CI)")
    e.add_argument("--shared", default="../shared",
                   help="the shared folder holding data/ (default: ../shared)")
    e.add_argument("--floors", default=str(Path(__file__).parent / "evaluation" / "floors.toml"),
                   help="the bounds file (default: newscrawl/evaluation/floors.toml)")
    e.add_argument("--json-out", help="also write the checks as JSON here")
    p.set_defaults(func=cmd_eval)

    # Handled in main() before parsing: its options belong to newscrawl.bench.suite.
    sub.add_parser("bench", help="speed benchmarks (newscrawl bench --help)", add_help=False)
    # Handled in main() before parsing: its options are `scrapy crawl`'s.
    sub.add_parser("crawl", help="scrapy crawl article with the project's settings, from any "
                   "folder (newscrawl crawl -- -h)", add_help=False)

    p = sub.add_parser("reprocess", help="clean archived WARC responses with today's cleaning")
    p.add_argument("warcs", nargs="+", help="run WARC files (output/runs/*/pages.warc.gz)")
    p.add_argument("--out", help="JSON Lines output file (default: stdout)")
    p.add_argument("--state", help="crawl state file: write only new versions, and record them")
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("state", help="inspect or reset the crawl state")
    p.add_argument("action", choices=["show", "reset"])
    p.add_argument("--site", help="the site to reset (metadata.site: profile name or host)")
    p.add_argument("--state", default=default("NEWSCRAWL_STATE_PATH"),
                   help="state file (default: %(default)s, as NEWSCRAWL_STATE_PATH)")
    p.set_defaults(func=cmd_state)
    # Distributed crawling on Redis; redis itself is imported only when a command runs.
    from .distributed.commands import add_parser as add_redis_parser

    add_redis_parser(sub)
    return parser


def version_line() -> str:
    import platform

    import scrapy

    return (f"newscrawl {__version__} (Scrapy {scrapy.__version__}, "
            f"Python {platform.python_version()})")


def crawl(argv: list[str]) -> int:
    """`scrapy crawl article ARGV...` with newscrawl's settings wherever it is run (a plain
    `pip install` has no scrapy.cfg to find them by)."""
    import os

    from scrapy.cmdline import execute

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawl.settings")
    spider = [] if argv[:1] and not argv[0].startswith("-") else ["article"]
    try:
        execute(["scrapy", "crawl", *spider, *argv])
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = "newscrawl" + (f" {argv[0]}" if argv and not argv[0].startswith("-") else "")
    try:
        if argv[:1] == ["crawl"]:  # Scrapy configures its logging (LOG_LEVEL, LOG_FILE...)
            return crawl(argv[1:])
        logging.basicConfig(level=logging.WARNING,
                            format="%(levelname)s %(name)s: %(message)s")
        if argv[:1] == ["bench"]:
            from .bench.suite import main as bench

            return bench(argv[1:])
        args = build_parser().parse_args(argv)
        return args.func(args)
    except UserError as exc:
        return fail(command, exc, USAGE_EXIT)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError) as exc:
        return fail(command, exc, USAGE_EXIT)  # a file or folder named on the command line
    except OSError as exc:  # a full disk, a network error...
        return fail(command, exc, 1)


def fail(command: str, exc: BaseException, status: int) -> int:
    """One line on stderr, no traceback: what was wrong and the fix."""
    sys.stderr.write(f"{command}: error: {exc}\n")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
