"""Publication-date evaluation: `extract_article` over a labelled page set, scored by day.

    newscrawl eval dates --data DIR [--by subset] [--errors N] [--pred-out FILE]

Data layout (one directory): ``pages/<id>.html.gz``, ``ground_truth.json``
(``{id: "YYYY-MM-DD" | null}``, null = the page has no identifiable date) and ``meta.json``
(``{id: {"url": ..., "subset": ..., "site": ...}}``). Metrics (strict: abstaining is allowed
but never rewarded on a dated page; a predicted date-time counts by its first 10 characters,
the publisher's day), as ../shared/tools/score_dates.py computes them:

    accuracy  = (correct + undated_ok) / N
    precision = correct / answered
    recall    = correct / dated
    coverage  = answered / N

``--by FIELD`` adds the figures per value of a meta.json field (``subset``: bbaw, the
German and English web pages, and mediacloud, news from around the world).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, TextIO

from .datasets import load, predict
from .date_errors import classify_set, report_set


def records(data_dir: Path) -> tuple[dict[str, dict[str, Any]], dict[str, Any], float]:
    """extract_article on every page: {id: {date, source, raw}}, meta.json, pages/s."""
    pages = load(data_dir)
    if pages.layout != "dates":
        raise SystemExit(f"{data_dir}: not a dates set (meta.json, ground_truth.json, pages/)")
    predictions, speed = predict(pages.pages, "eval dates")
    out = {}
    for page_id, prediction in predictions.items():
        item = prediction.item
        out[page_id] = {"date": item.get("datePublished"),
                        "source": (item.get("metadata") or {}).get("sources", {})
                        .get("datePublished"),
                        "raw": item.get("datePublishedRaw")}
    return out, pages.meta, speed


def score(gold: dict[str, str | None], pred: dict[str, str | None],
          ids: list[str] | None = None) -> dict[str, Any]:
    counts = dict(correct=0, wrong=0, missed=0, undated_ok=0, undated_false=0)
    for page_id in sorted(gold) if ids is None else ids:
        truth = gold[page_id]
        guess = pred.get(page_id)
        guess = guess[:10] if isinstance(guess, str) and guess.strip() else None
        if truth is None:
            counts["undated_ok" if guess is None else "undated_false"] += 1
        elif guess is None:
            counts["missed"] += 1
        else:
            counts["correct" if guess == truth else "wrong"] += 1
    n = sum(counts.values())
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


def by_group(gold: dict[str, str | None], pred: dict[str, str | None],
             meta: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    """The metrics per value of meta.json's `key` (pages without it: "?")."""
    groups: dict[str, list[str]] = defaultdict(list)
    for page_id in sorted(gold):
        groups[str((meta.get(page_id) or {}).get(key, "?"))].append(page_id)
    return {name: score(gold, pred, ids) for name, ids in sorted(groups.items())}


def _line(label: str, m: dict[str, Any]) -> str:
    return (f"{label:<17} pages {m['n']:>4}  accuracy {m['accuracy']:.3f}"
            f"  precision {m['precision']:.3f}  recall {m['recall']:.3f}"
            f"  coverage {m['coverage']:.3f}  (correct {m['correct']}, wrong {m['wrong']},"
            f" missed {m['missed']}, undated_ok {m['undated_ok']},"
            f" undated_false {m['undated_false']})")


def run(
    data_dir: Path, out: TextIO, errors: int = 20, pred_out: Path | None = None,
    by: str | None = None,
) -> dict[str, Any]:
    """Predict, score, print a summary (per group with `by`) and the wrong answers; return
    the metrics ({"groups": {...}} added with `by`)."""
    data_dir = Path(data_dir)
    gold = json.loads((data_dir / "ground_truth.json").read_text(encoding="utf-8"))
    recs, meta, speed = records(data_dir)
    pred = {k: v["date"] for k, v in recs.items()}
    if pred_out is not None:
        Path(pred_out).write_text(json.dumps(pred, indent=1, sort_keys=True), encoding="utf-8")
    metrics = score(gold, pred)
    metrics["pages_per_s"] = speed
    print(_line("all", metrics) + f"  {speed:.1f} pages/s", file=out)
    if by:
        metrics["groups"] = by_group(gold, pred, meta, by)
        for name, m in metrics["groups"].items():
            print(_line(f"{by}={name}", m), file=out)
    wrong = [
        (k, gold[k], recs[k])
        for k in sorted(gold)
        if recs.get(k, {}).get("date") and (recs[k]["date"][:10] != gold[k])
    ]
    if errors and wrong:
        print(f"wrong answers ({len(wrong)}), first {errors}:", file=out)
        for page_id, truth, rec in wrong[:errors]:
            print(
                f"  {page_id}: {truth} -> {rec['date']}  [{rec['source']}] {rec['raw']!r}", file=out
            )
    classes = classify_set(data_dir, gold, recs)
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
    ap.add_argument("--by", help="also score per value of this meta.json field (subset)")
    args = ap.parse_args(argv)
    run(args.data, sys.stdout, errors=args.errors, pred_out=args.pred_out, by=args.by)
    return 0


if __name__ == "__main__":
    sys.exit(main())
