"""The extraction comparison of `newscrawl bench`: newscrawl.extract_article, readability-lxml
alone and trafilatura on the same input, in one process.

Fairness rules (issue 19):
- every extractor gets the same input: the page decoded once, before timing, to a `str`
  (with newscrawl.clean.document.decode_html: the HTTP-less w3lib reading every crawl
  does), or, with `--input bytes`, the raw bytes (all three accept bytes; readability then
  sniffs the charset itself, which costs it ~15 ms a page);
- interleaved page by page, the extractors' order rotating from page to page, so a burst of
  load on the shared machine hits all of them alike;
- several rounds: medians and the spread (min-max) over rounds, of wall time and of CPU
  time (time.process_time: what the process itself spent, whatever else runs);
- ratios per round (ours against each other in the same round), then their median and
  spread, so that a slow round does not favour anyone.
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Extractor = Callable[[Any, str], str]


def load_pages(folders: list[Path]) -> list[tuple[str, str, bytes, str | None]]:
    """[(id, url, body bytes, true body or None)] from benchmark folders of three layouts:
    the article-extraction benchmark (ground-truth.json {id: {url, articleBody}} + html/),
    Fundus (ground-truth.json {id: {url, body_blocks}} + html/) and the dates set
    (meta.json {id: {url}} + pages/, no body truth)."""
    pages = []
    for folder in folders:
        truth_file, meta_file = folder / "ground-truth.json", folder / "meta.json"
        if truth_file.exists():
            entries, html_dir = json.loads(truth_file.read_text(encoding="utf-8")), "html"
        elif meta_file.exists():
            entries, html_dir = json.loads(meta_file.read_text(encoding="utf-8")), "pages"
        else:
            raise SystemExit(f"{folder}: neither ground-truth.json nor meta.json")
        for pid in sorted(entries):
            entry = entries[pid]
            gz = folder / html_dir / f"{pid}.html.gz"
            body = gzip.decompress(gz.read_bytes()) if gz.exists() else (
                folder / html_dir / f"{pid}.html").read_bytes()
            truth = entry.get("articleBody")
            if truth is None and isinstance(entry.get("body_blocks"), list):
                truth = "\n\n".join(entry["body_blocks"])
            pages.append((f"{folder.name}/{pid}", entry.get("url") or "", body, truth))
    return pages


def extractors() -> dict[str, Extractor]:
    from ..clean.article import extract_article, warm_up
    from ..evaluation.extraction import COMPARATORS, _available

    warm_up()  # first-call costs (lazy imports, dateparser's tables) are not per page

    def ours(html: Any, url: str) -> str:
        return extract_article(html, url)["articleBody"] or ""

    found: dict[str, Extractor] = {"newscrawl": ours}
    for name in ("readability", "trafilatura"):
        if _available(name):
            found[name] = COMPARATORS[name]
        else:
            print(f"{name} not installed (pip install -e '.[bench]'): skipped", file=sys.stderr)
    return found


def _spread(values: list[float], digits: int = 2) -> dict[str, Any]:
    return {"median": round(statistics.median(values), digits),
            "min": round(min(values), digits), "max": round(max(values), digits)}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_extraction(folders: list[Path], rounds: int, as_bytes: bool = False) -> dict[str, Any]:
    from ..clean.document import decode_html
    from ..evaluation.metric import aggregate, page_counts

    pages = load_pages(folders)
    # The one decoding, outside the timing: every extractor reads the same text.
    inputs = [body if as_bytes else decode_html(body)[0] for _pid, _url, body, _t in pages]
    found = extractors()
    names = list(found)
    for name in names:  # warm-up, not measured
        for (_pid, url, _b, _t), html in list(zip(pages, inputs, strict=True))[:10]:
            found[name](html, url)
    wall = {n: [[0.0] * len(pages) for _ in range(rounds)] for n in names}
    cpu = {n: [[0.0] * len(pages) for _ in range(rounds)] for n in names}
    bodies: dict[str, list[str]] = {n: [""] * len(pages) for n in names}
    failures = dict.fromkeys(names, 0)
    for r in range(rounds):
        for i, ((_pid, url, _b, _t), html) in enumerate(zip(pages, inputs, strict=True)):
            k = (i + r) % len(names)
            for name in names[k:] + names[:k]:  # rotating order
                w, c = time.perf_counter(), time.process_time()
                try:
                    text = found[name](html, url)
                except Exception:
                    text = ""
                    failures[name] += r == 0
                cpu[name][r][i] = time.process_time() - c
                wall[name][r][i] = time.perf_counter() - w
                bodies[name][i] = text
    result: dict[str, Any] = {
        "pages": len(pages), "rounds": rounds, "input": "bytes" if as_bytes else "str",
        "data": [str(f) for f in folders], "extractors": {}, "ratios": {},
    }
    scored = [(truth, i) for i, (_p, _u, _b, truth) in enumerate(pages) if truth is not None]
    for name in names:
        per_page = [1000 * statistics.median(wall[name][r][i] for r in range(rounds))
                    for i in range(len(pages))]
        f1 = aggregate(page_counts(truth, bodies[name][i]) for truth, i in scored).f1
        result["extractors"][name] = {
            "pages_per_s": _spread([len(pages) / sum(wall[name][r]) for r in range(rounds)], 1),
            "cpu_ms_per_page": _spread([1000 * sum(cpu[name][r]) / len(pages)
                                        for r in range(rounds)]),
            "p50_ms": round(_percentile(per_page, 0.5), 2),
            "p90_ms": round(_percentile(per_page, 0.9), 2),
            "f1": round(f1, 3), "f1_pages": len(scored), "failures": failures[name],
        }
    for other in names[1:]:
        result["ratios"][other] = {
            "wall": _spread([sum(wall[other][r]) / sum(wall["newscrawl"][r])
                             for r in range(rounds)]),
            "cpu": _spread([sum(cpu[other][r]) / sum(cpu["newscrawl"][r])
                            for r in range(rounds)]),
        }
    return result


def print_extraction(ex: dict[str, Any]) -> None:
    print(f"\nextraction: {ex['pages']} pages ({', '.join(ex['data'])}), input {ex['input']}, "
          f"{ex['rounds']} rounds interleaved page by page; median [min-max] over rounds")
    print(f"{'extractor':<12} {'pages/s':>20} {'CPU ms/page':>22} {'p50 ms':>7} {'p90 ms':>7} "
          f"{'F1':>6}")
    for name, r in ex["extractors"].items():
        pps, c = r["pages_per_s"], r["cpu_ms_per_page"]
        print(f"{name:<12} {pps['median']:7.1f} [{pps['min']:5.1f}-{pps['max']:5.1f}] "
              f"{c['median']:8.2f} [{c['min']:5.2f}-{c['max']:5.2f}] {r['p50_ms']:7.2f} "
              f"{r['p90_ms']:7.2f} {r['f1']:6.3f}")
    for other, r in ex["ratios"].items():
        w, c = r["wall"], r["cpu"]
        print(f"newscrawl vs {other}: {w['median']:.2f}x wall [{w['min']:.2f}-{w['max']:.2f}], "
              f"{c['median']:.2f}x CPU [{c['min']:.2f}-{c['max']:.2f}]")
