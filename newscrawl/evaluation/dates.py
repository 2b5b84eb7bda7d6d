"""Publication-date evaluation: run the date stage over a labelled page set and score it.

Data layout (one directory): ``pages/<id>.html.gz``, ``ground_truth.json``
(``{id: "YYYY-MM-DD" | null}``, null = the page has no identifiable date) and ``meta.json``
(``{id: {"url": ...}}``). Metrics (strict: abstaining is allowed but never rewarded on a
dated page; a predicted date-time counts by its first 10 characters, the publisher's day):

    accuracy  = (correct + undated_ok) / N
    precision = correct / answered
    recall    = correct / dated
    coverage  = answered / N

Usage: ``python -m newscrawl.evaluation.dates --data DIR [--pred-out FILE] [--errors N]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from ..clean.article import run_stage
from ..clean.codes import Stage
from ..clean.document import NotHTML, load_document
from ..clean.page import Page
from ..clean.structured import read_structured
from ..progress import Progress
from .date_errors import classify_set, report_set


def predict(data_dir: Path) -> tuple[dict[str, dict[str, Any]], float]:
    """Run the date stage on every page: {id: {date, source, raw}} and ms per page spent
    in find_dates (parsing excluded)."""
    meta = json.loads((data_dir / "meta.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, Any]] = {}
    spent = 0.0
    progress = Progress("eval dates", "pages", total=len(meta))
    for page_id in progress.track(sorted(meta)):
        url = meta[page_id].get("url") or ""
        path = data_dir / "pages" / f"{page_id}.html.gz"
        record: dict[str, Any] = {"date": None, "source": None, "raw": None}
        try:
            root, encoding = load_document(gzip.decompress(path.read_bytes()), None)
        except (OSError, NotHTML, EOFError):
            out[page_id] = record
            progress.count("unreadable")
            continue
        page = Page(url=url, root=root, encoding=encoding, structured=read_structured(root, url))
        start = time.perf_counter()
        run_stage(page, Stage.DATES)  # a failure is logged and leaves the page undated
        spent += time.perf_counter() - start
        value = page.fields.get("datePublished")
        record.update(
            date=value,
            source=page.sources.get("datePublished"),
            raw=page.fields.get("datePublishedRaw"),
        )
        out[page_id] = record
        progress.count("dated" if value else "undated")
    progress.close()
    return out, 1000 * spent / max(1, len(meta))


def score(gold: dict[str, str | None], pred: dict[str, str | None]) -> dict[str, Any]:
    counts = dict(correct=0, wrong=0, missed=0, undated_ok=0, undated_false=0)
    for page_id, truth in gold.items():
        guess = pred.get(page_id)
        guess = guess[:10] if isinstance(guess, str) and guess.strip() else None
        if truth is None:
            counts["undated_ok" if guess is None else "undated_false"] += 1
        elif guess is None:
            counts["missed"] += 1
        else:
            counts["correct" if guess == truth else "wrong"] += 1
    n = len(gold)
    dated = counts["correct"] + counts["wrong"] + counts["missed"]
    answered = counts["correct"] + counts["wrong"] + counts["undated_false"]

    def div(a: int, b: int) -> float:
        return a / b if b else float("nan")

    return {
        "n": n,
        "dated": dated,
        "answered": answered,
        **counts,
        "accuracy": div(counts["correct"] + counts["undated_ok"], n),
        "precision": div(counts["correct"], answered),
        "recall": div(counts["correct"], dated),
        "coverage": div(answered, n),
    }


def run(
    data_dir: Path, out: TextIO, errors: int = 20, pred_out: Path | None = None
) -> dict[str, Any]:
    """Predict, score, print a summary and the wrong answers; return the metrics."""
    data_dir = Path(data_dir)
    gold = json.loads((data_dir / "ground_truth.json").read_text(encoding="utf-8"))
    records, ms = predict(data_dir)
    pred = {k: v["date"] for k, v in records.items()}
    if pred_out is not None:
        Path(pred_out).write_text(json.dumps(pred, indent=1, sort_keys=True), encoding="utf-8")
    metrics = score(gold, pred)
    metrics["ms_per_page"] = ms
    print(
        f"pages {metrics['n']}  accuracy {metrics['accuracy']:.3f}"
        f"  precision {metrics['precision']:.3f}"
        f"  recall {metrics['recall']:.3f}  coverage {metrics['coverage']:.3f}"
        f"  (correct {metrics['correct']}, wrong {metrics['wrong']}, missed {metrics['missed']},"
        f" undated_ok {metrics['undated_ok']}, undated_false {metrics['undated_false']})"
        f"  {ms:.2f} ms/page",
        file=out,
    )
    wrong = [
        (k, gold[k], records[k])
        for k in sorted(gold)
        if records.get(k, {}).get("date") and (records[k]["date"][:10] != gold[k])
    ]
    if errors and wrong:
        print(f"wrong answers ({len(wrong)}), first {errors}:", file=out)
        for page_id, truth, rec in wrong[:errors]:
            print(
                f"  {page_id}: {truth} -> {rec['date']}  [{rec['source']}] {rec['raw']!r}", file=out
            )
    classes = classify_set(data_dir, gold, records)
    metrics["error_classes"] = {k: str(v.name) for k, v in classes.items()}
    print(f"errors by class ({len(classes)}; by subset where meta.json has one):", file=out)
    print("\n".join(report_set(data_dir, classes)), file=out)
    return metrics


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--data",
        type=Path,
        required=True,
        help="directory with pages/, ground_truth.json, meta.json",
    )
    ap.add_argument("--pred-out", type=Path, help="write predictions {id: date|null} as JSON")
    ap.add_argument("--errors", type=int, default=20, help="list up to N wrong answers")
    args = ap.parse_args(argv)
    run(args.data, sys.stdout, errors=args.errors, pred_out=args.pred_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
