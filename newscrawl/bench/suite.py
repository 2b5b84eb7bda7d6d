"""The speed benchmark suite (see README, "Benchmarks"):

    newscrawl bench --data DIR [--data DIR ...] [--only extraction,crawl,scaling] [--rounds 5]
                    [--input str|bytes] [--pages 3000] [--crawl-rounds 3] [--cleaning 0,auto]
                    [--sizes 1000,20000] [--out bench.json]

extraction  newscrawl.extract_article beside readability-lxml alone and trafilatura, in one
            process, on the same decoded text (or all on bytes), interleaved page by page:
            pages/s and CPU ms per page, median and spread over rounds, per-page p50/p90,
            body F1, the ratios per round (newscrawl.bench.extraction).
crawl       a generated news site on 127.0.0.1 crawled, each run in a fresh process, rounds
            interleaved, by plain Scrapy yielding raw HTML, plain Scrapy + readability-lxml
            in a pipeline (newscrawl.bench.plain), and newscrawl with every pipeline and
            exporter on (feed, Markdown archive, run archive with WARC, crawl state), with
            each NEWSCRAWL_CLEANING_PROCESSES value of --cleaning: articles/s, CPU ms per
            article (crawler and cleaning workers), peak RSS; extract_article alone on the
            same pages; the newscrawl runs' items compared.
scaling     cleaning alone in a pool of 1 and of 2 processes (the same pages), and the
            newscrawl crawl at each of --sizes: CPU per article and peak RSS.

Not a test: speed targets are read off its table. On a shared machine read the CPU columns
and the spreads; the table names the load average when it started and ended.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .extraction import _spread, bench_extraction, print_extraction

PARTS = ("extraction", "crawl", "scaling")


def _load() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def _machine() -> dict[str, Any]:
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info
                        if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "load_start": _load()}


# -- generated pages -----------------------------------------------------------------------

def generated_pages(count: int, site_pages: int) -> list[tuple[str, bytes]]:
    from .crawl import article_page
    from .site import article_path

    return [(f"http://127.0.0.1{article_path(n)}", article_page(n, site_pages))
            for n in range(count)]


def generated_extraction_cpu(pages: int) -> dict[str, Any]:
    """extract_article and readability alone on the generated site's article pages, in a
    fresh process (newscrawl.bench.crawl alone): the crawl's yardsticks."""
    run = subprocess.run([sys.executable, "-m", "newscrawl.bench.crawl", "alone", "--pages",
                          str(pages)], capture_output=True, text=True, check=False)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode or not lines:
        raise RuntimeError(f"extraction alone failed ({run.returncode}): {run.stderr[-2000:]}")
    return {name: _spread(values) for name, values in json.loads(lines[-1]).items()}


# -- cleaning in 1 and 2 processes ---------------------------------------------------------

def _clean(doc: tuple[str, bytes]) -> int:
    from ..clean.article import extract_article

    return len(extract_article(doc[1], doc[0])["articleBody"])


def cleaning_scaling(count: int = 600, rounds: int = 3, most: int = 2) -> dict[str, Any]:
    """Wall time to clean the same generated pages in a pool of 1 and of `most` worker
    processes (spawned and warmed up before timing), rounds interleaved."""
    import multiprocessing

    from ..clean.article import warm_up

    docs = generated_pages(count, 5000)
    ctx = multiprocessing.get_context("spawn")
    rates: dict[int, list[float]] = {1: [], most: []}
    pools = {k: ProcessPoolExecutor(k, mp_context=ctx, initializer=warm_up) for k in rates}
    try:
        for k, pool in pools.items():  # start and warm every worker
            list(pool.map(_clean, docs[: 4 * k], chunksize=1))
        for r in range(rounds):
            for k in (list(rates) if r % 2 == 0 else list(rates)[::-1]):
                started = time.perf_counter()
                list(pools[k].map(_clean, docs, chunksize=8))
                rates[k].append(count / (time.perf_counter() - started))
    finally:
        for pool in pools.values():
            pool.shutdown()
    speedups = [b / a for a, b in zip(rates[1], rates[most], strict=True)]
    return {"pages": count, "rounds": rounds, "processes": most,
            "pages_per_s": {str(k): _spread(v, 1) for k, v in rates.items()},
            "speedup": _spread(speedups)}


