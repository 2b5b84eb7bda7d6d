"""`newscrawl fetch URL... [--input FILE|-] [-o FILE] [--format jsonl|md]`: fetch and extract
the given articles through the crawl's own Scrapy machinery (settings, politeness, robots.txt,
the private-network guard, every pipeline), in one command.

Nothing is discovered (no link, sitemap or feed is followed) and no state is written unless
asked: no crawl state (`--state PATH` makes it an incremental fetch recorded there), no
Markdown archive (`--archive DIR`), no run archive (`--runs DIR`). Output: JSON Lines, or
Markdown, to stdout or `-o FILE`. Exit status: 0 when every URL gave an article, 3 when some
did not, 1 when none did (each failure is logged with its URL and reason).
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from .discovery.start import read_start_urls_file

FORMATS = {"jsonl": "jsonlines", "md": "markdown"}


def add_parser(sub: Any) -> None:
    p = sub.add_parser("fetch", help="fetch and extract articles by URL (JSON Lines to stdout)",
                       description=__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("urls", nargs="*", metavar="URL", help="article URLs")
    p.add_argument("--input", "-i", metavar="FILE",
                   help="more URLs, one per line (# comments); - reads standard input")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--format", choices=sorted(FORMATS), default="jsonl")
    p.add_argument("--state", metavar="PATH",
                   help="crawl state: print only new and changed articles, and record them")
    p.add_argument("--archive", metavar="DIR", help="also write the Markdown archive here")
    p.add_argument("--runs", metavar="DIR", help="also write the run archive (WARC) here")
    p.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                   help="a Scrapy or newscrawl setting (repeatable)")
    p.add_argument("-L", "--loglevel", default="WARNING", help="log level (default WARNING)")
    p.set_defaults(func=cmd_fetch)


def fetch_settings(args: argparse.Namespace) -> Any:
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    feed: dict[str, Any] = {"format": FORMATS[args.format], "encoding": "utf-8"}
    if args.output:
        feed["overwrite"] = True
    overrides: dict[str, Any] = {
        "FEEDS": {args.output or "stdout:": feed},
        "FEED_EXPORTERS": {"markdown": "newscrawl.exporters.markdown_feed.MarkdownItemExporter"},
        "NEWSCRAWL_INCREMENTAL": bool(args.state),
        "NEWSCRAWL_STATE_PATH": args.state or "",
        "NEWSCRAWL_ARCHIVE_DIR": args.archive or "",
        "NEWSCRAWL_RUNS_DIR": args.runs or "",
        "LOG_LEVEL": args.loglevel.upper(),
    }
    for pair in args.set:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ValueError(f"-s wants NAME=VALUE, got {pair!r}")
        overrides[name.strip()] = value
    settings.setdict(overrides, priority="cmdline")
    return settings


def cmd_fetch(args: argparse.Namespace) -> int:
    log = logging.getLogger("newscrawl.fetch")
    urls = list(args.urls)
    if args.input:
        urls += read_start_urls_file(args.input)
    urls = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    if not urls:
        log.error("give article URLs: newscrawl fetch URL... or --input FILE (- for stdin)")
        return 2
    try:
        settings = fetch_settings(args)
    except ValueError as exc:
        log.error("%s", exc)
        return 2
    from scrapy.crawler import CrawlerProcess

    from .spiders.fetch import FetchSpider

    # Scrapy's log handler (LOG_LEVEL, stderr) replaces the command line's.
    for handler in list(logging.root.handlers):
        logging.root.removeHandler(handler)
    # "Disabled ...: NEWSCRAWL_ARCHIVE_DIR is not set" and the like: what fetch asked for.
    logging.getLogger("scrapy.middleware").setLevel(logging.ERROR)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(FetchSpider)
    process.crawl(crawler, start_urls=urls)
    process.start()
    exported = crawler.stats.get_value("item_scraped_count", 0) if crawler.stats else 0
    unchanged = (crawler.stats.get_value("newscrawl/incremental/unchanged", 0)
                 if crawler.stats else 0)
    sys.stderr.write(f"newscrawl fetch: {len(urls)} URLs, {exported} articles written"
                     + (f", {unchanged} unchanged" if unchanged else "") + "\n")
    done = exported + unchanged
    if done == 0:
        return 1
    return 0 if done >= len(urls) else 3
