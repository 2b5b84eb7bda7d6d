"""Article-body extraction benchmark: our full cleaning path against a ground truth.

    python -m newscrawl.evaluation.extraction --data DIR [--compare readability]
        [--compare trafilatura] [--worst 10]

DIR holds `ground-truth.json` ({id: {"articleBody", "url"}}) and `html/<id>.html.gz` (or
`.html`). Prints F1 / precision / recall (see metric.py) and pages per second, the worst
pages with their largest missing and extra passages, and, with --compare, the same figures
for readability-lxml and trafilatura measured in the same process.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from lxml import html as lxml_html

from ..errors import MissingExtra, require
from ..progress import Progress
from .metric import WORD_RE, PageCounts, aggregate, page_counts, shingles

Extractor = Callable[[bytes, str], str]


def load_dataset(data_dir: Path) -> list[tuple[str, str, bytes, str]]:
    """[(id, url, html bytes, true body)] in id order."""
    gt = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid in sorted(gt):
        gz = data_dir / "html" / f"{pid}.html.gz"
        raw = gzip.decompress(gz.read_bytes()) if gz.exists() else (
            data_dir / "html" / f"{pid}.html").read_bytes()
        pages.append((pid, gt[pid].get("url") or "", raw, gt[pid].get("articleBody") or ""))
    return pages


def ours_text(html: bytes, url: str) -> str:
    from newscrawl.clean.article import STAGES, build_page, extract_article, finish

    try:
        return extract_article(html, url)["articleBody"] or ""
    except Exception:
        # Keep measuring when one stage (e.g. a module under development) fails: run the
        # stages one by one and skip the failing ones. run() reports the failure count.
        page = build_page(html, url)
        for stage in STAGES.values():
            try:
                stage(page)
            except Exception:
                pass
        ours_text.failures += 1  # type: ignore[attr-defined]
        return finish(page)["articleBody"] or ""


_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr td th section article "
    "header footer figure figcaption dd dt dl main aside nav".split()
)


def _lxml_text(el: Any) -> str:
    """Text of a tree with line breaks at block boundaries (so words never run together)."""
    out: list[str] = []

    def walk(e: Any) -> None:
        block = isinstance(e.tag, str) and e.tag in _BLOCKS
        if block:
            out.append("\n")
        if isinstance(e.tag, str) and e.tag not in ("script", "style") and e.text:
            out.append(e.text)
        for child in e:
            walk(child)
        if block:
            out.append("\n")
        if e.tail:
            out.append(e.tail)

    walk(el)
    return "\n".join(" ".join(line.split()) for line in "".join(out).split("\n")
                     if line.strip())


def _readability(html: bytes, url: str) -> str:
    from readability import Document

    summary = Document(html, url=url).summary(html_partial=True)
    if not summary.strip():
        return ""
    return _lxml_text(lxml_html.fromstring(summary))


def _trafilatura(html: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


COMPARATORS: dict[str, Extractor] = {"readability": _readability, "trafilatura": _trafilatura}


def _available(name: str) -> bool:
    try:
        require_extractor(name)
    except MissingExtra:
        return False
    return True


def require_extractor(name: str) -> None:
    """Raise MissingExtra (one line: the package and the extra that brings it) when the
    extractor asked for is not installed."""
    require({"readability": "readability", "trafilatura": "trafilatura"}[name], "compare",
            f"the {name} comparison")


def uncovered_passages(toks: list[str], other: Counter[tuple[str, ...]], n: int = 4) -> list[str]:
    """Contiguous runs of tokens in `toks` not covered by any shingle shared with `other`
    (multiset-aware, first come first served), longest first."""
    if not toks:
        return []
    avail = Counter(other)
    covered = [False] * len(toks)
    if len(toks) < n:
        if avail[tuple(toks)] > 0:
            return []
        return [" ".join(toks)]
    for i in range(len(toks) - n + 1):
        sh = tuple(toks[i : i + n])
        if avail[sh] > 0:
            avail[sh] -= 1
            for j in range(i, i + n):
                covered[j] = True
    runs: list[tuple[int, int]] = []
    start = None
    for i, c in enumerate(covered + [True]):
        if not c and start is None:
            start = i
        elif c and start is not None:
            runs.append((start, i))
            start = None
    runs.sort(key=lambda r: r[0] - r[1])
    return [" ".join(toks[a:b]) for a, b in runs]


def _excerpt(text: str, words: int = 14) -> str:
    parts = text.split()
    if len(parts) <= words:
        return text
    return " ".join(parts[: words // 2]) + " … " + " ".join(parts[-words // 2 :]) + \
        f" ({len(parts)} words)"


_MODULES = {
    "newscrawl": ("newscrawl.clean.article", "newscrawl.clean.dates"),
    "readability": ("readability",),
    "trafilatura": ("trafilatura",),
}


def _warm_up(name: str) -> None:
    """Import an extractor's modules before the clock starts: speed is per page, not startup."""
    for module in _MODULES.get(name, ()):
        try:
            __import__(module)
        except Exception:
            pass


