"""The article-body metric of the public extraction benchmark, reimplemented.

Text -> runs of word characters (regex ``\\w+``, case kept) -> multiset of 4-token shingles
(a text of 1..3 tokens gives one shorter shingle, an empty text none). Per page: TP, FP, FN
over the multisets. Precision is the mean of TP/(TP+FP) over pages with a non-empty
prediction, recall the mean of TP/(TP+FN) over pages with a non-empty truth, and F1 is the
harmonic mean of those two macro averages (not a mean of per-page F1).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

NGRAM = 4
WORD_RE = re.compile(r"\w+")


def tokens(text: str | None) -> list[str]:
    return WORD_RE.findall(text or "")


def shingles(toks: Sequence[str], n: int = NGRAM) -> Counter[tuple[str, ...]]:
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True)
class PageCounts:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        """None when the prediction is empty (the page does not count for precision)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """None when the truth is empty (the page does not count for recall)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def page_counts(truth: str | None, pred: str | None, n: int = NGRAM) -> PageCounts:
    t = shingles(tokens(truth), n)
    p = shingles(tokens(pred), n)
    return PageCounts(
        tp=sum((t & p).values()), fp=sum((p - t).values()), fn=sum((t - p).values())
    )


@dataclass(frozen=True)
class Scores:
    f1: float
    precision: float
    recall: float
    pages: int

    def as_dict(self) -> dict[str, float]:
        return {"f1": self.f1, "precision": self.precision, "recall": self.recall,
                "pages": self.pages}


def aggregate(counts: Iterable[PageCounts]) -> Scores:
    counts = list(counts)
    precs = [c.precision for c in counts if c.precision is not None]
    recs = [c.recall for c in counts if c.recall is not None]
    # An empty list scores 0 (the upstream scorer would raise).
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return Scores(f1=f1, precision=p, recall=r, pages=len(counts))


def score(truth: dict[str, str], pred: dict[str, str]) -> Scores:
    """Score {id: text} predictions against {id: text} truth; a missing prediction is empty."""
    return aggregate(page_counts(truth[k], pred.get(k)) for k in sorted(truth))
