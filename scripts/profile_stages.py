"""Where extract_article's time goes, stage by stage: CPU time (`time.process_time`) of
building the page, each cleaning stage (article.STAGES) and finishing, per page, the best of
--rounds passes (the first pass fills the per-class caches), averaged over the pages.

    D=../shared/data
    .venv/bin/python scripts/profile_stages.py --data $D/article-extraction-benchmark/dev \
        --data $D/fundus/dev --data $D/dates/dev --rounds 3

Pages are decoded first, as `newscrawl bench` gives extractors a `str`. For the functions
inside a stage, run it under py-spy: `py-spy record -r 200 -f raw -o out.txt -- <this>`.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

from newscrawl.clean.article import STAGES, build_page, finish
from newscrawl.clean.charset import decode_html
from newscrawl.evaluation.datasets import load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", action="append", required=True, type=Path,
                        help="a dev folder (any layout newscrawl eval reads); repeatable")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    pages = [(decode_html(p.html())[0], p.url, p.context)
             for folder in args.data for p in load(folder).pages]
    names = ["building the page", *(str(stage) for stage in STAGES), "finishing"]
    best = {name: [math.inf] * len(pages) for name in names}
    clock = time.process_time
    for _ in range(args.rounds):
        for n, (html, url, context) in enumerate(pages):
            start = clock()
            page = build_page(html, url, **context)
            timings = [clock() - start]
            for run in STAGES.values():
                start = clock()
                run(page)
                timings.append(clock() - start)
            start = clock()
            finish(page)
            timings.append(clock() - start)
            for name, seconds in zip(names, timings, strict=True):
                best[name][n] = min(best[name][n], seconds)

    total = 0.0
    for name in names:
        ms = 1000 * sum(best[name]) / len(pages)
        total += ms
        print(f"{name:18} {ms:6.2f} ms")
    print(f"{'total':18} {total:6.2f} ms a page, {len(pages)} pages, best of {args.rounds}")


if __name__ == "__main__":
    main()