def _measure(extract: Extractor, pages: Sequence[tuple[str, str, bytes, str]], name: str
             ) -> tuple[dict[str, str], float, int]:
    _warm_up(name)
    preds: dict[str, str] = {}
    errors = 0
    progress = Progress(f"eval extraction ({name})", "pages", total=len(pages))
    t0 = time.perf_counter()
    for pid, url, raw, _ in progress.track(pages):
        try:
            preds[pid] = extract(raw, url)
        except Exception:
            preds[pid] = ""
            errors += 1
    elapsed = time.perf_counter() - t0
    progress.count("errors", errors)
    progress.close()
    return preds, len(pages) / elapsed if elapsed > 0 else 0.0, errors


def run(data_dir: Path, out: TextIO, compare: Sequence[str] = (), worst: int = 10
        ) -> dict[str, Any]:
    """Evaluate on `data_dir`, print a report to `out`, return the figures as a dict:
    {"newscrawl": {f1, precision, recall, pages, pages_per_s, errors}, <compared>: {...},
    "worst": [{id, f1, precision, recall, missing: [...], extra: [...]}]}."""
    pages = load_dataset(Path(data_dir))
    truth = {pid: body for pid, _, _, body in pages}
    ours_text.failures = 0  # type: ignore[attr-defined]
    results: dict[str, Any] = {}
    preds, speed, errors = _measure(ours_text, pages, "newscrawl")
    per_page: dict[str, PageCounts] = {pid: page_counts(truth[pid], preds[pid]) for pid in truth}
    s = aggregate(per_page.values())
    results["newscrawl"] = {**s.as_dict(), "pages_per_s": speed,
                            "errors": errors + ours_text.failures}  # type: ignore[attr-defined]
    for name in compare:
        if name not in COMPARATORS:
            print(f"unknown comparator {name!r} (known: {', '.join(COMPARATORS)})", file=out)
            continue
        require_extractor(name)
        cpreds, cspeed, cerr = _measure(COMPARATORS[name], pages, name)
        cs = aggregate(page_counts(truth[p], cpreds.get(p)) for p in truth)
        results[name] = {**cs.as_dict(), "pages_per_s": cspeed, "errors": cerr}

    print(f"{len(pages)} pages from {data_dir}", file=out)
    print(f"{'extractor':<14} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8} {'errors':>6}", file=out)
    for name, r in results.items():
        print(f"{name:<14} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
              f"{r['pages_per_s']:8.1f} {r['errors']:6d}", file=out)

    def page_f1(c: PageCounts) -> float:
        return 2 * c.tp / (2 * c.tp + c.fp + c.fn) if c.tp + c.fp + c.fn else 1.0

    ranked = sorted(per_page, key=lambda p: page_f1(per_page[p]))[:worst]
    results["worst"] = []
    if ranked:
        print(f"\nworst {len(ranked)} pages:", file=out)
    for pid in ranked:
        c = per_page[pid]
        t_toks, p_toks = WORD_RE.findall(truth[pid]), WORD_RE.findall(preds[pid])
        missing = uncovered_passages(t_toks, shingles(p_toks))[:3]
        extra = uncovered_passages(p_toks, shingles(t_toks))[:3]
        url = next(u for i, u, _, _ in pages if i == pid)
        results["worst"].append({"id": pid, "url": url, "f1": page_f1(c),
                                 "precision": c.precision, "recall": c.recall,
                                 "missing": missing, "extra": extra})
        prec = f"{c.precision:.2f}" if c.precision is not None else "-"
        rec = f"{c.recall:.2f}" if c.recall is not None else "-"
        print(f"- {pid} F1 {page_f1(c):.2f} P {prec} R {rec}  {url}", file=out)
        for m in missing:
            print(f"    missing: {_excerpt(m)}", file=out)
        for e in extra:
            print(f"    extra:   {_excerpt(e)}", file=out)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newscrawl.evaluation.extraction",
                                 description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="benchmark split directory")
    ap.add_argument("--compare", action="append", default=[], choices=sorted(COMPARATORS),
                    help="also run this extractor (repeatable)")
    ap.add_argument("--worst", type=int, default=10, help="how many worst pages to show")
    ap.add_argument("--json-out", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    results = run(args.data, sys.stdout, args.compare, args.worst)
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
