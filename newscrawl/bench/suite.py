"""The speed benchmark suite (see README, "Benchmarks"):

    newscrawl bench --data DIR [--only extraction,crawl,scaling] [--passes 5]
                    [--pages 5000] [--sizes 1000,5000,20000] [--out bench.json]

extraction  newscrawl.extract_article beside readability-lxml alone and trafilatura on the
            pages of DIR (ground-truth.json + html/), in the same process, passes
            interleaved: pages/s and per-page p50/p90 ms, medians over the passes; body F1.
crawl       a generated 5,000-article site on 127.0.0.1 crawled with every pipeline and
            exporter on, cleaning inline (one core) and in NEWSCRAWL_CLEANING_PROCESSES=2
            worker processes: articles/s, CPU seconds per article, peak RSS; both runs'
            items compared; the extraction-only rate on the same generated pages.
scaling     the one-core crawl at each size: time per article and peak RSS.

Not a test: speed targets are read off its table, on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

PARTS = ("extraction", "crawl", "scaling")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _machine() -> dict[str, Any]:
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info
                        if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}


# -- extraction ----------------------------------------------------------------------------

def _extractors() -> dict[str, Callable[[bytes, str], str]]:
    from ..clean.article import extract_article, warm_up
    from ..evaluation.extraction import COMPARATORS, _available

    warm_up()  # first-call costs (lazy imports, dateparser's tables) are not per page

    def ours(html: bytes, url: str) -> str:
        return extract_article(html, url)["articleBody"] or ""

    found: dict[str, Callable[[bytes, str], str]] = {"newscrawl": ours}
    for name in ("readability", "trafilatura"):
        if _available(name):
            found[name] = COMPARATORS[name]
        else:
            print(f"{name} not installed (pip install -e '.[bench]'): skipped", file=sys.stderr)
    return found


def bench_extraction(data: Path, passes: int) -> dict[str, Any]:
    from ..evaluation.extraction import load_dataset
    from ..evaluation.metric import aggregate, page_counts

    pages = load_dataset(data)
    extractors = _extractors()
    for extract in extractors.values():  # warm-up pass, not measured
        for _pid, url, raw, _truth in pages[:10]:
            extract(raw, url)
    rates: dict[str, list[float]] = {name: [] for name in extractors}
    per_page: dict[str, list[list[float]]] = {name: [[] for _ in pages] for name in extractors}
    bodies: dict[str, list[str]] = {}
    for _ in range(passes):
        for name, extract in extractors.items():  # interleaved: machine noise hits all alike
            out: list[str] = []
            started = time.perf_counter()
            for i, (_pid, url, raw, _truth) in enumerate(pages):
                t = time.perf_counter()
                try:
                    out.append(extract(raw, url))
                except Exception:
                    out.append("")
                per_page[name][i].append(time.perf_counter() - t)
            rates[name].append(len(pages) / (time.perf_counter() - started))
            bodies[name] = out
    result: dict[str, Any] = {"pages": len(pages), "passes": passes, "extractors": {}}
    for name in extractors:
        ms = [1000 * statistics.median(times) for times in per_page[name]]
        f1 = aggregate(page_counts(truth, body) for (_p, _u, _r, truth), body
                       in zip(pages, bodies[name], strict=True)).f1
        result["extractors"][name] = {
            "pages_per_s": round(statistics.median(rates[name]), 1),
            "pages_per_s_passes": [round(r, 1) for r in rates[name]],
            "p50_ms": round(_percentile(ms, 0.5), 2), "p90_ms": round(_percentile(ms, 0.9), 2),
            "f1": round(f1, 3),
        }
    ours = result["extractors"]["newscrawl"]["pages_per_s"]
    result["ratios"] = {f"newscrawl/{name}": round(ours / r["pages_per_s"], 2)
                        for name, r in result["extractors"].items() if name != "newscrawl"}
    return result


def generated_extraction_rate(pages: int = 500) -> float:
    """extract_article alone on the generated site's article pages: the crawl's yardstick."""
    from ..clean.article import extract_article, warm_up
    from .crawl import article_page
    from .site import article_path

    warm_up()
    docs = [(f"http://127.0.0.1/{article_path(n)}", article_page(n, 5000)) for n in range(pages)]
    rates = []
    for _ in range(3):
        started = time.process_time()
        for url, html in docs:
            extract_article(html, url)
        rates.append(len(docs) / (time.process_time() - started))
    return round(statistics.median(rates), 1)


# -- crawls --------------------------------------------------------------------------------

def crawl_once(pages: int, processes: int, out: Path) -> dict[str, Any]:
    """Serve a generated site of `pages` articles and crawl it, each in its own process."""
    server = subprocess.Popen([sys.executable, "-m", "newscrawl.bench.crawl", "serve",
                               "--pages", str(pages)], stdout=subprocess.PIPE, text=True)
    try:
        url = (server.stdout.readline() if server.stdout else "").strip()
        if not url:
            raise RuntimeError("the generated site did not start")
        run = subprocess.run(
            [sys.executable, "-m", "newscrawl.bench.crawl", "run", "--url", url, "--pages",
             str(pages), "--processes", str(processes), "--out", str(out)],
            capture_output=True, text=True, check=False)
    finally:
        server.terminate()
        server.wait(10)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode or not lines:
        raise RuntimeError(f"crawl failed ({run.returncode}): {run.stderr[-2000:]}")
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


def bench_crawls(parts: set[str], pages: int, sizes: list[int], work: Path,
                 processes: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    runs: dict[tuple[int, int], dict[str, Any]] = {}

    def run(n: int, k: int) -> dict[str, Any]:
        if (n, k) not in runs:
            print(f"  crawling {n} pages, cleaning processes {k} ...", file=sys.stderr)
            runs[n, k] = crawl_once(n, k, work / f"crawl-{n}-{k}")
        return runs[n, k]

    if "crawl" in parts:
        one, many = run(pages, 0), run(pages, processes)
        rate = generated_extraction_rate()
        result["crawl"] = {
            "one_core": one, f"processes_{processes}": many,
            "extraction_only_pages_per_s_cpu": rate,
            "one_core_vs_extraction_only": round(one["articles_per_s"] / rate, 2),
            "speedup_with_processes": round(many["articles_per_s"] / one["articles_per_s"], 2),
            "same_items": same_items(work / f"crawl-{pages}-0",
                                     work / f"crawl-{pages}-{processes}"),
        }
    if "scaling" in parts:
        rows = [run(n, 0) for n in sizes]
        result["scaling"] = {
            "rows": [{k: r[k] for k in ("pages", "articles", "seconds", "articles_per_s",
                                         "wall_ms_per_article", "cpu_ms_per_article",
                                         "rss_mib_peak", "rss_mib_over_time")} for r in rows],
            "rss_largest_vs_smallest": round(rows[-1]["rss_mib_peak"] / rows[0]["rss_mib_peak"],
                                             2),
            "cpu_per_article_largest_vs_smallest": round(
                rows[-1]["cpu_ms_per_article"] / rows[0]["cpu_ms_per_article"], 2),
        }
    return result


# -- report --------------------------------------------------------------------------------

def print_table(report: dict[str, Any]) -> None:
    m = report["machine"]
    print(f"newscrawl bench, {m['date']}, {m['nproc']} x {m['cpu']}, Python {m['python']}")
    ex = report.get("extraction")
    if ex:
        print(f"\nextraction: {ex['pages']} pages, median of {ex['passes']} passes")
        print(f"{'extractor':<12} {'pages/s':>8} {'p50 ms':>7} {'p90 ms':>7} {'F1':>6}")
        for name, r in ex["extractors"].items():
            print(f"{name:<12} {r['pages_per_s']:8.1f} {r['p50_ms']:7.2f} {r['p90_ms']:7.2f} "
                  f"{r['f1']:6.3f}")
        print("ratios: " + ", ".join(f"{k} {v:.2f}x" for k, v in ex["ratios"].items()))
    cr = report.get("crawl")
    if cr:
        print(f"\ncrawl: {cr['one_core']['pages']} generated pages on 127.0.0.1, all "
              "pipelines and exporters")
        print(f"{'cleaning':<14} {'articles':>8} {'s':>7} {'art/s':>7} {'CPU ms/art':>10} "
              f"{'peak RSS MiB':>13}")
        for r in cr.values():
            if not isinstance(r, dict) or "processes" not in r:
                continue
            label = "inline" if r["processes"] == 0 else f"{r['processes']} processes"
            rss = f"{r['rss_mib_peak']:.0f}" + (
                f" + {r['processes']}x{r['rss_mib_peak_worker']:.0f}" if r["processes"] else "")
            print(f"{label:<14} {r['articles']:8d} {r['seconds']:7.1f} "
                  f"{r['articles_per_s']:7.1f} {r['cpu_ms_per_article']:10.2f} {rss:>13}")
        print(f"extraction only on the same pages: {cr['extraction_only_pages_per_s_cpu']} "
              f"pages/s (CPU); crawl/extraction {cr['one_core_vs_extraction_only']:.2f}x; "
              f"speed-up with processes {cr['speedup_with_processes']:.2f}x; "
              f"items: {cr['same_items']}")
    sc = report.get("scaling")
    if sc:
        print("\nscaling (cleaning inline)")
        print(f"{'pages':>6} {'s':>7} {'art/s':>7} {'wall ms/art':>11} {'CPU ms/art':>10} "
              f"{'peak RSS MiB':>13}")
        for r in sc["rows"]:
            print(f"{r['pages']:6d} {r['seconds']:7.1f} {r['articles_per_s']:7.1f} "
                  f"{r['wall_ms_per_article']:11.2f} {r['cpu_ms_per_article']:10.2f} "
                  f"{r['rss_mib_peak']:13.0f}")
        print(f"peak RSS largest/smallest {sc['rss_largest_vs_smallest']:.2f}x, CPU per article "
              f"{sc['cpu_per_article_largest_vs_smallest']:.2f}x")
    print(f"\ntotal {report['seconds']:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="newscrawl bench", description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 2)[2], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path,
                        help="extraction benchmark split (ground-truth.json + html/)")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts to run (default: {','.join(PARTS)})")
    parser.add_argument("--passes", type=int, default=5, help="extraction passes (median)")
    parser.add_argument("--pages", type=int, default=5000, help="crawl size")
    parser.add_argument("--sizes", default="1000,5000,20000", help="scaling sizes")
    parser.add_argument("--processes", type=int, default=2,
                        help="NEWSCRAWL_CLEANING_PROCESSES for the parallel crawl")
    parser.add_argument("--work", type=Path, help="folder for crawl outputs (default: temp)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    parts = {p.strip() for p in args.only.split(",") if p.strip()}
    if unknown := parts - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    if "extraction" in parts and not args.data:
        parser.error("--data is needed for the extraction part")
    started = time.monotonic()
    report: dict[str, Any] = {"machine": _machine()}
    if "extraction" in parts:
        print("extraction ...", file=sys.stderr)
        report["extraction"] = bench_extraction(args.data, args.passes)
    if parts & {"crawl", "scaling"}:
        work = args.work or Path(tempfile.mkdtemp(prefix="newscrawl-bench-"))
        sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
        report.update(bench_crawls(parts, args.pages, sizes, work, args.processes))
    report["seconds"] = round(time.monotonic() - started, 1)
    print_table(report)
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
