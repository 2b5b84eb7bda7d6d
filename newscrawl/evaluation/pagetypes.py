"""Page types: which pages the product calls not an article, and whether it should.

    newscrawl eval pagetypes --data DIR [--data DIR ...]

- A set of real articles (the extraction and metadata benchmarks' layouts): every page that
  gets a not-article verdict is listed with its reason code, and counted. Each is a real
  article lost to the archive: the count should be 0.
- A labelled folder (``pagetypes.json``: {id: label}; the pages beside it, as fixtures:
  ``<id>.html`` + ``<id>.meta.json``, see datasets.py): articles rejected, non-articles
  accepted, and the confusion of labels and verdicts. The label of an article is
  ``article``; any other label (a page type such as ``section`` or ``consent``, or the reason
  code the crawl should count it under, `newscrawl/dropped/not_article/<code>`) says the
  page is not one.
- Any other folder (the dates benchmark's, a folder of pages): the verdicts, listed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .datasets import ARTICLE, PageSet, Prediction, load, predict


def agrees(label: str, found: str) -> bool:
    """Article or not, as labelled (the matrix shows the reasons)."""
    return (label == ARTICLE) == (found == ARTICLE)


@dataclass
class PageTypeReport:
    folder: Path
    layout: str
    pages: int
    verdicts: dict[str, str]  # id -> verdict
    details: dict[str, str]  # id -> the rejection's details (rejected pages)
    urls: dict[str, str]
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def rejected(self) -> list[str]:
        return [i for i, v in self.verdicts.items() if v != ARTICLE]

    @property
    def articles_rejected(self) -> list[str]:
        """Pages known to be articles (by the set, or by their label) that were rejected."""
        if self.labels:
            return [i for i in self.rejected if self.labels.get(i) == ARTICLE]
        return self.rejected if self.layout in ("extraction", "fundus") else []

    @property
    def non_articles_accepted(self) -> list[str]:
        return [i for i, v in self.verdicts.items()
                if v == ARTICLE and self.labels.get(i, ARTICLE) != ARTICLE]

    @property
    def disagreements(self) -> list[str]:
        return [i for i, v in self.verdicts.items()
                if i in self.labels and not agrees(self.labels[i], v)]


def evaluate(pages: PageSet, predictions: dict[str, Prediction]) -> PageTypeReport:
    verdicts = {i: p.verdict for i, p in predictions.items()}
    details = {i: p.not_html or (p.rejection.detail if p.rejection else "")
               for i, p in predictions.items() if p.verdict != ARTICLE}
    return PageTypeReport(pages.folder, pages.layout, len(pages.pages), verdicts, details,
                          {p.id: p.url for p in pages.pages}, dict(pages.labels))


def print_report(report: PageTypeReport, out: TextIO) -> None:
    kind = {"extraction": "real articles", "fundus": "real articles",
            "labelled": "labelled page types"}.get(report.layout, "unlabelled pages")
    rejected = report.rejected
    print(f"{report.folder}: {report.pages} pages ({kind}); not an article: {len(rejected)}",
          file=out)
    if report.layout in ("extraction", "fundus"):
        print(f"  real articles rejected: {len(report.articles_rejected)}", file=out)
    for i in rejected:
        label = f" [label {report.labels[i]}]" if i in report.labels else ""
        detail = f" ({report.details[i]})" if report.details.get(i) else ""
        print(f"  {i}: {report.verdicts[i]}{detail}{label}  {report.urls[i]}", file=out)
    if not report.labels:
        return
    accepted = report.non_articles_accepted
    agree = len(report.labels) - len(report.disagreements)
    print(f"  labelled: {len(report.labels)}; article or not as labelled: {agree}; "
          f"articles rejected: {len(report.articles_rejected)}; non-articles accepted: "
          f"{len(accepted)}", file=out)
    for i in accepted:
        print(f"  {i}: accepted as an article [label {report.labels[i]}]  {report.urls[i]}",
              file=out)
    pairs = Counter((report.labels[i], report.verdicts[i]) for i in report.labels)
    labels = sorted({label for label, _ in pairs})
    found = sorted({v for _, v in pairs})
    width = max(len(x) for x in ["label \\ verdict", *labels, *found])
    print("  " + "label \\ verdict".ljust(width) + "".join(f"  {v:>{len(v)}}" for v in found),
          file=out)
    for label in labels:
        print("  " + label.ljust(width) + "".join(f"  {pairs[label, v]:>{len(v)}}"
                                                for v in found), file=out)


def run(folders: list[Path], out: TextIO) -> list[PageTypeReport]:
    reports = []
    for folder in folders:
        pages = load(folder)
        predictions, _ = predict(pages.pages, "eval pagetypes")
        report = evaluate(pages, predictions)
        print_report(report, out)
        reports.append(report)
    known = [r for r in reports if r.layout in ("extraction", "fundus") or r.labels]
    if len(reports) > 1 and known:
        total = sum(len(r.articles_rejected) for r in known)
        print(f"real articles rejected, all sets: {total}", file=out)
    return reports