# -- crawls --------------------------------------------------------------------------------

class Site:
    """The generated site (newscrawl.bench.crawl serve) in its own process."""

    def __init__(self, pages: int):
        self.server = subprocess.Popen(
            [sys.executable, "-m", "newscrawl.bench.crawl", "serve", "--pages", str(pages)],
            stdout=subprocess.PIPE, text=True)
        self.url = (self.server.stdout.readline() if self.server.stdout else "").strip()
        if not self.url:
            self.close()
            raise RuntimeError("the generated site did not start")

    def close(self) -> None:
        self.server.terminate()
        self.server.wait(10)


def crawl_once(url: str, pages: int, variant: str, processes: str, out: Path) -> dict[str, Any]:
    """One crawl of the generated site in a fresh process."""
    run = subprocess.run(
        [sys.executable, "-m", "newscrawl.bench.crawl", "run", "--url", url, "--pages",
         str(pages), "--variant", variant, "--processes", str(processes), "--out", str(out)],
        capture_output=True, text=True, check=False)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode or not lines:
        raise RuntimeError(f"{variant} crawl failed ({run.returncode}): {run.stderr[-2000:]}")
    result = json.loads(lines[-1])
    cpu = result["cpu_seconds_crawler"] + result["cpu_seconds_workers"]
    n = max(1, result["articles"])
    result.update(articles_per_s=round(result["articles"] / result["seconds"], 1),
                  cpu_ms_per_article=round(1000 * cpu / n, 2),
                  wall_ms_per_article=round(1000 * result["seconds"] / n, 2))
    return result


_ORIGIN = re.compile(r"http://127\.0\.0\.1:\d+")
_COMPARED = ("headline", "articleBody", "articleBodyHtml", "authors", "datePublished",
             "dateModified", "images", "description", "mainImage", "tags", "section")


def same_items(a: Path, b: Path) -> dict[str, int]:
    """Compare two runs' feeds article by article (fields of the clean article)."""
    def load(path: Path) -> dict[str, dict[str, Any]]:
        # Each run serves the site on its own port: URLs are compared without it (and so the
        # fingerprint, which covers image URLs, is not).
        items = (json.loads(_ORIGIN.sub("", line)) for line in path.open(encoding="utf-8"))
        return {i["url"]: {k: i.get(k) for k in _COMPARED} for i in items}
    left, right = load(a / "articles.jsonl"), load(b / "articles.jsonl")
    common = left.keys() & right.keys()
    return {"compared": len(common), "only_one_run": len(left.keys() ^ right.keys()),
            "differing": sum(left[u] != right[u] for u in common)}


def _label(variant: str, processes: str) -> str:
    if variant != "newscrawl":
        return variant
    if processes == "auto":
        return "newscrawl auto"
    return "newscrawl" if processes == "0" else f"newscrawl {processes} proc"


def bench_crawl(pages: int, rounds: int, cleaning: list[str], work: Path) -> dict[str, Any]:
    runs = [("scrapy", "0"), ("scrapy+readability", "0"),
            *(("newscrawl", k) for k in cleaning)]
    got: dict[str, list[dict[str, Any]]] = {_label(*run): [] for run in runs}
    site = Site(pages)
    try:
        for r in range(rounds):
            k = r % len(runs)
            for variant, processes in runs[k:] + runs[:k]:  # rotating order
                label = _label(variant, processes)
                out = work / label.replace(" ", "-").replace("+", "-")
                shutil.rmtree(out, ignore_errors=True)  # fresh state, archive and WARC
                print(f"  round {r + 1}/{rounds}: {label}, {pages} pages ...", file=sys.stderr)
                got[label].append(crawl_once(site.url, pages, variant, processes, out))
    finally:
        site.close()
    rows = {}
    for label, results in got.items():
        rows[label] = {
            "articles": min(x["articles"] for x in results),
            "articles_per_s": _spread([x["articles_per_s"] for x in results], 1),
            "cpu_ms_per_article": _spread([x["cpu_ms_per_article"] for x in results]),
            "rss_mib_peak": _spread([x["rss_mib_peak"] for x in results], 0),
            "rss_mib_peak_workers": max(x["rss_mib_peak_workers"] for x in results),
            "errors": max(x["errors"] for x in results),
            "runs": results,
        }
    yard = generated_extraction_cpu(pages)
    plain, naive = got["scrapy"], got["scrapy+readability"]
    result: dict[str, Any] = {"pages": pages, "rounds": rounds, "rows": rows,
                              "extraction_only_cpu_ms": yard, "targets": {}}
    for processes in cleaning:
        label = _label("newscrawl", processes)
        ours = got[label]
        # throughput against the naive project, per round (same load)
        vs = [o["articles_per_s"] / n["articles_per_s"] for o, n in zip(ours, naive, strict=True)]
        machinery = statistics.median(o["cpu_ms_per_article"] for o in ours) - (
            statistics.median(p["cpu_ms_per_article"] for p in plain)
            + yard["extract_article"]["median"])
        result["targets"][label] = {"vs_scrapy_readability": _spread(vs),
                                    "cpu_ms_beyond_scrapy_and_extraction": round(machinery, 2)}
    if len(cleaning) > 1:
        first, *others = (work / _label("newscrawl", k).replace(" ", "-") for k in cleaning)
        result["same_items"] = {str(o.name): same_items(first, o) for o in others}
    return result


def bench_sizes(sizes: list[int], processes: str, work: Path) -> dict[str, Any]:
    rows = []
    for n in sizes:
        site = Site(n)
        try:
            out = work / f"size-{n}"
            shutil.rmtree(out, ignore_errors=True)
            print(f"  newscrawl, {n} pages ...", file=sys.stderr)
            rows.append(crawl_once(site.url, n, "newscrawl", processes, out))
        finally:
            site.close()
        shutil.rmtree(work / f"size-{n}", ignore_errors=True)
    return {
        "processes": processes,
        "rows": [{k: r[k] for k in ("pages", "articles", "seconds", "articles_per_s",
                                     "cpu_ms_per_article", "rss_mib_peak", "rss_mib_over_time")}
                 for r in rows],
        "rss_largest_vs_smallest": round(rows[-1]["rss_mib_peak"] / rows[0]["rss_mib_peak"], 2),
        "cpu_per_article_largest_vs_smallest": round(
            rows[-1]["cpu_ms_per_article"] / rows[0]["cpu_ms_per_article"], 2),
    }


# -- report --------------------------------------------------------------------------------

def _s(spread: dict[str, Any], fmt: str = ".1f") -> str:
    return f"{spread['median']:{fmt}} [{spread['min']:{fmt}}-{spread['max']:{fmt}}]"


def print_table(report: dict[str, Any]) -> None:
    m = report["machine"]
    print(f"newscrawl bench, {m['date']}, {m['nproc']} x {m['cpu']}, Python {m['python']}; "
          f"load average {m['load_start']} at start, {m.get('load_end')} at end")
    if "extraction" in report:
        print_extraction(report["extraction"])
    cr = report.get("crawl")
    if cr:
        print(f"\ncrawl: {cr['pages']} generated pages on 127.0.0.1, {cr['rounds']} rounds "
              "interleaved, fresh processes; median [min-max]")
        print(f"{'crawler':<22} {'articles':>8} {'articles/s':>20} {'CPU ms/article':>22} "
              f"{'peak RSS MiB':>16}")
        for label, r in cr["rows"].items():
            rss = _s(r["rss_mib_peak"], ".0f")
            if r["runs"][0]["rss_mib_peak_workers"]:
                rss += f" + {r['rss_mib_peak_workers']:.0f}"
            print(f"{label:<22} {r['articles']:8d} {_s(r['articles_per_s']):>20} "
                  f"{_s(r['cpu_ms_per_article'], '.2f'):>22} {rss:>16}")
        y = cr["extraction_only_cpu_ms"]
        print(f"alone on the same pages (CPU ms/page): extract_article "
              f"{_s(y['extract_article'], '.2f')}, readability {_s(y['readability'], '.2f')}")
        for label, t in cr["targets"].items():
            print(f"{label}: {_s(t['vs_scrapy_readability'], '.2f')}x the articles/s of "
                  f"scrapy+readability (target >= 0.8); CPU per article beyond scrapy's + "
                  f"extract_article's: {t['cpu_ms_beyond_scrapy_and_extraction']:+.2f} ms "
                  f"(target <= 1.5)")
        if cr.get("same_items"):
            print(f"items: {cr['same_items']}")
    sc = report.get("scaling")
    if sc:
        cl = sc["cleaning"]
        print(f"\ncleaning alone, {cl['pages']} generated pages, pools of 1 and "
              f"{cl['processes']} processes, {cl['rounds']} rounds: "
              + ", ".join(f"{k} proc {_s(v)} pages/s" for k, v in cl["pages_per_s"].items())
              + f"; speed-up {_s(cl['speedup'], '.2f')}x (target >= 1.6)")
        sz = sc["sizes"]
        print(f"newscrawl crawl by size (NEWSCRAWL_CLEANING_PROCESSES={sz['processes']})")
        print(f"{'pages':>6} {'s':>7} {'art/s':>7} {'CPU ms/art':>10} {'peak RSS MiB':>13} "
              "RSS over time")
        for r in sz["rows"]:
            print(f"{r['pages']:6d} {r['seconds']:7.1f} {r['articles_per_s']:7.1f} "
                  f"{r['cpu_ms_per_article']:10.2f} {r['rss_mib_peak']:13.0f} "
                  f"{r['rss_mib_over_time']}")
        print(f"peak RSS largest/smallest {sz['rss_largest_vs_smallest']:.2f}x (target <= 1.2), "
              f"CPU per article {sz['cpu_per_article_largest_vs_smallest']:.2f}x")
    print(f"\ntotal {report['seconds']:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="newscrawl bench", description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 2)[2], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, action="append",
                        help="benchmark folder for the extraction part (repeatable): the "
                             "article-extraction benchmark, Fundus or dates layout")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts to run (default: {','.join(PARTS)})")
    parser.add_argument("--rounds", type=int, default=5, help="extraction rounds")
    parser.add_argument("--input", choices=("str", "bytes"), default="str",
                        help="what every extractor is given (default: the decoded str)")
    parser.add_argument("--pages", type=int, default=3000, help="crawl size")
    parser.add_argument("--crawl-rounds", type=int, default=3, help="crawl rounds")
    parser.add_argument("--cleaning", default="0,auto",
                        help="NEWSCRAWL_CLEANING_PROCESSES values crawled (default: 0,auto)")
    parser.add_argument("--sizes", default="1000,20000", help="scaling crawl sizes")
    parser.add_argument("--size-processes", default="0",
                        help="NEWSCRAWL_CLEANING_PROCESSES of the scaling crawls")
    parser.add_argument("--work", type=Path, help="folder for crawl outputs (default: temp)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    parts = {p.strip() for p in args.only.split(",") if p.strip()}
    if unknown := parts - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    data = args.data or []
    if "extraction" in parts and not data:
        parser.error("--data is needed for the extraction part")
    if missing := [str(d) for d in data if not d.is_dir()]:
        parser.error(f"not a folder: {', '.join(missing)}")
    started = time.monotonic()
    report: dict[str, Any] = {"machine": _machine()}
    work = args.work or Path(tempfile.mkdtemp(prefix="newscrawl-bench-"))
    if "extraction" in parts:
        print("extraction ...", file=sys.stderr)
        report["extraction"] = bench_extraction(data, args.rounds, args.input == "bytes")
    if "crawl" in parts:
        cleaning = [k.strip() for k in args.cleaning.split(",") if k.strip()]
        report["crawl"] = bench_crawl(args.pages, args.crawl_rounds, cleaning, work)
    if "scaling" in parts:
        print("cleaning in 1 and 2 processes ...", file=sys.stderr)
        sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
        report["scaling"] = {"cleaning": cleaning_scaling(),
                             "sizes": bench_sizes(sizes, args.size_processes, work)}
    report["seconds"] = round(time.monotonic() - started, 1)
    report["machine"]["load_end"] = _load()
    print_table(report)
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
